/**
 * Issue 18, fourth round: the claim's old place, found by the text around it (the previous
 * revision's, or the recorded neighbours), tells a deleted claim from a moved or rewritten one.
 * - A deleted claim whose words stand elsewhere (a pull-quote, a summary, a twin already there) is
 *   orphaned, the copy offered to the review; a sentence moved whole is still placed (asked), and
 *   a short quote kept in new surroundings is still placed.
 * - A claim rewritten with its neighbours is placed for review when the wider old surroundings
 *   still bracket a stretch of its length, with no rival; never trusted.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeRange } from '../../../../shared/anchoring';
import { leftEmpty, oldBracket, sentenceAround } from '../../../../shared/anchoring/vacated-place';

const lead = 'The river commission met in Edel on Monday to review the water treaty signed last spring by both governments.';
const valley = 'Farmers in the lower valley said the summer flow had fallen to its lowest level in twenty years.';
const claimed = 'The agreement must still be ratified by both parliaments before it can take effect.';
const after = 'Officials expect a vote before the end of the year.';
const wetland = 'Environmental groups welcomed the wetland clauses but asked for independent monitoring of the river.';
const text = `${lead}\n\n${valley} ${claimed} ${after}\n\n${wetland}`;
const claim = describeRange(text, text.indexOf(claimed), text.indexOf(claimed) + claimed.length);

describe('a deleted claim whose words stand elsewhere', () => {
  const pullQuote = `${lead}\n\n${valley} ${after}\n\n\u201C${claimed}\u201D\n\n${wetland}`;

  it('its sentence cut out, the words set down as a pull-quote: orphaned, the copy offered (with and without the previous revision)', () => {
    const copy = { start: pullQuote.indexOf(claimed), end: pullQuote.indexOf(claimed) + claimed.length };
    expect(anchorTarget(pullQuote, claim, { previousText: text })).toMatchObject({ status: 'orphaned', bestCandidate: copy });
    expect(anchorTarget(pullQuote, claim)).toMatchObject({ status: 'orphaned', bestCandidate: copy });
  });

  it('its clause cut out, the words already standing in another sentence of the previous revision: orphaned', () => {
    const phrase = 'the summer flow';
    const before = `${lead} The commission measured the summer flow at three stations.\n\n${valley} ${after}`;
    const target = describeRange(before, before.lastIndexOf(phrase), before.lastIndexOf(phrase) + phrase.length);
    const revised = `${lead} The commission measured the summer flow at three stations.\n\nFarmers in the lower valley complained. ${after}`;
    expect(anchorTarget(revised, target, { previousText: before }).status).toBe('orphaned');
  });

  it('the same words set down where the claim stood ("Earlier: …"): still placed, asked (the old place holds them)', () => {
    const inPlace = `${lead}\n\n${valley} Earlier: ${claimed} ${after}\n\n${wetland}`;
    const result = anchorTarget(inPlace, claim, { previousText: text });
    expect(result.status).toBe('relocated');
  });

  it('the sentence moved whole to another paragraph: still placed, asked (context-changed), not orphaned', () => {
    const moved = `${lead}\n\n${valley} ${after}\n\n${wetland} ${claimed}`;
    const result = anchorTarget(moved, claim, { previousText: text });
    expect(result).toMatchObject({ status: 'relocated', start: moved.indexOf(claimed), review: ['context-changed'] });
  });

  it('a short quote kept at its place in new surroundings: still placed', () => {
    const phrase = 'both parliaments';
    const target = describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
    const revised = `${lead}\n\n${valley} Ratification by ${phrase} is the next step, officials say. ${after}\n\n${wetland}`;
    const result = anchorTarget(revised, target, { previousText: text });
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(phrase) });
  });

  it('its sentence cut out, a passage that stood elsewhere before and shares most of its words is not taken for it', () => {
    const claimWords = 'his early-morning tweets shaming former Miss Universe Alicia Machado';
    const other = 'Hours later Trump unleashed a flurry of tweets shaming former Miss Universe Alicia Machado.';
    const old = `${lead} ${other}\n\n${valley} The campaign is defending ${claimWords}. ${after}\n\n${wetland}`;
    const target = describeRange(old, old.indexOf(claimWords), old.indexOf(claimWords) + claimWords.length);
    const revised = `${lead} ${other}\n\n${valley} ${after}\n\n${wetland}`;
    expect(anchorTarget(revised, target, { previousText: old }).status).toBe('orphaned');
  });

  it('the next sentence, which shares a few of its words, is not taken for it once its place is known to be empty', () => {
    const sentence = 'Tomas Reiter, the coalition candidate, denied that he would raise taxes for middle-income earners.';
    const next = 'He said he would raise the top rate of income tax from 42 to 45 per cent and protect pensions.';
    const old = `${lead}\n\nShe accused her opponent of planning to raise taxes on the middle class. ${sentence} ${next}\n\n${wetland}`;
    const target = describeRange(old, old.indexOf(sentence), old.indexOf(sentence) + sentence.length);
    const revised = `${lead}\n\nShe accused her opponent of planning to raise taxes on the middle class. ${next}\n\n${wetland}`;
    expect(anchorTarget(revised, target, { previousText: old }).status).toBe('orphaned');
  });
});

describe('a claim rewritten with its neighbours, bracketed by the wider old surroundings', () => {
  const quote = 'the minimum summer flow is raised to 45 per cent';
  const sentence = `Several members of the governing party said they will vote against the treaty unless ${quote}.`;
  const old = `${lead}\n\n${valley} ${sentence}\n\n${wetland}`;
  const target = describeRange(old, old.indexOf(quote), old.indexOf(quote) + quote.length);
  const rewrittenQuote = 'the lowest dry-season discharge rises to 45 per cent';
  const rewritten = `Some deputies of the ruling bloc warned they would reject the accord if ${rewrittenQuote}.`;

  it('placed on the rewritten stretch, flagged quote-changed, never trusted', () => {
    const revised = `${lead}\n\n${valley} ${rewritten}\n\n${wetland}`;
    const result = anchorTarget(revised, target, { previousText: old });
    expect(result).toMatchObject({ status: 'relocated', review: ['quote-changed'] });
    if (result.status !== 'orphaned') {
      const placed = revised.slice(result.start, result.end);
      expect(rewrittenQuote.includes(placed) || placed.includes(rewrittenQuote)).toBe(true);
    }
  });

  it('the best-scoring stretch elsewhere keeping little of the quote: the stretch where the claim stood is placed instead, asked', () => {
    // The claim's old place, between its old surroundings, holds a rewrite of its length; a phrase
    // elsewhere shares as many of its words by chance.
    const revised = `${lead} Its minimum flow rule was raised in talks.\n\n${valley} ${rewritten}\n\n${wetland}`;
    const result = anchorTarget(revised, target, { previousText: old });
    expect(result).toMatchObject({ status: 'relocated', review: ['quote-changed'] });
    if (result.status !== 'orphaned') expect(result.start).toBeGreaterThan(revised.indexOf(valley));
  });

  it('with a paragraph added beside it (the bracket now far wider than the claim): placed where the edit left it, asked', () => {
    const added =
      'A second paragraph about the talks was added by the editor here, much longer than the claim itself ever was, so that the old surroundings no longer bracket a stretch of its length.';
    const revised = `${lead}\n\n${valley} ${rewritten} ${added}\n\n${wetland}`;
    // The bracket alone is too wide to tell; the diff of the two revisions carries the claim's
    // old stretch to the rewritten one (decision 0013, sixth round).
    const start = revised.indexOf(rewrittenQuote);
    expect(anchorTarget(revised, target, { previousText: old })).toMatchObject({
      status: 'relocated',
      start,
      end: start + rewrittenQuote.length,
      review: ['quote-changed'],
    });
    // Without the previous revision there is no edit to follow: orphaned.
    expect(anchorTarget(revised, target).status).toBe('orphaned');
  });

  it('with a near-copy of the old words elsewhere scoring as high: never trusted; by the edit, asked on the rewritten stretch', () => {
    const revised = `${lead} Officials said ${quote.replace('45', '40')}.\n\n${valley} ${rewritten}\n\n${wetland}`;
    // Without the previous revision the words alone cannot tell the two apart: not trusted.
    const byWords = anchorTarget(revised, target);
    expect(byWords.status === 'orphaned' || byWords.review !== undefined).toBe(true);
    // With it, the diff shows the near-copy as new text and the claim's stretch rewritten in
    // place (decision 0013, sixth round): placed there, still asked.
    const result = anchorTarget(revised, target, { previousText: old });
    const start = revised.indexOf(rewrittenQuote);
    expect(result).toMatchObject({ status: 'relocated', start, end: start + rewrittenQuote.length });
    expect(result.status !== 'orphaned' && result.review).toBeTruthy();
  });
});

describe('oldBracket, leftEmpty and sentenceAround', () => {
  it('finds the nearest old pieces on both sides, and tells an emptied place from one with room for the claim', () => {
    const cut = `${lead}\n\n${valley} ${after}\n\n${wetland}`;
    const at = { start: text.indexOf(claimed), end: text.indexOf(claimed) + claimed.length };
    const emptied = oldBracket(text, at, cut);
    expect(emptied).toBeDefined();
    expect(leftEmpty(emptied!)).toBe(true);
    expect(cut.slice(emptied!.start, emptied!.end).trim()).toBe('');
    const kept = oldBracket(text, at, text);
    expect(kept).toEqual({ start: at.start, end: at.end, gap: 0, before: 0, after: 0 });
    expect(leftEmpty(kept!)).toBe(false);
    // Neither side found once: nothing known.
    expect(oldBracket(text, at, 'Something else entirely, written from scratch by another reporter.')).toBeUndefined();
  });

  it('uses the article edge as an anchor when the claim ended the article', () => {
    const at = { start: text.indexOf(wetland), end: text.length };
    const now = `${lead}\n\n${valley} ${after}\n\nGroups were pleased.`;
    expect(oldBracket(text, at, now)).toMatchObject({ start: now.indexOf('Groups'), end: now.length });
  });

  it('uses the article edge when the pieces between the claim and the edge were all reworded', () => {
    const at = { start: text.indexOf(wetland), end: text.indexOf(wetland) + 'Environmental groups'.length };
    const now = `${lead}\n\n${valley} ${after}\n\nGreen groups praised the marsh rules but wanted checks made by outsiders.`;
    expect(oldBracket(text, at, now)).toMatchObject({ start: now.indexOf('Green'), end: now.length });
  });

  it('sentenceAround gives the whole sentence (or sentences) holding a range', () => {
    const at = text.indexOf('both parliaments');
    expect(sentenceAround(text, { start: at, end: at + 5 })).toBe(claimed);
    expect(sentenceAround(text, { start: text.indexOf(claimed), end: text.indexOf(after) + 4 })).toBe(`${claimed} ${after}`);
    expect(sentenceAround(text, { start: 0, end: 3 })).toBe(lead);
  });
});

describe('a verbatim copy of the old words in a new sentence, the claim rewritten at its old place', () => {
  const quote = 'the minimum summer flow is raised to 45 per cent';
  const sentence = `Several members of the governing party said they will vote against the treaty unless ${quote}.`;
  const old = `${lead}\n\n${valley} ${sentence}\n\n${wetland}`;
  const target = describeRange(old, old.indexOf(quote), old.indexOf(quote) + quote.length);
  const rewrittenQuote = 'the lowest dry-season discharge rises to 45 per cent';
  const rewritten = `Some deputies of the ruling bloc warned they would reject the accord if ${rewrittenQuote}.`;

  it('placed on the rewritten stretch at the old place, not on the copy, and asked (ambiguous)', () => {
    // Neither old neighbour stands verbatim any more (the next paragraph's first words changed too).
    const revised = `${lead} Critics of the deal have long demanded that ${quote}.\n\n${valley} ${rewritten}\n\n${wetland.replace('Environmental groups', 'Campaigners for the marshes')}`;
    const result = anchorTarget(revised, target, { previousText: old });
    expect(result).toMatchObject({ status: 'relocated', review: ['ambiguous'] });
    // On the rewritten quote (its edges, reworded, are a guess), inside the rewritten sentence.
    const at = revised.indexOf(rewrittenQuote);
    if (result.status !== 'orphaned') {
      expect(result.start).toBeGreaterThan(revised.indexOf(rewritten));
      expect(result.end).toBeLessThanOrEqual(revised.indexOf(rewritten) + rewritten.length);
      expect(Math.min(result.end, at + rewrittenQuote.length) - Math.max(result.start, at)).toBeGreaterThan(rewrittenQuote.length * 0.6);
    }
  });

  it('the claim’s whole sentence moved elsewhere, a new sentence at the old place: placed on the moved sentence', () => {
    const revised = `${lead} ${sentence}\n\n${valley} ${rewritten}\n\n${wetland.replace('Environmental groups', 'Campaigners for the marshes')}`;
    const result = anchorTarget(revised, target, { previousText: old });
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(quote) });
  });
});

describe('a pull-quote set just before the claim’s paragraph, the claim lightly edited', () => {
  const sentence = 'Farmers in the lower valley, who depend on the river for irrigation, welcomed the deal.';
  const old = `${lead}\n\n${sentence} ${after}\n\n${wetland}`;
  const target = describeRange(old, old.indexOf(sentence), old.indexOf(sentence) + sentence.length);
  const edited = sentence.replace('irrigation', 'irrgiation').replace('Farmers in', 'Farmers in,');

  it('the copy took the old prefix and the original keeps the old suffix: placed on the edited original, asked', () => {
    const revised = `${lead}\n\n\u201C${sentence}\u201D\n\n${edited} ${after}\n\n${wetland}`;
    const result = anchorTarget(revised, target, { previousText: old });
    expect(result).toMatchObject({
      status: 'relocated',
      start: revised.indexOf(edited),
      end: revised.indexOf(edited) + edited.length,
      review: ['ambiguous'],
    });
    // Without the previous revision too: the claim was not a paragraph of its own.
    expect(anchorTarget(revised, target)).toMatchObject({ status: 'relocated', start: revised.indexOf(edited), review: ['ambiguous'] });
  });
});

describe('a short quote moved with one of its neighbours, a chance near-match far behind in score', () => {
  it('is not made ambiguous by a phrase elsewhere that shares most of its words but none of its context', () => {
    const first = 'The budget passed by 23 votes to 18 after a debate that lasted more than six hours.';
    const moved = 'The budget takes effect on the first of January, the council said.';
    const old = `${first}\n\n${lead}\n\n${moved}\n\n${wetland}`;
    const target = describeRange(old, old.indexOf('The budget takes'), old.indexOf('The budget takes') + 'The budget takes'.length);
    const revised = `${first}\n\n${moved}\n\n${lead}\n\n${wetland}`;
    const result = anchorTarget(revised, target, { previousText: old });
    expect(result).toEqual({ status: 'relocated', start: revised.indexOf(moved), end: revised.indexOf(moved) + 16, score: expect.any(Number) });
  });
});

describe('a long quote rewritten at its place, a paraphrase of it added a paragraph away (a short article)', () => {
  it('the paraphrase is never trusted because the wider surroundings reach it too: it lies outside the claim’s old place', () => {
    const quote = 'that the river foundation is not registered in Arveland as a charity to solicit donations';
    const old = `${lead}\n\n${valley} The attorney general is confirming ${quote}.\n\n${wetland}`;
    const target = describeRange(old, old.indexOf(quote), old.indexOf(quote) + quote.length);
    const paraphrase = 'The river foundation is not listed in Tessin as a charity to raise funds.';
    const revised = `${lead} ${paraphrase}\n\n${valley} The state prosecutor now says swing nominees river finance foundation is selection highlights registered wouldn't correct evidence as a PACs apparent solicit faces.\n\n${wetland}`;
    const result = anchorTarget(revised, target, { previousText: old });
    expect(result.status === 'orphaned' || result.review !== undefined).toBe(true);
  });
});
