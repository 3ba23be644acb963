import { pairWeights } from './networks';
import { polarisation } from './polarisation';
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
const countPairs = (weights: Float64Array) => weights.reduce((n, w) => (w !== 0 ? n + 1 : n), 0);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parseDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * A moving window over the statements' days (DNA's time window): windows of `windowDays` days,
 * the first starting on the earliest day, each `stepDays` after the one before, until a window
 * reaches the latest day. Each window's networks and polarisation are computed from the
 * statements made inside it.
 */
export function movingWindows(statements: Statement[], windowDays: number, stepDays: number): TimeWindow[] {
  if (statements.length === 0) return [];
  if (!(windowDays >= 1 && stepDays >= 1)) throw new RangeError('window and step must be at least one day');
  const days = statements.map((s) => parseDay(s.day));
  // A loop, not Math.min(...days): spreading 100,000 arguments overflows the stack.
  let first = Infinity;
  let last = -Infinity;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const windows: TimeWindow[] = [];
  for (let start = first; ; start += stepDays * DAY) {
    const end = start + (windowDays - 1) * DAY;
    const inside = statements.filter((s, i) => days[i]! >= start && days[i]! <= end);
    const weights = pairWeights(inside);
    windows.push({
      from: toDay(start),
      to: toDay(end),
      statements: inside.length,
      congruenceEdges: countPairs(weights.congruence),
      conflictEdges: countPairs(weights.conflict),
      polarisation: polarisation(inside, weights),
    });
    if (end >= last) break;
  }
  return windows;
}
