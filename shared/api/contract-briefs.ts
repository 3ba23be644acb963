import { z } from 'zod';
import { AnchorStatusSchema, BriefSchema, StanceSchema } from '../model';
import { method } from './method';

const id = z.string().min(1, 'an id is required').max(200);
const title = z.string().trim().min(1, 'a brief needs a title').max(500);
/** The tiptap JSON document; its structure and size are checked by the core (see briefs/README.md). */
const doc = z.record(z.string(), z.unknown());

/** Most citations one resolveCitations call answers: more than any brief holds. */
export const MAX_CITATIONS_PER_CALL = 5000;

/** A brief in the list: no document, just enough to pick one. */
export const BriefSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  citationCount: z.number().int().nonnegative(),
});
export type BriefSummary = z.infer<typeof BriefSummarySchema>;

/** Where to look for a cited claim: its id, and the article it was cited from when known. */
export const CitationRefSchema = z.object({ claimId: id, articleId: id.optional() }).strict();
export type CitationRef = z.infer<typeof CitationRefSchema>;

/** A cited claim as it is now, everything resolved to names, for the editor and exports. */
export const FoundCitationSchema = z.object({
  claimId: z.string(),
  state: z.literal('found'),
  quote: z.string(),
  actors: z.array(z.object({ id: z.string(), name: z.string(), color: z.string().nullable() })),
  speaker: z.string().nullable(),
  issue: z.object({ id: z.string(), name: z.string(), path: z.string() }).nullable(),
  proposition: z.string(),
  stance: StanceSchema.nullable(),
  note: z.string(),
  anchor: AnchorStatusSchema,
  article: z.object({
    id: z.string(),
    title: z.string(),
    source: z.string().nullable(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
  }),
});
export type FoundCitation = z.infer<typeof FoundCitationSchema>;

/** A cited claim that is no longer in the notebook (deleted, or its article deleted). */
export const MissingCitationSchema = z.object({
  claimId: z.string(),
  state: z.literal('missing'),
  reason: z.string(),
});
export type MissingCitation = z.infer<typeof MissingCitationSchema>;

export const ResolvedCitationSchema = z.discriminatedUnion('state', [FoundCitationSchema, MissingCitationSchema]);
export type ResolvedCitation = z.infer<typeof ResolvedCitationSchema>;

export const BriefWithCitationsSchema = z.object({
  brief: BriefSchema,
  /** One entry per distinct cited claim, in the order they first appear in the document. */
  citations: z.array(ResolvedCitationSchema),
});
export type BriefWithCitations = z.infer<typeof BriefWithCitationsSchema>;

/**
 * API methods of the briefs area: the analyst's own documents, with claims cited live.
 * Spread into the contract in contract.ts; the handlers live in electron/core/briefs/handlers.ts.
 */
export const briefsMethods = {
  listBriefs: method('Every brief, newest change first, without documents.', z.object({}).strict(), z.array(BriefSummarySchema)),
  getBrief: method(
    'One brief with each claim it cites resolved as it is now (or marked missing).',
    z.object({ id }).strict(),
    BriefWithCitationsSchema,
  ),
  createBrief: method('Starts a brief with a title and, optionally, a document.', z.object({ title, doc: doc.optional() }).strict(), BriefSchema),
  saveBrief: method("Replaces a brief's document, and its title when given.", z.object({ id, title: title.optional(), doc }).strict(), BriefSchema),
  deleteBrief: method('Moves a brief to the trash.', z.object({ id }).strict(), z.object({ ok: z.literal(true) })),
  resolveCitations: method(
    'Cited claims as they are now, for the live editor. An article id per claim makes the look-up direct.',
    z
      .object({
        claimIds: z.array(id).max(MAX_CITATIONS_PER_CALL).optional(),
        citations: z.array(CitationRefSchema).max(MAX_CITATIONS_PER_CALL).optional(),
      })
      .strict(),
    z.array(ResolvedCitationSchema),
  ),
  findClaimsToCite: method(
    'Claims matching every word of the query (quote, actors, issue, proposition, speaker, note, article title), the preferred article first.',
    z
      .object({
        query: z.string().max(500),
        preferArticleId: id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.array(FoundCitationSchema),
  ),
  generateBrief: method(
    'Drafts a brief from articles and/or claims: sources, positions by issue and actor with citations, agreements and clashes, notes.',
    z
      .object({
        articleIds: z.array(id).max(500).optional(),
        claimIds: z.array(id).max(MAX_CITATIONS_PER_CALL).optional(),
        title: title.optional(),
      })
      .strict(),
    BriefSchema,
  ),
} as const;
