/**
 * The anchoring entry points: an anchorer for many claims on one revision (the text normalised,
 * indexed and diffed against the previous revision once, when first needed), one claim at a time
 * (anchorTarget), and the stored form of a result (toAnchorStatus). The steps of a relocation live
 * in relocate-claim.ts and the modules it names; the public types and thresholds in
 * anchor-types.ts, exported from here.
 */
import type { AnchorStatus, ClaimTarget } from '../model/claim';
import type { AnchorerOptions, AnchorResult } from './anchor-types';
import { preparedText } from './candidate-places';
import { checkedByTheEdit } from './edit-check';
import { previousRevision } from './previous-revision';
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

/**
 * Prepares `text` for anchoring claims. The normalised copy and the word-pair index are built
 * lazily, once, on the first claim that is not at its recorded place, so re-anchoring an
 * unchanged article costs only a string comparison per claim.
 */
export function createAnchorer(text: string, options: AnchorerOptions = {}): Anchorer {
  const prepare = preparedText(text);
  const history = previousRevision(text, options, prepare);
  return {
    // The search (relocate-claim.ts), then its answer checked against the edit (edit-check.ts).
    anchor: (target) => checkedByTheEdit(text, target, anchorIn(text, prepare, target, options, history), prepare, history, options),
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
