import type { ClaimTarget } from '../model/claim';
import { AnchoringError } from './anchoring-error';

/** How many characters of context a TextQuoteSelector keeps on each side (W3C / Hypothesis). */
export const CONTEXT_LENGTH = 32;

/** A half-open range of UTF-16 offsets into an article's canonical text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Checks that `[start, end)` is a usable range of `text` apart from its content: whole numbers,
 * not negative, not reversed, not empty, inside the text, not cutting a surrogate pair in two.
 *
 * @throws AnchoringError with a message written for the analyst.
 */
export function assertRangeInText(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnchoringError('not-a-whole-number', `The selection must start and end at whole character positions (got ${start} to ${end})`);
  }
  if (start < 0 || end < 0) {
    throw new AnchoringError('negative', `The selection starts before the beginning of the article (${start} to ${end})`);
  }
  if (start > end) {
    throw new AnchoringError('reversed', `The selection ends before it starts (starts at ${start}, ends at ${end})`);
  }
  if (start === end) throw new AnchoringError('empty', 'The selection is empty');
  if (end > text.length) {
    throw new AnchoringError('past-end', `The selection runs past the end of the article (ends at ${end}, article has ${text.length} characters)`);
  }
  // A quote that keeps half of an emoji or a rare CJK character would not survive a round trip
  // through JSON or the clipboard, so refuse it rather than store a broken character.
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new AnchoringError('splits-character', `The selection cuts a character in half (at ${splitsSurrogatePair(text, start) ? start : end})`);
  }
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/**
 * Narrows a selection to exclude the whitespace around it, as readers tend to select a word
 * with its trailing space. A whitespace-only selection is returned unchanged so that
 * {@link describeRange} can report it as such rather than as "empty".
 *
 * @throws AnchoringError if the range itself is invalid (see {@link assertRangeInText}).
 */
export function trimRange(text: string, start: number, end: number): TextRange {
  assertRangeInText(text, start, end);
  let trimmedStart = start;
  let trimmedEnd = end;
  while (trimmedStart < trimmedEnd && /\s/.test(text.charAt(trimmedStart))) trimmedStart += 1;
  while (trimmedEnd > trimmedStart && /\s/.test(text.charAt(trimmedEnd - 1))) trimmedEnd -= 1;
  if (trimmedStart === trimmedEnd) return { start, end };
  return { start: trimmedStart, end: trimmedEnd };
}

/**
 * Builds the W3C selectors for the characters `[start, end)` of `text`: the quote with up to
 * {@link CONTEXT_LENGTH} characters of context each side, and the position. The range is taken
 * as given (call {@link trimRange} first to drop surrounding whitespace).
 *
 * @throws AnchoringError if the range is empty, negative, reversed, past the end of the text,
 *   splits a character, or holds only whitespace.
 */
export function describeRange(text: string, start: number, end: number): ClaimTarget {
  assertRangeInText(text, start, end);
  const exact = text.slice(start, end);
  if (exact.trim().length === 0) {
    throw new AnchoringError('whitespace-only', 'The selection contains only spaces or line breaks');
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
