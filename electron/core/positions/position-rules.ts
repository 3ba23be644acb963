/**
 * What a clash and a shift are, defined once (docs/decisions/0008-clash-per-proposition.md).
 * The positions map, its CSV, the generated brief and any later view take them from here.
 *
 * - An actor's **position on a proposition** is its latest stance on it: claims in time order
 *   (articles by published date, else the day they were added; within an article, the order of
 *   the text). Claims without a stance say nothing about where the actor stands.
 * - A **clash** is one proposition (of one issue) on which the positions of two actors fall on
 *   opposite sides of the scale: one above neutral, one below. Neutral is neither side. Two
 *   propositions of the same issue never clash with each other ("peace across the Strait" and
 *   "Taiwan independence" are different questions).
 * - An **agreement** is a proposition with no clash on which two or more actors stand on the
 *   same side.
 * - A **shift** is one actor changing its stance on one proposition between dates: the first
 *   dated stance differs from the latest, and the latest dated claim is from a later day than
 *   the first. Stances stated on the same day (one article's different points) are not a shift.
 */

/**
 * Propositions match when their words do, ignoring case, spacing, compatibility forms (NFKC:
 * full-width letters, ligatures) and final punctuation. Positions, briefs and discourse networks
 * all compare propositions with this key.
 */
export function propositionKey(proposition: string): string {
  return proposition
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?;:]+$/, '');
}

/** An actor's position on a proposition: its latest stance and that stance's value on the scale. */
export interface ActorPosition<A> {
  actorId: A;
  stanceId: string;
  value: number;
}

export interface PropositionRelation<A> {
  kind: 'clash' | 'agree';
  issueId: string | null;
  /** The proposition as first written. */
  proposition: string;
  /** Actors above neutral, most supportive first. */
  supporters: ActorPosition<A>[];
  /** Actors below neutral, most opposed first. */
  opponents: ActorPosition<A>[];
  /** Actors whose position is neutral. */
  neutral: ActorPosition<A>[];
}

interface Group<A> {
  issueId: string | null;
  proposition: string;
  positions: Map<A, ActorPosition<A>>;
}

/**
 * Collects positions per proposition, fed claim by claim in time order (the last stance noted
 * for an actor is its position), and says where actors clash and agree. `K` identifies the
 * proposition within its issue (a string key, or a number where the caller interns them).
 */
export class PropositionPositions<K, A = string> {
  private readonly groups = new Map<K, Group<A>>();

  /** Notes one actor's stance on one proposition (`issueId` and `proposition` are kept from the first note of `key`). */
  note(key: K, issueId: string | null, proposition: string, actorId: A, stanceId: string, value: number): void {
    let group = this.groups.get(key);
    if (!group) {
      group = { issueId, proposition, positions: new Map() };
      this.groups.set(key, group);
    }
    const position = group.positions.get(actorId);
    if (position) {
      position.stanceId = stanceId;
      position.value = value;
    } else group.positions.set(actorId, { actorId, stanceId, value });
  }

  /**
   * Clashes first, then agreements, each in the order their propositions were first noted
   * (`order` may re-rank them, e.g. by issue). Actors on each side are listed strongest first,
   * then in the order they were first noted on the proposition.
   */
  relations(order?: (a: { issueId: string | null }, b: { issueId: string | null }) => number): PropositionRelation<A>[] {
    const clashes: PropositionRelation<A>[] = [];
    const agreements: PropositionRelation<A>[] = [];
    for (const group of this.groups.values()) {
      const all = [...group.positions.values()];
      const supporters = all.filter((p) => p.value > 0).sort((a, b) => b.value - a.value);
      const opponents = all.filter((p) => p.value < 0).sort((a, b) => a.value - b.value);
      const neutral = all.filter((p) => p.value === 0);
      const relation = { issueId: group.issueId, proposition: group.proposition, supporters, opponents, neutral };
      if (supporters.length > 0 && opponents.length > 0) clashes.push({ kind: 'clash', ...relation });
      else if (supporters.length >= 2 || opponents.length >= 2) agreements.push({ kind: 'agree', ...relation });
    }
    if (order) {
      // Array.prototype.sort is stable: first-noted order stays within equal ranks.
      clashes.sort(order);
      agreements.sort(order);
    }
    return [...clashes, ...agreements];
  }
}

/** A stance with the day it was stated (YYYY-MM-DD). */
export interface DatedStance {
  date: string;
  stanceId: string;
}

export interface Shift {
  fromStanceId: string;
  toStanceId: string;
  /** The day of the first dated stance. */
  since: string;
  /** The day of the latest dated stance. */
  until: string;
}

/**
 * Whether an actor shifted on one proposition: given its first and last dated stances and its
 * latest stance (which may come from an undated article), the shift from the first to the latest,
 * or null when the stance did not change between two different days.
 */
export function shiftOf(firstDated: DatedStance | null, lastDated: DatedStance | null, latestStanceId: string | null): Shift | null {
  if (!firstDated || !lastDated || !latestStanceId) return null;
  if (!(firstDated.date < lastDated.date)) return null;
  if (firstDated.stanceId === lastDated.stanceId || firstDated.stanceId === latestStanceId) return null;
  return { fromStanceId: firstDated.stanceId, toStanceId: latestStanceId, since: firstDated.date, until: lastDated.date };
}
