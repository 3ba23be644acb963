import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../../components/format-date';
import { api } from '../../api/client';

/** The article's earlier texts: which revision, when it was replaced, how long it was. */
export function RevisionList({ articleId }: { articleId: string }) {
  const revisions = useQuery({
    // Under the article's key, so a revision (or its undo) refreshes the list.
    queryKey: ['article', articleId, 'revisions'],
    queryFn: () => api.getArticleRevisions({ articleId }),
  });
  if (revisions.isLoading) return <p className="muted">Loading the earlier versions…</p>;
  if (revisions.error) return <p className="form-error">The earlier versions could not be listed: {revisions.error.message}</p>;
  const data = revisions.data;
  if (!data) return null;
  return (
    <section className="revision-list" aria-labelledby="revision-list-title">
      <h3 id="revision-list-title" className="revision-list__title">
        Versions of the text <span className="muted">(now revision {data.rev})</span>
      </h3>
      {data.revisions.length === 0 ? (
        <p className="muted">This is the text as it was imported; it has not been edited yet.</p>
      ) : (
        <table className="revision-table" data-testid="revision-table">
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Replaced</th>
              <th scope="col">Length</th>
            </tr>
          </thead>
          <tbody>
            {[...data.revisions].reverse().map((r) => (
              <tr key={r.rev}>
                <td>{r.rev}</td>
                <td>
                  <time dateTime={r.replacedAt}>{formatDateTime(r.replacedAt)}</time>
                </td>
                <td>{r.length.toLocaleString('en-GB')} characters</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
