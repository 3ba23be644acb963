/**
 * The best place holds the quote changed (not verbatim): trusted where the recorded neighbours
 * still stand around it, or, with the previous revision, where its wider old surroundings do;
 * otherwise doubtful, and then other text beside the claim's emptied place (orphaned), a similar
 * sentence away from an old place that still holds the claim rewritten (placed there, asked), or
 * placed and asked. Thresholds calibrated on the benchmark's calibration half
 * (test/bench/anchor-bench.ts, decision 0013).
 */
import { AMBIGUITY_MARGIN, MIN_QUOTE_SIMILARITY, type AnchorResult, type ReviewReason } from './anchor-types';
import { BRACKETING_CONTEXT } from './candidate-score';
import { OTHER_TEXT_QUOTE, atOldPlace, orphanedOffering, otherText, placedInstead, type ClaimSearch, type Placement } from './claim-search';
import { toOriginalRange } from './placement-edges';
import { REWRITE_MIN_QUOTE, REWRITE_WIDTH } from './review-evidence';
import { leftEmpty } from './vacated-place';

/** A quote this long, with this share of its wider old surroundings on both sides and no rival, is trusted though reworded. */
const WIDE_MIN_QUOTE = 80;
const WIDE_MIN_SHARE = 0.3;
/** A quote rewritten past half its wording is trusted only with this share of its wider old surroundings on both sides (and both neighbours verbatim). */
const WIDE_INTACT = 0.9;

/**
 * The verdict on a placement whose quote changed: a result that settles the claim elsewhere (or
 * orphans it), or the review reasons to add (none when trusted).
 */
export function judgeEditedQuote(search: ClaimSearch, placement: Placement): AnchorResult | ReviewReason[] {
  const { text, normalized, target, recorded, history } = search;
  const { best, range, rival, alone, prefix: bestPrefix, suffix: bestSuffix, preexisting } = placement;
  const context = Math.max(bestPrefix, bestSuffix);
  const bracket = Math.min(bestPrefix, bestSuffix);
  // A changed quote is trusted where its recorded neighbours still stand around it.
  // Thresholds calibrated on the benchmark's calibration half (test/bench/anchor-bench.ts).
  const trusted =
    // both neighbours stand around it: a sentence reworded in place (rewritten past half its
    // wording, it is placed but the analyst should see what it says now)
    (bracket >= BRACKETING_CONTEXT && best.quote >= MIN_QUOTE_SIMILARITY) ||
    (best.quote >= 0.6 && bracket >= 0.6) ||
    (best.quote >= 0.9 && context >= 0.5) ||
    (best.quote >= 0.97 && bracket >= 0.3) ||
    // no rival: one neighbour verbatim and a trace of the other, half the quote kept
    (alone && best.quote >= 0.5 && context >= 0.95 && bracket >= 0.1) ||
    (alone && best.quote >= 0.6 && bracket >= 0.45) ||
    // no rival: most of the quote, and both neighbours partly there
    (alone && best.quote >= 0.75 && bracket >= 0.2 && (bestPrefix + bestSuffix) / 2 >= 0.45);
  // A long quote reworded with its sentence (its 32-character neighbours reworded too), no rival,
  // and the previous revision's wider surroundings still on both sides of it.
  const surrounded = (): boolean => {
    if (!alone || best.quote < MIN_QUOTE_SIMILARITY || recorded.exact.length < WIDE_MIN_QUOTE) return false;
    // Not where the claim's old place is known to be something else: in a short article the
    // wider surroundings reach a paraphrase a paragraph away too.
    const place = history.bracket(target, normalized);
    if (place && (best.start < place.start || best.end > place.end)) return false;
    const wide = history.surroundings(target, normalized, best);
    return wide !== undefined && Math.min(wide.before, wide.after) >= WIDE_MIN_SHARE;
  };
  // Rewritten past half its wording, but both recorded neighbours stand verbatim around it,
  // no other place comes close, and the previous revision's wider surroundings (240 characters
  // either side) are nearly all still there: the sentence was rewritten in place.
  const rewrittenInPlace = (): boolean => {
    if (bestPrefix < 1 || bestSuffix < 1 || (rival && rival.score >= best.score - AMBIGUITY_MARGIN)) return false;
    const wide = history.surroundings(target, normalized, best);
    return wide !== undefined && Math.min(wide.before, wide.after) >= WIDE_INTACT;
  };
  const doubtful = !trusted && !surrounded() && !rewrittenInPlace();
  if (doubtful && otherText(search, best, preexisting)) {
    // The claim's old place is known and its text is gone from it; this stretch, beside or away
    // from that place, keeps only part of the quote: other text (often the next sentence, which
    // shares a few words with it), not the claim. Offered to the orphan review.
    return orphanedOffering(search, best, range);
  }
  if (doubtful && best.quote < OTHER_TEXT_QUOTE) {
    // A doubtful stretch away from the claim's old place, which still stands as wide as it was
    // and holds a stretch of the claim's length keeping part of its words: the claim is there,
    // rewritten; the stretch away is a similar sentence. Placed at the old place, asked.
    const place = history.bracket(target, normalized);
    const width = place ? (place.end - place.start) / (place.gap + recorded.exact.length) : 0;
    const away = place !== undefined && (best.end <= place.start || best.start >= place.end);
    const inside =
      place && away && !leftEmpty(place) && width >= REWRITE_WIDTH[0] && width <= REWRITE_WIDTH[1] ? atOldPlace(search, place) : undefined;
    const at =
      inside && inside.quote >= REWRITE_MIN_QUOTE && inside.score >= best.score - 2 * AMBIGUITY_MARGIN
        ? toOriginalRange(text, normalized, inside)
        : undefined;
    if (inside && at && at.end > at.start) return placedInstead(search, inside, at, best, range);
  }
  if (doubtful) return [best.quote < 0.9 ? 'quote-changed' : 'context-changed'];
  // A trusted stretch whose very text stood in the previous revision away from the claim is a
  // passage that was already there (a near-twin sentence), not the claim edited: asked.
  if (preexisting()) return ['ambiguous'];
  return [];
}
