import type { Statement } from './statements';

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
export type Normalization = 'none' | 'average' | 'jaccard' | 'cosine';

/** Concepts named per edge: enough to say what joins two actors, without a dense notebook's edges each carrying hundreds. */
export const MAX_EDGE_CONCEPTS = 12;

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  /** The concepts behind the edge (for hover text and the claims one click away), at most MAX_EDGE_CONCEPTS. */
  concepts: string[];
  /** How many concepts are behind the edge in all. */
  conceptCount: number;
}

export interface ActorNetwork {
  actors: string[];
  edges: NetworkEdge[];
  /** Edges in the whole network (more than `edges` holds when they were limited to the strongest). */
  edgeCount: number;
}

/**
 * x(i,k,q) as two dense actor × concept matrices (for and against), row-major: a pass over
 * every pair of actors and every concept is a few tens of millions of multiply-adds at 500
 * actors and 300 propositions, far cheaper than maps.
 */
interface Profiles {
  actors: string[];
  concepts: string[];
  pro: Float64Array;
  con: Float64Array;
}

function profiles(statements: Statement[]): Profiles {
  const actorIndex = new Map<string, number>();
  const conceptIndex = new Map<string, number>();
  for (const s of statements) {
    if (s.side === 0) continue;
    if (!actorIndex.has(s.actorId)) actorIndex.set(s.actorId, actorIndex.size);
    if (!conceptIndex.has(s.concept)) conceptIndex.set(s.concept, conceptIndex.size);
  }
  const width = conceptIndex.size;
  const pro = new Float64Array(actorIndex.size * width);
  const con = new Float64Array(actorIndex.size * width);
  for (const s of statements) {
    if (s.side === 0) continue;
    const at = actorIndex.get(s.actorId)! * width + conceptIndex.get(s.concept)!;
    if (s.side > 0) pro[at]! += 1;
    else con[at]! += 1;
  }
  return { actors: [...actorIndex.keys()], concepts: [...conceptIndex.keys()], pro, con };
}

/**
 * Congruence and conflict of every pair of actors, in one pass over the dense profiles; the
 * one-mode networks and polarisation are read off it. Pair (i, j), i < j, is at i * n + j.
 */
export interface PairWeights {
  /** Actors with a for or against statement, in order of first appearance. */
  active: string[];
  concepts: string[];
  pro: Float64Array;
  con: Float64Array;
  congruence: Float64Array;
  conflict: Float64Array;
  activity: Float64Array;
  norm: Float64Array;
}

export function pairWeights(statements: Statement[]): PairWeights {
  const rows = pairWeightRows(statements);
  let step = rows.next();
  while (!step.done) step = rows.next();
  return step.value;
}

/**
 * The same weights with a turn of the event loop whenever about `sliceMs` went by (between the
 * profiles and between rows of pairs): at 500 actors the pass is ~50–100 ms on a fresh process,
 * which the Networks view's first request would otherwise hold the server for at once.
 */
export async function pairWeightsInSlices(statements: Statement[], sliceMs = 20): Promise<PairWeights> {
  const rows = pairWeightRows(statements);
  let since = performance.now();
  let step = rows.next();
  while (!step.done) {
    if (performance.now() - since > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    step = rows.next();
  }
  return step.value;
}

/** The pass behind pairWeights, pausing (yield) after the profiles and after each row of pairs. */
function* pairWeightRows(statements: Statement[]): Generator<void, PairWeights> {
  const { actors: active, concepts, pro, con } = profiles(statements);
  yield;
  const n = active.length;
  const width = concepts.length;
  const activity = new Float64Array(n);
  const norm = new Float64Array(n);
  // Each actor's concepts with a statement, so a pair only visits where the first actor spoke.
  const spoken: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let squares = 0;
    const ks: number[] = [];
    for (let k = 0; k < width; k++) {
      const p = pro[i * width + k]!;
      const c = con[i * width + k]!;
      if (p === 0 && c === 0) continue;
      ks.push(k);
      sum += p + c;
      squares += p * p + c * c;
    }
    activity[i] = sum;
    norm[i] = Math.sqrt(squares);
    spoken.push(Int32Array.from(ks));
  }
  const congruence = new Float64Array(n * n);
  const conflict = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * width;
    const ks = spoken[i]!;
    for (let j = i + 1; j < n; j++) {
      const rowJ = j * width;
      let same = 0;
      let opposite = 0;
      for (let x = 0; x < ks.length; x++) {
        const k = ks[x]!;
        const pi = pro[rowI + k]!;
        const ci = con[rowI + k]!;
        const pj = pro[rowJ + k]!;
        const cj = con[rowJ + k]!;
        same += pi * pj + ci * cj;
        opposite += pi * cj + ci * pj;
      }
      congruence[i * n + j] = same;
      conflict[i * n + j] = opposite;
    }
    yield;
  }
  return { active, concepts, pro, con, congruence, conflict, activity, norm };
}

/** The one-mode actor network of the statements; edges with weight 0 are left out. */
export function oneModeNetwork(
  statements: Statement[],
  type: OneModeType,
  normalization: Normalization = 'none',
  weights = pairWeights(statements),
  maxConcepts = MAX_EDGE_CONCEPTS,
  maxEdges = Number.POSITIVE_INFINITY,
): ActorNetwork {
  const { active, concepts, pro, con, congruence, conflict, activity, norm } = weights;
  const actors = [...new Set(statements.map((s) => s.actorId))].sort();
  const n = active.length;
  const width = concepts.length;
  const normalise = (w: number, i: number, j: number) => {
    if (w === 0 || normalization === 'none') return w;
    if (normalization === 'average') return w / ((activity[i]! + activity[j]!) / 2);
    if (normalization === 'jaccard') return w / (activity[i]! + activity[j]! - w);
    return w / (norm[i]! * norm[j]!);
  };
  // First every pair's weight; then the propositions of the edges kept (the strongest, when
  // there are more than maxEdges), so a dense notebook pays for naming only what is shown.
  // Pairs as three typed columns, sized for every pair (no object per pair, no growing arrays:
  // a complete graph of 500 actors has 125,000). Unnormalised congruence or conflict, the common
  // case, reads the weight straight off the pair matrix.
  const pairI = new Int32Array((n * (n - 1)) / 2);
  const pairJ = new Int32Array(pairI.length);
  const pairWeight = new Float64Array(pairI.length);
  let pairs = 0;
  const plain = normalization === 'none' && type !== 'subtract' ? (type === 'congruence' ? congruence : conflict) : null;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = i + 1; j < n; j++) {
      let weight: number;
      if (plain) weight = plain[row + j]!;
      else {
        const same = congruence[row + j]!;
        const opposite = conflict[row + j]!;
        weight =
          type === 'congruence'
            ? normalise(same, i, j)
            : type === 'conflict'
              ? normalise(opposite, i, j)
              : normalise(same, i, j) - normalise(opposite, i, j);
      }
      if (weight !== 0) {
        pairI[pairs] = i;
        pairJ[pairs] = j;
        pairWeight[pairs] = weight;
        pairs++;
      }
    }
  }
  const pairW = pairWeight.subarray(0, pairs);
  const kept = strongest(pairW, maxEdges).map((x) => ({ i: pairI[x]!, j: pairJ[x]!, weight: pairW[x]! }));
  const edges: NetworkEdge[] = kept.map(({ i, j, weight }) => {
    // The propositions behind the edge: where the two meet on the same side (congruence),
    // on opposite sides (conflict), or either (subtract).
    const shared: string[] = [];
    let conceptCount = 0;
    const rowI = i * width;
    const rowJ = j * width;
    for (let k = 0; k < width; k++) {
      const meetSame = pro[rowI + k]! * pro[rowJ + k]! + con[rowI + k]! * con[rowJ + k]! > 0;
      const meetOpposite = pro[rowI + k]! * con[rowJ + k]! + con[rowI + k]! * pro[rowJ + k]! > 0;
      if ((type === 'congruence' && meetSame) || (type === 'conflict' && meetOpposite) || (type === 'subtract' && (meetSame || meetOpposite))) {
        conceptCount += 1;
        if (shared.length < maxConcepts) shared.push(concepts[k]!);
      }
    }
    const [source, target] = active[i]! < active[j]! ? [active[i]!, active[j]!] : [active[j]!, active[i]!];
    return { source, target, weight, concepts: shared.sort(), conceptCount };
  });
  edges.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  return { actors, edges, edgeCount: pairs };
}

/**
 * The indexes of the `limit` largest weights by absolute value, in their original order, ties
 * kept in original order (as a stable sort by |weight| would keep them). The cut is found on a
 * sorted typed copy of the absolute weights: no comparator called n log n times.
 */
export function strongest(weights: ArrayLike<number>, limit: number): number[] {
  const n = weights.length;
  if (n <= limit) return Array.from({ length: n }, (_, x) => x);
  const sorted = new Float64Array(n);
  for (let x = 0; x < n; x++) sorted[x] = Math.abs(weights[x]!);
  sorted.sort();
  const cut = sorted[n - limit]!;
  // How many at exactly the cut may still be taken once every weight above it is.
  let ties = limit;
  for (let x = n - 1; x >= 0 && sorted[x]! > cut; x--) ties -= 1;
  const out: number[] = [];
  for (let x = 0; x < n; x++) {
    const a = Math.abs(weights[x]!);
    if (a > cut) out.push(x);
    else if (a === cut && ties > 0) {
      out.push(x);
      ties -= 1;
    }
  }
  return out;
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
  return [...cells.values()].sort((a, b) =>
    a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : a.concept < b.concept ? -1 : a.concept > b.concept ? 1 : 0,
  );
}
