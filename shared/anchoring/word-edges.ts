import type { TextRange } from './describe-range';
import { tokenize } from './text-index';

/** How many words an edge may move to reach the word that stood beyond it. */
const MAX_WORDS = 3;
/** How far either side of a range its neighbouring words are read. */
const READ = 120;

/**
 * The edges of a placed, rewritten stretch moved by whole words onto the claim's recorded
 * neighbours: a reworded word at the quote's edge no longer matches the quote, so the search ends
 * (or starts) before it. When the recorded suffix's first word stands one to three words after the
 * end, the end moves up to just before it; likewise the start back to just after the recorded
 * prefix's last word. Neither edge moves past what would make the stretch longer than the quote by
 * more than one word, nor when the neighbour already stands right there. Only for placements the
 * analyst is asked about: a trusted placement's edges are its evidence. A quote that held no
 * paragraph break is not placed across one (the longest part between blank lines is kept).
 */
export function widenToNeighbours(text: string, range: TextRange, quote: { exact: string; prefix: string; suffix: string }): TextRange {
  const words = tokenize(quote.exact).length;
  const first = tokenize(quote.suffix)[0]?.word;
  const last = tokenize(quote.prefix).at(-1)?.word;
  let { start, end } = range;
  const fits = (s: number, e: number) => tokenize(text.slice(s, e)).length <= words + 1;
  if (first !== undefined) {
    const after = tokenize(text.slice(end, end + READ)).slice(0, MAX_WORDS + 1);
    if (after[0] && after[0].word !== first) {
      const at = after.findIndex((t, i) => i > 0 && t.word === first);
      if (at > 0 && fits(start, end + after[at - 1]!.end)) end += after[at - 1]!.end;
    }
  }
  if (last !== undefined) {
    const from = Math.max(0, start - READ);
    const before = tokenize(text.slice(from, start))
      .reverse()
      .slice(0, MAX_WORDS + 1);
    if (before[0] && before[0].word !== last) {
      const at = before.findIndex((t, i) => i > 0 && t.word === last);
      if (at > 0 && fits(from + before[at - 1]!.start, end)) start = from + before[at - 1]!.start;
    }
  }
  // Further out: the recorded neighbour's first (last) characters verbatim, within a stretch of
  // up to 30 % more words than the quote (a rewording adds words).
  const roomy = (s: number, e: number) => tokenize(text.slice(s, e)).length <= Math.ceil(words * 1.3) + 1;
  const head = quote.suffix.slice(0, VERBATIM_EDGE);
  if (end === range.end && head.trim().length >= 3) {
    const at = text.slice(end, end + 2 * READ).indexOf(head);
    if (at > 0 && roomy(start, end + at)) end = trimEnd(text, start, end + at);
  }
  const tail = quote.prefix.slice(-VERBATIM_EDGE);
  if (start === range.start && tail.trim().length >= 3) {
    const from = Math.max(0, start - 2 * READ);
    const at = text.slice(from, start).lastIndexOf(tail);
    if (at !== -1 && from + at + tail.length < start && roomy(from + at + tail.length, end)) start = trimStart(text, from + at + tail.length, end);
  }
  return withinParagraph(text, { start, end }, quote.exact);
}

/** Characters of a recorded neighbour looked for verbatim beyond the three-word reach. */
const VERBATIM_EDGE = 10;

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  return end;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  return start;
}

const BLANK_LINE = /\n[^\S\n]*\n/g;

/**
 * A quote that held no paragraph break is not placed across one: the placed stretch is cut to its
 * longest part between blank lines.
 */
function withinParagraph(text: string, range: TextRange, quote: string): TextRange {
  BLANK_LINE.lastIndex = 0;
  if (BLANK_LINE.test(quote)) return range;
  const body = text.slice(range.start, range.end);
  let best: TextRange = range;
  let from = 0;
  let longest = -1;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(body); ; m = BLANK_LINE.exec(body)) {
    const to = m ? m.index : body.length;
    const part = body.slice(from, to);
    const trimmed = part.trim();
    if (trimmed.length > longest) {
      longest = trimmed.length;
      const lead = part.length - part.trimStart().length;
      best = { start: range.start + from + lead, end: range.start + from + lead + trimmed.length };
    }
    if (!m) break;
    from = m.index + m[0].length;
  }
  return best;
}
