/**
 * Issue 18, sixth round (decision 0013): a claim split by an edit, one of its sentences moved out
 * of it, is asked about rather than trusted on what is left in place.
 */
import { describe, expect, it } from 'vitest';
import { createAnchorer, describeRange } from '../../../../shared/anchoring';
import { sentenceMovedOut } from '../../../../shared/anchoring/split-claim';

describe('sentenceMovedOut', () => {
  const quote = 'How many times must we see this? In Tulsa, a man with his hands up? It is unbearable.';

  it('a sentence of the quote gone from the placement and standing elsewhere: moved out', () => {
    const text = 'In Tulsa, a man with his hands up? Then she spoke. How many times must we see this? It is unbearable.';
    const start = text.indexOf('How many');
    expect(sentenceMovedOut(quote, text, start, text.length)).toBe(true);
  });

  it('every sentence in the placement, or the missing one edited in place (its old words copied elsewhere), or nowhere: not', () => {
    expect(sentenceMovedOut(quote, `Before. ${quote} After.`, 8, 8 + quote.length)).toBe(false);
    const edited = 'How many times must we see this? In Tulsa, a man with both hands up? It is unbearable.';
    const text = `In Tulsa, a man with his hands up? ${edited}`;
    expect(sentenceMovedOut(quote, text, text.indexOf('How many'), text.length)).toBe(false);
    const cut = 'How many times must we see this? It is unbearable.';
    expect(sentenceMovedOut(quote, cut, 0, cut.length)).toBe(false);
  });

  it('a one-sentence quote, or a piece too short to tell where it went ("No."), is never split', () => {
    expect(sentenceMovedOut('It is unbearable.', 'Other words. It is unbearable.', 13, 30)).toBe(false);
    expect(sentenceMovedOut('No. It is unbearable and it must stop.', 'No. Then: It is unbearable and it must stop.', 10, 44)).toBe(false);
  });
});

describe('a claim one of whose sentences moved out of it', () => {
  it('is placed on what is left, asked', () => {
    const before =
      'Police in Tulsa released video of the shooting of Terence Crutcher, a 40-year-old unarmed black man.\n\n\u201CHow many times do we have to see this in our country? In Tulsa, an unarmed man with his hands in the air? I mean, this is just unbearable, and it needs to be intolerable,\u201D she said.\n\nClinton also asserted she could speak directly to voters.';
    const quote =
      '\u201CHow many times do we have to see this in our country? In Tulsa, an unarmed man with his hands in the air? I mean, this is just unbearable, and it needs to be intolerable,\u201D';
    const left = '\u201CHow many times do we have to see this in our country? I mean, this is just unbearable, and it needs to be intolerable,\u201D';
    const claim = describeRange(before, before.indexOf(quote), before.indexOf(quote) + quote.length);
    const now = before.replace(quote, left).replace('man.\n\n', 'man.\n\nIn Tulsa, an unarmed man with his hands in the air? ');
    const start = now.indexOf(left);
    expect(createAnchorer(now, { checkTwins: true, previousText: before }).anchor(claim)).toMatchObject({
      status: 'relocated',
      start,
      end: start + left.length,
      review: ['quote-changed'],
    });
  });
});
