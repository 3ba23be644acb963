import { describe, expect, it } from 'vitest';
import { pairWeights } from '../../../../electron/core/networks/networks';
import { polarisation } from '../../../../electron/core/networks/polarisation';
import type { Side, Statement } from '../../../../electron/core/networks/statements';
import { movingWindows, movingWindowsInSlices } from '../../../../electron/core/networks/windows';

const DAY = 86_400_000;
const dayText = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * DAY).toISOString().slice(0, 10);

/** A seeded notebook's statements: `actors` actors on `concepts` concepts over `days` days. */
function randomStatements(count: number, actors: number, concepts: number, days: number, seed: number): Statement[] {
  let a = seed >>> 0;
  const random = () => ((a = (a * 1103515245 + 12345) >>> 0), a / 4294967296);
  return Array.from({ length: count }, (_, x) => ({
    actorId: `actor ${Math.floor(random() * actors)}`,
    concept: `concept ${Math.floor(random() * concepts)}`,
    side: (Math.floor(random() * 3) - 1) as Side,
    articleId: `article ${x}`,
    claimIndex: 0,
    day: dayText(Math.floor(random() * days)),
  }));
}

/** The definition, window by window: the pair matrix of the statements inside, as one network is computed. */
function windowsByDefinition(statements: Statement[], windowDays: number, stepDays: number) {
  const ms = statements.map((s) => Date.parse(`${s.day}T00:00:00Z`));
  const first = Math.min(...ms);
  const last = Math.max(...ms);
  const out = [];
  for (let start = first; ; start += stepDays * DAY) {
    const end = start + (windowDays - 1) * DAY;
    const inside = statements.filter((_, i) => ms[i]! >= start && ms[i]! <= end);
    const weights = pairWeights(inside);
    const count = (w: Float64Array) => w.reduce((n, v) => (v !== 0 ? n + 1 : n), 0);
    out.push({
      from: new Date(start).toISOString().slice(0, 10),
      to: new Date(end).toISOString().slice(0, 10),
      statements: inside.length,
      congruenceEdges: count(weights.congruence),
      conflictEdges: count(weights.conflict),
      polarisation: polarisation(inside, weights),
    });
    if (end >= last) break;
  }
  return out;
}

describe('moving windows without a pair matrix per window', () => {
  it('give every window the statements, edges and polarisation of its own pair matrix', () => {
    for (const [count, actors, concepts, days, windowDays, stepDays, seed] of [
      [400, 12, 5, 90, 30, 7, 1],
      [2000, 40, 30, 365, 30, 7, 2],
      [300, 6, 2, 20, 1, 1, 3],
      [1500, 80, 10, 200, 90, 30, 4],
    ] as const) {
      const statements = randomStatements(count, actors, concepts, days, seed);
      const fast = movingWindows(statements, windowDays, stepDays);
      const slow = windowsByDefinition(statements, windowDays, stepDays);
      expect(fast.map((w) => ({ ...w, polarisation: w.polarisation === null ? null : Math.round(w.polarisation * 1e12) }))).toEqual(
        slow.map((w) => ({ ...w, polarisation: w.polarisation === null ? null : Math.round(w.polarisation * 1e12) })),
      );
      expect(fast.length).toBeGreaterThan(1);
    }
  });

  it('are the same when computed in slices between turns of the event loop', async () => {
    const statements = randomStatements(2000, 40, 30, 365, 5);
    // A slice of 0 ms: a turn after every window.
    expect(await movingWindowsInSlices(statements, 30, 7, 0)).toEqual(movingWindows(statements, 30, 7));
  });

  it('counts an actor holding both sides of a proposition as no conflict with itself', () => {
    const own = [
      { actorId: 'A', concept: 'k', side: 1 as Side, articleId: 'a', claimIndex: 0, day: '2024-01-01' },
      { actorId: 'A', concept: 'k', side: -1 as Side, articleId: 'b', claimIndex: 0, day: '2024-01-02' },
      { actorId: 'B', concept: 'k', side: 1 as Side, articleId: 'c', claimIndex: 0, day: '2024-01-02' },
    ];
    // A–B: congruence 1 (A for × B for), conflict 1 (A against × B for): P = 1/2; A with itself counts nowhere.
    expect(movingWindows(own, 7, 7)).toEqual([
      { from: '2024-01-01', to: '2024-01-07', statements: 3, congruenceEdges: 1, conflictEdges: 1, polarisation: 0.5 },
    ]);
  });
});
