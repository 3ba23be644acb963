/**
 * The relocation's steps, each on its own (the modules anchor-target.ts was split into): scoring
 * and what may be placed, what places an otherwise orphaned claim for review, what tells a copy
 * from the claim, the choice's rival, and a placement's edges. The end-to-end behaviour is pinned
 * by the other tests here through anchorTarget; these pin each step's own contract.
 */
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../../shared/anchoring';
import { placeable, score, type Scored } from '../../../../shared/anchoring/candidate-score';
import { rivalOf, rivalReasons } from '../../../../shared/anchoring/choose-place';
import { pullQuote } from '../../../../shared/anchoring/moved-or-copied';
import { toWords, withinSentence } from '../../../../shared/anchoring/placement-edges';
import { keptWithinBracket, rewrittenBetween, worthReviewing } from '../../../../shared/anchoring/review-evidence';

/** A scored candidate, as the steps receive them. */
function scored(start: number, end: number, s: number, quote: number, prefix: number, suffix: number): Scored {
  return { start, end, score: s, quote, prefix, suffix };
}

describe('scoring a candidate (candidate-score.ts)', () => {
  const text = 'The commission met on Monday. The treaty must still be ratified by both parliaments. A vote is expected.';
  const exact = 'The treaty must still be ratified by both parliaments.';
  const start = text.indexOf(exact);
  const recorded = {
    exact,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(start + exact.length, start + exact.length + 32),
    hint: start,
  };

  it('the very words between both recorded neighbours, at the recorded place, score 1', () => {
    const result = score(text, { start, end: start + exact.length }, recorded);
    expect(result).toMatchObject({ quote: 1, prefix: 1, suffix: 1 });
    expect(result.score).toBeCloseTo(1, 9);
  });

  it('the very words with new neighbours keep the whole quote but score less', () => {
    const moved = `A vote is expected. ${exact} The commission met on Monday.`;
    const at = moved.indexOf(exact);
    const result = score(moved, { start: at, end: at + exact.length }, recorded);
    expect(result.quote).toBe(1);
    expect(result.score).toBeLessThan(0.9);
  });

  it('half the quote may be placed anywhere; 35 % only between both neighbours (80 % alike each)', () => {
    expect(placeable(scored(0, 10, 0.5, 0.5, 0, 0))).toBe(true);
    expect(placeable(scored(0, 10, 0.5, 0.49, 0.79, 1))).toBe(false);
    expect(placeable(scored(0, 10, 0.5, 0.35, 0.8, 0.8))).toBe(true);
    expect(placeable(scored(0, 10, 0.5, 0.34, 1, 1))).toBe(false);
  });
});

describe('placing an otherwise orphaned claim for review (review-evidence.ts)', () => {
  it('a stretch keeping 42 % of the quote, scoring 0.45, with a trace of both neighbours and no close rival', () => {
    const offered = scored(100, 150, 0.46, 0.42, 0.1, 0.1);
    expect(worthReviewing(offered, [offered], 'before ', ' after')).toBe(true);
    expect(worthReviewing(offered, [offered, scored(300, 350, 0.37, 0.6, 0, 0)], 'before ', ' after')).toBe(false);
    // (an empty recorded neighbour, at the article's edge, is no trace)
    expect(worthReviewing(scored(0, 50, 0.5, 0.5, 0.5, 0.5), [], '', ' after')).toBe(false);
  });

  it('a rewriting between the old surroundings as wide as they were, unless a verbatim copy stands outside', () => {
    const recorded = { exact: 'x'.repeat(50), prefix: '', suffix: '', hint: 0 };
    const bracket = { start: 100, end: 160, gap: 10, before: 5, after: 5 };
    const inside = scored(105, 155, 0.4, 0.3, 0, 0);
    expect(rewrittenBetween(inside, [inside], recorded, bracket)).toBe(true);
    expect(rewrittenBetween(scored(105, 155, 0.4, 0.29, 0, 0), [], recorded, bracket)).toBe(false);
    expect(rewrittenBetween(inside, [inside, scored(300, 350, 0.6, 1, 0, 0)], recorded, bracket)).toBe(false);
    // (a bracket far wider than it was: more than a rewording added there)
    expect(rewrittenBetween(inside, [inside], recorded, { ...bracket, start: 0, end: 200 })).toBe(false);
  });

  it('a stretch kept within an old place that text was added to, keeping a third of the words', () => {
    const exact = 'the agreement must still be ratified';
    const text = `${'.'.repeat(100)}the agreement will be ratified soon${'.'.repeat(100)}`;
    const recorded = { exact, prefix: '', suffix: '', hint: 0 };
    const offered = scored(100, 135, 0.5, 0.5, 0, 0);
    const bracket = { start: 90, end: 150, gap: 10, before: 5, after: 5 };
    expect(keptWithinBracket(offered, [offered], recorded, bracket, text)).toBe(true);
    // (three times as wide as the claim and what stood beside it: too far to say)
    expect(keptWithinBracket(offered, [offered], recorded, { ...bracket, start: 0, end: 200 }, text)).toBe(false);
  });
});

describe('a copy or the claim (moved-or-copied.ts)', () => {
  const claimed = 'The agreement must still be ratified by both parliaments.';
  const before = `Farmers said the flow had fallen. ${claimed} A vote is expected.`;
  const claim = describeRange(before, before.indexOf(claimed), before.indexOf(claimed) + claimed.length);

  it('the very words as a quoted paragraph of their own, where the claim stood inside a paragraph: a pull-quote', () => {
    const text = `Farmers said the flow had fallen. A vote is expected.\n\n\u201C${claimed}\u201D\n\nGroups welcomed it.`;
    const range = { start: text.indexOf(claimed), end: text.indexOf(claimed) + claimed.length };
    expect(pullQuote(text, range, claim)).toBe(true);
    // (inside a paragraph with more than a label besides the words: not a pull-quote)
    const inSentence = `Farmers said the flow had fallen, and added: ${claimed}`;
    expect(pullQuote(inSentence, { start: inSentence.indexOf(claimed), end: inSentence.length }, claim)).toBe(false);
  });

  it('a claim that was a paragraph of its own, still one: no pull-quote', () => {
    const own = `Farmers said the flow had fallen.\n\n${claimed}\n\nA vote is expected.`;
    const ownClaim = describeRange(own, own.indexOf(claimed), own.indexOf(claimed) + claimed.length);
    const text = `A vote is expected.\n\n${claimed}\n\nFarmers said the flow had fallen.`;
    expect(pullQuote(text, { start: text.indexOf(claimed), end: text.indexOf(claimed) + claimed.length }, ownClaim)).toBe(false);
  });
});

describe('the best and its rival (choose-place.ts)', () => {
  it('a verbatim copy with none of the old surroundings is no rival to an edited original by a verbatim neighbour', () => {
    const edited = scored(100, 150, 0.8, 0.8, 1, 0.3);
    const copy = scored(300, 350, 0.78, 1, 0.1, 0);
    const other = scored(500, 550, 0.5, 0.55, 0.4, 0.4);
    expect(rivalOf([edited, copy, other], edited)).toBe(other);
    expect(rivalOf([copy, edited, other], copy)).toBe(edited);
  });

  it('a close rival keeping half the quote makes the placement ambiguous, unless the best clearly has more of the context', () => {
    const best = scored(100, 150, 0.8, 0.9, 0.6, 0.6);
    expect(rivalReasons(best, scored(300, 350, 0.75, 0.9, 0.5, 0.5), false)).toEqual(['ambiguous']);
    expect(rivalReasons(best, scored(300, 350, 0.75, 0.9, 0, 0), false)).toEqual([]);
    expect(rivalReasons(best, undefined, false)).toEqual([]);
    expect(rivalReasons(best, undefined, true)).toEqual(['ambiguous']);
  });

  it('split evidence (this place has one old neighbour, the rival the other) is ambiguous however far apart in score', () => {
    const best = scored(100, 150, 0.9, 1, 0.2, 1);
    expect(rivalReasons(best, scored(300, 350, 0.5, 0.5, 1, 0.1), false)).toEqual(['ambiguous']);
  });
});

describe('the edges of a placement (placement-edges.ts)', () => {
  it('an estimated stretch is widened to whole words and stripped of spaces', () => {
    const text = 'The claim is here';
    expect(toWords(text, { start: 5, end: 10 })).toEqual({ start: 4, end: 9 });
    expect(toWords(text, { start: 3, end: 4 })).toBeUndefined();
  });

  it('an estimated stretch for a quote within one sentence is cut at a sentence end near its start', () => {
    const text = 'It rained all day. The river rose fast overnight.';
    const range = { start: text.indexOf('all day'), end: text.indexOf(' fast') };
    const cut = withinSentence(text, range, 'the river rose quickly');
    expect(cut && text.slice(cut.start, cut.end)).toBe('The river rose');
    // (a quote that held a sentence end keeps the estimate)
    expect(withinSentence(text, range, 'all day. The river rose')).toEqual(range);
  });
});
