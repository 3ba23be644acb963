import { z } from 'zod';
import { ExportedFileSchema, method } from './method';
import { PositionsFilterSchema } from './contract-positions';

const id = z.string().min(1, 'an id is required').max(200);

export const NetworkTypeSchema = z.enum(['congruence', 'conflict', 'subtract', 'twomode']);
export type NetworkTypeName = z.infer<typeof NetworkTypeSchema>;
/** DNA's normalisations of one-mode edge weights (see electron/core/networks/README.md). */
export const NormalizationSchema = z.enum(['none', 'average', 'jaccard', 'cosine']);
/** Which repeats of a statement count: all, one per article, or one per day. */
export const DuplicateRuleSchema = z.enum(['include', 'article', 'day']);
export const NetworkFormatSchema = z.enum(['graphml', 'csv', 'matrix', 'dl']);

/** What a network is computed over and how: the positions filter plus the network's settings. */
export const NetworkRequestSchema = PositionsFilterSchema.extend({
  type: NetworkTypeSchema,
  normalization: NormalizationSchema.default('none'),
  duplicates: DuplicateRuleSchema.default('article'),
  /** One-mode networks: at most this many edges, the strongest (by absolute weight); exports take all. */
  maxEdges: z.number().int().min(1).max(1_000_000).default(5000),
  /** One-mode networks: how many of the propositions behind each edge are named, 12 when not given (`propositionCount` says how many in all). */
  edgePropositions: z.number().int().min(0).max(12).optional(),
}).strict();
export type NetworkRequest = z.input<typeof NetworkRequestSchema>;

const PropositionRefSchema = z.object({ issueId: z.string(), proposition: z.string() });

export const NetworkSchema = z.object({
  type: NetworkTypeSchema,
  /** Actors with at least one statement (claim with issue, proposition and stance), and their coalition in the congruence network. */
  actors: z.array(z.object({ id: z.string(), name: z.string(), coalition: z.number().int().nullable() })),
  /** One-mode: actor–actor edges; two-mode: actor–proposition edges (target is the proposition's index). */
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      weight: z.number(),
      /** What joins the two: at most 12 propositions named; `propositionCount` says how many in all. */
      propositions: z.array(PropositionRefSchema),
      propositionCount: z.number().int().nonnegative(),
    }),
  ),
  /** Two-mode only: the propositions, indexed by the edges' targets. */
  propositions: z.array(PropositionRefSchema),
  statements: z.number().int().nonnegative(),
  /** Edges in the whole network; more than `edges` holds when only the strongest `maxEdges` were sent. */
  edgeCount: z.number().int().nonnegative(),
  /** Share of conflict in all agreement and disagreement between actors (null: no two actors meet). */
  polarisation: z.number().nullable(),
  /**
   * How the coalitions were found: on the whole congruence network (`edges` = its edge count), or,
   * on a dense one, on each actor's `perActor` strongest agreements only (`edges` of them).
   */
  coalitionsFrom: z.object({ edges: z.number().int().nonnegative(), perActor: z.number().int().positive().nullable() }).optional(),
});
export type Network = z.infer<typeof NetworkSchema>;

export const NetworkWindowSchema = z.object({
  from: z.string(),
  to: z.string(),
  statements: z.number().int().nonnegative(),
  congruenceEdges: z.number().int().nonnegative(),
  conflictEdges: z.number().int().nonnegative(),
  polarisation: z.number().nullable(),
});

/** Discourse networks (who agrees with whom), over time, and their exports. Spread into contract.ts. */
export const networksMethods = {
  getNetwork: method(
    'The actor network of the notebook (or the filtered articles): congruence, conflict, subtract, or the two-mode actor × proposition network, with coalitions and polarisation.',
    NetworkRequestSchema,
    NetworkSchema,
  ),
  getNetworkWindows: method(
    'A moving time window over the articles’ dates: statements, edges and polarisation per window.',
    PositionsFilterSchema.extend({
      windowDays: z.number().int().min(1).max(3660),
      stepDays: z.number().int().min(1).max(3660),
      duplicates: DuplicateRuleSchema.default('article'),
    }).strict(),
    z.array(NetworkWindowSchema),
  ),
  getNetworkEdgeClaims: method(
    'The claims behind one edge: both actors’ claims on the propositions the edge stands for.',
    NetworkRequestSchema.extend({ edgeSource: id, edgeTarget: id }).strict(),
    z.array(
      z.object({
        claimId: z.string(),
        articleId: z.string(),
        articleTitle: z.string(),
        actorId: z.string(),
        quote: z.string(),
        stanceId: z.string().nullable(),
        issueId: z.string(),
        proposition: z.string(),
        day: z.string(),
      }),
    ),
  ),
  exportNetwork: method(
    'A network as GraphML (Gephi, visone, graphology), a CSV edge list, a CSV matrix or UCINET DL.',
    NetworkRequestSchema.extend({ format: NetworkFormatSchema }).strict(),
    ExportedFileSchema,
  ),
} as const;
