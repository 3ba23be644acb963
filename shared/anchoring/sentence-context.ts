/**
 * The claim's sentence as evidence: the rest of the sentence the claim stood in (the words before
 * it in that sentence, and after it) against the rest of a candidate's sentence now. The recorded
 * 32-character neighbours cross sentence boundaries, so a copy set down right before the sentence
 * that followed the claim takes one of them along; the claim's own sentence does not move with a
 * copy. A pull-quote or a summary (", and <the claim's words>.") sits in a sentence that is new.
 */
import type { TextRange } from './describe-range';
import { editDistance } from './edit-distance';
import { normalizeString } from './normalize-text';

/** A sentence's end: . ! ? with closing quote marks or brackets, before whitespace or the text's end. */
const SENTENCE_END = /[.!?]["'\u201D\u2019)\]]*(?=\s|$)/gu;
/** How far either side of a range its sentence is looked for. */
const WINDOW = 400;
/** How far either side of the claim its sentence is read. */
const READ = 200;
/** A paragraph break: a blank line. */
const BLANK_LINE = /\n[^\S\n]*\n/gu;

/**
 * The sentence around `range` in `text`: from the end of the last sentence (or paragraph) that
 * ends at or before the range's start, to the first sentence end at or after the range's end (or
 * the paragraph's end), without the whitespace before it. Line breaks inside a paragraph
 * (wrapped text) do not end a sentence. Looked for within 400 characters of the range (a longer sentence is cut there): the text is
 * never scanned from its start.
 */
export function sentenceSpan(text: string, range: TextRange): TextRange {
  const from = Math.max(0, range.start - WINDOW);
  const before = text.slice(from, range.start);
  let start = from;
  for (const pattern of [BLANK_LINE, SENTENCE_END]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(before); m !== null; m = pattern.exec(before)) start = Math.max(start, from + m.index + m[0].length);
  }
  while (start < range.start && /\s/u.test(text.charAt(start))) start += 1;
  const to = Math.min(text.length, range.end + WINDOW);
  const after = text.slice(Math.max(start, range.end - 1), to);
  const offset = Math.max(start, range.end - 1);
  BLANK_LINE.lastIndex = 0;
  const paragraph = BLANK_LINE.exec(after);
  const paragraphEnd = paragraph ? offset + paragraph.index : to;
  SENTENCE_END.lastIndex = 0;
  const m = SENTENCE_END.exec(after);
  const end = m !== null && offset + m.index + m[0].length <= paragraphEnd ? offset + m.index + m[0].length : paragraphEnd;
  return { start, end: Math.max(end, range.end) };
}

/** How alike two pieces of a sentence are (normalised, whitespace collapsed): 1 for both empty, 0 for one empty. */
function alike(a: string, b: string): number {
  const x = normalizeString(a).trim();
  const y = normalizeString(b).trim();
  if (x === y) return 1;
  if (x.length === 0 || y.length === 0) return 0;
  return 1 - editDistance(x, y) / Math.max(x.length, y.length);
}

/**
 * How much of the claim's old sentence, besides the claim, stands around a candidate in its
 * sentence now: the average likeness of the words before the claim in its sentence (then and now)
 * and of those after it. 1 when the claim was a whole sentence and the candidate is one too.
 */
export function sentenceFit(old: string, claim: TextRange, now: string, candidate: TextRange): number {
  const was = sentenceSpan(old, claim);
  const is = sentenceSpan(now, candidate);
  // (the nearest 200 characters of each: a long sentence's far end says little and costs much)
  const before = alike(
    old.slice(Math.max(was.start, claim.start - READ), claim.start),
    now.slice(Math.max(is.start, candidate.start - READ), candidate.start),
  );
  const after = alike(old.slice(claim.end, Math.min(was.end, claim.end + READ)), now.slice(candidate.end, Math.min(is.end, candidate.end + READ)));
  return (before + after) / 2;
}

/**
 * The same, side by side: how alike the words before the claim in its old sentence are to those
 * before the candidate in its sentence now, and the words after. A side the claim's old sentence
 * had no words on (the claim began or ended it) is `null`: an empty side matches any sentence
 * edge, so it says nothing of which sentence this is. `read` is how many characters of the old
 * sentence the sides with words hold (a short tag such as "he said" matches many sentences).
 */
export function sentenceSides(
  old: string,
  claim: TextRange,
  now: string,
  candidate: TextRange,
): { before: number | null; after: number | null; read: number } {
  const was = sentenceSpan(old, claim);
  const is = sentenceSpan(now, candidate);
  const oldBefore = old.slice(Math.max(was.start, claim.start - READ), claim.start);
  const oldAfter = old.slice(claim.end, Math.min(was.end, claim.end + READ));
  // (a side of punctuation only, a closing quote mark or a full stop, has no words)
  const words = (s: string) => /[\p{L}\p{N}]/u.test(s);
  return {
    before: words(oldBefore) ? alike(oldBefore, now.slice(Math.max(is.start, candidate.start - READ), candidate.start)) : null,
    after: words(oldAfter) ? alike(oldAfter, now.slice(candidate.end, Math.min(is.end, candidate.end + READ))) : null,
    read: (words(oldBefore) ? oldBefore.trim().length : 0) + (words(oldAfter) ? oldAfter.trim().length : 0),
  };
}
