import type { Actor, Claim, Codebook, Issue, Stance } from '../../../../shared/model';

/** Fast name and colour look-ups over a codebook, for cards, highlights and filters. */
export interface CodebookLookup {
  actor(id: string): Actor | undefined;
  issue(id: string | null): Issue | undefined;
  /** "Parent › Child" for nested issues. */
  issuePath(id: string | null): string;
  stance(id: string | null): Stance | undefined;
  /** Stances from most opposed to most supportive: the order number keys pick them in. */
  scale: Stance[];
}

/**
 * What a claim with no stance yet is drawn in: a CSS variable (a theme sets it), and in the
 * reader a dashed outline without fill, so "not coded yet" never reads as the neutral stance.
 */
export const UNCODED_COLOUR = 'var(--claim-uncoded)';

export function makeLookup(codebook: Codebook | undefined): CodebookLookup {
  const actors = new Map((codebook?.actors ?? []).map((a) => [a.id, a]));
  const issues = new Map((codebook?.issues ?? []).map((i) => [i.id, i]));
  const stances = new Map((codebook?.stances ?? []).map((s) => [s.id, s]));
  const issuePath = (id: string | null): string => {
    const names: string[] = [];
    let current = id ? issues.get(id) : undefined;
    // Guard against a parent cycle in a hand-edited codebook.
    while (current && names.length < 8) {
      names.unshift(current.name);
      current = current.parentId ? issues.get(current.parentId) : undefined;
    }
    return names.join(' › ');
  };
  return {
    actor: (id) => actors.get(id),
    issue: (id) => (id ? issues.get(id) : undefined),
    issuePath,
    stance: (id) => (id ? stances.get(id) : undefined),
    scale: [...(codebook?.stances ?? [])].sort((a, b) => a.value - b.value),
  };
}

/** The colour a claim is drawn in: its stance's, or {@link UNCODED_COLOUR} while it has none. */
export function claimColour(lookup: CodebookLookup, claim: Pick<Claim, 'stanceId'>): string {
  return lookup.stance(claim.stanceId)?.color ?? UNCODED_COLOUR;
}

/** One line naming a claim for screen readers and tooltips. */
export function describeClaim(lookup: CodebookLookup, claim: Claim): string {
  const actors = claim.actorIds.map((id) => lookup.actor(id)?.name ?? id).join(', ') || 'No actor';
  const stance = lookup.stance(claim.stanceId)?.label ?? 'no stance';
  const issue = lookup.issuePath(claim.issueId) || 'no issue';
  return `${actors} ${stance} — ${issue}`;
}

/** The claim's quoted words, shortened for a card or a label. */
export function excerpt(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
