import { memo, useCallback, useId, useState, type CSSProperties } from 'react';
import { registerClaimCard } from './claim-card-refs';
import type { Claim } from '../../../../shared/model';
import { ClaimHistoryList, ClaimHistoryToggle } from '../coders/ClaimHistory';
import { claimColour, describeClaim, excerpt, type CodebookLookup } from './codebook-lookup';

interface ClaimCardProps {
  claim: Claim;
  lookup: CodebookLookup;
  selected: boolean;
  focusable: boolean;
  onSelect(id: string): void;
  onEdit(claim: Claim): void;
  onDelete(claim: Claim): void;
}

/** Says where a claim's quote stands in the text; nothing while it is exactly where it was marked. */
function AnchorBadge({ claim }: { claim: Claim }) {
  const { status, score } = claim.anchor;
  if (status !== 'orphaned' && claim.anchor.review) {
    return (
      <span
        className="anchor-badge anchor-badge--needs-review"
        title="The text changed; the quote was placed on doubtful evidence. Confirm or re-select it in the review above the article."
        data-testid="anchor-needs-review"
      >
        <span className="visually-hidden">Anchor: </span>
        needs review
      </span>
    );
  }
  if (status === 'exact') return null;
  const text = status === 'relocated' ? `relocated${score !== undefined ? ` ${Math.round(score * 100)}%` : ''}` : 'orphaned';
  const title =
    status === 'relocated'
      ? 'The text changed; the quote was found again nearby.'
      : 'The text changed and the quote was not found. Review this claim.';
  return (
    <span className={`anchor-badge anchor-badge--${status}`} title={title}>
      <span className="visually-hidden">Anchor: </span>
      {text}
    </span>
  );
}

/** A claim in the sidebar: the quote and its coding, with edit and delete. */
export const ClaimCard = memo(function ClaimCard({ claim, lookup, selected, focusable, onSelect, onEdit, onDelete }: ClaimCardProps) {
  const stance = lookup.stance(claim.stanceId);
  const colour = claimColour(lookup, claim);
  const issue = lookup.issuePath(claim.issueId);
  const cardRef = useCallback((element: HTMLElement) => registerClaimCard(claim.id, element), [claim.id]);
  const [historyOpen, setHistoryOpen] = useState(false);
  const historyId = useId();
  return (
    <article
      ref={cardRef}
      className={`claim-card${selected ? ' claim-card--selected' : ''}`}
      style={{ '--stance': colour } as CSSProperties}
      data-claim-id={claim.id}
      data-testid="claim-card"
      tabIndex={focusable ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      aria-label={describeClaim(lookup, claim)}
      onClick={() => onSelect(claim.id)}
      onFocus={(e) => {
        if (e.target === e.currentTarget && !selected) onSelect(claim.id);
      }}
    >
      <div className="claim-card__top">
        <span className="stance-chip" style={{ '--stance': colour } as CSSProperties}>
          <span className="stance-dot" aria-hidden="true" />
          {stance?.label ?? 'No stance'}
        </span>
        <AnchorBadge claim={claim} />
      </div>
      <blockquote className="claim-card__quote">{excerpt(claim.target.quote.exact)}</blockquote>
      <dl className="claim-card__coding">
        <div>
          <dt>Actors</dt>
          <dd>
            {claim.actorIds.length === 0 && <span className="muted">None yet</span>}
            {claim.actorIds.map((id) => {
              const actor = lookup.actor(id);
              return (
                <span key={id} className="actor-chip" style={{ '--actor': actor?.color ?? '#777' } as CSSProperties}>
                  {actor?.name ?? id}
                </span>
              );
            })}
          </dd>
        </div>
        {claim.speaker && (
          <div>
            <dt>Speaker</dt>
            <dd>{claim.speaker}</dd>
          </div>
        )}
        <div>
          <dt>Issue</dt>
          <dd>{issue || <span className="muted">None yet</span>}</dd>
        </div>
        {claim.proposition && (
          <div>
            <dt>Proposition</dt>
            <dd>{claim.proposition}</dd>
          </div>
        )}
        {claim.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>
              {claim.tags.map((t) => (
                <span key={t} className="tag-chip">
                  {t}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {claim.note && (
        <p className="claim-card__note" data-testid="claim-note">
          {claim.note}
        </p>
      )}
      <div className="claim-card__actions">
        <ClaimHistoryToggle claim={claim} open={historyOpen} onToggle={() => setHistoryOpen(!historyOpen)} focusable={focusable} listId={historyId} />
        <button
          type="button"
          className="button button--small button--quiet"
          tabIndex={focusable ? 0 : -1}
          onClick={(e) => {
            e.stopPropagation();
            onEdit(claim);
          }}
        >
          Edit<span className="visually-hidden"> claim</span>
        </button>
        <button
          type="button"
          className="button button--small button--quiet button--danger"
          tabIndex={focusable ? 0 : -1}
          onClick={(e) => {
            e.stopPropagation();
            onDelete(claim);
          }}
        >
          Delete<span className="visually-hidden"> claim</span>
        </button>
      </div>
      {historyOpen && <ClaimHistoryList claim={claim} lookup={lookup} listId={historyId} />}
    </article>
  );
});
