import type { Orphan } from '../../../../shared/api/contract-annotate';
import { describeClaim, type CodebookLookup } from '../claims/codebook-lookup';

interface OrphanCardProps {
  orphan: Orphan;
  lookup: CodebookLookup;
  busy: boolean;
  onAccept(): void;
  onReselect(): void;
  onDelete(): void;
}

/** Context is cut at a fixed length; show it from the first whole word, up to the last one. */
function wholeWordsAfter(prefix: string): string {
  return prefix.length >= 24 ? prefix.replace(/^\S*\s+/, '') : prefix;
}
function wholeWordsBefore(suffix: string): string {
  return suffix.length >= 24 ? suffix.replace(/\s+\S*$/, '') : suffix;
}

/** A quote in its surroundings, the quote marked. */
function InContext({ prefix, exact, suffix }: { prefix: string; exact: string; suffix: string }) {
  const before = wholeWordsAfter(prefix);
  const after = wholeWordsBefore(suffix);
  return (
    <p className="orphan-context">
      {before && <span className="orphan-context__around">…{before}</span>}
      <mark className="orphan-context__quote">{exact}</mark>
      {after && <span className="orphan-context__around">{after}…</span>}
    </p>
  );
}

/**
 * One orphaned claim: what its quote looked like before the edit beside the closest passage in
 * the text now, with the three ways to settle it.
 */
export function OrphanCard({ orphan, lookup, busy, onAccept, onReselect, onDelete }: OrphanCardProps) {
  const { claim, previous, bestCandidate } = orphan;
  const headingId = `orphan-${claim.id}`;
  return (
    <article className="orphan-card" aria-labelledby={headingId} data-testid="orphan-card" data-claim-id={claim.id}>
      <h3 id={headingId} className="orphan-card__title">
        {describeClaim(lookup, claim)}
      </h3>
      <div className="orphan-card__compare">
        <section className="orphan-card__side" aria-label="Before the edit">
          <h4 className="orphan-card__label">Before the edit</h4>
          <InContext prefix={previous.prefix} exact={previous.exact} suffix={previous.suffix} />
        </section>
        <section className="orphan-card__side" aria-label="Closest passage now">
          <h4 className="orphan-card__label">
            Closest passage now
            {bestCandidate && <span className="orphan-card__score"> · {Math.round(bestCandidate.score * 100)}% alike</span>}
          </h4>
          {bestCandidate ? (
            <InContext prefix={bestCandidate.prefix} exact={bestCandidate.text} suffix={bestCandidate.suffix} />
          ) : (
            <p className="orphan-context orphan-context--none">Nothing in the edited text is close to this quote.</p>
          )}
        </section>
      </div>
      <div className="orphan-card__actions">
        {bestCandidate && (
          <button type="button" className="button button--small button--primary" aria-disabled={busy || undefined} onClick={onAccept} data-action="accept">
            Accept this passage
          </button>
        )}
        <button type="button" className="button button--small" aria-disabled={busy || undefined} onClick={onReselect} data-action="reselect">
          Re-select in the article…
        </button>
        <button type="button" className="button button--small button--quiet button--danger" aria-disabled={busy || undefined} onClick={onDelete} data-action="delete">
          Delete claim
        </button>
      </div>
    </article>
  );
}
