/**
 * Issue 18, fourth round: the edges of a placement the analyst is asked about move by whole words
 * onto the claim's recorded neighbours (a reworded word at the quote's edge is still the quote's).
 */
import { describe, expect, it } from 'vitest';
import { widenToNeighbours } from '../../../../shared/anchoring/word-edges';

const quote = { prefix: 'irst of January. The hospital’s ', exact: 'board is expected to decide in', suffix: ' December which services will be' };

describe('widenToNeighbours', () => {
  it('moves the end over reworded words up to the recorded suffix’s first word', () => {
    const text = 'irst of January. The hospital’s board is neighbouring to Either in December which services will be';
    const start = text.indexOf('board');
    const range = widenToNeighbours(text, { start, end: text.indexOf(' to Either') + 3 }, quote);
    expect(text.slice(range.start, range.end)).toBe('board is neighbouring to Either in');
  });

  it('moves the start back to just after the recorded prefix’s last word', () => {
    const text = 'irst of January. The hospital’s new board is expected to decide in December which services will be';
    const range = widenToNeighbours(text, { start: text.indexOf('board'), end: text.indexOf(' December') }, quote);
    expect(text.slice(range.start, range.end)).toBe('new board is expected to decide in');
  });

  it('leaves the edges alone when the neighbours stand right there, are gone, or are too far', () => {
    const text = 'irst of January. The hospital’s board is expected to decide in December which services will be';
    const range = { start: text.indexOf('board'), end: text.indexOf(' December') };
    expect(widenToNeighbours(text, range, quote)).toEqual(range);
    const gone = 'irst of January. A committee board is neighbouring to Either in autumn which services will be';
    const placed = { start: gone.indexOf('board'), end: gone.indexOf(' to Either') + 3 };
    expect(widenToNeighbours(gone, placed, quote)).toEqual(placed);
    const far = 'The hospital’s board is neighbouring one two three four December';
    const short = { start: far.indexOf('board'), end: far.indexOf(' one') };
    expect(widenToNeighbours(far, short, quote)).toEqual(short);
  });

  it('never makes the stretch more than one word longer than the quote', () => {
    const long = { prefix: ' said the ', exact: 'federation would ask the', suffix: ' government for compensation' };
    const text = 'Its president said the federation would Varga Officials many government for compensation.';
    const range = { start: text.indexOf('federation'), end: text.indexOf(' Varga') + 6 };
    // Reaching "government" would take five words for a quote of four, plus one: allowed; six would not be.
    const widened = widenToNeighbours(text, range, long);
    expect(text.slice(widened.start, widened.end)).toBe('federation would Varga Officials many');
    // (capitalised, the neighbour is still its first word but no longer verbatim: the further rule does not apply)
    const text2 = 'Its president said the federation would Varga Officials many more Government for compensation.';
    const range2 = { start: text2.indexOf('federation'), end: text2.indexOf(' Varga') + 6 };
    expect(widenToNeighbours(text2, range2, long)).toEqual(range2);
  });

  it('never places a quote that held no paragraph break across one: the longest part is kept', () => {
    const text = 'normalizing hate.\n\nI know all day Cruz Donald dictator, what intended to destabilize himself elected.\n\nWhy do I know?';
    const range = { start: 0, end: text.indexOf('.\n\nWhy') };
    const paragraphQuote = {
      prefix: 'I know all about ',
      exact: 'Donald Trump, what he is doing to get himself elected',
      suffix: '.\n\nWhy do I know?',
    };
    const cut = widenToNeighbours(text, range, paragraphQuote);
    expect(text.slice(cut.start, cut.end)).toBe('I know all day Cruz Donald dictator, what intended to destabilize himself elected');
  });

  it('further out, moves an edge onto the recorded neighbour’s first characters verbatim, within 30 % more words than the quote', () => {
    const long = {
      prefix: 'service as a rear admiral, said ',
      exact: 'that in 1998 she had a problem with her right leg that was due to a pulled muscle and not a clot',
      suffix: '.\n\nMariano wrote a memoir of her',
    };
    const text =
      'service as a rear admiral, said that in 1998 she had a problem with her Getty leg translate clan congressman arisen pulled muscle thrown not charges.\n\nMariano wrote a memoir of her';
    const range = { start: text.indexOf('that in'), end: text.indexOf(' congressman') };
    const widened = widenToNeighbours(text, range, long);
    expect(text.slice(widened.start, widened.end)).toBe(
      'that in 1998 she had a problem with her Getty leg translate clan congressman arisen pulled muscle thrown not charges',
    );
  });
});
