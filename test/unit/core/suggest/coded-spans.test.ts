import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/model';
import { codedSpans } from '../../../../electron/core/suggest/handlers';

/** A claim with only what the rule reads: its place and whether it is orphaned. */
function claim(start: number, end: number, orphaned = false): Claim {
  return { target: { position: { start, end } }, anchor: { status: orphaned ? 'orphaned' : 'exact' } } as unknown as Claim;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

describe('a suggestion already coded by a claim', () => {
  it('is one a placed claim overlaps by at least half their union, a long claim starting far before included', () => {
    const isCoded = codedSpans([claim(0, 1000), claim(2000, 2010), claim(3000, 3100, true)]);
    expect(isCoded({ start: 400, end: 900 })).toBe(true); // inside the long claim: 500 / 1000
    expect(isCoded({ start: 700, end: 1300 })).toBe(false); // 300 / 1300
    expect(isCoded({ start: 2000, end: 2020 })).toBe(true); // 10 / 20
    expect(isCoded({ start: 2005, end: 2030 })).toBe(false); // 5 / 30
    expect(isCoded({ start: 3000, end: 3100 })).toBe(false); // only an orphaned claim there
    expect(codedSpans([])({ start: 0, end: 10 })).toBe(false);
  });

  it('answers as asking every claim would, on many random claims and spans', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const claims = Array.from({ length: 400 }, () => {
      const start = rand(20_000);
      return claim(start, start + 1 + rand(rand(10) === 0 ? 2_000 : 200), rand(8) === 0);
    });
    const isCoded = codedSpans(claims);
    for (let i = 0; i < 2_000; i++) {
      const start = rand(20_000);
      const span = { start, end: start + 1 + rand(300) };
      const everyClaim = claims.some((c) => c.anchor.status !== 'orphaned' && overlap(c.target.position, span) >= 0.5);
      expect(isCoded(span)).toBe(everyClaim);
    }
  });
});
