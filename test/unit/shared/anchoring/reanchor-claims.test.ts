import { describe, expect, it } from 'vitest';
import { describeRange, reanchorClaims } from '../../../../shared/anchoring';
import type { ClaimTarget } from '../../../../shared/model/claim';
import { ARTICLE, GOLD, GOLD_TARGETS, paragraphs } from './article-fixture';

describe('reanchorClaims', () => {
  it('returns the very same targets, all exact, when the article is unchanged', () => {
    const results = reanchorClaims(ARTICLE, GOLD_TARGETS);
    results.forEach((result, i) => {
      expect(result.target).toBe(GOLD_TARGETS[i]);
      expect(result.anchor).toEqual({ status: 'exact', score: 1 });
    });
  });

  it('rebuilds selectors with fresh context for moved claims and keeps old selectors for orphans', () => {
    const deleted = paragraphs()[7]!;
    const text = ARTICLE.replace(`${deleted}\n`, 'A new paragraph about the weather in Beijing.\n');
    const results = reanchorClaims(text, GOLD_TARGETS);
    results.forEach((result, i) => {
      const claim = GOLD[i]!;
      if (deleted.includes(claim.exact)) {
        expect(result.target).toBe(GOLD_TARGETS[i]);
        expect(result.anchor).toEqual({
          status: 'orphaned',
          score: 0,
          previous: { prefix: claim.prefix, exact: claim.exact, suffix: claim.suffix },
        });
        return;
      }
      expect(result.anchor.status).not.toBe('orphaned');
      const { start, end } = result.target.position;
      // Fresh selectors are exactly what describing the new range gives.
      expect(result.target).toEqual(describeRange(text, start, end));
      expect(result.target.quote.exact).toBe(claim.exact);
    });
    // The claim just before the replaced paragraph now has the new paragraph in its suffix.
    const sullivan = results[GOLD.findIndex((c) => c.exact.startsWith('Sullivan expressed'))]!;
    expect(sullivan.target.quote.suffix).toBe('.\nA new paragraph about the weat');
    // Same place, same quote, new neighbours: moved-in-place ('exact' only when the context is identical too).
    expect(sullivan.anchor.status).toBe('relocated');
    expect(sullivan.anchor.review).toBeUndefined();
    expect(sullivan.anchor.score).toBeLessThan(1);
  });

  it('handles an empty list', () => {
    expect(reanchorClaims(ARTICLE, [])).toEqual([]);
  });
});

describe('reanchorClaims at notebook scale', () => {
  // About 100,000 words (~600 KB): the article repeated, each copy numbered so that quotes
  // with their context are unique.
  const copies: string[] = [];
  for (let copy = 0; copy < 220; copy += 1) copies.push(`Copy ${copy}.\n${ARTICLE}`);
  const big = copies.join('\n');
  const targets: ClaimTarget[] = [];
  for (let claim = 0; claim < 5000; claim += 1) {
    const copy = claim % 220;
    const gold = GOLD[claim % GOLD.length]!;
    const offset = big.indexOf(`Copy ${copy}.\n`) + `Copy ${copy}.\n`.length;
    targets.push(describeRange(big, offset + gold.start, offset + gold.end));
  }

  it('is about 100,000 words', () => {
    expect(big.length).toBeGreaterThan(600_000);
    expect(big.split(/\s+/).length).toBeGreaterThan(95_000);
  });

  it('anchors 5,000 claims on the unchanged text, all exact', () => {
    const results = reanchorClaims(big, targets);
    expect(results.every((result, i) => result.anchor.status === 'exact' && result.target === targets[i])).toBe(true);
  });

  it('anchors 500 claims after an insertion near the top shifts them all, each to its own copy', () => {
    const inserted = 'Editor\u2019s note: this article was updated.\n';
    const shifted = inserted + big;
    const sample = targets.filter((_, i) => i % 10 === 0);
    const results = reanchorClaims(shifted, sample);
    results.forEach((result, i) => {
      expect(result.anchor.status).toBe('relocated');
      expect(result.target.position.start).toBe(sample[i]!.position.start + inserted.length);
    });
  });
});
