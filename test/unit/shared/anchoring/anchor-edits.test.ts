/**
 * Real edits on a real article: for every edit, the expected outcome of every gold claim.
 * Expected offsets are worked out from the edit itself (where the paragraph or quote now is),
 * never from the engine.
 */
import { describe, expect, it } from 'vitest';
import { RELOCATE_THRESHOLD, anchorTarget, type AnchorResult } from '../../../../shared/anchoring';
import { ARTICLE, GOLD, GOLD_TARGETS, goldIndex, paragraphs } from './article-fixture';

const anchorAll = (text: string): AnchorResult[] => GOLD_TARGETS.map((target) => anchorTarget(text, target));

/** Where gold claim `index` now starts, given that its paragraph moved: same offset within it. */
function offsetInMovedParagraph(newText: string, index: number): number {
  const claim = GOLD[index]!;
  const paragraph = paragraphs().find((p) => p.includes(claim.exact))!;
  const oldParagraphStart = ARTICLE.indexOf(paragraph);
  const newParagraphStart = newText.indexOf(paragraph);
  expect(newText.indexOf(paragraph, newParagraphStart + 1)).toBe(-1);
  return newParagraphStart + (claim.start - oldParagraphStart);
}

/**
 * A claim whose quote is still at its old offsets is `exact` only if its recorded prefix and
 * suffix are there too, character for character; with new neighbours it is `relocated` in place.
 */
function expectInPlace(text: string, result: AnchorResult | undefined, index: number): void {
  const claim = GOLD[index]!;
  const contextIntact = text.slice(claim.start - claim.prefix.length, claim.start) === claim.prefix && text.startsWith(claim.suffix, claim.end);
  expectAt(result, contextIntact && text.startsWith(claim.exact, claim.start) ? 'exact' : 'relocated', claim.start, claim.end);
  expect(result).not.toHaveProperty('review');
}

function expectAt(result: AnchorResult | undefined, status: 'exact' | 'relocated', start: number, end: number): void {
  expect(result).toMatchObject({ status, start, end });
  expect(result!.score).toBeGreaterThanOrEqual(RELOCATE_THRESHOLD);
}

describe('anchoring gold claims after real edits', () => {
  it('text unchanged: all ten claims exact at their gold offsets with score 1', () => {
    const results = anchorAll(ARTICLE);
    GOLD.forEach((claim, i) => {
      expect(results[i]).toEqual({ status: 'exact', start: claim.start, end: claim.end, score: 1 });
    });
  });

  it('a sentence inserted before every quote: all relocated by its length, score near 1', () => {
    const insertAt = ARTICLE.indexOf(' The agreement was reached');
    const inserted = ' Officials on both sides briefed reporters separately after the meeting.';
    const text = ARTICLE.slice(0, insertAt) + inserted + ARTICLE.slice(insertAt);
    expect(insertAt).toBeLessThan(Math.min(...GOLD.map((c) => c.start)));
    anchorAll(text).forEach((result, i) => {
      expectAt(result, 'relocated', GOLD[i]!.start + inserted.length, GOLD[i]!.end + inserted.length);
      expect(result.score).toBeGreaterThan(0.95);
      expect(result.score).toBeLessThan(1);
    });
  });

  it('words inserted inside a quote: that claim relocated by fuzzy match over the edited sentence, score < 1', () => {
    const sullivan = goldIndex('Sullivan expressed');
    const text = ARTICLE.replace('Sullivan expressed concerns', 'Sullivan on Wednesday expressed serious concerns');
    const growth = text.length - ARTICLE.length;
    const results = anchorAll(text);
    const edited = GOLD[sullivan]!.exact.replace('Sullivan expressed concerns', 'Sullivan on Wednesday expressed serious concerns');
    const result = results[sullivan]!;
    expectAt(result, 'relocated', GOLD[sullivan]!.start, GOLD[sullivan]!.start + edited.length);
    expect(result.score).toBeLessThan(0.95);
    results.forEach((other, i) => {
      if (i === sullivan) return;
      const claim = GOLD[i]!;
      if (claim.end <= GOLD[sullivan]!.start - claim.suffix.length) expectAt(other, 'exact', claim.start, claim.end);
      else if (claim.start > GOLD[sullivan]!.end) expectAt(other, 'relocated', claim.start + growth, claim.end + growth);
      else expectInPlace(text, other, i); // its suffix reaches into the edit
    });
  });

  it('a quote rewritten past half its wording between intact neighbours: placed only as needs-review (quote changed), neighbours unaffected', () => {
    const taiwan = goldIndex('Taiwan independence');
    const text = ARTICLE.replace(
      'Taiwan independence is the biggest risk to peace and stability',
      'Any move toward formal separation is the greatest threat to calm and order',
    );
    const results = anchorAll(text);
    const rewritten = 'Any move toward formal separation is the greatest threat to calm and order in the Taiwan Strait';
    expect(results[taiwan]).toMatchObject({
      status: 'relocated',
      start: text.indexOf(rewritten),
      end: text.indexOf(rewritten) + rewritten.length,
      review: ['quote-changed'],
    });
    const usTaiwan = goldIndex('The US, however');
    const shift = text.length - ARTICLE.length;
    expectAt(results[usTaiwan], 'relocated', GOLD[usTaiwan]!.start + shift, GOLD[usTaiwan]!.end + shift);
  });

  it('a quote reworded in place, more than half of it kept, between both recorded neighbours: trusted (no review)', () => {
    const taiwan = goldIndex('Taiwan independence');
    const text = ARTICLE.replace(
      'Taiwan independence is the biggest risk to peace',
      'Any move toward formal separation is the greatest threat to calm',
    );
    const result = anchorTarget(text, GOLD_TARGETS[taiwan]!);
    const rewritten = 'Any move toward formal separation is the greatest threat to calm and stability in the Taiwan Strait';
    expect(result).toEqual({
      status: 'relocated',
      start: text.indexOf(rewritten),
      end: text.indexOf(rewritten) + rewritten.length,
      score: expect.any(Number),
    });
    // The same words with neither neighbour left (both sentences around it rewritten too): only a
    // guess, so the analyst is asked.
    const alone = text
      .replace('aiwan, with Wang stressing that ', 'aiwan; the foreign minister argued that ')
      .replace('. The US, however, emphasized th', '; American officials stressed instead th');
    const unsure = anchorTarget(alone, GOLD_TARGETS[taiwan]!);
    expect(unsure.status === 'orphaned' || unsure.review !== undefined).toBe(true);
  });

  it('a sentence reworded around and inside the quote: relocated at whole words, with a modest score', () => {
    const dialogue = goldIndex('both sides agreed to hold');
    const text = ARTICLE.replace(
      'Despite the ongoing disagreements, both sides agreed to hold a second round of China-US intergovernmental dialogue on AI at an appropriate time. The first',
      'Amid continuing differences, the two governments agreed to hold a second round of intergovernmental dialogue on AI at some appropriate time. A first',
    );
    const result = anchorTarget(text, GOLD_TARGETS[dialogue]!);
    // The claim began right after the sentence's first comma: "both sides" became "the two governments".
    const expected = 'the two governments agreed to hold a second round of intergovernmental dialogue on AI at some appropriate time';
    expectAt(result, 'relocated', text.indexOf(expected), text.indexOf(expected) + expected.length);
    expect(result.score).toBeLessThan(0.85);
  });

  it('a deleted paragraph: its two claims orphaned, earlier ones exact, later ones moved up', () => {
    const deleted = paragraphs()[7]!;
    expect(deleted).toMatch(/^The two sides also discussed the issue of Taiwan/);
    const text = ARTICLE.replace(`${deleted}\n`, '');
    const removed = deleted.length + 1;
    const results = anchorAll(text);
    GOLD.forEach((claim, i) => {
      const result = results[i]!;
      if (deleted.includes(claim.exact)) {
        expect(result).toMatchObject({ status: 'orphaned', start: null, score: 0 });
      } else if (claim.end < ARTICLE.indexOf(deleted)) {
        expectInPlace(text, result, i);
      } else {
        expectAt(result, 'relocated', claim.start - removed, claim.end - removed);
      }
    });
    expect(results.filter((r) => r.status === 'orphaned')).toHaveLength(2);
  });

  it('reordered paragraphs: every claim follows its paragraph', () => {
    const p = paragraphs();
    const order = [0, 1, 2, 6, 5, 3, 4, 8, 7, 9, 10, 11];
    const text = order.map((i) => p[i]).join('\n');
    const results = anchorAll(text);
    GOLD.forEach((claim, i) => {
      const start = offsetInMovedParagraph(text, i);
      expectAt(results[i], start === claim.start ? 'exact' : 'relocated', start, start + claim.exact.length);
    });
    // Claims at the start of a moved paragraph lost their old prefix but are still accepted.
    expect(results[goldIndex('Both sides agreed to maintain')]!.score).toBeLessThan(0.97);
  });

  it('a longer version of the same story (paragraphs added between, one repeating a quote): all relocated correctly', () => {
    const extra = [
      'Sullivan was the most senior US official to visit Beijing this year.',
      'Analysts in Taipei said that Taiwan independence is the biggest risk to peace and stability in the Taiwan Strait, in the words often used by Beijing.',
      'The talks covered fentanyl, military communication and artificial intelligence.',
    ];
    const p = paragraphs();
    const longer = p.flatMap((paragraph, i) => (i >= 2 && i <= 9 ? [paragraph, extra[i % extra.length]!] : [paragraph]));
    const text = longer.join('\n\n');
    const results = anchorAll(text);
    GOLD.forEach((claim, i) => {
      const start = offsetInMovedParagraph(text, i);
      expectAt(results[i], 'relocated', start, start + claim.exact.length);
      expect(results[i]!.score).toBeGreaterThan(0.85);
      expect(results[i]).not.toHaveProperty('review');
    });
  });

  it('whitespace changes (blank lines between paragraphs, double spaces, a quote reflowed over lines)', () => {
    const usTaiwan = goldIndex('The US, however');
    const reflowed = GOLD[usTaiwan]!.exact.replace('importance of ', 'importance of\n    ');
    const text = ARTICLE.replace(/\n/g, '\n\n').replace(/\. /g, '.  ').replace(GOLD[usTaiwan]!.exact, reflowed);
    const results = anchorAll(text);
    GOLD.forEach((claim, i) => {
      const quote = i === usTaiwan ? reflowed : claim.exact;
      const start = text.indexOf(quote);
      expect(text.lastIndexOf(quote)).toBe(start);
      expectAt(results[i], 'relocated', start, start + quote.length);
      expect(results[i]!.score).toBeGreaterThan(0.95);
    });
  });

  it('straight quotes made curly: claims with quotation marks in quote or context relocated in place, others exact', () => {
    const curl = (s: string) => s.replace(/"([^"\n]*)"/g, '\u201C$1\u201D').replace(/'/g, '\u2019');
    const text = curl(ARTICLE);
    expect(text.length).toBe(ARTICLE.length);
    const results = anchorAll(text);
    GOLD.forEach((claim, i) => {
      // A quote whose own characters changed gets new selectors (relocated); one whose
      // characters are intact in place stays exact. Typography is not an edit: score 1 both ways.
      const touched = /["']/.test(claim.prefix + claim.exact + claim.suffix);
      expectAt(results[i], touched ? 'relocated' : 'exact', claim.start, claim.end);
      expect(results[i]).not.toHaveProperty('review');
      expect(results[i]!.score).toBe(1);
    });
    const wang = goldIndex('China is firmly');
    expect(text.slice(results[wang]!.start!, results[wang]!.end!)).toBe(GOLD[wang]!.exact);
    const miles = goldIndex('the US and China remain');
    expect(text.slice(results[miles]!.start!, results[miles]!.end!)).toBe('the US and China remain \u201Cmiles apart\u201D on critical issues');
  });

  it("curly quotes made straight: a claim on the article's \u201Cagree to disagree.\u201D follows", () => {
    const start = ARTICLE.indexOf('\u201Cagree');
    const end = ARTICLE.indexOf('\u201D') + 1;
    const target = {
      quote: {
        type: 'TextQuoteSelector' as const,
        exact: ARTICLE.slice(start, end),
        prefix: ARTICLE.slice(start - 32, start),
        suffix: ARTICLE.slice(end, end + 32),
      },
      position: { type: 'TextPositionSelector' as const, start, end },
    };
    const text = ARTICLE.replace(/[\u201C\u201D]/g, '"');
    const result = anchorTarget(text, target);
    expectAt(result, 'relocated', start, end);
    expect(text.slice(start, end)).toBe('"agree to disagree."');
  });
});
