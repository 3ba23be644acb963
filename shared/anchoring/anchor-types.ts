/**
 * What a relocation decides and how it is told: the result, the reasons a placement needs review,
 * the evidence `explain` receives, the options of an anchorer, and the thresholds every step
 * shares. At the bottom of the module tree (it imports no other step); anchor-target.ts exports
 * all of it to the rest of the program.
 */
import type { TextRange } from './describe-range';

/**
 * The lowest score at which a claim is placed at all (as needs-review at least). Below it the
 * claim is `orphaned` and goes to the review: a wrong highlight is worse than a missing one.
 */
export const RELOCATE_THRESHOLD = 0.5;
/** The lowest score at which a relocation is trusted without asking the analyst. */
export const CONFIDENT_THRESHOLD = 0.55;
/**
 * A second place scoring within this margin of the best makes the placement ambiguous: it is
 * placed on the best but flagged for review.
 */
export const AMBIGUITY_MARGIN = 0.1;
/** A candidate must keep at least this share of the quote (1 − edit distance / length) to be placed. */
export const MIN_QUOTE_SIMILARITY = 0.5;

/** Why a placement needs the analyst's review. */
export type ReviewReason = 'ambiguous' | 'quote-changed' | 'context-changed' | 'weak-evidence';

/** Where a claim now stands in the text: found (with offsets in the text as given) or orphaned. */
export type AnchorResult =
  | {
      status: 'exact' | 'relocated';
      /** Start of the quote in the new text, in its own (not normalised) UTF-16 offsets. */
      start: number;
      end: number;
      /** 0..1; 1 for an untouched quote in an untouched context. */
      score: number;
      /** Present when the placement is doubtful: why the analyst should check it. */
      review?: ReviewReason[];
    }
  | {
      status: 'orphaned';
      start: null;
      end: null;
      /** The best candidate's score (0 when nothing resembled the quote), always below the threshold. */
      score: number;
      /** Where that best candidate was, for a review that offers "is it here?". */
      bestCandidate: TextRange | null;
    };

/** Options of an anchorer (`createAnchorer` in anchor-target.ts). */
export interface AnchorerOptions {
  /**
   * The text is a new revision: a claim still in place, context and all, is checked for an
   * identical copy (quote and context) elsewhere, which makes it ambiguous rather than exact.
   * Leave it off for a text the claims were made on (nothing can have been copied since).
   */
  checkTwins?: boolean;
  /**
   * The text the claims' selectors were made on (the previous revision). When the quote occurs
   * several times, the claim's ordinal among those occurrences then is a hint to which
   * occurrence it is now (counted from the start: text added before all of them keeps it).
   */
  previousText?: string;
  /**
   * Called with the evidence behind each decision that was not settled in place (for the
   * benchmark's calibration and for debugging); never needed to anchor.
   */
  explain?: (evidence: AnchorEvidence) => void;
}

/** The evidence one relocation was decided on, as `explain` receives it. */
export interface AnchorEvidence {
  quoteLength: number;
  best: { start: number; end: number; score: number; quote: number; prefix: number; suffix: number } | null;
  rival: { start: number; end: number; score: number; quote: number; prefix: number; suffix: number } | null;
  verbatim: number;
  /** Placed where the diff of the two revisions carried the claim (edit-place.ts); `best` is that stretch, `rival` the search's. */
  byTheEdit?: boolean;
  /** The placed text stood in the previous revision, away from the claim. */
  preexisting?: boolean;
  wide?: { before: number; after: number } | undefined;
  review: ReviewReason[] | null;
  status: AnchorResult['status'];
}

/** An orphan's result: no offsets, its best candidate's score (never negative) and place offered to the review. */
export function orphan(score: number, bestCandidate: TextRange | null): AnchorResult {
  return { status: 'orphaned', start: null, end: null, score: Math.max(0, score), bestCandidate };
}
