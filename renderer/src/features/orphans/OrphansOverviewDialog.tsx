import { useQuery } from '@tanstack/react-query';
import type { AnchorReviewItem as Orphan } from '../../../../shared/api/contract-annotate';
import { api } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { errorText } from '../../components/status-context';
import './orphans.css';

interface OrphansOverviewDialogProps {
  onOpenArticle(articleId: string): void;
  onClose(): void;
}

/** Orphans grouped by article, in the order the core lists them. */
function byArticle(orphans: Orphan[]): { articleId: string; title: string; orphans: Orphan[] }[] {
  const groups = new Map<string, { articleId: string; title: string; orphans: Orphan[] }>();
  for (const o of orphans) {
    const group = groups.get(o.articleId) ?? { articleId: o.articleId, title: o.articleTitle, orphans: [] };
    group.orphans.push(o);
    groups.set(o.articleId, group);
  }
  return [...groups.values()];
}

/**
 * Every claim in the notebook that lost its place after an edit to its article's text, by
 * article. Opening an article shows its review, where each is accepted, re-selected or deleted.
 */
export function OrphansOverviewDialog({ onOpenArticle, onClose }: OrphansOverviewDialogProps) {
  const orphans = useQuery({ queryKey: ['orphans', 'all'], queryFn: () => api.listAnchorReview({}) });
  const groups = byArticle(orphans.data ?? []);
  return (
    <Dialog title="Claims to re-anchor" onClose={onClose} testId="orphans-overview" close={{ label: 'Close' }}>
      {orphans.isLoading && <p>Looking through the notebook…</p>}
      {orphans.error && (
        <p className="form-error" role="alert">
          The claims to review could not be listed: {errorText(orphans.error)}
        </p>
      )}
      {orphans.data && groups.length === 0 && <p>Every claim in the notebook is anchored in its article’s text. Nothing to review.</p>}
      {groups.length > 0 && (
        <>
          <p>
            Edits to these articles’ text left {orphans.data?.length === 1 ? '1 claim' : `${orphans.data?.length} claims`} without a confident place
            (lost, or placed on doubtful evidence). Open an article to confirm, accept the closest match, re-select the passage or delete each claim.
          </p>
          <ul className="report-list orphans-overview" aria-label="Articles with claims to review" tabIndex={0}>
            {groups.map((g) => (
              <li key={g.articleId}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onOpenArticle(g.articleId);
                    onClose();
                  }}
                >
                  {g.title}
                </button>{' '}
                <span className="muted">({g.orphans.length === 1 ? '1 claim' : `${g.orphans.length} claims`})</span>
                <ul>
                  {g.orphans.slice(0, 3).map((o) => (
                    <li key={o.claim.id}>
                      {o.state === 'needs-review' && <span className="anchor-badge anchor-badge--needs-review">needs review</span>}{' '}
                      <q>{o.previous.exact.length > 120 ? `${o.previous.exact.slice(0, 119)}…` : o.previous.exact}</q>
                    </li>
                  ))}
                  {g.orphans.length > 3 && <li className="muted">and {g.orphans.length - 3} more</li>}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
