/**
 * A claim split by an edit: one of its sentences moved out of it (two sentences swapped across
 * the claim's edge, a sentence of a long quotation moved up the page). What is left in place
 * still reads as the claim, and the search trusts it, but it is no longer all of it: the
 * analyst is asked. Both texts normalised (see normalize-text.ts).
 */
import { wordsKept } from './word-similarity';

/** A sentence end inside a quote: a stop (with closing marks) before a space and a capital. */
const SENTENCE_END = /(?<=[.!?]["')\]]*) +(?=["'([]?\p{Lu})/u;
/** A sentence keeping half its words in the placement is still there, edited. */
const LEFT = 0.5;
/** Pieces shorter than this ("No.") are too common to tell where they went. */
const MIN_PIECE = 8;

/**
 * False when `quote` (as recorded, not normalised) cannot hold two sentences: no stop followed by
 * more text. A cheap test, looser than SENTENCE_END (curly quotes, odd spaces), made first.
 */
export function severalSentences(quote: string): boolean {
  return /[.!?]\S*\s+\S/u.test(quote);
}

/**
 * True when a sentence of `quote` (of 8 characters or more) is gone from the placement
 * `[start, end)` of `text` (under half its words there) and stands, word for word, elsewhere.
 */
export function sentenceMovedOut(quote: string, text: string, start: number, end: number): boolean {
  const pieces = quote.split(SENTENCE_END);
  if (pieces.length < 2) return false;
  const placed = text.slice(start, end);
  return pieces.some((piece) => {
    const sentence = piece.trim();
    // (a sentence edited in place, its verbatim old words perhaps copied elsewhere, is not moved out)
    if (sentence.length < MIN_PIECE || placed.includes(sentence) || wordsKept(sentence, placed, LEFT) >= LEFT) return false;
    for (let at = text.indexOf(sentence); at !== -1; at = text.indexOf(sentence, at + 1)) {
      if (at + sentence.length <= start || at >= end) return true;
    }
    return false;
  });
}
