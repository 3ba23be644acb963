/**
 * The evidence rules of issue 18's second round (calibrated on the benchmark's calibration half),
 * each pinned by a hand-built case: what is now trusted, and what still asks the analyst.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeRange } from '../../../../shared/anchoring';
import { wordSimilarity } from '../../../../shared/anchoring/word-similarity';

const claimOn = (text: string, quote: string) => {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`not in the text: ${quote}`);
  return describeRange(text, at, at + quote.length);
};
const reviewOf = (r: ReturnType<typeof anchorTarget>) => (r.status === 'orphaned' ? 'orphaned' : (r.review ?? null));

const filler = 'Markets were calm and the weather was fine for most of the week in both capitals. '.repeat(3);

describe('wordSimilarity', () => {
  it('counts whole words kept, whatever their length, without case', () => {
    expect(wordSimilarity('the minister said the budget would grow', 'the minister said the budget would grow')).toBe(1);
    // two of eight words swapped for others: three quarters kept
    expect(wordSimilarity('the minister said on Monday the budget would grow', 'the governor said on Monday the spending would grow')).toBeCloseTo(
      1 - 2 / 9,
      5,
    );
    expect(wordSimilarity('The Minister said', 'the minister SAID')).toBe(1);
    expect(wordSimilarity('one two three', 'four five six')).toBe(0);
    expect(wordSimilarity('', '')).toBe(1);
    expect(wordSimilarity('words', '')).toBe(0);
  });

  it('is symmetric and counts inserted and deleted words', () => {
    const a = 'the talks will resume in the spring';
    const b = 'the talks will perhaps resume in spring';
    expect(wordSimilarity(a, b)).toBe(wordSimilarity(b, a));
    expect(wordSimilarity(a, b)).toBeCloseTo(1 - 2 / 7, 5);
  });
});

describe('a reworded quote', () => {
  const quote = 'the port authority said the new cranes would cut waiting times for container ships by a third';
  const text = `${filler}On Tuesday ${quote}, according to its annual report. ${filler}`;
  const target = claimOn(text, quote);

  it('with a quarter of its words swapped for long other words, between both neighbours: placed, trusted', () => {
    const reworded = 'the harbour administration said the new cranes would reduce waiting times for container vessels by a third';
    const revised = text.replace(quote, reworded);
    const result = anchorTarget(revised, target);
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(reworded), end: revised.indexOf(reworded) + reworded.length });
    expect(reviewOf(result)).toBeNull();
  });

  it('with one neighbour verbatim, part of the other and no rival: placed, trusted, though 40 % of it changed', () => {
    const reworded = 'the harbour administration said its new machines could reduce queues for the container ships by a third';
    const revised = text.replace(`${quote}, according to its annual report.`, `${reworded}, according to a spokesman on local radio.`);
    const result = anchorTarget(revised, target);
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(reworded) });
    expect(reviewOf(result)).toBeNull();
    // With nothing at all left of the other neighbour, a near-copy elsewhere could look the same: asked.
    const bare = text.replace(`${quote}, according to its annual report.`, `${reworded}; a spokesman told local radio.`);
    expect(reviewOf(anchorTarget(bare, target))).toEqual(['quote-changed']);
  });

  it('with neither neighbour left: asks the analyst (or orphans), never silently placed', () => {
    const reworded = 'the port authority said its new cranes should cut waiting times for larger ships by a third';
    const revised = text.replace(`On Tuesday ${quote}, according to its annual report.`, `Separately, ${reworded}; a spokesman told local radio.`);
    const result = anchorTarget(revised, target);
    expect(reviewOf(result)).not.toBeNull();
  });
});

describe('a verbatim copy against the edited original', () => {
  const quote = 'Wang Yi said the next round of talks would be held in Beijing in the spring';
  const text = `${filler}The talks began on Monday. ${quote}, officials on both sides confirmed. Trade was not on the agenda.\n\n${filler}`;
  const target = claimOn(text, quote);
  // Reworded enough (38 % of its characters) that the untouched pull-quote outscores it on the quote alone.
  const edited = 'Wang Yi said another session of negotiations might take place in Beijing in the spring';

  it('the original, edited, still between both neighbours: placed there, trusted, not on the pull-quote', () => {
    const revised = `"${quote}"\n\n${text.replace(quote, edited)}`;
    const result = anchorTarget(revised, target);
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(edited), end: revised.indexOf(edited) + edited.length });
    expect(reviewOf(result)).toBeNull();
  });

  it('the original, edited, beside only one old neighbour: placed on the original but flagged ambiguous', () => {
    const revised = `"${quote}"\n\n${text.replace(`${quote}, officials on both sides confirmed.`, `${edited}. Nothing else was agreed.`)}`;
    const result = anchorTarget(revised, target);
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(edited) });
    expect(reviewOf(result)).toEqual(expect.arrayContaining(['ambiguous']));
  });
});

describe('a sentence swapped with its neighbour', () => {
  it('needs the whole old neighbours after it, not a few words a headline happens to repeat', () => {
    const quote = 'Bruce Springsteen\u2019s \u201cAmerican Skin\u201d';
    const body = `In a preview of the Apple Music show The 411, Blige sings ${quote} to Hillary Clinton.\n\n\u201cPromise me you will keep your hands in sight,\u201d she sings.`;
    const target = claimOn(body, quote);
    // Its sentence is gone; the phrase stands in a pull-quote above a headline that repeats
    // "Blige sings" and "to Hillary": not the old sentence swapped, so the analyst is asked.
    const revised = `\u201c${quote}\u201d\n\nMary J. Blige sings to Hillary Clinton in a preview clip.\n\n${body.replace(
      `In a preview of the Apple Music show The 411, Blige sings ${quote} to Hillary Clinton.`,
      'The clip was released on Monday.',
    )}`;
    const result = anchorTarget(revised, target);
    expect(reviewOf(result)).not.toBeNull();
  });
});

describe('a passage that was already there', () => {
  it('a deleted sentence whose near-twin stood elsewhere before, with the same next sentence: asked, not placed on the twin', () => {
    const next = ' Police said they expected several thousand people to attend the rally.';
    const s1 = 'The union said a rally would be held on Thursday in the harbour square.';
    const s2 = 'The union said a rally would be held on Friday in the harbour square.';
    const text = `${filler}Talks broke down on Monday. ${s1}${next}\n\n${filler}Later in the week the mood changed. ${s2}${next}\n\n${filler}`;
    const target = claimOn(text, s1);
    const revised = text.replace(`${s1}${next}`, `${next.trim()}`);
    // Without the previous revision, the twin (one word apart, the same next sentence) looks like the claim edited.
    const blind = anchorTarget(revised, target);
    expect(blind).toMatchObject({ status: 'relocated', start: revised.indexOf(s2) });
    expect(reviewOf(blind)).toBeNull();
    // With it, the twin's very text was already there, away from the claim: the analyst is asked.
    const result = anchorTarget(revised, target, { previousText: text });
    expect(reviewOf(result)).toEqual(expect.arrayContaining(['ambiguous']));
    // A claim reworded in place is new text: not affected.
    const edited = text.replace(s1, 'The union said a rally would be held on Thursday in the main harbour square.');
    expect(reviewOf(anchorTarget(edited, target, { previousText: text }))).toBeNull();
  });
});

describe('the edges of the article and split evidence', () => {
  it('a claim that opened the article, deleted there and copied into a later sentence: asked (text before it now is no neighbour)', () => {
    const lead = 'A pharmaceutical company announced on Wednesday that it would build a vaccine factory in the northern province of Halden';
    const text = `${lead}, creating around 900 jobs.\n\n${filler}\n\nThe governor welcomed the news.`;
    const target = claimOn(text, lead);
    expect(target.quote.prefix).toBe('');
    const revised = `${filler}\n\nThe governor welcomed the news, and ${lead}.`;
    const result = anchorTarget(revised, target);
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(lead) });
    expect(reviewOf(result)).toEqual(['context-changed']);
    // Still at the very start, with its old next words: trusted.
    const kept = `${lead}, creating around 900 jobs in all.\n\nA new paragraph.`;
    expect(reviewOf(anchorTarget(kept, target, { checkTwins: true }))).toBeNull();
  });

  it('one place keeps the old next sentence, another the old previous one: ambiguous', () => {
    const quote = 'Officials said construction could start in 2027 if the assessment is approved';
    const text = `${filler}The reservoir would release water for the wetland during the breeding season. ${quote}.\n\nThe agreement must still be ratified by both parliaments.`;
    const target = claimOn(text, quote);
    const reworded = 'Officials suggested building might begin in 2027 if the review is approved';
    const copy = 'Officials said construction could start in 2027 if the assessment is approved';
    // The original, reworded, keeps its previous sentence; a lightly edited copy of the old words
    // now stands before the next paragraph.
    const revised = text.replace(
      `${quote}.\n\n`,
      `${reworded}. The first round of talks was held in Geneva, and ${copy.replace('said', 'sayd')}.\n\n`,
    );
    const result = anchorTarget(revised, target);
    expect(reviewOf(result)).toEqual(expect.arrayContaining(['ambiguous']));
  });

  it('a copy set down a paragraph after its old neighbours is not a sentence swapped with one (the claim is gone: orphaned, the copy offered)', () => {
    const quote = 'He said the provincial government had offered the company land and help with training local workers.';
    const before = 'The governor called the decision "the best news Halden has had in a generation".';
    const after = '"We did not win this factory by luck. We won it because our people are ready," he said.';
    const text = `${filler}${before} ${quote} ${after}\n\nThe company's chief executive said skilled workers had been decisive.`;
    const target = claimOn(text, quote);
    const revised = text.replace(` ${quote} `, ' ').replace('\n\nThe company', `\n\n\u201c${quote}\u201d\n\nThe company`);
    // Its old neighbours now stand side by side: the sentence was cut out there, and the words in
    // a new paragraph are a quote of it (issue 18, fourth round), not the claim moved.
    const result = anchorTarget(revised, target);
    expect(result).toMatchObject({
      status: 'orphaned',
      bestCandidate: { start: revised.indexOf(quote), end: revised.indexOf(quote) + quote.length },
    });
  });
});

describe('a pull-quote of the old words is no rival to the edited original by its old neighbour', () => {
  it('the original, edited, keeps its previous sentence; the pull-quote at the end has none of its surroundings: trusted', () => {
    const quote = 'the council would close two of the five hospitals by the end of next year';
    const text = `${filler}The budget was published on Monday. It said ${quote} to save money. ${filler}`;
    const target = claimOn(text, quote);
    const edited = 'the council would close two of the five hospitals by the end of 2026';
    const revised = `${text.replace(`${quote} to save money.`, `${edited}. No figures were given.`)}\n\nIn brief: \u201c${quote}\u201d`;
    const result = anchorTarget(revised, target, { previousText: text });
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(edited), end: revised.indexOf(edited) + edited.length });
    expect(reviewOf(result)).toBeNull();
  });

  it('a short phrase edited in place is not taken for a passage already there because its words stand elsewhere too', () => {
    const text = `${filler}The union said the strike was over. Later the union said the strike would resume. ${filler}`;
    const target = claimOn(text, 'the strike was over');
    const revised = text.replace('the strike was over', 'the strike would resume');
    const result = anchorTarget(revised, target, { previousText: text });
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf('the strike would resume') });
    expect(reviewOf(result)).toEqual(expect.not.arrayContaining(['ambiguous']));
  });
});

describe("the previous revision's wider surroundings", () => {
  it('a long quote reworded with its whole sentence, the sentences around it untouched: trusted with the previous revision, asked without', () => {
    const before = 'The reservoir would be designed to release water for the wetland during the breeding season, officials said.';
    const sentence =
      'Speaking on Tuesday, the minister said the government would ask parliament to ratify the water treaty before the summer recess, despite protests.';
    const quote = 'the government would ask parliament to ratify the water treaty before the summer recess';
    const after = 'The agreement must still be approved by both parliaments and by the river commission in Geneva.';
    const text = `${filler}${before} ${sentence} ${after} ${filler}`;
    const target = claimOn(text, quote);
    expect(quote.length).toBeGreaterThanOrEqual(80);
    const reworded =
      'In a radio interview, a senior official insisted that the cabinet would ask lawmakers to ratify the water accord before the summer break, come what may.';
    const revised = text.replace(sentence, reworded);
    const now = 'the cabinet would ask lawmakers to ratify the water accord before the summer break';
    const withHistory = anchorTarget(revised, target, { previousText: text });
    expect(withHistory).toMatchObject({ status: 'relocated', start: revised.indexOf(now) });
    expect(reviewOf(withHistory)).toBeNull();
    expect(reviewOf(anchorTarget(revised, target))).toEqual(['quote-changed']);
  });
});

describe('a whole paragraph moved', () => {
  const p1 = 'The minister opened the session with a short statement on the budget.';
  const claim = 'Talks on the water treaty will resume in Geneva next month, the ministry said.';
  const p3 = 'Protesters gathered outside the building for most of the afternoon.';
  const p4 = 'Markets were calm and the weather was fine for most of the week in both capitals.';
  const text = [p1, claim, p3, p4].join('\n\n');
  const target = claimOn(text, claim);

  it('the claim was its whole paragraph, and that paragraph stands elsewhere unchanged: trusted with the previous revision', () => {
    const revised = [p1, p3, p4, claim].join('\n\n');
    const result = anchorTarget(revised, target, { previousText: text });
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf(claim) });
    expect(reviewOf(result)).toBeNull();
    // Without the previous revision a moved paragraph and a deleted one quoted elsewhere look alike.
    expect(reviewOf(anchorTarget(revised, target))).toEqual(['context-changed']);
  });

  it('the paragraph deleted and its words quoted in a new paragraph: orphaned, the quote offered (with or without the previous revision)', () => {
    const revised = [p1, p3, p4, `In brief: ${claim}`].join('\n\n');
    const copy = { start: revised.indexOf(claim), end: revised.indexOf(claim) + claim.length };
    expect(anchorTarget(revised, target, { previousText: text })).toMatchObject({ status: 'orphaned', bestCandidate: copy });
    expect(anchorTarget(revised, target)).toMatchObject({ status: 'orphaned', bestCandidate: copy });
  });
});

describe('a previous revision that does not fit the selectors', () => {
  it('is only weaker evidence: nothing throws, and what the text alone shows still decides', () => {
    const quote = 'the port authority said the new cranes would cut waiting times';
    const text = `${filler}On Tuesday ${quote} by a third. ${filler}`;
    const target = claimOn(text, quote);
    const revised = `A new first paragraph.\n\n${text.replace('would cut', 'could cut')}`;
    for (const previousText of ['', 'short', revised, `${text}${text}`]) {
      const result = anchorTarget(revised, target, { previousText, checkTwins: true });
      expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf('the port authority') });
    }
  });
});
