/**
 * The anchoring entry points: an anchorer for many claims on one revision (the text normalised,
 * indexed and diffed against the previous revision once, when first needed), one claim at a time
 * (anchorTarget), and the stored form of a result (toAnchorStatus). The steps of a relocation live
 * in relocate-claim.ts and the modules it names; the public types and thresholds in
 * anchor-types.ts, exported from here.
 */
import type { AnchorStatus, ClaimTarget } from '../model/claim';
import type { AnchorerOptions, AnchorResult, ReviewReason } from './anchor-types';
import { preparedText } from './candidate-places';
import type { TextRange } from './describe-range';
import { rewordedInPlace } from './edit-place';
import { normalizeString } from './normalize-text';
import { toOriginalRange } from './placement-edges';
import { previousRevision } from './previous-revision';
import { sentenceMovedOut, severalSentences } from './split-claim';
import { anchorIn } from './relocate-claim';

export {
  AMBIGUITY_MARGIN,
  CONFIDENT_THRESHOLD,
  MIN_QUOTE_SIMILARITY,
  RELOCATE_THRESHOLD,
  type AnchorEvidence,
  type AnchorerOptions,
  type AnchorResult,
  type ReviewReason,
} from './anchor-types';

/** Anchors many claims against one text, normalising and indexing the text at most once. */
export interface Anchorer {
  /** Same contract as {@link anchorTarget}. */
  anchor(target: ClaimTarget): AnchorResult;
}

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
 * Prepares `text` for anchoring claims. The normalised copy and the word-pair index are built
 * lazily, once, on the first claim that is not at its recorded place, so re-anchoring an
 * unchanged article costs only a string comparison per claim.
 */
export function createAnchorer(text: string, options: AnchorerOptions = {}): Anchorer {
  const prepare = preparedText(text);
  const history = previousRevision(text, options, prepare);
  return {
    anchor: (target) => {
      const result = anchorIn(text, prepare, target, options, history);
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
        if (sentenceMovedOut(normalizeString(target.quote.exact), normalized.text, from, to)) return { ...result, review: ['quote-changed'] };
      }
      const trusted = result.status === 'relocated' && !result.review;
      if (trusted && normalizeString(text.slice(result.start, result.end)) === normalizeString(target.quote.exact)) return result;
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
    },
  };
}

/**
 * Finds a claim's quote in `text` (the article, perhaps edited since the claim was made).
 *
 * `exact` (score 1) only when quote, prefix and suffix are all still at the recorded position,
 * character for character. Otherwise every place the claim could now be is gathered: each
 * verbatim occurrence of the quote, the stretch its recorded prefix and suffix still bracket, and
 * the places the quote's and context's word pairs point to, aligned fuzzily (so an untouched copy
 * of the old wording elsewhere cannot hide the lightly edited original). Each is scored on quote,
 * context and position, and the best is `relocated` when the evidence is strong and no other
 * place comes close, `relocated` with `review` reasons when it is weak or ambiguous, and
 * `orphaned` when nothing resembles the claim enough. Never throws.
 */
export function anchorTarget(text: string, target: ClaimTarget, options: AnchorerOptions = {}): AnchorResult {
  return createAnchorer(text, options).anchor(target);
}

/** The stored form of a result, as `Claim.anchor` keeps it. */
export function toAnchorStatus(result: AnchorResult, target: ClaimTarget): AnchorStatus {
  if (result.status !== 'orphaned') {
    const status: AnchorStatus = { status: result.status, score: result.score };
    if (result.review) {
      const { prefix, exact, suffix } = target.quote;
      return { ...status, review: { reasons: result.review }, previous: { prefix, exact, suffix } };
    }
    return status;
  }
  const { prefix, exact, suffix } = target.quote;
  return { status: 'orphaned', score: result.score, previous: { prefix, exact, suffix } };
}
