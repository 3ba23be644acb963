import { describe, expect, it } from 'vitest';
import { rangesByBlock, segmentBlock, type ClaimRange } from '../../../../renderer/src/features/reader/segments';

const blocks = [
  { start: 0, end: 10 },
  { start: 11, end: 20 },
  { start: 21, end: 40 },
];

/** What rangesByBlock replaces: every block filtered against every claim. */
const naive = (ranges: ClaimRange[]) => blocks.map((b) => ranges.filter((r) => r.start < b.end && r.end > b.start));

describe('rangesByBlock', () => {
  it('gives each block the claims touching it, across block gaps and in the given order', () => {
    const ranges: ClaimRange[] = [
      { id: 'late', start: 30, end: 35 },
      { id: 'span', start: 5, end: 25 },
      { id: 'gap', start: 10, end: 11 },
      { id: 'first', start: 0, end: 3 },
      { id: 'edge', start: 20, end: 21 },
      { id: 'all', start: 0, end: 40 },
    ];
    const got = rangesByBlock(blocks, ranges);
    expect(got.map((list) => list.map((r) => r.id))).toEqual([
      ['span', 'first', 'all'],
      ['span', 'all'],
      ['late', 'span', 'all'],
    ]);
    expect(got).toEqual(naive(ranges));
  });

  it('matches the naive filter on random claims, so segments stay the same', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const ranges: ClaimRange[] = Array.from({ length: 300 }, (_, i) => {
      const start = rand(40);
      return { id: `c${i}`, start, end: start + 1 + rand(15) };
    });
    const got = rangesByBlock(blocks, ranges);
    expect(got).toEqual(naive(ranges));
    blocks.forEach((b, i) => expect(segmentBlock(b, got[i]!)).toEqual(segmentBlock(b, ranges)));
  });

  it('copes with no blocks and no claims', () => {
    expect(rangesByBlock([], [{ id: 'a', start: 0, end: 1 }])).toEqual([]);
    expect(rangesByBlock(blocks, [])).toEqual([[], [], []]);
  });
});
