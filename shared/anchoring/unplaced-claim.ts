/**
 * A claim no candidate may be placed for (none keeps enough of the quote, or none scores
 * `RELOCATE_THRESHOLD`): rather than orphan a claim whose text is still there, rewritten, the
 * best-scoring stretch, or one at the claim's old place, is placed for the analyst to check
 * (`quote-changed`) on the evidence of review-evidence.ts or of the claim's old sentence; else the
 * claim is orphaned and the best-scoring place of all is offered to the review.
 */
import { RELOCATE_THRESHOLD, orphan, type AnchorResult } from './anchor-types';
import type { Scored } from './candidate-score';
import { atOldPlace, besideOnePiece, inOldSentence, otherText, stoodElsewhere, type ClaimSearch } from './claim-search';
import { reviewEdges, toOriginalRange } from './placement-edges';
import { keptWithinBracket, rewrittenBetween, worthReviewing } from './review-evidence';
import { leftEmpty, type OldBracket } from './vacated-place';

/** The claim placed for review where the evidence says it was rewritten, or orphaned with the best place offered. */
export function placeForReviewOrOrphan(search: ClaimSearch): AnchorResult {
  const { text, normalized, target, recorded, history, options, scored, verbatim } = search;
  const { prefix, suffix } = target.quote;
  const N = normalized.text;
  let offered = scored[0]!;
  let range = toOriginalRange(text, normalized, offered);
  // Rather than orphan a claim whose text is still there, rewritten: a stretch keeping a fair
  // part of the quote, with a trace of both recorded neighbours and no other place close in
  // score, is placed for the analyst to check (`quote-changed`), never trusted.
  let review =
    range.end > range.start && worthReviewing(offered, scored, prefix, suffix) && !otherText(search, offered, () => stoodElsewhere(search, offered));
  if (!review) {
    // The wider old surroundings still bracket a stretch of the claim's length: rewritten with its neighbours.
    const place = history.bracket(target, normalized);
    // (the best-scoring stretch if it lies there: its edges come from the search, not an estimate)
    const within = (c: Scored, p: OldBracket) => c.start >= p.start && c.end <= p.end;
    const inside = place && !leftEmpty(place) ? (within(offered, place) ? offered : atOldPlace(search, place)) : undefined;
    if (inside && rewrittenBetween(inside, scored, recorded, place)) {
      const at = toOriginalRange(text, normalized, inside);
      if (at.end > at.start) [offered, range, review] = [inside, at, true];
    } else if (place && range.end > range.start && keptWithinBracket(offered, scored, recorded, place, N)) {
      review = true;
    } else if (place && !leftEmpty(place)) {
      // Text was added beside the claim inside the bracket: where the claim stood as far from
      // one of the surviving pieces as it did before.
      const side = besideOnePiece(search, place);
      const at = side && keptWithinBracket(side, scored, recorded, place, N) ? toOriginalRange(text, normalized, side) : undefined;
      if (side && at && at.end > at.start) [offered, range, review] = [side, at, true];
    }
  }
  if (!review && range.end > range.start && inOldSentence(search, offered, range)) review = true;
  if (review) {
    options.explain?.({
      quoteLength: recorded.exact.length,
      best: { start: range.start, end: range.end, score: offered.score, quote: offered.quote, prefix: offered.prefix, suffix: offered.suffix },
      rival: null,
      verbatim: verbatim.length,
      review: ['quote-changed'],
      status: 'relocated',
    });
    return { status: 'relocated', ...reviewEdges(text, range, target.quote), score: offered.score, review: ['quote-changed'] };
  }
  options.explain?.({
    quoteLength: recorded.exact.length,
    best: { start: range.start, end: range.end, score: offered.score, quote: offered.quote, prefix: offered.prefix, suffix: offered.suffix },
    rival: null,
    verbatim: verbatim.length,
    review: null,
    status: 'orphaned',
  });
  if (range.end <= range.start) return orphan(0, null);
  return orphan(Math.min(offered.score, RELOCATE_THRESHOLD - 0.001), range);
}
