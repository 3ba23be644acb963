/**
 * The very words found elsewhere, with what tells a sentence moved from a copy of it: a sentence
 * swapped with its neighbour has that neighbour's whole old text right after (before) it, within
 * one sentence and in the same paragraph; a pull-quote ("Earlier: …", the words in quote marks)
 * stands as a paragraph of its own where the claim did not.
 */
import type { ClaimTarget } from '../model/claim';
import { occurrences, type Candidate, type Recorded } from './candidate-places';
import type { TextRange } from './describe-range';
import { normalizeString } from './normalize-text';

/**
 * True if the claim's sentence was swapped with a neighbour: its old prefix now ends just after
 * it (it moved up past that sentence) or its old suffix now starts just before it (it moved down),
 * and the other old neighbour is near too. A copy set down elsewhere has its old neighbours on
 * the sides they were, or far away.
 */
export function oldNeighboursAround(text: string, candidate: Candidate, recorded: Recorded): boolean {
  // The whole recorded neighbours, not just their nearest words: a headline that happens to
  // repeat the words around the claim ("Blige sings … to Hillary") is not its old sentence.
  const tail = recorded.prefix.trim();
  const head = recorded.suffix.trim();
  if (tail.length < 6 || head.length < 6) return false;
  const reach = 110 + tail.length;
  // Only one sentence lies between the claim and the old neighbour it moved past: the neighbour
  // sentence it was swapped with (a copy set down a paragraph later has more in between).
  const oneSentence = (between: string): boolean => !SENTENCE_BREAK.test(between.trim().replace(/[.!?]["'”’)]*$/u, ''));
  const tailAfter = occurrences(text, tail, candidate.end, candidate.end + reach, 1)[0];
  const headAfter = occurrences(text, head, candidate.end, candidate.end + 2 * reach, 1)[0];
  const movedUp =
    tailAfter !== undefined && headAfter !== undefined && headAfter >= tailAfter && oneSentence(text.slice(candidate.end, tailAfter + tail.length));
  const headBefore = occurrences(text, head, candidate.start - reach, candidate.start, 1)[0];
  const tailBefore = occurrences(text, tail, candidate.start - 2 * reach, candidate.start, 1)[0];
  const movedDown =
    headBefore !== undefined && tailBefore !== undefined && tailBefore <= headBefore && oneSentence(text.slice(headBefore, candidate.start));
  return movedUp || movedDown;
}

/**
 * A sentence swapped with its neighbour stays in the neighbour's paragraph: the paragraph (between
 * blank lines) around the placed text holds the whole old prefix or suffix. A copy set down as a
 * paragraph of its own (a pull-quote) beside that neighbour does not.
 */
export function swappedWithin(text: string, range: TextRange, recorded: Recorded): boolean {
  const paragraph = normalizeString(blockAround(text, range));
  const tail = recorded.prefix.trim();
  const head = recorded.suffix.trim();
  return (tail.length > 0 && paragraph.includes(tail)) || (head.length > 0 && paragraph.includes(head));
}

/** The paragraph of `text` (between blank lines, or the text's ends) around a range. */
function blockAround(text: string, range: TextRange): string {
  let start = 0;
  for (let at = text.lastIndexOf('\n', range.start - 1); at !== -1; at = text.lastIndexOf('\n', at - 1)) {
    const before = text.lastIndexOf('\n', at - 1);
    if (before !== -1 && text.slice(before + 1, at).trim() === '') {
      start = at + 1;
      break;
    }
  }
  let end = text.length;
  for (let at = text.indexOf('\n', range.end); at !== -1; at = text.indexOf('\n', at + 1)) {
    const next = text.indexOf('\n', at + 1);
    if (next !== -1 && text.slice(at + 1, next).trim() === '') {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}

/** A sentence end followed by the start of another sentence. */
const SENTENCE_BREAK = /[.!?]["'”’)]* +["'“‘(]?\p{Lu}/u;

/** At most this much besides the quote (quote marks, "Earlier: ") in a paragraph that is a pull-quote. */
const PULL_QUOTE_DECORATION = 12;

/**
 * True if the placed words stand as a paragraph of their own (with at most a few characters of
 * decoration) while the claim did not: its recorded neighbours did not both end and start a
 * paragraph.
 */
export function pullQuote(text: string, range: TextRange, target: ClaimTarget): boolean {
  const paragraph = blockAround(text, range).trim();
  if (paragraph.length - (range.end - range.start) > PULL_QUOTE_DECORATION) return false;
  const { prefix, suffix } = target.quote;
  const ownParagraph =
    (prefix === '' || /\n[^\S\n]*\n[^\p{L}\p{N}]*$/u.test(prefix)) && (suffix === '' || /^[^\p{L}\p{N}]*\n[^\S\n]*\n/u.test(suffix));
  return !ownParagraph;
}
