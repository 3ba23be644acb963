import { z } from 'zod';
import { ClaimHistoryEntrySchema } from './coder';

/** W3C Web Annotation TextQuoteSelector: the quote with up to 32 characters of context each side. */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

/** W3C Web Annotation TextPositionSelector over the canonical text (UTF-16 indices, end exclusive). */
export const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

export const ClaimTargetSchema = z.object({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});
export type ClaimTarget = z.infer<typeof ClaimTargetSchema>;

/**
 * Where a claim stands in the current text: `exact` (the quote is at its recorded position),
 * `relocated` (found elsewhere, with a 0..1 score), `orphaned` (not found well enough). A placed
 * claim with `review` set needs review (see {@link anchorState}).
 */
export const AnchorStatusSchema = z.object({
  status: z.enum(['exact', 'relocated', 'orphaned']),
  score: z.number().min(0).max(1).optional(),
  /**
   * For orphans and placements that need review: the quote and context the claim had before the
   * edit, so the review can show what changed.
   */
  previous: z.object({ prefix: z.string(), exact: z.string(), suffix: z.string() }).optional(),
  /**
   * Set on a placed claim (`exact`/`relocated`) whose relocation is doubtful: the analyst should
   * confirm it or select the text again. Absent: the placement is trusted.
   */
  review: z.object({ reasons: z.array(z.enum(['ambiguous', 'quote-changed', 'context-changed', 'weak-evidence'])).min(1) }).optional(),
  /** The analyst confirmed this placement (after a review): when, and by whom if a user label is set. */
  confirmed: z.object({ at: z.string(), by: z.string().max(200).optional() }).optional(),
});
export type AnchorStatus = z.infer<typeof AnchorStatusSchema>;

/** The three states an analyst sees: placed (trusted), needs review (placed, unconfirmed), orphaned. */
export type AnchorState = 'placed' | 'needs-review' | 'orphaned';

export function anchorState(anchor: AnchorStatus): AnchorState {
  if (anchor.status === 'orphaned') return 'orphaned';
  return anchor.review ? 'needs-review' : 'placed';
}

/** The analyst's coding of a claim: who holds it, on what, and where they stand. */
export const ClaimCodingSchema = z.object({
  actorIds: z.array(z.string().min(1)).max(20),
  issueId: z.string().min(1).nullable(),
  /** The specific position the stance is taken towards, e.g. "Taiwan independence". */
  proposition: z.string().max(1000),
  stanceId: z.string().min(1).nullable(),
  /** Who says it, as named in the text (e.g. "Wang Yi"), apart from the actor (China). */
  speaker: z.string().max(300).nullable(),
  tags: z.array(z.string().min(1).max(100)).max(50),
  /** The analyst's note; light Markdown (emphasis, lists, links) is allowed. */
  note: z.string().max(20000),
});
export type ClaimCoding = z.infer<typeof ClaimCodingSchema>;

export const ClaimSchema = ClaimCodingSchema.extend({
  id: z.string().min(1),
  articleId: z.string().min(1),
  target: ClaimTargetSchema,
  anchor: AnchorStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The coder (id) who made the claim; absent when the copy had no coder then. */
  createdBy: z.string().optional(),
  /** The coder (id) who last changed the claim; absent as above. */
  updatedBy: z.string().optional(),
  /** Every change to the claim, oldest first, append-only (see ./coder.ts); absent on older claims. */
  history: z.array(ClaimHistoryEntrySchema).optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;
