/**
 * Issue 18, fifth round (decision 0013): the claim's first or last word, changed by a copy-editor
 * ("ratee" for "rate") and left just outside a changed placement, is taken back in.
 */
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeRange } from '../../../../shared/anchoring';
import { takeEdgeWords } from '../../../../shared/anchoring/edge-words';

function at(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + part.length };
}

describe('takeEdgeWords', () => {
  const quote = { prefix: 'said he would raise the top ', exact: 'rate of income tax', suffix: ' from 42 to 45 per cent.' };

  it('the first word, with a typo, just before the start: taken in', () => {
    const text = 'He said he would lift the top ratee off incmoe tax from 42 to 45 per cent.';
    expect(takeEdgeWords(text, at(text, 'off incmoe tax'), quote)).toEqual(at(text, 'ratee off incmoe tax'));
  });

  it('the last word, with a typo, just after the end: taken in', () => {
    const text = 'He said he would lift the top rate off incmoe taxx from 42 to 45 per cent.';
    expect(takeEdgeWords(text, at(text, 'rate off incmoe'), quote)).toEqual(at(text, 'rate off incmoe taxx'));
  });

  it('not across a sentence end or a blank line, and not a word that is not the claim word', () => {
    const end = 'He spoke of the rate. Off incmoe tax he said nothing more.';
    expect(takeEdgeWords(end, at(end, 'Off incmoe tax'), quote)).toEqual(at(end, 'Off incmoe tax'));
    const blank = 'The rate\n\noff incmoe tax rose.';
    expect(takeEdgeWords(blank, at(blank, 'off incmoe tax'), quote)).toEqual(at(blank, 'off incmoe tax'));
    const other = 'He said he would lift the top level off incmoe tax from 42 to 45 per cent.';
    expect(takeEdgeWords(other, at(other, 'off incmoe tax'), quote)).toEqual(at(other, 'off incmoe tax'));
  });

  it('not when the recorded neighbour ends with the same word: it may be the neighbour', () => {
    const q = { prefix: 'prices rose at the same rate ', exact: 'rate of growth', suffix: ' as wages did last year.' };
    const text = 'Prices rose at the same rate ratee off growth as wages did last year.';
    expect(takeEdgeWords(text, at(text, 'off growth'), q)).toEqual(at(text, 'off growth'));
  });
});

describe('re-anchoring a claim whose first word a copy-editor changed', () => {
  const before =
    'The two candidates met on Sunday evening. He said he would raise the top rate of income from 42 to 45 per cent and use the money to protect pensions.';
  const claim = 'rate of income';
  const target = describeRange(before, before.indexOf(claim), before.indexOf(claim) + claim.length);

  it('the placement starts on that word (it stopped one word in: "waters incmoe")', () => {
    const after =
      'The two candidates met on Sunday evening. He said he would lift the staff ratee waters incmoe from 42 to 45 per cent and use the money to protect pensions.';
    const result = anchorTarget(after, target, { checkTwins: true, previousText: before });
    expect(result.status).toBe('relocated');
    expect(after.slice(result.start!, result.end!)).toBe('ratee waters incmoe');
  });

  it('the same for a placement asked about, its neighbours reworded too', () => {
    const after =
      'The two candidates met on Sunday evening. He said he Association raise staff Leon ratee waters incmoe from 42 pension Vienna While director protect pensions.';
    const result = anchorTarget(after, target, { checkTwins: true, previousText: before });
    expect(result).toMatchObject({ status: 'relocated', review: ['quote-changed'] });
    expect(after.slice(result.start!, result.end!)).toBe('ratee waters incmoe');
  });
});
