/**
 * Each failure issue 18 measured, pinned: the situation built by hand, the outcome required.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, createAnchorer, describeRange } from '../../../../shared/anchoring';
import { editDistance } from '../../../../shared/anchoring/refine-boundaries';
import { ARTICLE } from './article-fixture';

const claimOn = (text: string, quote: string, nth = 0) => {
  let at = text.indexOf(quote);
  for (let i = 0; i < nth; i += 1) at = text.indexOf(quote, at + 1);
  return describeRange(text, at, at + quote.length);
};

describe('editDistance', () => {
  it('counts every extra character whichever argument is longer', () => {
    const quote = 'Taiwan independence is the biggest risk to peace';
    const longer = `${quote} and stability in the Taiwan Strait, said Wang Y`;
    expect(longer.length - quote.length).toBe(48);
    expect(editDistance(longer, quote)).toBe(48);
    expect(editDistance(quote, longer)).toBe(48);
  });

  it('is the Levenshtein distance on small cases', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('issue 18 failures', () => {
  const sentence = 'Wang Yi said Taiwan independence is the biggest risk to peace and stability in the Taiwan Strait.';
  const article = `The talks began on Tuesday. ${sentence} Officials on both sides briefed reporters later.\n\nIn other news, the weather was fine and the markets were calm all week.`;

  it('an untouched copy of the old wording elsewhere does not beat the lightly edited original', () => {
    const target = claimOn(article, sentence);
    const edited = sentence.replace('biggest', 'greatest');
    const revised = `${article.replace(sentence, edited)}\n\nPull quote: “${sentence}”`;
    const result = anchorTarget(revised, target);
    expect(result.status).toBe('relocated');
    expect(result.start).toBe(revised.indexOf(edited));
    expect(result.end).toBe(revised.indexOf(edited) + edited.length);
  });

  it('two identical copies in new surroundings are not reported as exact: ambiguous, needs review', () => {
    const target = claimOn(article, sentence);
    const revised = `Summary. ${sentence}\n\nThe talks ended. ${sentence}\n\nMore later.`;
    const result = anchorTarget(revised, target);
    expect(result.status).toBe('relocated');
    expect(result.status !== 'orphaned' && result.review).toEqual(expect.arrayContaining(['ambiguous']));
  });

  it('an identical copy of quote and context pasted above the claim: ambiguous, not exact, in an edited text', () => {
    const paragraph = ARTICLE.split('\n').find((line) => line.includes('"miles apart"'))!;
    const target = claimOn(ARTICLE, 'the US and China remain "miles apart" on critical issues');
    const revised = ARTICLE.replace(paragraph, `${paragraph}\n${paragraph}`);
    // The first copy stands exactly where the claim was, context and all; so does the second, further down.
    expect(revised.startsWith(target.quote.exact, target.position.start)).toBe(true);
    const result = anchorTarget(revised, target, { checkTwins: true });
    expect(result).toMatchObject({ status: 'relocated', start: target.position.start, review: ['ambiguous'] });
    // On the text the claim was made on, nothing was pasted: exact.
    expect(anchorTarget(ARTICLE, target, { checkTwins: true })).toMatchObject({ status: 'exact' });
  });

  it("a repeated quote in identical surroundings: the claim's old ordinal, not the old offset, picks the occurrence (flagged)", () => {
    const P =
      'The minister said that peace and stability matter most of all, and that the talks would go on in the spring whatever the markets did, for the sake of the region today.';
    const oldIntro = `${'A long opening paragraph about the week in trade and diplomacy. '.repeat(3)}All of it matters to the region today.`;
    const newIntro = 'A short opening for the region today.';
    const before = `${oldIntro}\n${P}\n${P}`;
    const target = claimOn(before, 'peace and stability', 0);
    const after = `${newIntro}\n${P}\n${P}`;
    const first = after.indexOf('peace and stability');
    const second = after.indexOf('peace and stability', first + 1);
    // The old offset is now nearer the second copy; both copies have the claim's very context.
    expect(Math.abs(second - target.position.start)).toBeLessThan(Math.abs(first - target.position.start));
    expect(anchorTarget(after, target)).toMatchObject({ start: second });
    const hinted = anchorTarget(after, target, { previousText: before });
    expect(hinted).toMatchObject({ status: 'relocated', start: first, end: first + 'peace and stability'.length });
    expect(hinted.status !== 'orphaned' && hinted.review).toEqual(['ambiguous']);
  });

  it('a sentence swapped with its neighbour is trusted where it lands; the same words far from their old neighbours are not', () => {
    const a = 'Officials on both sides briefed reporters after the meeting ended late on Tuesday.';
    const b = 'Wang Yi said that the next round of talks would be held in the spring in Beijing.';
    const filler = 'Markets were calm and the weather was fine for most of the week in both capitals. '.repeat(4);
    const text = `${filler}The talks began on Monday. ${a} ${b} Trade was not on the agenda this time.\n\n${filler}`;
    const target = claimOn(text, b);
    const swapped = text.replace(`${a} ${b}`, `${b} ${a}`);
    const result = anchorTarget(swapped, target);
    expect(result).toMatchObject({ status: 'relocated', start: swapped.indexOf(b) });
    expect(result).not.toHaveProperty('review');

    // Cut out between its old neighbours (which now stand side by side) and quoted in a new
    // sentence far away: the claim is gone, the quote offered to the orphan review.
    const moved = `${text.replace(`${b} `, '')}\n\n${filler}Later: ${b}`;
    const far = anchorTarget(moved, target);
    expect(far).toMatchObject({ status: 'orphaned', bestCandidate: { start: moved.lastIndexOf(b), end: moved.lastIndexOf(b) + b.length } });
    // Moved whole, as a sentence of its own, it may be the claim: placed, asked.
    const whole = `${text.replace(`${b} `, '')}\n\n${filler}${b}`;
    expect(anchorTarget(whole, target)).toMatchObject({ status: 'relocated', start: whole.lastIndexOf(b), review: ['context-changed'] });
  });

  it('light rewording of a long quote between intact neighbours is placed on the reworded text', () => {
    const long =
      'the two governments agreed to restore the military hotline, to resume regular talks between their defence ministers, and to hold a second round of dialogue on artificial intelligence before the end of the year';
    const text = `Officials said on Friday that ${long}, according to a statement issued after the meeting.`;
    const target = claimOn(text, long);
    expect(long.length).toBeGreaterThan(128);
    const reworded = long
      .replace('agreed', 'decided')
      .replace('restore', 'reopen')
      .replace('regular talks', 'routine meetings')
      .replace('defence ministers', 'armed forces chiefs')
      .replace('second round', 'further session')
      .replace('before the end of the year', 'within months');
    const revised = text.replace(long, reworded);
    const result = anchorTarget(revised, target);
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(reworded), end: revised.indexOf(reworded) + reworded.length });
    expect(result).not.toHaveProperty('review');
  });

  it('a short unique quote in new surroundings is placed (for review), not orphaned', () => {
    const text = `${ARTICLE}`;
    const target = claimOn(text, 'military-to-military');
    const revised = `Both sides want military-to-military channels reopened quickly.\n\n${text.replace(/military-to-military/g, 'defence')}`;
    const result = anchorTarget(revised, target);
    expect(result.status).toBe('relocated');
    expect(result.start).toBe(revised.indexOf('military-to-military'));
    expect(result.status !== 'orphaned' && result.review).toEqual(['context-changed']);
  });

  it('a deleted claim with a verbatim twin elsewhere is not silently placed on the twin', () => {
    const target = claimOn(article, sentence);
    const revised = `${article.replace(`${sentence} `, '')}\n\nAs reported earlier: ${sentence}`;
    const result = anchorTarget(revised, target);
    if (result.status !== 'orphaned') expect(result.review).toBeDefined();
  });

  it('one anchorer (one normalised text and index) serves many claims, the same answer each time', () => {
    // 200 claims after an insertion at the top: all relocated through one anchorer, and the
    // second anchoring of the same targets finds the same places (shared state is not corrupted).
    const targets = Array.from({ length: 200 }, (_, i) => {
      const start = (i * 37) % (ARTICLE.length - 60);
      const s = ARTICLE.indexOf(' ', start) + 1;
      return describeRange(ARTICLE, s, ARTICLE.indexOf(' ', s + 30));
    });
    const revised = `A new first paragraph.\n${ARTICLE}`;
    const anchorer = createAnchorer(revised);
    const first = targets.map((t) => anchorer.anchor(t));
    const again = targets.map((t) => anchorer.anchor(t));
    expect(again).toEqual(first);
    first.forEach((r, i) => expect(r.start).toBe(targets[i]!.position.start + 23));
  });
});
