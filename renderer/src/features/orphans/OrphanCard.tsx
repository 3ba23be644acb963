import type { ReactNode } from 'react';
import type { AnchorReviewItem } from '../../../../shared/api/contract-annotate';
import { describeClaim, type CodebookLookup } from '../claims/codebook-lookup';

interface OrphanCardProps {
  orphan: AnchorReviewItem;
  lookup: CodebookLookup;
  busy: boolean;
  onAccept(): void;
  onConfirm(): void;
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

/** The claim's quote as it stood before the edit. */
function BeforeTheEdit({ previous }: { previous: AnchorReviewItem['previous'] }) {
  return (
    <section className="orphan-card__side" aria-label="Before the edit">
      <h4 className="orphan-card__label">Before the edit</h4>
      <InContext prefix={previous.prefix} exact={previous.exact} suffix={previous.suffix} />
    </section>
  );
}

const ACTION_CLASS = {
  primary: 'button button--small button--primary',
  plain: 'button button--small',
  danger: 'button button--small button--quiet button--danger',
};

/** One of a card's actions; while the card is busy it stays focusable but says it is disabled. */
function CardAction({
  kind,
  action,
  busy,
  onClick,
  children,
}: {
  kind: keyof typeof ACTION_CLASS;
  action: string;
  busy: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  return (
    <button type="button" className={ACTION_CLASS[kind]} aria-disabled={busy || undefined} onClick={onClick} data-action={action}>
      {children}
    </button>
  );
}

/** The two actions every card has: choose the passage by hand, or give the claim up. */
function ReselectAndDelete({ busy, onReselect, onDelete }: { busy: boolean; onReselect(): void; onDelete(): void }) {
  return (
    <>
      <CardAction kind="plain" action="reselect" busy={busy} onClick={onReselect}>
        Re-select in the article…
      </CardAction>
      <CardAction kind="danger" action="delete" busy={busy} onClick={onDelete}>
        Delete claim
      </CardAction>
    </>
  );
}

/** Why a placement needs review, in the analyst's words. */
const REASONS: Record<AnchorReviewItem['reasons'][number], string> = {
  ambiguous: 'another passage fits almost as well',
  'quote-changed': 'the quoted words were changed',
  'context-changed': 'the words around it are new',
  'weak-evidence': 'the match is weak',
};

/**
 * One claim to review: an orphan (what its quote looked like before the edit beside the closest
 * passage now: accept, re-select or delete) or a placement that needs review (before the edit
 * beside where it was placed: confirm, re-select or delete).
 */
export function OrphanCard({ orphan, lookup, busy, onAccept, onConfirm, onReselect, onDelete }: OrphanCardProps) {
  const { claim, previous, bestCandidate, placed } = orphan;
  const needsReview = orphan.state === 'needs-review';
  const headingId = `orphan-${claim.id}`;
  if (needsReview) {
    return (
      <article className="orphan-card orphan-card--needs-review" aria-labelledby={headingId} data-testid="review-card" data-claim-id={claim.id}>
        <h3 id={headingId} className="orphan-card__title">
          <span className="anchor-badge anchor-badge--needs-review">needs review</span> {describeClaim(lookup, claim)}
        </h3>
        <p className="orphan-card__why">
          Placed again after the edit, but {orphan.reasons.map((r) => REASONS[r]).join(', and ') || 'on weak evidence'}.
        </p>
        <div className="orphan-card__compare">
          <BeforeTheEdit previous={previous} />
          <section className="orphan-card__side" aria-label="Placed now">
            <h4 className="orphan-card__label">Placed now</h4>
            {placed ? (
              <InContext prefix={placed.prefix} exact={placed.text} suffix={placed.suffix} />
            ) : (
              <p className="orphan-context orphan-context--none">The placement is outside the current text.</p>
            )}
          </section>
        </div>
        <div className="orphan-card__actions">
          <CardAction kind="primary" action="confirm" busy={busy} onClick={onConfirm}>
            Confirm placement
          </CardAction>
          <ReselectAndDelete busy={busy} onReselect={onReselect} onDelete={onDelete} />
        </div>
      </article>
    );
  }
  return (
    <article className="orphan-card" aria-labelledby={headingId} data-testid="orphan-card" data-claim-id={claim.id}>
      <h3 id={headingId} className="orphan-card__title">
        {describeClaim(lookup, claim)}
      </h3>
      <div className="orphan-card__compare">
        <BeforeTheEdit previous={previous} />
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
          <CardAction kind="primary" action="accept" busy={busy} onClick={onAccept}>
            Accept this passage
          </CardAction>
        )}
        <ReselectAndDelete busy={busy} onReselect={onReselect} onDelete={onDelete} />
      </div>
    </article>
  );
}
