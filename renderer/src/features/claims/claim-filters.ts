import { anchorState, type Claim } from '../../../../shared/model';
import type { CodebookLookup } from './codebook-lookup';

/** What the sidebar narrows claims by; empty strings mean "any". */
export interface ClaimFilter {
  actorId: string;
  issueId: string;
  stanceId: string;
  tag: string;
  anchor: '' | 'exact' | 'relocated' | 'orphaned' | 'needs-review';
  text: string;
  /** Claims made by one coder (their id), or any. */
  coderId: string;
}

export const NO_FILTER: ClaimFilter = { actorId: '', issueId: '', stanceId: '', tag: '', anchor: '', text: '', coderId: '' };

export function isFiltering(filter: ClaimFilter): boolean {
  return Object.values(filter).some((v) => v.trim() !== '');
}

/** Everything a claim says, in one lower-case string for the full-text filter. */
function searchableText(claim: Claim, lookup: CodebookLookup): string {
  return [
    claim.target.quote.exact,
    claim.proposition,
    claim.speaker ?? '',
    claim.note,
    claim.tags.join(' '),
    lookup.issuePath(claim.issueId),
    lookup.stance(claim.stanceId)?.label ?? '',
    ...claim.actorIds.map((id) => lookup.actor(id)?.name ?? ''),
  ]
    .join(' \n ')
    .toLowerCase();
}

/** An issue filter also keeps claims on its sub-issues. */
function issueMatches(claimIssue: string | null, wanted: string, lookup: CodebookLookup): boolean {
  let current = lookup.issue(claimIssue);
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.id === wanted) return true;
    current = lookup.issue(current.parentId);
  }
  return false;
}

export function filterClaims(claims: Claim[], filter: ClaimFilter, lookup: CodebookLookup): Claim[] {
  if (!isFiltering(filter)) return claims;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return claims.filter((claim) => {
    if (filter.actorId && !claim.actorIds.includes(filter.actorId)) return false;
    if (filter.issueId && !issueMatches(claim.issueId, filter.issueId, lookup)) return false;
    if (filter.stanceId && claim.stanceId !== filter.stanceId) return false;
    if (filter.tag && !claim.tags.includes(filter.tag)) return false;
    if (filter.coderId && claim.createdBy !== filter.coderId) return false;
    if (filter.anchor === 'needs-review') {
      if (anchorState(claim.anchor) !== 'needs-review') return false;
    } else if (filter.anchor && claim.anchor.status !== filter.anchor) return false;
    if (words.length > 0) {
      const haystack = searchableText(claim, lookup);
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}
