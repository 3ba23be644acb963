import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PositionCell, PositionsFilter, PositionsMap } from '../../../../shared/api/contract-positions';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { formatDate } from '../../components/format-date';
import { plural } from '../../components/plural';
import { errorText } from '../../components/status-context';
import type { CodebookLookup } from '../claims/codebook-lookup';
import { StanceTimeline } from './StanceTimeline';
import { shiftText, stanceCountsText } from './position-text';

interface PositionDetailProps {
  cell: PositionCell;
  period: PositionsMap['period'];
  filter: PositionsFilter;
  lookup: CodebookLookup;
  onOpenClaim(articleId: string, claimId: string): void;
  onClose(): void;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A timeline period as the axis writes it: a day, a month or a year. */
export function periodLabel(period: string): string {
  if (period.length === 10) return formatDate(period, 'short');
  if (period.length === 7) return MONTH.format(new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1)));
  return period;
}

/**
 * One actor's position on one issue, in a drawer beside the table: the stances counted, the
 * position on each proposition (with shifts), the stance over time per period, and the claims
 * that record it (only this cell's are fetched), each a click from its place in the article.
 * Esc closes it and returns to the cell.
 */
export function PositionDetail({ cell, period, filter, lookup, onOpenClaim, onClose }: PositionDetailProps) {
  // Claims of one proposition, or all ('' is claims without one).
  const [only, setOnly] = useState<string | undefined>(undefined);
  const claims = useQuery({
    queryKey: [...keys.positions, 'claims', cell.issueId, cell.actorId, only ?? null, filter],
    queryFn: () =>
      api.getPositionClaims({ ...filter, issueId: cell.issueId, actorId: cell.actorId, ...(only !== undefined ? { proposition: only } : {}) }),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const actor = lookup.actor(cell.actorId)?.name ?? cell.actorId;
  const issue = cell.issueId ? lookup.issuePath(cell.issueId) || cell.issueId : 'No issue';
  const values = lookup.scale.map((s) => s.value);
  const range = { min: Math.min(0, ...values), max: Math.max(0, ...values) };
  const by = period === 'day' ? 'day' : period === 'month' ? 'month' : 'year';
  const timelineLabel = cell.timeline
    .map(
      (p) =>
        `${periodLabel(p.period)}: ${Object.entries(p.stanceCounts)
          .map(([id, n]) => `${n} ${lookup.stance(id)?.label ?? 'unknown stance'}`)
          .join(', ')}`,
    )
    .join('; ');
  const more = cell.propositionCount - cell.propositions.length;
  return (
    <aside
      className="position-detail"
      aria-labelledby="position-detail-title"
      data-testid="position-detail"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="position-detail__head">
        <h3 id="position-detail-title" ref={heading} tabIndex={-1}>
          {actor} on {issue}
        </h3>
        <button type="button" className="button button--small button--quiet" onClick={onClose} aria-label="Close the position (Esc)">
          Close
        </button>
      </div>
      <p className="position-detail__counts">
        {plural(cell.claimCount, 'claim')}: {stanceCountsText(cell, lookup)}
      </p>

      <h4 className="position-detail__sub">Propositions</h4>
      <ul className="position-detail__props">
        {cell.propositions.map((p) => {
          const s = lookup.stance(p.latestStanceId);
          return (
            <li key={p.proposition} style={{ '--stance': s?.color ?? '#8a8a8a' } as CSSProperties}>
              <button
                type="button"
                className="link-button"
                aria-pressed={only === p.proposition}
                onClick={() => setOnly(only === p.proposition ? undefined : p.proposition)}
              >
                {p.proposition || 'No proposition'}
              </button>{' '}
              <span className="stance-chip">
                <span className="stance-dot" aria-hidden="true" />
                {s?.label ?? 'no stance'}
              </span>{' '}
              <span className="muted">({plural(p.claimCount, 'claim')})</span>
              {p.shift && (
                <span className="position-shift position-shift--block">
                  shifted {shiftText(p.shift, lookup)}, {formatDate(p.shift.since, 'short')} to {formatDate(p.shift.until, 'short')}
                </span>
              )}
            </li>
          );
        })}
        {more > 0 && <li className="muted">and {more} more, in the claims below</li>}
      </ul>

      {cell.timeline.length === 1 && cell.timeline[0] && (
        <p className="muted">
          Every dated claim falls in {period === 'day' ? 'one day' : period === 'month' ? 'one month' : 'one year'}:{' '}
          {periodLabel(cell.timeline[0].period)}.
        </p>
      )}
      {cell.timeline.length > 1 && (
        <>
          <h4 className="position-detail__sub">Over time, by {by}</h4>
          <StanceTimeline
            periods={cell.timeline}
            stance={(id) => lookup.stance(id)}
            range={range}
            label={`Stance over time, by ${by}: ${timelineLabel}`}
            periodLabel={periodLabel}
          />
        </>
      )}

      <h4 className="position-detail__sub">{only === undefined ? 'Claims' : `Claims on “${only || 'no proposition'}”`}</h4>
      {only !== undefined && (
        <button type="button" className="link-button" onClick={() => setOnly(undefined)}>
          Show all claims
        </button>
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
                <li key={c.claimId} className="position-claim" style={{ '--stance': s?.color ?? '#8a8a8a' } as CSSProperties}>
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
                    {c.needsReview && (
                      <span className="position-claim__orphan" title="Placed after an edit of the article; not yet confirmed">
                        {' '}
                        · needs review
                      </span>
                    )}
                  </p>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </aside>
  );
}
