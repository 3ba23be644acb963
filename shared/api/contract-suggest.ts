import { z } from 'zod';
import { ClaimCodingSchema, ClaimSchema, SuggestedAttributionSchema } from '../model';
import { method } from './method';

const id = z.string().min(1, 'an id is required').max(200);

/**
 * A stored suggestion: an attribution the suggester found, with an id, the quoted text, and the
 * coding it would give (actor from the codebook's names and aliases, issue from the codebook's
 * issue names and propositions found in the content; never a stance).
 */
export const StoredSuggestionSchema = SuggestedAttributionSchema.extend({
  id: z.string(),
  /** The content's text, so a rejection is recognised again after a re-run. */
  quote: z.string(),
  actorIds: z.array(z.string()),
  issueId: z.string().nullable(),
});
export type StoredSuggestion = z.infer<typeof StoredSuggestionSchema>;

/** An article's suggestions from one coder (the suggester at a version), pending ones only. */
export const ArticleSuggestionsSchema = z.object({
  articleId: z.string(),
  coder: z.string(),
  version: z.string(),
  suggestions: z.array(StoredSuggestionSchema),
  /** How many suggestions the analyst rejected (remembered across re-runs). */
  rejectedCount: z.number().int().nonnegative(),
});
export type ArticleSuggestions = z.infer<typeof ArticleSuggestionsSchema>;

/** Where suggestions stand for each live article: never run, current, or made for an older text or version. */
export const SuggestionStatusSchema = z.object({
  articleId: z.string(),
  state: z.enum(['none', 'current', 'stale']),
});
export type SuggestionStatus = z.infer<typeof SuggestionStatusSchema>;

export const suggestMethods = {
  getSuggestions: method(
    "An article's pending claim suggestions (spans already coded as claims or rejected are left out); runs the suggester first if it never ran on this text.",
    /** background: the app's pass over the notebook, which waits behind the article the analyst has open. */
    z.object({ articleId: id, background: z.boolean().optional() }).strict(),
    ArticleSuggestionsSchema,
  ),
  runSuggester: method(
    'Runs the suggester on an article again (its rejections are kept) and returns the pending suggestions.',
    z.object({ articleId: id }).strict(),
    ArticleSuggestionsSchema,
  ),
  listSuggestionStatus: method(
    'For every article: whether the suggester has run on its current text (for the background run on new imports).',
    z.object({}).strict(),
    z.array(SuggestionStatusSchema),
  ),
  acceptSuggestions: method(
    'Turns suggestions into claims (speaker, actor, issue filled in; never the stance), all in one undo step. With newActor, an unknown speaker first becomes a new actor in the same step.',
    z
      .object({
        articleId: id,
        suggestionIds: z.array(id).min(1, 'pick at least one suggestion').max(2000),
        newActor: z
          .object({ name: z.string().trim().min(1, 'the new actor needs a name').max(200) })
          .strict()
          .optional(),
        /** Coding the analyst changed before accepting (one suggestion only). */
        coding: ClaimCodingSchema.partial().strict().optional(),
      })
      .strict(),
    z.object({ claims: z.array(ClaimSchema) }),
  ),
  rejectSuggestions: method(
    'Rejects suggestions: they are remembered and not proposed again when the suggester runs again.',
    z.object({ articleId: id, suggestionIds: z.array(id).min(1, 'pick at least one suggestion').max(2000) }).strict(),
    z.object({ rejected: z.number().int().nonnegative() }),
  ),
} as const;
