import { z } from 'zod';
import { articleFilterFields } from '../model/article-filter';
import { ActorFilterSchema, RollUpSchema } from '../model/actor-attributes';
import { ExportedFileSchema, method } from './method';

const id = z.string().min(1, 'an id is required').max(200);

/**
 * Which articles a positions map (and a network) reads: all, or those matching every filter
 * given. The article part is the one ArticleFilter; add further fields one line each.
 */
export const PositionsFilterSchema = z
  .object({
    ...articleFilterFields,
    /** Older spelling: one collection (as collections: [name]). */
    collection: z.string().max(200).optional(),
    /** Older spelling: one source (as sources: [name]). */
    source: z.string().max(500).optional(),
    actorFilter: ActorFilterSchema.optional(),
    rollUp: RollUpSchema.optional(),
    /** Only the claims this coder made (createdBy), e.g. to compare coders' positions. */
    coderId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type PositionsFilter = z.infer<typeof PositionsFilterSchema>;

/** A change of stance on one proposition between two days (defined in electron/core/positions/position-rules.ts). */
export const ShiftSchema = z.object({
  fromStanceId: z.string(),
  toStanceId: z.string(),
  /** YYYY-MM-DD of the first dated stance. */
  since: z.string(),
  /** YYYY-MM-DD of the latest dated stance. */
  until: z.string(),
});
export type Shift = z.infer<typeof ShiftSchema>;

/** One proposition within a cell: the actor's position on it. */
export const CellPropositionSchema = z.object({
  /** As first written; empty for claims without a proposition. */
  proposition: z.string(),
  claimCount: z.number().int().nonnegative(),
  /** The actor's position on the proposition: its latest stance (null if no claim has one). */
  latestStanceId: z.string().nullable(),
  shift: ShiftSchema.nullable(),
});
export type CellProposition = z.infer<typeof CellPropositionSchema>;

/** Claims of one cell within one period of the map's timeline. */
export const TimelinePeriodSchema = z.object({
  /** YYYY-MM-DD, YYYY-MM or YYYY, as the map's `period` says. */
  period: z.string(),
  /** Claims per stance id in the period. */
  stanceCounts: z.record(z.string(), z.number().int().nonnegative()),
  /** The last stance stated in the period. */
  latestStanceId: z.string(),
});
export type TimelinePeriod = z.infer<typeof TimelinePeriodSchema>;

/** Cells list at most this many propositions (those with most claims); the cell's claims have them all. */
export const CELL_PROPOSITIONS_SHOWN = 5;
/** Cells list at most this many shifts, the latest. */
export const CELL_SHIFTS_SHOWN = 20;

/** One actor on one issue: how often each stance was recorded, on which propositions, and over time. */
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
  /** The first claim with a stance and a date, and the day of the last dated claim with a stance. */
  firstDated: z.object({ date: z.string(), stanceId: z.string() }).nullable(),
  lastDate: z.string().nullable(),
  /** The propositions with most claims (up to CELL_PROPOSITIONS_SHOWN), then first stated first. */
  propositions: z.array(CellPropositionSchema),
  /** How many different propositions (claims without one count as one). */
  propositionCount: z.number().int().nonnegative(),
  /** The cell's shifts (per proposition), latest first (at most CELL_SHIFTS_SHOWN). */
  shifts: z.array(ShiftSchema.extend({ proposition: z.string() })),
  /** Dated claims with a stance, per period of the map, oldest first. */
  timeline: z.array(TimelinePeriodSchema),
});
export type PositionCell = z.infer<typeof PositionCellSchema>;

/** An actor's position in a clash. */
export const ClashSideSchema = z.object({ actorId: z.string(), stanceId: z.string() });

/** Actors standing on opposite sides (by their latest stances) of one proposition. */
export const PropositionClashSchema = z.object({
  issueId: z.string().nullable(),
  proposition: z.string(),
  /** Most supportive first. */
  supporters: z.array(ClashSideSchema),
  /** Most opposed first. */
  opponents: z.array(ClashSideSchema),
});
export type PropositionClash = z.infer<typeof PropositionClashSchema>;

export const PositionsMapSchema = z.object({
  articleCount: z.number().int().nonnegative(),
  claimCount: z.number().int().nonnegative(),
  /** Actor ids with at least one claim, in codebook order. */
  actorIds: z.array(z.string()),
  /** Issue ids with at least one claim (null for "no issue", last), in codebook order. */
  issueIds: z.array(z.string().nullable()),
  /** How the timelines are grouped: by day for a short span, by month, or by year for a long one. */
  period: z.enum(['day', 'month', 'year']),
  cells: z.array(PositionCellSchema),
  /** Per proposition, in codebook order of their issues. */
  clashes: z.array(PropositionClashSchema),
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
    'Actors by issues across the notebook (or the filtered articles): stances recorded, propositions, the latest, shifts, timelines per period, and clashes per proposition.',
    PositionsFilterSchema,
    PositionsMapSchema,
  ),
  getPositionClaims: method(
    "The claims behind one actor's position on one issue (null: no issue), optionally on one proposition: the latest `limit`, oldest first, with their articles.",
    PositionsFilterSchema.extend({
      issueId: id.nullable(),
      actorId: id,
      /** Only the claims on this proposition (matched ignoring case, spacing and final punctuation; empty: claims without one). */
      proposition: z.string().max(1000).optional(),
      limit: z.number().int().min(1).max(2000).default(200),
    }).strict(),
    z.object({ total: z.number().int().nonnegative(), claims: z.array(PositionClaimSchema) }),
  ),
  exportPositions: method(
    'The positions map as CSV, one row per actor and issue (latest stance, claims, stances recorded, propositions, shifts, clashes).',
    PositionsFilterSchema,
    ExportedFileSchema,
  ),
} as const;
