/**
 * The edges of a placed, changed stretch moved onto the sentence and clause boundaries the claim
 * had. A claim marked as a whole sentence, or from a comma to the sentence's end, keeps that shape
 * when its words are reworded: where a reworded word stands at its edge, the search's match ends
 * (or starts) a few words short of the boundary, though the recorded quote and context say where
 * the claim began and ended: right after a sentence's end, an opening quote mark or a comma; at
 * its sentence's end, right before a full stop, a comma, a closing quote mark or a line's end, or
 * one or two words before its sentence's end.
 */
import type { TextRange } from './describe-range';
import { tokenize } from './text-index';

/** What stood right outside one edge of the claim (read from the recorded quote and context). */
type Boundary =
  /** a sentence's start (after . ! ? or a line break) or its end (the quote ends with . ! ?) */
  | { kind: 'sentence' }
  /** this punctuation mark, right beside the quote (spaces aside): an opening quote, a comma, a full stop… */
  | { kind: 'mark'; mark: string }
  /** one or two words, then the sentence's end (the claim stopped that many words short of it) */
  | { kind: 'words-before-end'; words: 1 | 2 };

const CLOSERS = `"'\u201D\u2019)\\]`;
const SENTENCE_END = new RegExp(`[.!?][${CLOSERS}]*$`, 'u');
/** A sentence's end and the whitespace after it, at the end of a text. */
const AFTER_SENTENCE_END = new RegExp(`[.!?][${CLOSERS}]*\\s+$`, 'u');
/** Exactly one (two) words, then a sentence's end. */
const WORDS_BEFORE_END = [1, 2].map((words) => new RegExp(`^(?:\\s+[\\p{L}\\p{N}'\u2019]+){${words}}[.!?][${CLOSERS}]*(?:\\s|$)`, 'u'));
/** Closing punctuation at a quote's end, and one such character. */
const CLOSING_TAIL = new RegExp(`[.!?,;:${CLOSERS}]+$`, 'u');
const CLOSING = new RegExp(`[.!?,;:${CLOSERS}\u201D\u2019]`, 'u');
const WORD = /[\p{L}\p{N}]/u;

/** Quote marks and dashes folded to one form each, so that typography does not hide a boundary. */
function fold(mark: string): string {
  if (/["\u201C\u201D\u201E]/u.test(mark)) return '"';
  if (/['\u2018\u2019]/u.test(mark)) return "'";
  if (/[\u2013\u2014]/u.test(mark)) return '-';
  return mark;
}

/** The boundary the claim started at, if its recorded prefix shows one. */
function startBoundary(prefix: string, exact: string): Boundary | undefined {
  if (prefix === '') return undefined; // the article's start: the search's edge stands
  if (/\n\s*$/u.test(prefix) || AFTER_SENTENCE_END.test(prefix)) {
    return WORD.test(exact.charAt(0)) || /^["'\u201C\u2018(]/u.test(exact) ? { kind: 'sentence' } : undefined;
  }
  const mark = /([,;:(\u201C\u2018"'\u2013\u2014-])\s*$/u.exec(prefix)?.[1];
  if (mark === undefined) return undefined;
  // A straight quote mark opens a quotation only after a space, a bracket or a line start.
  if ((mark === '"' || mark === "'") && !/(?:^|[\s(])["']\s*$/u.test(prefix)) return undefined;
  if (mark === '-' && !/\s-\s*$/u.test(prefix)) return undefined; // a hyphen inside a word
  return { kind: 'mark', mark: fold(mark) };
}

/** The boundary the claim ended at, if its recorded quote or suffix shows one. */
function endBoundary(suffix: string, exact: string): Boundary | undefined {
  if (suffix === '') return undefined; // the article's end
  if (SENTENCE_END.test(exact)) return { kind: 'sentence' };
  // right beside the quote (a quote mark after a space opens the next quotation), or a dash set apart
  const mark = /^([.!?,;:)\u201D\u2019"'])/u.exec(suffix)?.[1] ?? /^\s+([\u2013\u2014-])\s/u.exec(suffix)?.[1];
  if (mark !== undefined) return { kind: 'mark', mark: fold(mark) };
  if (/^[^\S\n]*\n/u.test(suffix)) return { kind: 'mark', mark: '\n' };
  for (const words of [1, 2] as const) if (wordsBeforeEnd(words).test(suffix)) return { kind: 'words-before-end', words };
  return undefined;
}

/** Exactly `words` words, then a sentence's end. */
function wordsBeforeEnd(words: number): RegExp {
  return WORDS_BEFORE_END[words - 1]!;
}

/** True if a sentence starts at `at` in `text` (after . ! ? and spaces, after a line break, or at the start). */
function sentenceStartsAt(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  if (at === 0 || /\n\s*$/u.test(before)) return true;
  return AFTER_SENTENCE_END.test(before);
}

/** Whether a start at `at` (a word's start, or an opening mark's) sits on the boundary. */
function startsOn(text: string, at: number, boundary: Boundary): boolean {
  if (boundary.kind === 'sentence') return sentenceStartsAt(text, at);
  if (boundary.kind !== 'mark') return false;
  const before = text.slice(Math.max(0, at - 4), at).replace(/\s+$/u, '');
  return before.length > 0 && fold(before.charAt(before.length - 1)) === boundary.mark;
}

/** Whether an end at `at` sits on the boundary. */
function endsOn(text: string, at: number, boundary: Boundary): boolean {
  const after = text.slice(at, at + 80);
  if (boundary.kind === 'sentence') return SENTENCE_END.test(text.slice(Math.max(0, at - 4), at)) && (after === '' || /^\s/u.test(after));
  if (boundary.kind === 'words-before-end') return wordsBeforeEnd(boundary.words).test(after);
  if (boundary.mark === '\n') return /^[^\S\n]*(?:\n|$)/u.test(after);
  const next = /^\s*(\S)/u.exec(after)?.[1];
  return next !== undefined && fold(next) === boundary.mark && !(boundary.mark === '.' && /^\s/u.test(after));
}

/** The offset a start at word `w` has: before any opening quote marks or brackets glued to it when the quote began with one. */
function startAt(text: string, wordStart: number, exact: string): number {
  let at = wordStart;
  if (!/^["'\u201C\u2018(]/u.test(exact)) return at;
  while (at > 0 && /["'\u201C\u2018(]/u.test(text.charAt(at - 1))) at -= 1;
  return at;
}

/** The offset an end after a word has: after the sentence's end punctuation and closing marks when the quote ended with them. */
function endAt(text: string, wordEnd: number, exact: string): number {
  let at = wordEnd;
  const tail = CLOSING_TAIL.exec(exact)?.[0];
  if (!tail) return at;
  while (at < text.length && at - wordEnd < tail.length + 2 && CLOSING.test(text.charAt(at))) at += 1;
  return at;
}

/** How many words an edge may move inwards (dropping words the search took), and outwards. */
const INWARD = 2;
const outward = (words: number) => Math.max(3, Math.ceil(words / 3));

/**
 * `range` with each edge moved onto the boundary the claim had there, when the recorded context
 * shows one and the same kind of boundary stands within a few words of the edge (inwards at most
 * two words, outwards at most a quarter of the quote's words, three at least). The nearest such
 * place wins; an edge already on its boundary, or with none in reach, stays. The stretch keeps
 * between 60 % and 130 % of the quote's words (plus one), and does not cross a blank line the
 * quote did not hold.
 */
export function snapToBoundaries(text: string, range: TextRange, quote: { exact: string; prefix: string; suffix: string }): TextRange {
  const quoteWords = tokenize(quote.exact).length;
  if (quoteWords === 0) return range;
  const reach = outward(quoteWords);
  const read = 40 * (reach + INWARD);
  const from = Math.max(0, range.start - read);
  const tokens = tokenize(text.slice(from, Math.min(text.length, range.end + read))).map((t) => ({ start: t.start + from, end: t.end + from }));
  const blankLine = /\n[^\S\n]*\n/u;
  const fits = (start: number, end: number): boolean => {
    if (end <= start) return false;
    const body = text.slice(start, end);
    const words = tokenize(body).length;
    return words >= quoteWords * 0.6 - 1 && words <= quoteWords * 1.3 + 1 && (blankLine.test(quote.exact) || !blankLine.test(body));
  };
  let { start, end } = range;
  const first = tokens.findIndex((t) => t.end > range.start);
  const begins = startBoundary(quote.prefix, quote.exact);
  if (begins && first !== -1 && !startsOn(text, start, begins)) {
    let best: number | undefined;
    for (let d = 1; d <= reach && best === undefined; d += 1) {
      for (const i of [first - d, first + d]) {
        if ((i > first && i - first > INWARD) || i < 0 || i >= tokens.length) continue;
        const at = startAt(text, tokens[i]!.start, quote.exact);
        if (best === undefined && startsOn(text, at, begins) && fits(at, end)) best = at;
      }
    }
    if (best !== undefined) start = best;
  }
  let last = -1;
  for (let i = tokens.length - 1; i >= 0; i -= 1) {
    if (tokens[i]!.start < range.end) {
      last = i;
      break;
    }
  }
  const ends = endBoundary(quote.suffix, quote.exact);
  if (ends && last !== -1 && !endsOn(text, end, ends)) {
    let best: number | undefined;
    for (let d = 1; d <= reach && best === undefined; d += 1) {
      for (const i of [last + d, last - d]) {
        if ((i < last && last - i > INWARD) || i < 0 || i >= tokens.length) continue;
        const at = endAt(text, tokens[i]!.end, quote.exact);
        if (best === undefined && endsOn(text, at, ends) && fits(start, at)) best = at;
      }
    }
    if (best !== undefined) end = best;
  }
  return { start, end };
}
