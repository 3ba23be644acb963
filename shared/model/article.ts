import { z } from 'zod';
import { DoubleCodingSchema } from './coder';

/**
 * A block of an article's structure, as a range over its canonical plain text.
 * Claims anchor to the canonical text; blocks only say how to show it.
 * `start`/`end` are JavaScript string indices (UTF-16 code units), end exclusive.
 */
export const BlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'quote', 'list-item']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Heading level 1-6, or list nesting depth (1 = top level). */
  level: z.number().int().min(1).max(6).optional(),
  /** For list items: whether the list is numbered. */
  ordered: z.boolean().optional(),
});
export type Block = z.infer<typeof BlockSchema>;

/** Where an article came from: the importer and the file (or "paste"). */
export const ImportOriginSchema = z.object({
  kind: z.enum(['paste', 'text', 'markdown', 'html', 'docx', 'odt', 'pdf', 'csv', 'sample', 'archive']),
  name: z.string().nullable(),
});
export type ImportOrigin = z.infer<typeof ImportOriginSchema>;

/** Editable bibliographic facts about an article. */
export const ArticleMetaSchema = z.object({
  title: z.string().min(1).max(1000),
  source: z.string().max(500).nullable(),
  author: z.string().max(500).nullable(),
  /** ISO 8601 calendar date (YYYY-MM-DD) or null when unknown. */
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').nullable(),
  url: z.string().max(2000).nullable(),
  language: z.string().max(35).nullable(),
  /** The standfirst or summary, when the source has one. */
  standfirst: z.string().max(5000).nullable(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/** An earlier text of the article, kept when an analyst edits it. */
export const ArticleRevisionSchema = z.object({
  rev: z.number().int().positive(),
  text: z.string(),
  blocks: z.array(BlockSchema),
  contentHash: z.string(),
  replacedAt: z.string(),
});
export type ArticleRevision = z.infer<typeof ArticleRevisionSchema>;

export const ArticleSchema = ArticleMetaSchema.extend({
  id: z.string().min(1),
  importedFrom: ImportOriginSchema,
  /** sha256 (hex) of the normalised text; duplicates are found by it. */
  contentHash: z.string(),
  /** Canonical plain text: blocks joined by "\n". Claims' selectors point into it. */
  text: z.string(),
  blocks: z.array(BlockSchema),
  /** Current revision number, 1 for the text as imported. */
  rev: z.number().int().positive(),
  revisions: z.array(ArticleRevisionSchema),
  /**
   * What the importer changed, left out or could not do with confidence, in the analyst's words
   * ("Reading order uncertain on page 3…", "2 Word comments kept below"). Absent when none.
   */
  importNotes: z.array(z.string().max(2000)).max(100).optional(),
  /**
   * Cells of a CSV row that no field was mapped to, by column name (an id to join gold labels
   * back, a stance label, a section), kept as the source gave them. Absent for other imports.
   */
  sourceFields: z.record(z.string().max(500), z.string().max(20_000)).optional(),
  tags: z.array(z.string()),
  collections: z.array(z.string()),
  /** Double coding (blind until each coder marks it done); absent: coded openly. See ./coder.ts. */
  doubleCoding: DoubleCodingSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What the library lists: an article without its body, with its claim count. */
export const ArticleSummarySchema = ArticleMetaSchema.extend({
  id: z.string(),
  importedFrom: ImportOriginSchema,
  contentHash: z.string(),
  wordCount: z.number().int().nonnegative(),
  claimCount: z.number().int().nonnegative(),
  tags: z.array(z.string()),
  collections: z.array(z.string()),
  /** As on the article: blind double coding and who is done (absent: coded openly). */
  doubleCoding: DoubleCodingSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
