/**
 * The claim's place by the edit itself: its old stretch carried through the diff of the previous
 * revision and this one (revision-diff.ts). A claim reworded in place (words swapped for others,
 * its sentence's spaces and stops where they were) is found there however few of its words are
 * left, which searching for its words cannot do; a claim deleted maps to nothing, and one whose
 * paragraph was moved maps to nothing useful (the search finds it verbatim). What the diff says is
 * evidence for the analyst to confirm, never a trusted placement on its own.
 */
import type { TextRange } from './describe-range';
import type { NormalizedText } from './normalize-text';
import type { MappedRange, RevisionMap } from './revision-diff';
import { wordsKept } from './word-similarity';

const WORD = /[\p{L}\p{N}]/u;

/** The claim's stretch by the edit, with what tells how far to believe it. */
export interface EditPlace extends TextRange {
  /** Characters of the claim standing unchanged in the stretch, over the longer of the two (1: not edited at all). */
  kept: number;
  /** Share of the claim's words standing in order in the stretch (see wordsKept). */
  words: number;
  /** The stretch's length over the claim's (normalised). */
  ratio: number;
}

/**
 * Where the diff puts the claim's old normalised stretch `[start, end)` in the new text, in
 * normalised offsets, widened to whole words and trimmed of spaces: where the diff carried it,
 * or, when the diff shows every character of it deleted there, where the run holding it went if
 * that holds a rewording of it (see rewordedInPlace). Undefined when the claim was deleted (or
 * only spaces of it remain) and its run went nowhere.
 */
export function editPlace(map: RevisionMap, old: NormalizedText, now: NormalizedText, claim: TextRange): EditPlace | undefined {
  const quote = old.text.slice(claim.start, claim.end);
  const mapped = map.map(claim.start, claim.end);
  if (mapped) return measured(mapped, quote, now.text);
  // Deleted where it stood, by the diff: a run moved shows so too (see mapMoved).
  const moved = measured(map.mapMoved(claim.start, claim.end), quote, now.text);
  return moved && rewordedInPlace(moved) ? moved : undefined;
}

function measured(mapped: MappedRange | null, quote: string, N: string): EditPlace | undefined {
  if (!mapped) return undefined;
  let { start, end } = mapped;
  // (a replaced run is carried over in proportion, so an edge can fall inside a word: whole words)
  while (start > 0 && WORD.test(N.charAt(start - 1)) && WORD.test(N.charAt(start))) start -= 1;
  while (end < N.length && WORD.test(N.charAt(end - 1)) && WORD.test(N.charAt(end))) end += 1;
  while (start < end && N.charAt(start) === ' ') start += 1;
  while (end > start && N.charAt(end - 1) === ' ') end -= 1;
  if (end <= start) return undefined;
  let words: number | undefined;
  return {
    start,
    end,
    // (characters kept over the longer of the two: a stretch with words inserted into it is not
    // the claim's words untouched)
    kept: (mapped.kept * quote.length) / Math.max(quote.length, end - start),
    // (counted when first asked: a placement the edit agrees with never needs it)
    get words() {
      return (words ??= wordsKept(quote, N.slice(start, end)));
    },
    ratio: (end - start) / Math.max(1, quote.length),
  };
}

/** The share of the claim's words a rewording of it keeps at least (see rewordedInPlace). */
const REWORDED_MIN_WORDS = 0.25;
/** A rewording swaps words for words: its length over the claim's stays within these. */
const REWORDED_RATIO = [0.6, 1.6] as const;
/** A stretch keeping this share of the claim's characters is its words, perhaps a copy: the search's to judge. */
const NEAR_VERBATIM = 0.9;

/**
 * The edit's stretch is a credible rewording of the claim, the claim still there: it keeps a
 * quarter of the claim's words, is about the claim's length (a deleted sentence that another
 * took the place of is another length, or keeps none of the claim's words), and is not the
 * claim's words nearly untouched (those, perhaps a copy, are the search's to judge).
 */
export function rewordedInPlace(place: EditPlace): boolean {
  return place.kept < NEAR_VERBATIM && place.words >= REWORDED_MIN_WORDS && place.ratio >= REWORDED_RATIO[0] && place.ratio <= REWORDED_RATIO[1];
}
