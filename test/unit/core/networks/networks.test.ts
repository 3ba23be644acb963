import { describe, expect, it } from 'vitest';
import { coalitions } from '../../../../electron/core/networks/coalitions';
import { oneModeNetwork, twoModeNetwork } from '../../../../electron/core/networks/networks';
import { polarisation } from '../../../../electron/core/networks/polarisation';
import { dropDuplicates, type Side, type Statement } from '../../../../electron/core/networks/statements';
import { movingWindows } from '../../../../electron/core/networks/windows';

/** A statement of `actor` on concept `k` on `side`, in article `art` on `day`. */
let n = 0;
const st = (actor: string, k: string, side: Side, art = 'a1', day = '2024-01-01'): Statement => ({
  actorId: actor,
  concept: k,
  side,
  articleId: art,
  claimIndex: n++,
  day,
});

const weights = (edges: { source: string; target: string; weight: number }[]) =>
  Object.fromEntries(edges.map((e) => [`${e.source}-${e.target}`, Math.round(e.weight * 1e6) / 1e6]));

// A hand-made debate. Actor A: k1 for (twice), k2 against. B: k1 for, k2 for. C: k1 against, k3 for. D: k3 for, k2 neutral.
// x(A,k1,+)=2 x(A,k2,-)=1 | x(B,k1,+)=1 x(B,k2,+)=1 | x(C,k1,-)=1 x(C,k3,+)=1 | x(D,k3,+)=1 (neutral counts nowhere)
const debate = [
  st('A', 'k1', 1),
  st('A', 'k1', 1, 'a2'),
  st('A', 'k2', -1),
  st('B', 'k1', 1),
  st('B', 'k2', 1),
  st('C', 'k1', -1),
  st('C', 'k3', 1),
  st('D', 'k3', 1),
  st('D', 'k2', 0),
];

describe('one-mode actor networks (DNA definitions, worked by hand)', () => {
  it('congruence: same side on the same proposition, counts multiplied', () => {
    // A-B: k1 (2·1) = 2; C-D: k3 (1·1) = 1; nothing else agrees.
    expect(weights(oneModeNetwork(debate, 'congruence').edges)).toEqual({ 'A-B': 2, 'C-D': 1 });
  });

  it('conflict: opposite sides on the same proposition', () => {
    // A-B: k2 (1·1) = 1; A-C: k1 (2·1) = 2; B-C: k1 (1·1) = 1.
    expect(weights(oneModeNetwork(debate, 'conflict').edges)).toEqual({ 'A-B': 1, 'A-C': 2, 'B-C': 1 });
  });

  it('subtract: congruence minus conflict, zero edges dropped', () => {
    expect(weights(oneModeNetwork(debate, 'subtract').edges)).toEqual({ 'A-B': 1, 'A-C': -2, 'B-C': -1, 'C-D': 1 });
  });

  it('normalises by average activity, Jaccard and cosine', () => {
    // Activities: A 3, B 2, C 2, D 1. Norms: A sqrt(4+1)=sqrt5, B sqrt2, C sqrt2, D 1.
    expect(weights(oneModeNetwork(debate, 'congruence', 'average').edges)).toEqual({ 'A-B': 0.8, 'C-D': Math.round((1 / 1.5) * 1e6) / 1e6 });
    expect(weights(oneModeNetwork(debate, 'congruence', 'jaccard').edges)).toEqual({ 'A-B': Math.round((2 / (3 + 2 - 2)) * 1e6) / 1e6, 'C-D': 0.5 });
    expect(weights(oneModeNetwork(debate, 'congruence', 'cosine').edges)).toEqual({
      'A-B': Math.round((2 / (Math.sqrt(5) * Math.sqrt(2))) * 1e6) / 1e6,
      'C-D': Math.round((1 / Math.sqrt(2)) * 1e6) / 1e6,
    });
  });

  it('keeps the strongest edges when asked for at most N, and says how many there are in all', () => {
    const limited = oneModeNetwork(debate, 'conflict', 'none', undefined, undefined, 1);
    expect(limited.edgeCount).toBe(3);
    expect(weights(limited.edges)).toEqual({ 'A-C': 2 });
  });

  it('names the propositions behind each edge', () => {
    const conflict = oneModeNetwork(debate, 'conflict').edges.find((e) => e.source === 'A' && e.target === 'B');
    expect(conflict?.concepts).toEqual(['k2']);
  });
});

describe('two-mode network and duplicates', () => {
  it('counts statements per actor and proposition on each side', () => {
    expect(twoModeNetwork(debate).find((c) => c.actorId === 'A' && c.concept === 'k1')).toMatchObject({ for: 2, against: 0, neutral: 0 });
    expect(twoModeNetwork(debate).find((c) => c.actorId === 'D' && c.concept === 'k2')).toMatchObject({ for: 0, against: 0, neutral: 1 });
  });

  it('counts a repeated statement once per article, or once per day', () => {
    const repeats = [
      st('A', 'k', 1, 'x', '2024-01-01'),
      st('A', 'k', 1, 'x', '2024-01-01'),
      st('A', 'k', 1, 'y', '2024-01-01'),
      st('A', 'k', 1, 'z', '2024-01-02'),
    ];
    expect(dropDuplicates(repeats, 'include')).toHaveLength(4);
    expect(dropDuplicates(repeats, 'article')).toHaveLength(3);
    expect(dropDuplicates(repeats, 'day')).toHaveLength(2);
  });
});

describe('polarisation and time windows', () => {
  it('is the share of conflict in all agreement and disagreement', () => {
    // Congruence total 3, conflict total 4: 4 / 7.
    expect(polarisation(debate)).toBeCloseTo(4 / 7, 10);
    expect(polarisation([st('A', 'k', 1), st('B', 'k', 1)])).toBe(0);
    expect(polarisation([st('A', 'k', 1), st('B', 'k', -1)])).toBe(1);
    expect(polarisation([st('A', 'k', 1), st('B', 'j', -1)])).toBeNull();
  });

  it('moves a window over the days and computes each window alone', () => {
    const dated = [
      st('A', 'k', 1, 'a', '2024-01-01'),
      st('B', 'k', 1, 'b', '2024-01-02'),
      st('A', 'k', 1, 'c', '2024-01-10'),
      st('B', 'k', -1, 'd', '2024-01-11'),
    ];
    const windows = movingWindows(dated, 7, 5);
    expect(windows.map((w) => [w.from, w.to, w.statements, w.polarisation])).toEqual([
      ['2024-01-01', '2024-01-07', 2, 0],
      ['2024-01-06', '2024-01-12', 2, 1],
    ]);
  });
});

describe('coalitions', () => {
  it('finds the two camps of a congruence network, largest first, the same every time', () => {
    const camps = [
      ...['A', 'B', 'C'].flatMap((a) => [st(a, 'p', 1), st(a, 'q', 1)]),
      ...['X', 'Y'].flatMap((a) => [st(a, 'p', -1), st(a, 'r', 1)]),
      st('Z', 'lonely', 1),
    ];
    const found = coalitions(oneModeNetwork(camps, 'congruence'));
    expect(found.get('A')).toBe(0);
    expect(found.get('B')).toBe(0);
    expect(found.get('C')).toBe(0);
    expect(found.get('X')).toBe(1);
    expect(found.get('Y')).toBe(1);
    expect(found.get('Z')).toBeNull();
    expect(coalitions(oneModeNetwork(camps, 'congruence'))).toEqual(found);
  });
});

describe('coalitions from the pair weights', () => {
  it('are the coalitions of the congruence network itself', async () => {
    const { coalitionsOfWeights } = await import('../../../../electron/core/networks/coalitions');
    const { pairWeights } = await import('../../../../electron/core/networks/networks');
    // Two camps on k1/k2 and a bridge, in an order unlike the sorted one.
    const camps = [
      st('Z', 'k1', 1),
      st('B', 'k1', 1),
      st('Y', 'k1', 1),
      st('A', 'k2', -1),
      st('C', 'k2', -1),
      st('X', 'k2', -1),
      st('Y', 'k2', -1),
      st('Q', 'k3', 1),
    ];
    const actors = [...new Set(camps.map((s) => s.actorId))].sort();
    expect(coalitionsOfWeights(pairWeights(camps), actors)).toEqual(coalitions(oneModeNetwork(camps, 'congruence')));
    expect(coalitionsOfWeights(pairWeights(debate), [...new Set(debate.map((s) => s.actorId))].sort())).toEqual(
      coalitions(oneModeNetwork(debate, 'congruence')),
    );
  });
});

describe('the strongest edges', () => {
  it('keeps the largest by absolute value, ties in their first order, as a stable sort would', async () => {
    const { strongest } = await import('../../../../electron/core/networks/networks');
    const w = [1, -5, 3, 3, -3, 2, 5];
    // |w| sorted stably: -5 (1), 5 (6), 3 (2), 3 (3), -3 (4), 2 (5), 1 (0).
    const stable = (limit: number) =>
      w
        .map((v, x) => ({ v, x }))
        .sort((a, b) => Math.abs(b.v) - Math.abs(a.v))
        .slice(0, limit)
        .map((e) => e.x)
        .sort((a, b) => a - b);
    for (let limit = 1; limit <= 8; limit++) expect(strongest(w, limit)).toEqual(stable(limit));
    expect(strongest(w, 4)).toEqual([1, 2, 3, 6]);
  });
});

describe('coalitions remembered by content', () => {
  it('gives the same answer again (and a copy the caller may change), and a new one for other weights', async () => {
    const { coalitionsOfWeights } = await import('../../../../electron/core/networks/coalitions');
    const { pairWeights } = await import('../../../../electron/core/networks/networks');
    const actors = ['A', 'B', 'C', 'D'];
    const first = coalitionsOfWeights(pairWeights(debate), actors);
    first.set('A', 99);
    expect(coalitionsOfWeights(pairWeights(debate), actors)).toEqual(coalitions(oneModeNetwork(debate, 'congruence')));
    // B now disagrees with A on k1: other weights, other coalitions.
    const changed = debate.map((s) => (s.actorId === 'B' && s.concept === 'k1' ? { ...s, side: -1 as const } : s));
    expect(coalitionsOfWeights(pairWeights(changed), actors)).toEqual(coalitions(oneModeNetwork(changed, 'congruence')));
  });
});
