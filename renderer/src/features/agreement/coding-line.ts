import type { Claim } from '../../../../shared/model';
import type { CodebookLookup } from '../claims/codebook-lookup';

/** How a claim is coded, in words, for the side-by-side rows. */
export function codingLine(claim: Claim, lookup: CodebookLookup) {
  return {
    actors: claim.actorIds.map((id) => lookup.actor(id)?.name ?? id).join(', ') || '—',
    issue: lookup.issuePath(claim.issueId) || '—',
    stance: lookup.stance(claim.stanceId)?.label ?? '—',
  };
}
