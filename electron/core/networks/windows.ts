import type { Statement } from './statements';

export interface TimeWindow {
  /** First and last day of the window, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  statements: number;
  congruenceEdges: number;
  conflictEdges: number;
  polarisation: number | null;
}

const DAY = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parseDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * A moving window over the statements' days (DNA's time window): windows of `windowDays` days,
 * the first starting on the earliest day, each `stepDays` after the one before, until a window
 * reaches the latest day. Each window's networks and polarisation are computed from the
 * statements made inside it.
 *
 * Nothing here builds a window's pair matrix (what `pairWeights` does for one network): per
 * window the statements are folded into x(i,k,q) (actor, concept, side) counts, and
 *   C⁺ = Σ_{k,q} (S(k,q)² − Σ_i x(i,k,q)²) / 2      with S(k,q) = Σ_i x(i,k,q)
 *   C⁻ = Σ_k (S(k,+)·S(k,−) − Σ_i x(i,k,+)·x(i,k,−))
 * are the summed congruence and conflict weights over all pairs of actors (the same sums as
 * polarisation.ts takes over the pair matrix); the edges are counted by marking the pairs that
 * meet on each concept. The cost is that of the statements and of the pairs that actually meet,
 * not actors² per window.
 */
export function movingWindows(statements: Statement[], windowDays: number, stepDays: number): TimeWindow[] {
  return [...windowsOf(statements, windowDays, stepDays)];
}

/**
 * The same windows, computed a slice at a time with a turn of the event loop between slices of
 * about `sliceMs` (decision 0014): a notebook of 100,000 statements and fifty windows would
 * otherwise hold the process for a few hundred milliseconds at once.
 */
export async function movingWindowsInSlices(statements: Statement[], windowDays: number, stepDays: number, sliceMs = 20): Promise<TimeWindow[]> {
  const out: TimeWindow[] = [];
  let since = performance.now();
  for (const window of windowsOf(statements, windowDays, stepDays)) {
    out.push(window);
    if (performance.now() - since > sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
  return out;
}

function* windowsOf(statements: Statement[], windowDays: number, stepDays: number): Generator<TimeWindow> {
  if (statements.length === 0) return;
  if (!(windowDays >= 1 && stepDays >= 1)) throw new RangeError('window and step must be at least one day');
  // Numbers for actors, concepts and days (each day string parsed once).
  const actorNumber = new Map<string, number>();
  const conceptNumber = new Map<string, number>();
  const dayMs = new Map<string, number>();
  const days = new Float64Array(statements.length);
  // Per for/against statement: its cell (concept, side, actor) as one number; neutral ones none (-1).
  const cells = new Float64Array(statements.length);
  for (let x = 0; x < statements.length; x++) {
    const s = statements[x]!;
    let ms = dayMs.get(s.day);
    if (ms === undefined) dayMs.set(s.day, (ms = parseDay(s.day)));
    days[x] = ms;
    if (s.side === 0) {
      cells[x] = -1;
      continue;
    }
    let actor = actorNumber.get(s.actorId);
    if (actor === undefined) actorNumber.set(s.actorId, (actor = actorNumber.size));
    let concept = conceptNumber.get(s.concept);
    if (concept === undefined) conceptNumber.set(s.concept, (concept = conceptNumber.size));
    cells[x] = (concept * 2 + (s.side > 0 ? 0 : 1)) * 2 ** 21 + actor;
  }
  // Statements in order of day, so each window is a run of them.
  const order = byDay(days);
  const first = days[order[0]!]!;
  const last = days[order[order.length - 1]!]!;
  const pairs = new PairMarks(actorNumber.size);
  let from = 0;
  for (let start = first; ; start += stepDays * DAY) {
    const end = start + (windowDays - 1) * DAY;
    while (from < order.length && days[order[from]!]! < start) from++;
    let to = from;
    while (to < order.length && days[order[to]!]! <= end) to++;
    const inside: number[] = [];
    for (let x = from; x < to; x++) if (cells[order[x]!]! >= 0) inside.push(cells[order[x]!]!);
    yield { from: toDay(start), to: toDay(end), statements: to - from, ...windowWeights(Float64Array.from(inside).sort(), pairs) };
    if (end >= last) break;
  }
}

/**
 * The statements' indexes in order of their day (midnight UTC, in ms), and of their index within
 * a day, as a stable sort gives. Day and index are one number, sorted as typed numbers without a
 * comparator: ~11 ms instead of ~28 ms over 115,000 statements, time the server spent before the
 * first window.
 */
function byDay(days: Float64Array): Uint32Array {
  const order = new Uint32Array(days.length);
  if (days.length >= INDEX_KEYS) {
    order.forEach((_, i) => (order[i] = i));
    return order.sort((a, b) => days[a]! - days[b]! || a - b);
  }
  let first = Infinity;
  for (const ms of days) first = Math.min(first, ms);
  // Whole days since the first (below 2^29 for any calendar date) above the index (below 2^24): exact in a double.
  const keys = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) keys[i] = Math.round((days[i]! - first) / DAY) * INDEX_KEYS + i;
  keys.sort();
  for (let i = 0; i < keys.length; i++) order[i] = keys[i]! % INDEX_KEYS;
  return order;
}
const INDEX_KEYS = 2 ** 24;

/** Congruence and conflict of one window, from its sorted cells (concept, side, actor). */
function windowWeights(sorted: Float64Array, pairs: PairMarks): Omit<TimeWindow, 'from' | 'to' | 'statements'> {
  pairs.next();
  let agree = 0;
  let disagree = 0;
  // One concept at a time: its actors for (with counts), then against.
  const proActors: number[] = [];
  const proCounts: number[] = [];
  const conActors: number[] = [];
  const conCounts: number[] = [];
  let x = 0;
  while (x < sorted.length) {
    const concept = Math.floor(Math.floor(sorted[x]! / 2 ** 21) / 2);
    proActors.length = proCounts.length = conActors.length = conCounts.length = 0;
    while (x < sorted.length) {
      const sideCell = Math.floor(sorted[x]! / 2 ** 21);
      if (Math.floor(sideCell / 2) !== concept) break;
      const actor = sorted[x]! - sideCell * 2 ** 21;
      let count = 0;
      const cell = sorted[x]!;
      while (x < sorted.length && sorted[x] === cell) {
        count++;
        x++;
      }
      const actors = sideCell % 2 === 0 ? proActors : conActors;
      const counts = sideCell % 2 === 0 ? proCounts : conCounts;
      actors.push(actor);
      counts.push(count);
    }
    agree += sameSide(proActors, proCounts, pairs) + sameSide(conActors, conCounts, pairs);
    // Opposite sides: every actor for with every other actor against (actors are in order on each side).
    let pro = 0;
    let con = 0;
    let self = 0;
    for (const c of proCounts) pro += c;
    for (const c of conCounts) con += c;
    for (let a = 0, b = 0; a < proActors.length && b < conActors.length;) {
      if (proActors[a]! === conActors[b]!) self += proCounts[a++]! * conCounts[b++]!;
      else if (proActors[a]! < conActors[b]!) a++;
      else b++;
    }
    disagree += pro * con - self;
    for (const i of proActors) for (const j of conActors) if (i !== j) pairs.mark(i, j, 'conflict');
  }
  return {
    congruenceEdges: pairs.congruence,
    conflictEdges: pairs.conflict,
    polarisation: agree + disagree === 0 ? null : disagree / (agree + disagree),
  };
}

/** Σ_{i<j} x(i)·x(j) over the actors on one side of one concept, marking each pair as met. */
function sameSide(actors: number[], counts: number[], pairs: PairMarks): number {
  let sum = 0;
  let squares = 0;
  for (let a = 0; a < actors.length; a++) {
    sum += counts[a]!;
    squares += counts[a]! * counts[a]!;
    for (let b = a + 1; b < actors.length; b++) pairs.mark(actors[a]!, actors[b]!, 'congruence');
  }
  return (sum * sum - squares) / 2;
}

/**
 * Which pairs of actors met in the current window, agreeing and disagreeing, counted as they are
 * first marked. Stamps (the window's number) instead of clearing between windows; a set of pair
 * numbers where a stamp per pair would take too much memory (beyond 4,096 actors).
 */
class PairMarks {
  congruence = 0;
  conflict = 0;
  private stamp = 0;
  private readonly agreed: Uint32Array | null;
  private readonly disagreed: Uint32Array | null;
  private readonly agreedSet = new Set<number>();
  private readonly disagreedSet = new Set<number>();

  constructor(private readonly actors: number) {
    const dense = actors <= 4096;
    this.agreed = dense ? new Uint32Array(actors * actors) : null;
    this.disagreed = dense ? new Uint32Array(actors * actors) : null;
  }

  next(): void {
    this.stamp++;
    this.congruence = this.conflict = 0;
    this.agreedSet.clear();
    this.disagreedSet.clear();
  }

  mark(i: number, j: number, kind: 'congruence' | 'conflict'): void {
    const pair = i < j ? i * this.actors + j : j * this.actors + i;
    const stamps = kind === 'congruence' ? this.agreed : this.disagreed;
    if (stamps) {
      if (stamps[pair] === this.stamp) return;
      stamps[pair] = this.stamp;
    } else {
      const set = kind === 'congruence' ? this.agreedSet : this.disagreedSet;
      if (set.has(pair)) return;
      set.add(pair);
    }
    this[kind]++;
  }
}
