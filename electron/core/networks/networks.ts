import type { Side, Statement } from './statements';

/**
 * One-mode actor networks and the two-mode actor × proposition network, computed as the
 * Discourse Network Analyzer (DNA, Leifeld) does, on the two sides of the stance scale.
 *
 * Let x(i,k,q) be the number of statements of actor i on concept k on side q (+1 for, -1
 * against; neutral statements count towards no edge). For actors i and j:
 *   congruence(i,j) = Σ_k Σ_q x(i,k,q)·x(j,k,q)          both on the same side
 *   conflict(i,j)   = Σ_k Σ_{q≠q'} x(i,k,q)·x(j,k,q')    on opposite sides
 *   subtract(i,j)   = congruence(i,j) − conflict(i,j)
 * Normalisations (DNA's names), with a(i) = Σ_k Σ_q x(i,k,q) the actor's activity:
 *   average: w / ((a(i) + a(j)) / 2)
 *   jaccard: w / (a(i) + a(j) − w)   (for counts of 1, shared / union)
 *   cosine:  w / (‖x(i)‖·‖x(j)‖)     over the vectors of x(·,k,q)
 * For subtract, each part is normalised alone and the difference taken.
 */
export type OneModeType = 'congruence' | 'conflict' | 'subtract';
export type NetworkType = OneModeType | 'twomode';
export type Normalization = 'none' | 'average' | 'jaccard' | 'cosine';

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  /** The concepts behind the edge (for hover text and the claims one click away). */
  concepts: string[];
}

export interface ActorNetwork {
  actors: string[];
  edges: NetworkEdge[];
}

/** x(i,k,q) as a nested map: actor → concept → side → count. */
type Profile = Map<string, Map<string, Map<Side, number>>>;

function profiles(statements: Statement[]): Profile {
  const out: Profile = new Map();
  for (const s of statements) {
    if (s.side === 0) continue;
    let byConcept = out.get(s.actorId);
    if (!byConcept) out.set(s.actorId, (byConcept = new Map()));
    let bySide = byConcept.get(s.concept);
    if (!bySide) byConcept.set(s.concept, (bySide = new Map()));
    bySide.set(s.side, (bySide.get(s.side) ?? 0) + 1);
  }
  return out;
}

function activity(profile: Map<string, Map<Side, number>>): number {
  let sum = 0;
  for (const bySide of profile.values()) for (const n of bySide.values()) sum += n;
  return sum;
}

function norm(profile: Map<string, Map<Side, number>>): number {
  let sum = 0;
  for (const bySide of profile.values()) for (const n of bySide.values()) sum += n * n;
  return Math.sqrt(sum);
}

function normalise(weight: number, a: Map<string, Map<Side, number>>, b: Map<string, Map<Side, number>>, how: Normalization): number {
  if (weight === 0 || how === 'none') return weight;
  if (how === 'average') return weight / ((activity(a) + activity(b)) / 2);
  if (how === 'jaccard') return weight / (activity(a) + activity(b) - weight);
  return weight / (norm(a) * norm(b));
}

/** The one-mode actor network of the statements; edges with weight 0 are left out. */
export function oneModeNetwork(statements: Statement[], type: OneModeType, normalization: Normalization = 'none'): ActorNetwork {
  const byActor = profiles(statements);
  const actors = [...new Set(statements.map((s) => s.actorId))].sort();
  const edges: NetworkEdge[] = [];
  const active = actors.filter((a) => byActor.has(a));
  for (let x = 0; x < active.length; x++) {
    for (let y = x + 1; y < active.length; y++) {
      const a = byActor.get(active[x]!)!;
      const b = byActor.get(active[y]!)!;
      let congruence = 0;
      let conflict = 0;
      const shared = new Set<string>();
      for (const [concept, sidesA] of a) {
        const sidesB = b.get(concept);
        if (!sidesB) continue;
        for (const [qa, na] of sidesA) {
          for (const [qb, nb] of sidesB) {
            if (qa === qb) congruence += na * nb;
            else conflict += na * nb;
            if ((type === 'congruence' && qa === qb) || (type === 'conflict' && qa !== qb) || type === 'subtract') shared.add(concept);
          }
        }
      }
      const weight =
        type === 'congruence'
          ? normalise(congruence, a, b, normalization)
          : type === 'conflict'
            ? normalise(conflict, a, b, normalization)
            : normalise(congruence, a, b, normalization) - normalise(conflict, a, b, normalization);
      if (weight !== 0) edges.push({ source: active[x]!, target: active[y]!, weight, concepts: [...shared].sort() });
    }
  }
  return { actors, edges };
}

export interface TwoModeCell {
  actorId: string;
  concept: string;
  /** Statements for and against (and neutral), after the duplicate rule. */
  for: number;
  against: number;
  neutral: number;
}

/** The two-mode actor × proposition network: per pair, how many statements on each side. */
export function twoModeNetwork(statements: Statement[]): TwoModeCell[] {
  const cells = new Map<string, TwoModeCell>();
  for (const s of statements) {
    const key = `${s.actorId}\u0000${s.concept}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { actorId: s.actorId, concept: s.concept, for: 0, against: 0, neutral: 0 }));
    if (s.side > 0) cell.for += 1;
    else if (s.side < 0) cell.against += 1;
    else cell.neutral += 1;
  }
  return [...cells.values()].sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : 0));
}
