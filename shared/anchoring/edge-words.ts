import type { TextRange } from './describe-range';
import { tokenize } from './text-index';
import { sameWord } from './word-similarity';

/** How far outside a placement the word next to it is looked for. */
const READ = 40;

/**
 * The claim's first (last) word, left just outside a changed placement: the search began (ended)
 * one word in, where a copy-editor's change to that word ("ratee" for "rate", "refusedss" for
 * "refused") no longer matched the quote. When the word right before the start is the claim's
 * first word (a typo still counts, see sameWord) and the placement's own first word is not, the
 * start moves back onto it; likewise the end onto the claim's last word. Not across a blank line
 * or a sentence end, and not when the recorded neighbour ends (starts) with the same word: then
 * that word is as likely the neighbour's.
 */
export function takeEdgeWords(text: string, range: TextRange, quote: { exact: string; prefix: string; suffix: string }): TextRange {
  const claim = tokenize(quote.exact);
  const placed = tokenize(text.slice(range.start, range.end));
  if (claim.length < 2 || placed.length === 0) return range;
  let { start, end } = range;
  const first = claim[0]!.word;
  const last = claim.at(-1)!.word;
  const prefixLast = tokenize(quote.prefix).at(-1)?.word;
  const suffixFirst = tokenize(quote.suffix)[0]?.word;
  // (only spaces, a single line break or a comma, quote mark or dash between the word and the edge)
  const joins = (gap: string) => /^[^\S\n]*\n?[^\S\n]*$/u.test(gap.replace(/[,"'\u201C\u201D\u2018\u2019\u2013\u2014-]/gu, ''));
  if (!sameWord(placed[0]!.word, first) && !(prefixLast !== undefined && sameWord(prefixLast, first))) {
    const from = Math.max(0, start - READ);
    const before = tokenize(text.slice(from, start)).at(-1);
    if (before && sameWord(before.word, first) && joins(text.slice(from + before.end, start))) start = from + before.start;
  }
  if (!sameWord(placed.at(-1)!.word, last) && !(suffixFirst !== undefined && sameWord(suffixFirst, last))) {
    const after = tokenize(text.slice(end, end + READ))[0];
    if (after && sameWord(after.word, last) && joins(text.slice(end, end + after.start))) end = end + after.end;
  }
  return { start, end };
}
