import { z } from 'zod';
import { ArticleSchema, ArticleSummarySchema, BriefSchema, ClaimSchema, CodebookSchema, NotebookMetaSchema } from '../../../shared/model';

/**
 * The shapes of the files in a notebook folder, as validated when read. Every document carries
 * `schemaVersion`; older documents are upgraded by `migrations.ts` before these schemas run.
 * Defaults fill bookkeeping fields a hand-edited file may lack; the collections themselves are
 * required, so a damaged file is never read as an empty notebook.
 */

export const CodebookDocSchema = z.object({
  schemaVersion: z.number().int(),
  codebook: CodebookSchema,
});
export type CodebookDoc = z.infer<typeof CodebookDocSchema>;

export const BriefsDocSchema = z.object({
  schemaVersion: z.number().int(),
  briefs: z.array(BriefSchema),
});
export type BriefsDoc = z.infer<typeof BriefsDocSchema>;

/** The library index snapshot: a summary per article; the journal holds changes since. */
export const LibraryDocSchema = z.object({
  schemaVersion: z.number().int(),
  /** The last journal line folded into this snapshot; lines up to it are skipped on replay. */
  journalSeq: z.number().int().nonnegative().default(0),
  articles: z.array(ArticleSummarySchema),
  /** Each article's shard revision, as of this snapshot. */
  revs: z.record(z.string(), z.number().int().nonnegative()).default({}),
});
export type LibraryDoc = z.infer<typeof LibraryDocSchema>;

/** One article's shard: the article with its text and all its claims. */
export const ShardDocSchema = z.object({
  schemaVersion: z.number().int(),
  /** Bumped on every write of this shard; the journal records it to find torn updates. */
  rev: z.number().int().nonnegative().default(0),
  article: ArticleSchema,
  claims: z.array(ClaimSchema),
});
export type ShardDoc = z.infer<typeof ShardDocSchema>;

/** One item in the trash, with everything needed to put it back. */
export const TrashDocSchema = z.discriminatedUnion('kind', [
  z.object({
    schemaVersion: z.number().int(),
    kind: z.literal('article'),
    deletedAt: z.string(),
    article: ArticleSchema,
    claims: z.array(ClaimSchema).default([]),
  }),
  z.object({ schemaVersion: z.number().int(), kind: z.literal('claim'), deletedAt: z.string(), claim: ClaimSchema }),
  z.object({ schemaVersion: z.number().int(), kind: z.literal('brief'), deletedAt: z.string(), brief: BriefSchema }),
]);
export type TrashDoc = z.infer<typeof TrashDocSchema>;

/**
 * A claim change logged ahead of its shard (write-ahead): the full claims saved and the claims
 * deleted (with their trash time), and the shard `rev` the change produces. Replay applies it
 * only to a shard whose rev is lower, so replaying twice changes nothing.
 */
export const ClaimsLineSchema = z.object({
  seq: z.number().int().positive(),
  op: z.literal('claims'),
  articleId: z.string(),
  rev: z.number().int().positive(),
  put: z.array(ClaimSchema).default([]),
  del: z.array(z.object({ claim: ClaimSchema, deletedAt: z.string() })).default([]),
});
export type ClaimsLine = z.infer<typeof ClaimsLineSchema>;

/** A line of library.journal: an index change (`put`/`del`) or a logged claim change. */
export const JournalLineSchema = z.discriminatedUnion('op', [
  z.object({ seq: z.number().int().positive(), op: z.literal('put'), rev: z.number().int().nonnegative(), summary: ArticleSummarySchema }),
  z.object({ seq: z.number().int().positive(), op: z.literal('del'), id: z.string() }),
  ClaimsLineSchema,
]);
export type JournalLine = z.infer<typeof JournalLineSchema>;
/** The journal lines that change the index directly (written before their shard change). */
export type IndexLine = Exclude<JournalLine, ClaimsLine>;

/** Every kind of versioned document, with its schema. */
export const DOCUMENT_SCHEMAS = {
  meta: NotebookMetaSchema,
  codebook: CodebookDocSchema,
  briefs: BriefsDocSchema,
  library: LibraryDocSchema,
  shard: ShardDocSchema,
  trash: TrashDocSchema,
} as const;
export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS;
export type DocumentOf<K extends DocumentKind> = z.infer<(typeof DOCUMENT_SCHEMAS)[K]>;
