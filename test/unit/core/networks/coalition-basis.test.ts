import { describe, expect, it } from 'vitest';
import { coalitionBasis, coalitionsOfWeights } from '../../../../electron/core/networks/coalitions';
import { pairWeights } from '../../../../electron/core/networks/networks';
import type { Side, Statement } from '../../../../electron/core/networks/statements';

const st = (actor: string, concept: string, side: Side, times = 1): Statement[] =>
  Array.from({ length: times }, (_, x) => ({
    actorId: actor,
    concept,
    side,
    articleId: `${actor}-${concept}-${x}`,
    claimIndex: 0,
    day: '2024-01-01',
  }));

describe('what coalitions are found on', () => {
  it('is the whole congruence network up to the limit', () => {
    const weights = pairWeights([...st('A', 'k', 1), ...st('B', 'k', 1), ...st('C', 'k', 1), ...st('D', 'j', -1), ...st('E', 'j', -1)]);
    // A–B, A–C, B–C, D–E.
    expect(coalitionBasis(weights, 4, 1)).toEqual({ edges: 4, perActor: null, keep: null });
  });

  it('is each actor’s strongest agreements beyond it, worked by hand', () => {
    // Congruence: A–B 3 (k1: 1 × 3), A–C 1 and A–D 1 and C–D 1 (k4), B–C 1 (k2), C–D 2 more (k3: 1 × 2), so C–D 3.
    // Each actor's strongest: A → B (3), B → A (3), C → D (3), D → C (3).
    const weights = pairWeights([
      ...st('A', 'k1', 1),
      ...st('B', 'k1', 1, 3),
      ...st('A', 'k4', 1),
      ...st('C', 'k4', 1),
      ...st('D', 'k4', 1),
      ...st('B', 'k2', 1),
      ...st('C', 'k2', 1),
      ...st('C', 'k3', 1),
      ...st('D', 'k3', 1, 2),
    ]);
    const { active } = weights;
    const n = active.length;
    const basis = coalitionBasis(weights, 3, 1);
    expect(basis.perActor).toBe(1);
    const kept = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (basis.keep![i * n + j]) kept.push([active[i], active[j]].sort().join('–'));
    // Two edges kept, every actor keeps one.
    expect(kept.sort()).toEqual(['A–B', 'C–D']);
    expect(basis.edges).toBe(2);
    // The coalitions follow the ties kept.
    const found = coalitionsOfWeights(weights, ['A', 'B', 'C', 'D'], 1, 'hand-worked basis', basis);
    expect(found.get('A')).toBe(found.get('B'));
    expect(found.get('C')).toBe(found.get('D'));
    expect(found.get('A')).not.toBe(found.get('C'));
  });

  it('leaves no actor without a coalition on a complete graph of 250 actors', () => {
    const statements = Array.from({ length: 250 }, (_, i) => st(`actor ${String(i).padStart(3, '0')}`, `k${i % 2}`, 1, 1 + (i % 3))).flat();
    const weights = pairWeights(statements);
    const basis = coalitionBasis(weights);
    // Two complete camps of 125: 2 × 7,750 = 15,500 agreements, under the limit; with one camp of 250, 31,125, over it.
    expect(basis.perActor).toBeNull();
    const one = pairWeights(statements.map((s) => ({ ...s, concept: 'k' })));
    const dense = coalitionBasis(one);
    expect(dense.perActor).toBe(30);
    expect(dense.edges).toBeLessThanOrEqual(250 * 30);
    expect(dense.edges).toBeGreaterThanOrEqual((250 * 30) / 2);
    const found = coalitionsOfWeights(one, one.active, 1, 'complete graph', dense);
    expect([...found.values()].every((c) => c !== null)).toBe(true);
  });
});
