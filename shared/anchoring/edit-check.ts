/**
 * The search's answer for one claim, checked against the edit itself (decision 0013, sixth
 * round): where the diff of the two revisions carried the claim's old stretch (edit-place.ts,
 * revision-diff.ts), and what a trusted placement cannot be (shorter than half the claim, or the
 * claim with a sentence moved out of it, split-claim.ts). What the edit says is never trusted on
 * its own: every placement it makes or moves is asked.
 */
import type { ClaimTarget } from '../model/claim';
import type { AnchorerOptions, AnchorResult, ReviewReason } from './anchor-types';
import type { PreparedText } from './candidate-places';
import type { TextRange } from './describe-range';
import { rewordedInPlace } from './edit-place';
import { normalizeString } from './normalize-text';
import { toOriginalRange } from './placement-edges';
import type { History } from './previous-revision';
import { sentenceMovedOut, severalSentences } from './split-claim';

/** A trusted placement is at least this share of the claim's length. */
const SHORTEST_TRUSTED = 0.5;

/** Overlap over union at which the search's placement and the edit's stretch are the same place. */
const SAME_PLACE = 0.8;

/** Overlap over union of two ranges (0 when either is empty and they do not meet). */
function overlap(a: TextRange, b: TextRange): number {
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / union;
}

/**
 * `result` (the search's answer for `target` in `text`) as the edit leaves it: untouched, asked
 * about, or placed where the edit carried the claim. See the comments inside for each case.
 */
export function checkedByTheEdit(
  text: string,
  target: ClaimTarget,
  result: AnchorResult,
  prepare: () => PreparedText,
  history: History,
  options: AnchorerOptions,
): AnchorResult {
  // The search's answer, checked against the edit itself: where the diff of the two revisions
  // carried the claim's old stretch (edit-place.ts). Untouched where the quote stands as it
  // was; otherwise, when the edit's stretch is a credible rewording of the claim (a quarter
  // of its words kept, about its length, not verbatim: rewordedInPlace), the claim is there:
  // - an orphan is placed there, asked (the analyst confirms or re-selects);
  // - a placement already asked about takes the edit's edges (the search's words miss a
  //   reworded claim's edges);
  // - a trusted placement of a changed quote that the edit puts elsewhere (most often a
  //   swapped edge word the search took in or left out) is asked, on the edit's stretch
  //   (or where it is, when the edit's stretch is not credible).
  if (result.status === 'exact' && !result.review) return result;
  const quote = normalizeString(target.quote.exact);
  // A trusted placement under half the claim's length holds a part of it at most (its other
  // words deleted, or moved away): asked.
  if (result.status === 'relocated' && !result.review && result.end - result.start < target.quote.exact.length * SHORTEST_TRUSTED)
    return { ...result, review: ['quote-changed'] };
  // A trusted placement one of whose sentences now stands elsewhere, its words gone from the
  // placement (moved out of the claim): what is left is not all of it. Asked (split-claim.ts).
  if (result.status === 'relocated' && !result.review && severalSentences(target.quote.exact)) {
    const { normalized } = prepare();
    const from = normalized.toNormalizedOffset(result.start);
    const to = normalized.toNormalizedOffset(result.end);
    if (sentenceMovedOut(quote, normalized.text, from, to)) return { ...result, review: ['quote-changed'] };
  }
  const trusted = result.status === 'relocated' && !result.review;
  if (trusted && normalizeString(text.slice(result.start, result.end)) === quote) return result;
  const place = history.byTheEdit(target);
  if (!place) return result;
  const at = toOriginalRange(text, prepare().normalized, place);
  if (at.end <= at.start) return result;
  if (result.status !== 'orphaned' && trusted && overlap(at, result) >= SAME_PLACE) return result;
  const credible = rewordedInPlace(place);
  if (!trusted && !credible) return result;
  const review: ReviewReason[] = result.status === 'orphaned' || trusted ? ['quote-changed'] : (result.review ?? []);
  const placed = credible || result.status === 'orphaned' ? at : { start: result.start, end: result.end };
  options.explain?.({
    quoteLength: target.quote.exact.length,
    best: { ...placed, score: place.words, quote: place.words, prefix: 0, suffix: 0 },
    rival: result.status === 'orphaned' ? null : { start: result.start, end: result.end, score: result.score, quote: 0, prefix: 0, suffix: 0 },
    verbatim: 0,
    byTheEdit: true,
    review,
    status: 'relocated',
  });
  return result.status === 'orphaned' ? { status: 'relocated', ...placed, score: place.words, review } : { ...result, ...placed, review };
}
