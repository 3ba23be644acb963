/**
 * Issue 18, fourth round (decision 0013, "the claim's sentence"): the claim's sentence as evidence.
 * - Edges: a changed placement's edges move onto the sentence or clause boundary the claim had
 *   (after a sentence end, an opening quote mark or a comma; at its sentence's end, before a full
 *   stop, or one word before it), within a few words, never across a blank line.
 * - The claim's own sentence: a close contender standing among the other words of the claim's
 *   old sentence beats one in a sentence that is new (a copy set right before the claim's old
 *   next sentence takes its recorded suffix along).
 * - A pull-quote of the old words is another occurrence; the claim edited elsewhere is placed, asked.
 * - The claim's old place, by the text around it: a stretch rewritten there with its neighbours
 *   is placed for review; a sentence deleted there is still orphaned.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeRange } from '../../../../shared/anchoring';
import { sentenceFit, sentenceSpan } from '../../../../shared/anchoring/sentence-context';
import { snapToBoundaries } from '../../../../shared/anchoring/sentence-edges';

/** The range of `part` in `text` (its only occurrence). */
function at(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(part, start + 1)).toBe(-1);
  return { start, end: start + part.length };
}

describe('snapToBoundaries: edges onto the boundaries the claim had', () => {
  it('a whole sentence whose last words were reworded: the end moves on to the sentence end', () => {
    const quote = {
      prefix: 'its measurements every month. ',
      exact: 'Either country may ask for the agreement to be reviewed after five years.',
      suffix: '\n',
    };
    const text =
      'The commission will publish its measurements every month. Either country construction ask for the agreement to be South after thought possible.\n';
    const placed = at(text, 'Either country construction ask for the agreement to be South after');
    expect(snapToBoundaries(text, placed, quote)).toEqual(
      at(text, 'Either country construction ask for the agreement to be South after thought possible.'),
    );
  });

  it('a claim that began after a comma: a word the search took before the comma is dropped', () => {
    const quote = { prefix: 'amended to protect farmers, ', exact: 'who he said would', suffix: ' be undercut by cheaper imports.' };
    const text = 'He would sign it only if it were half automated farmers importance, who its said ships salary agree by become imports.';
    expect(snapToBoundaries(text, at(text, 'importance, who its said ships'), quote)).toEqual(at(text, 'who its said ships'));
  });

  it('a quotation that opened a sentence: the start goes back to the opening quote mark; an end one word short of the sentence end stays so', () => {
    const quote = {
      prefix: 'defended the cuts as unavoidable. "',
      exact: 'We cannot spend money we do not',
      suffix: ' have. Every department has had ',
    };
    const text =
      'It was the fourth round of bilateral meetings. "We force President spend amended money governing not welcome. Every department has had to make savings."';
    const placed = at(text, 'President spend amended money');
    expect(snapToBoundaries(text, placed, quote)).toEqual(at(text, 'We force President spend amended money governing not'));
  });

  it('a claim that stopped two words short of its sentence end: the end goes to two words before the new sentence end', () => {
    const quote = {
      prefix: 'n after the FBI decided against ',
      exact: 'recommending charges against her',
      suffix: ' in July.\n\nOf course, Republica',
    };
    const text = 'The controversy even grew after the laud appear according recommending charges fuel producer now.\n\nOf course.';
    const placed = at(text, 'recommending charges fuel producer now');
    expect(snapToBoundaries(text, placed, quote)).toEqual(at(text, 'recommending charges fuel'));
  });

  it('an edge already on its boundary, or with none in reach, stays', () => {
    const quote = { prefix: 'clashed over taxes, ', exact: 'pensions and trade in the only debate', suffix: ' of the campaign on Sunday evening.' };
    const text = 'The two candidates clashed over taxes, pensions and commerce in the only debate of the campaign on Sunday evening.';
    const placed = at(text, 'pensions and commerce in the only debate');
    expect(snapToBoundaries(text, placed, quote)).toEqual(placed);
  });

  it('never across a blank line the quote did not hold', () => {
    const quote = {
      prefix: 'before the vote. ',
      exact: 'Closing a theatre means fewer operations a year.',
      suffix: ' Those patients do not disappear',
    };
    const text = 'He spoke before the vote. Closing a theatre means fewer operations each\n\nyear. The patients wait.';
    const placed = at(text, 'Closing a theatre means fewer operations each');
    expect(snapToBoundaries(text, placed, quote)).toEqual(placed);
  });
});

describe('sentenceFit: the rest of the claim\u2019s old sentence around a candidate now', () => {
  const old = 'The talks began on Monday. Wang Yi said the next round would be held in Beijing. Trade was not discussed.';
  const claim = at(old, 'the next round would be held in Beijing');

  it('the same sentence, lightly edited around the claim: close to 1; a summary sentence that is new: far lower', () => {
    const now =
      'The talks began on Monday. Wang Yi says the next round would be held in Beijing. Ministers met, and the next round would be held in Beijing.';
    const original = { start: now.indexOf('the next round'), end: now.indexOf('Beijing') + 'Beijing'.length };
    const copyStart = now.lastIndexOf('the next round');
    const copy = { start: copyStart, end: copyStart + claim.end - claim.start };
    const kept = sentenceFit(old, claim, now, original);
    expect(kept).toBeGreaterThan(0.9);
    // (the words before it are new; the full stop after it is the same)
    expect(sentenceFit(old, claim, now, copy)).toBeLessThan(kept - 0.3);
  });

  it('sentences end at . ! ? and at blank lines, not at a line wrapped inside a paragraph', () => {
    const text = 'First sentence here. Second one is\nwrapped over a line. Third.\n\nNew paragraph.';
    expect(sentenceSpan(text, at(text, 'one is'))).toEqual(at(text, 'Second one is\nwrapped over a line.'));
    expect(sentenceSpan(text, at(text, 'New'))).toEqual(at(text, 'New paragraph.'));
  });
});

const lead = 'The river commission met in Edel on Monday to review the water treaty signed last spring by both governments.';
const valley = 'Farmers in the lower valley said the summer flow had fallen to its lowest level in twenty years.';
const claimed = 'The agreement must still be ratified by both parliaments before it can take effect.';
const after = 'Officials expect a vote before the end of the year.';
const wetland = 'Environmental groups welcomed the wetland clauses but asked for independent monitoring of the river.';
const trade = 'Trade ministers from both countries are due to meet in the autumn to discuss tariffs.';
const text = `${lead}\n\n${valley} ${claimed} ${after}\n\n${wetland}\n\n${trade}`;
const claim = describeRange(text, text.indexOf(claimed), text.indexOf(claimed) + claimed.length);

describe('the claim\u2019s own sentence against a copy that took one of its neighbours', () => {
  it('a copy in a new sentence set right before the claim\u2019s old next sentence, the original copy-edited: placed on the original, asked', () => {
    const phrase = 'the summer flow had fallen to its lowest level in twenty years';
    const target = describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
    const edited = 'the summer flow had falen to its lowest level in twenty years';
    // The copy ends just before the claim's old suffix (" The agreement must…"): the recorded
    // suffix follows the copy, the recorded prefix the original.
    const revised = text
      .replace(phrase, edited)
      .replace(`${valley.replace(phrase, edited)} `, `${valley.replace(phrase, edited)} The ministers met, and ${phrase}. `);
    expect(revised.indexOf(`${phrase}. ${claimed}`)).toBeGreaterThan(0);
    const result = anchorTarget(revised, target, { previousText: text, checkTwins: true });
    expect(result).toMatchObject({ status: 'relocated', ...at(revised, edited), review: ['ambiguous'] });
  });
});

describe('a pull-quote of the old words, the claim moved and edited elsewhere', () => {
  it('the copy is another occurrence; the edited sentence elsewhere is placed, asked', () => {
    const moved = 'The agreement must still be approved by both parliaments before it can take effect.';
    const revised = `\u201C${claimed}\u201D\n\n${lead}\n\n${valley} ${after}\n\n${wetland}\n\n${trade} ${moved}`;
    const result = anchorTarget(revised, claim, { previousText: text, checkTwins: true });
    expect(result).toMatchObject({ status: 'relocated', ...at(revised, moved) });
    expect(result.status !== 'orphaned' && result.review).toBeDefined();
  });

  it('with the claim rewritten at its old place: placed there (the stretch of its length between its old surroundings), asked', () => {
    const phrase = 'the summer flow';
    const target = describeRange(text, text.indexOf(phrase), text.indexOf(phrase) + phrase.length);
    const rewrittenValley = valley.replace('the summer flow had fallen', 'the river level kept falling');
    const revised = `${lead}\n\n${rewrittenValley} ${claimed} ${after}\n\n${wetland}\n\n\u201C${phrase}\u201D\n\n${trade}`;
    const result = anchorTarget(revised, target, { previousText: text, checkTwins: true });
    expect(result).toMatchObject({ status: 'relocated', start: revised.indexOf('the river level'), review: ['ambiguous'] });
    expect(result.end).toBeLessThanOrEqual(revised.indexOf(' falling'));
  });

  it('with the claim deleted outright: orphaned, the pull-quote offered', () => {
    const revised = `\u201C${claimed}\u201D\n\n${lead}\n\n${valley} ${after}\n\n${wetland}\n\n${trade}`;
    expect(anchorTarget(revised, claim, { previousText: text, checkTwins: true })).toMatchObject({
      status: 'orphaned',
      bestCandidate: at(revised, claimed),
    });
  });
});

describe('a claim moved down past its neighbour sentence', () => {
  it('the verbatim sentence is placed (trusted), not displaced by the neighbour that now stands where the claim began', () => {
    const opening = 'Nurses said staff were already stretched.';
    const next = 'The nurses association said the hospital had seventy unfilled posts and that overtime was routine.';
    const before = `${lead}\n\n${opening} ${next} ${after}\n\n${wetland}`;
    const target = describeRange(before, before.indexOf(opening), before.indexOf(opening) + opening.length);
    const revised = `${lead}\n\n${next} ${opening} ${after}\n\n${wetland}`;
    const result = anchorTarget(revised, target, { previousText: before, checkTwins: true });
    expect(result).toMatchObject({ status: 'relocated', ...at(revised, opening) });
  });
});

describe('the claim\u2019s old place, by the text around it', () => {
  it('the claim and both its recorded neighbours rewritten, text added beside it: placed on the rewritten stretch, asked', () => {
    const rewrittenClaim = 'The deal must yet be ratified by the two legislatures before it takes effect.';
    // Both 32-character neighbours reworded; the wider surroundings still stand.
    const revised = `${lead}\n\n${valley.replace('twenty years.', 'two decades, they added.')} ${rewrittenClaim} A vote is expected before the year ends.\n\n${wetland}\n\n${trade}`;
    const result = anchorTarget(revised, claim, { previousText: text, checkTwins: true });
    expect(result).toMatchObject({ status: 'relocated', ...at(revised, rewrittenClaim) });
    expect(result.status !== 'orphaned' && result.review).toBeDefined();
  });

  it('rewritten in place with its neighbours, a similar sentence beside it keeping more of the words: placed at the old place, asked', () => {
    const intro = 'A study of the fact-checking site looked at two years of its rulings on statements by both parties.\n\n';
    const claimed = '41% of Republican claims as false or mostly false, compared to 14% of Democratic claims, a 3 to 1 margin';
    const next = 'Conversely, the site rated 25% of Democratic claims as entirely true compared to 14% of Republican claims, a 2 to 1 margin.';
    const outro = '\n\nThe authors said the gap had grown since the last election and asked the site to publish its methods.';
    const before = `${intro}The site rated ${claimed}. ${next}${outro}`;
    const target = describeRange(before, before.indexOf(claimed), before.indexOf(claimed) + claimed.length);
    const rewritten =
      'blankets% of brush Republican reflecting as false or scary politics, compared unsealing lawmakers 14% of kills tricks, a 3 to 1 workers margin';
    const revised = `${intro}Pay rated ${rewritten}. ${next}${outro}`;
    expect(anchorTarget(revised, target, { previousText: before, checkTwins: true })).toMatchObject({
      status: 'relocated',
      ...at(revised, rewritten),
      review: ['ambiguous'],
    });
  });

  it('the claim\u2019s sentence deleted and another sentence added a paragraph away: orphaned', () => {
    const revised = `${lead}\n\n${valley} ${after}\n\n${wetland} The parliaments meet in the spring.\n\n${trade}`;
    expect(anchorTarget(revised, claim, { previousText: text, checkTwins: true }).status).toBe('orphaned');
  });
});

describe('a pull-quote of the old words beside an old neighbour (decision 0013, sixth round)', () => {
  it('its sentence cut and a pull-quote of its words set in its place, beside an old neighbour: placed, asked', () => {
    const before =
      '"Patients do not disappear. They wait," he told the council before the vote. He said the average wait for a hip replacement, now 14 weeks, would grow to 20.\n\nThe council\'s finance committee said the hospitals could make up part of the gap.';
    const phrase = 'He said the average wait for a';
    const claim = describeRange(before, before.indexOf(phrase), before.indexOf(phrase) + phrase.length);
    const now =
      '"Patients do not disappear. They wait," he told the council before the vote.\n\n\u201CHe said the average wait for a\u201D\n\nThe council\'s finance committee said the hospitals could make up part of the gap.';
    expect(anchorTarget(now, claim, { checkTwins: true, previousText: before })).toMatchObject({
      status: 'relocated',
      ...at(now, phrase),
      review: ['context-changed'],
    });
  });
});
