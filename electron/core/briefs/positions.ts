import type { Claim, Codebook, Stance } from '../../../shared/model';

/** One actor's stance on a proposition, as some claim records it. */
export interface ActorStance {
  actor: string;
  stance: Stance;
}

/** Actors meeting on one proposition: opposite-sign stances clash, same-sign stances agree. */
export interface PositionRelation {
  kind: 'clash' | 'agree';
  proposition: string;
  issue: string | null;
  /** Every actor's stance on the proposition, most supportive first. */
  sides: ActorStance[];
}

/** Propositions match when their words do, ignoring case, spacing and trailing punctuation. */
function propositionKey(proposition: string): string {
  return proposition.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!?;:]+$/, '');
}

/**
 * Where actors agree and clash across the given claims. Claims are grouped by proposition;
 * an actor's stance is the sign of its stance value (neutral counts for neither side).
 * A proposition with actors on both sides is a clash; otherwise two or more distinct actors
 * on the same side agree (a claim held jointly counts: its actors state the position together).
 * Claims without a proposition, a stance or an actor take no part. Clashes come first, then
 * agreements, each in the order their propositions first appear.
 */
export function comparePositions(claims: Claim[], codebook: Codebook): PositionRelation[] {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const stanceById = new Map(codebook.stances.map((s) => [s.id, s]));
  const issueName = new Map(codebook.issues.map((i) => [i.id, i.name]));
  const groups = new Map<string, { proposition: string; issue: string | null; sides: Map<string, Stance> }>();

  for (const claim of claims) {
    const stance = claim.stanceId ? stanceById.get(claim.stanceId) : undefined;
    if (!stance || !claim.proposition.trim() || claim.actorIds.length === 0) continue;
    const key = propositionKey(claim.proposition);
    const group = groups.get(key) ?? { proposition: claim.proposition.trim(), issue: claim.issueId ? (issueName.get(claim.issueId) ?? null) : null, sides: new Map() };
    groups.set(key, group);
    for (const actorId of claim.actorIds) {
      const actor = actorName.get(actorId) ?? actorId;
      // An actor recorded twice keeps its strongest stance: the clearest statement of where it stands.
      const previous = group.sides.get(actor);
      if (!previous || Math.abs(stance.value) > Math.abs(previous.value)) group.sides.set(actor, stance);
    }
  }

  const clashes: PositionRelation[] = [];
  const agreements: PositionRelation[] = [];
  for (const group of groups.values()) {
    const sides = [...group.sides.entries()]
      .map(([actor, stance]) => ({ actor, stance }))
      .sort((a, b) => b.stance.value - a.stance.value || a.actor.localeCompare(b.actor));
    const supporters = sides.filter((s) => s.stance.value > 0);
    const opponents = sides.filter((s) => s.stance.value < 0);
    const relation = { proposition: group.proposition, issue: group.issue, sides };
    if (supporters.length > 0 && opponents.length > 0) clashes.push({ kind: 'clash', ...relation });
    else if (supporters.length >= 2 || opponents.length >= 2) agreements.push({ kind: 'agree', ...relation });
  }
  return [...clashes, ...agreements];
}
