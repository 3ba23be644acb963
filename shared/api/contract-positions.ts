import { z } from 'zod';
import { ExportedFileSchema, method } from './method';

const id = z.string().min(1, 'an id is required').max(200);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Which articles a positions map reads: all, or those matching every filter given. */
export const PositionsFilterSchema = z
  .object({
    publishedFrom: isoDate.optional(),
    publishedTo: isoDate.optional(),
    collection: z.string().max(200).optional(),
    source: z.string().max(500).optional(),
  })
  .strict();
export type PositionsFilter = z.infer<typeof PositionsFilterSchema>;

/** One actor on one issue: how often each stance was recorded, and the latest. */
export const PositionCellSchema = z.object({
  /** Null for claims with no issue. */
  issueId: z.string().nullable(),
  actorId: z.string(),
  claimCount: z.number().int().nonnegative(),
  /** Claims per stance id (claims without a stance are counted in claimCount only). */
  stanceCounts: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * The stance of the latest claim with a stance: articles in order of their published date (else
   * the day they were added), claims within an article in text order; null if none has a stance.
   */
  latestStanceId: z.string().nullable(),
  /** The stance of the earliest such claim, to tell a shift from a steady position. */
  earliestStanceId: z.string().nullable(),
  /** Dated claims as [YYYY-MM-DD, stance id], oldest first: the position over time. */
  timeline: z.array(z.tuple([z.string(), z.string()])),
});
export type PositionCell = z.infer<typeof PositionCellSchema>;

/** Actors standing on opposite sides (by their latest stance) of one issue. */
export const IssueClashSchema = z.object({
  issueId: z.string().nullable(),
  supporters: z.array(z.string()),
  opponents: z.array(z.string()),
});
export type IssueClash = z.infer<typeof IssueClashSchema>;

export const PositionsMapSchema = z.object({
  articleCount: z.number().int().nonnegative(),
  claimCount: z.number().int().nonnegative(),
  /** Actor ids with at least one claim, in codebook order. */
  actorIds: z.array(z.string()),
  /** Issue ids with at least one claim (null for "no issue", last), in codebook order. */
  issueIds: z.array(z.string().nullable()),
  cells: z.array(PositionCellSchema),
  clashes: z.array(IssueClashSchema),
});
export type PositionsMap = z.infer<typeof PositionsMapSchema>;

/** A claim behind a cell of the map, with its article, for reading the position in context. */
export const PositionClaimSchema = z.object({
  claimId: z.string(),
  articleId: z.string(),
  articleTitle: z.string(),
  source: z.string().nullable(),
  publishedAt: z.string().nullable(),
  quote: z.string(),
  proposition: z.string(),
  speaker: z.string().nullable(),
  stanceId: z.string().nullable(),
  anchorStatus: z.enum(['exact', 'relocated', 'orphaned']),
  /** Placed after an edit on doubtful evidence, not yet confirmed by the analyst. */
  needsReview: z.boolean().optional(),
});
export type PositionClaim = z.infer<typeof PositionClaimSchema>;

/** Methods of the positions area: who stands where on what, across many articles. */
export const positionsMethods = {
  getPositions: method(
    'Actors by issues across the notebook (or the filtered articles): stances recorded, the latest, shifts over time, and clashes.',
    PositionsFilterSchema,
    PositionsMapSchema,
  ),
  getPositionClaims: method(
    "The claims behind one actor's position on one issue (null: no issue), oldest first, with their articles.",
    PositionsFilterSchema.extend({ issueId: id.nullable(), actorId: id, limit: z.number().int().min(1).max(2000).default(200) }).strict(),
    z.object({ total: z.number().int().nonnegative(), claims: z.array(PositionClaimSchema) }),
  ),
  exportPositions: method(
    'The positions map as CSV, one row per actor and issue (latest stance, claims, first and last dates, stances recorded, clash).',
    PositionsFilterSchema,
    ExportedFileSchema,
  ),
} as const;
