import type { Claim } from '../../../../shared/model';
import { claimColour, excerpt, type CodebookLookup } from '../claims/codebook-lookup';

interface ClaimPreviewProps {
  claims: Claim[];
  anchor: DOMRect;
  lookup: CodebookLookup;
}

/**
 * A small card shown while a highlight or margin bar is hovered or focused: every claim under
 * the pointer, so overlapping claims can be told apart without leaving the text.
 */
export function ClaimPreview({ claims, anchor, lookup }: ClaimPreviewProps) {
  const below = anchor.bottom + 8;
  const top = below + 200 > window.innerHeight ? Math.max(8, anchor.top - 8 - 60 * claims.length - 60) : below;
  const left = Math.min(Math.max(8, anchor.left), window.innerWidth - 360);
  return (
    <div id="claim-preview" role="tooltip" className="claim-preview" style={{ top, left }}>
      {claims.map((claim) => {
        const stance = lookup.stance(claim.stanceId);
        return (
          <div key={claim.id} className="claim-preview__item">
            <div className="claim-preview__line">
              <span className="stance-dot" style={{ background: claimColour(lookup, claim) }} aria-hidden="true" />
              <strong>{claim.actorIds.map((id) => lookup.actor(id)?.name ?? id).join(', ') || 'No actor'}</strong>
              <span>{stance?.label ?? 'no stance'}</span>
            </div>
            <div className="claim-preview__issue">{claim.proposition || lookup.issuePath(claim.issueId) || 'No issue yet'}</div>
            <div className="claim-preview__quote">“{excerpt(claim.target.quote.exact, 120)}”</div>
          </div>
        );
      })}
    </div>
  );
}
