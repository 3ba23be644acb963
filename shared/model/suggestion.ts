import { z } from 'zod';

/** A character range in an article's text: UTF-16 indices (JavaScript string indices), end exclusive. */
export const TextSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextSpan = z.infer<typeof TextSpanSchema>;

/** How the suggester found an attribution; shown to the analyst as the reason for a suggestion. */
export const AttributionPatternSchema = z.enum([
  'quote', // a quotation with its cue in the same or an adjacent sentence
  'reported', // NP cue (that) clause
  'inverted', // clause, NP cue. / clause, cue NP.
  'according-to', // according to NP
  'floating', // a quotation after an attributed one, inheriting its speaker
]);
export type AttributionPattern = z.infer<typeof AttributionPatternSchema>;

/**
 * One attribution the suggester found: what is attributed (content), the cue ("said",
 * "according to"), the mention of the source in the text, and the speaker it refers to
 * (a pronoun or "the minister" resolved to the last named speaker where the text allows).
 */
export const SuggestedAttributionSchema = z.object({
  content: TextSpanSchema,
  cue: TextSpanSchema.nullable(),
  source: TextSpanSchema.nullable(),
  speaker: z.string(),
  pattern: AttributionPatternSchema,
});
export type SuggestedAttribution = z.infer<typeof SuggestedAttributionSchema>;

/** The suggester's name and version, recorded with every stored suggestion (a coder of its own). */
export const SUGGESTER_CODER = 'suggester';

/**
 * Whether a claim over `claim` covers a suggestion's span, so the suggestion is no longer
 * pending (the analyst coded it, or accepted it): they overlap by at least half their union.
 * The core leaves such suggestions out; the reader drops them from its cache on a save.
 */
export function claimCoversSpan(claim: TextSpan, span: TextSpan): boolean {
  const inter = Math.max(0, Math.min(claim.end, span.end) - Math.max(claim.start, span.start));
  const union = Math.max(claim.end, span.end) - Math.min(claim.start, span.start);
  return union > 0 && inter / union >= 0.5;
}
