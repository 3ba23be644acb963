/**
 * The best place holds the very words, elsewhere: trusted where the recorded neighbours agree (a
 * short phrase needs them more), or where a sentence was swapped with its neighbour or a paragraph
 * moved whole (moved-or-copied.ts, previous-revision.ts). A copy the claim's old neighbours do not
 * vouch for is another occurrence when it stood there before, lies beside the claim's emptied
 * place, is a pull-quote or a quotation in a sentence that is new: then the claim is sought
 * rewritten at its old place or edited elsewhere (placed, asked), else orphaned, the copy offered.
 */
import type { AnchorResult, ReviewReason } from './anchor-types';
import { placeable, type Scored } from './candidate-score';
import { NO_NEIGHBOUR } from './choose-place';
import {
  orphanedOffering,
  originalInPlace,
  otherText,
  outsideVacated,
  placedInstead,
  stoodElsewhere,
  type ClaimSearch,
  type Placement,
} from './claim-search';
import { oldNeighboursAround, pullQuote, swappedWithin } from './moved-or-copied';
import { toOriginalRange } from './placement-edges';
import { REVIEW_MIN_SCORE } from './review-evidence';

/**
 * The verdict on a placement on the very words: a result that settles the claim elsewhere (or
 * orphans it), or the review reasons to add (none when trusted).
 */
export function judgeVerbatimQuote(search: ClaimSearch, placement: Placement): AnchorResult | ReviewReason[] {
  const { text, normalized, target, recorded, history, scored, verbatim } = search;
  const { prefix, suffix } = target.quote;
  const N = normalized.text;
  const { best, range, alone, prefix: bestPrefix, suffix: bestSuffix, preexisting } = placement;
  // A verbatim copy is another occurrence of the words, not the claim, when it stood in the
  // previous revision away from the claim (a twin already there), or when the claim's old place
  // is known by the text around it and the words are gone from it, and the copy is not the
  // claim's whole old sentence moved (a pull-quote, a summary: the words in a sentence that is new).
  const otherOccurrence = (c: Scored): boolean =>
    preexisting() || (outsideVacated(search, c) && !history.movedSentence(target, toOriginalRange(text, normalized, c)));
  // The very words, elsewhere: trusted where the neighbours agree; a short phrase needs them
  // more. A neighbour across a paragraph break is weak evidence: a copy set as a paragraph of
  // its own before (or after) that paragraph gets it too.
  const prefixSide = /\n[^\p{L}\p{N}]*$/u.test(prefix) ? bestPrefix / 2 : bestPrefix;
  const suffixSide = /^[^\p{L}\p{N}]*\n/u.test(suffix) ? bestSuffix / 2 : bestSuffix;
  const side = Math.max(prefixSide, suffixSide);
  const average = (prefixSide + suffixSide) / 2;
  const trusted =
    side >= 0.8 ||
    average >= 0.5 ||
    (recorded.exact.length >= 40 && side >= 0.5) ||
    (alone && oldNeighboursAround(N, best, recorded) && swappedWithin(text, range, recorded)) ||
    (alone && history.movedParagraph(target, range));
  // A pull-quote: the very words set as a paragraph of their own (with a few characters of
  // quote marks or a label), where the claim was not one, with none of its old neighbours, and
  // not the claim's whole old sentence moved there: new text quoting the claim.
  const quotedAlone = (): boolean =>
    Math.max(bestPrefix, bestSuffix) < NO_NEIGHBOUR && pullQuote(text, range, target) && !history.movedSentence(target, range);
  // A quotation of the claim's words: none of its old neighbours and none of the rest of its
  // old sentence around them (", and <the claim's words>." after a sentence that is new), away
  // from the claim's old place.
  const quotedInNewSentence = (): boolean => {
    if (Math.max(bestPrefix, bestSuffix) >= NO_NEIGHBOUR || !history.newSentence(target, range)) return false;
    // (not at the claim's old place: a short quote kept there in new surroundings is the claim)
    const place = history.bracket(target, normalized);
    return place === undefined || best.start < place.start || best.end > place.end;
  };
  if (!trusted && (otherOccurrence(best) || quotedAlone() || quotedInNewSentence())) {
    // The very words with none of the claim's old neighbours, and they are another occurrence:
    // the claim is not there. It may still stand at its old place, rewritten (see
    // originalInPlace), or elsewhere, edited (moved with its sentence and reworded): the best
    // other stretch that could be placed on its own evidence. Either is placed, asked
    // (`ambiguous`). Else the claim is gone (deleted with its sentence), offered to the orphan review.
    const copy = best;
    const edited =
      originalInPlace(search, copy) ??
      scored.find(
        (c) =>
          c.quote < 1 &&
          placeable(c) &&
          c.score >= REVIEW_MIN_SCORE &&
          !verbatim.some((v) => c.end > v.start && c.start < v.end) &&
          !otherText(search, c, () => stoodElsewhere(search, c)),
      );
    const at = edited && toOriginalRange(text, normalized, edited);
    if (edited && at && at.end > at.start) return placedInstead(search, edited, at, copy, range);
    return orphanedOffering(search, best, range, preexisting());
  }
  const original = trusted || Math.max(bestPrefix, bestSuffix) >= 0.5 ? undefined : originalInPlace(search, best);
  if (original) {
    // The old words quoted in a sentence that is new, away from the claim's old place, and that
    // place still holds a stretch of the claim's length keeping part of its words: the claim is
    // there, rewritten. Placed there, asked.
    const at = toOriginalRange(text, normalized, original);
    if (at.end > at.start) return placedInstead(search, original, at, best, range);
  }
  if (!trusted) return ['context-changed'];
  // The very words, now set as a paragraph of their own in quote marks where the claim was
  // not one, next to an old neighbour: the claim moved into a pull-quote, or its sentence cut
  // and a pull-quote of it set in its place. The neighbour cannot tell which: asked.
  if (pullQuote(text, range, target) && !history.movedSentence(target, range)) return ['context-changed'];
  return [];
}
