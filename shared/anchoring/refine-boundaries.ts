import { editDistance } from './edit-distance';
import type { RawCandidate } from './find-candidates';

/** How many characters of context next to the quote are used to find its edges again. */
const EDGE_LENGTH = 16;
/** Shorter context than this (a quote at the very start or end of an article) is too weak to use. */
const MIN_EDGE_LENGTH = 6;

/**
 * Moves the edges of a fuzzy match onto its recorded context. Edit distance prefers to swap a
 * word at the quote's edge for the new words there ("Sullivan on Wednesday expressed" is matched
 * from "ednesday expressed"), so the highlight would start mid-word. If the last characters of
 * the recorded prefix stand within `slack` characters of the match's start, the start moves to
 * just after them; likewise the end moves to just before the suffix's first characters. Each
 * edge without that evidence stays where it is. The result's `errors` is recomputed for the new
 * range, so scoring stays honest.
 */
export function refineBoundaries(
  text: string,
  candidate: RawCandidate,
  quote: string,
  context: { prefix: string; suffix: string },
  slack: number,
): RawCandidate {
  let { start, end } = candidate;
  let startFixed = false;
  let endFixed = false;
  const tail = context.prefix.slice(-EDGE_LENGTH);
  if (tail.length >= MIN_EDGE_LENGTH) {
    const from = Math.max(0, start - slack - tail.length);
    const found = closestOccurrence(text, tail, from, start + slack, start - tail.length);
    if (found !== undefined && found + tail.length < end) {
      start = found + tail.length;
      startFixed = true;
    }
  }
  const head = context.suffix.slice(0, EDGE_LENGTH);
  if (head.length >= MIN_EDGE_LENGTH) {
    const found = closestOccurrence(text, head, end - slack, end + slack + head.length, end);
    if (found !== undefined && found > start) {
      end = found;
      endFixed = true;
    }
  }
  // Without context to go by, keep the quote's shape: if it began (or ended) on a word
  // boundary, widen the match to whole words rather than start a highlight at "ents agreed".
  if (!startFixed && startsOnWordBoundary(quote, context.prefix)) {
    while (start > 0 && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start))) start -= 1;
  }
  if (!endFixed && endsOnWordBoundary(quote, context.suffix)) {
    while (end < text.length && isWordChar(text.charAt(end)) && isWordChar(text.charAt(end - 1))) end += 1;
  }
  if (start === candidate.start && end === candidate.end) return candidate;
  return { start, end, errors: editDistance(text.slice(start, end), quote) };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(char: string): boolean {
  return char !== '' && WORD_CHAR.test(char);
}

function startsOnWordBoundary(quote: string, prefix: string): boolean {
  return !(isWordChar(prefix.slice(-1)) && isWordChar(quote.charAt(0)));
}

function endsOnWordBoundary(quote: string, suffix: string): boolean {
  return !(isWordChar(quote.slice(-1)) && isWordChar(suffix.charAt(0)));
}

/** Start of the occurrence of `needle` inside `[from, to)` of `text` nearest to `target`. */
function closestOccurrence(text: string, needle: string, from: number, to: number, target: number): number | undefined {
  let best: number | undefined;
  let at = text.indexOf(needle, Math.max(0, from));
  while (at !== -1 && at + needle.length <= to) {
    if (best === undefined || Math.abs(at - target) < Math.abs(best - target)) best = at;
    at = text.indexOf(needle, at + 1);
  }
  return best;
}

/** Whole-string edit distance; see edit-distance.ts (this module once had its own, which undercounted). */
export { editDistance };
