import { useQuery } from '@tanstack/react-query';
import type { PositionCell, PositionsFilter } from '../../../../shared/api/contract-positions';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { formatDate } from '../../components/format-date';
import { errorText } from '../../components/status-context';
import type { CodebookLookup } from '../claims/codebook-lookup';
import { StanceTimeline } from './StanceTimeline';

interface PositionDetailProps {
  cell: PositionCell;
  filter: PositionsFilter;
  lookup: CodebookLookup;
  onOpenClaim(articleId: string, claimId: string): void;
  onClose(): void;
}

/** One actor's position on one issue: over time, and the claims that record it, each a click from its article. */
export function PositionDetail({ cell, filter, lookup, onOpenClaim, onClose }: PositionDetailProps) {
  const claims = useQuery({
    queryKey: [...keys.positions, 'claims', cell.issueId, cell.actorId, filter],
    queryFn: () => api.getPositionClaims({ ...filter, issueId: cell.issueId, actorId: cell.actorId }),
  });
  const actor = lookup.actor(cell.actorId)?.name ?? cell.actorId;
  const issue = cell.issueId ? lookup.issuePath(cell.issueId) || cell.issueId : 'No issue';
  const values = lookup.scale.map((s) => s.value);
  const range = { min: Math.min(0, ...values), max: Math.max(0, ...values) };
  const timelineLabel = cell.timeline.map(([d, s]) => `${d} ${lookup.stance(s)?.label ?? 'no stance'}`).join('; ');
  return (
    <section className="position-detail" aria-labelledby="position-detail-title" data-testid="position-detail">
      <div className="position-detail__head">
        <h3 id="position-detail-title">
          {actor} on {issue}
        </h3>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
      {cell.timeline.length >= 2 && (
        <StanceTimeline points={cell.timeline} stance={(id) => lookup.stance(id)} range={range} label={`Stance over time: ${timelineLabel}`} />
      )}
      {claims.isLoading && <p>Loading the claims…</p>}
      {claims.error && (
        <p className="form-error" role="alert">
          The claims could not be loaded: {errorText(claims.error)}
        </p>
      )}
      {claims.data && (
        <>
          {claims.data.total > claims.data.claims.length && (
            <p className="muted">
              The latest {claims.data.claims.length} of {claims.data.total} claims.
            </p>
          )}
          <ol className="position-claims" aria-label={`Claims of ${actor} on ${issue}, oldest first`}>
            {claims.data.claims.map((c) => {
              const s = lookup.stance(c.stanceId);
              return (
                <li key={c.claimId} className="position-claim" style={{ '--stance': s?.color ?? '#8a8a8a' } as React.CSSProperties}>
                  <p className="position-claim__facts">
                    <span className="stance-chip">
                      <span className="stance-dot" aria-hidden="true" />
                      {s?.label ?? 'no stance'}
                    </span>
                    {c.proposition && <em>{c.proposition}</em>}
                    {c.speaker && <span>· {c.speaker}</span>}
                  </p>
                  <blockquote className="position-claim__quote">“{c.quote}”</blockquote>
                  <p className="position-claim__source">
                    {c.publishedAt ? <time dateTime={c.publishedAt}>{formatDate(c.publishedAt)}</time> : 'Undated'}
                    {c.source && <> · {c.source}</>} ·{' '}
                    <button type="button" className="link-button" onClick={() => onOpenClaim(c.articleId, c.claimId)}>
                      {c.articleTitle}
                    </button>
                    {c.anchorStatus === 'orphaned' && <span className="position-claim__orphan"> · orphaned</span>}
                    {c.needsReview && <span className="position-claim__orphan" title="Placed after an edit of the article; not yet confirmed"> · needs review</span>}
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
