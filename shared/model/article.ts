import { z } from 'zod';
import { DoubleCodingSchema } from './coder';

/**
 * A block of an article's structure, as a range over its canonical plain text.
 * Claims anchor to the canonical text; blocks only say how to show it.
 * `start`/`end` are JavaScript string indices (UTF-16 code units), end exclusive.
 */
export const BlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'quote', 'list-item', 'table-cell']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Heading level 1-6, or list nesting depth (1 = top level). */
  level: z.number().int().min(1).max(6).optional(),
  /** For list items: whether the list is numbered. */
  ordered: z.boolean().optional(),
  /**
   * True when the source put this block after a single line break, in the same paragraph as the
   * block before (a line of an address or a poem), not after a blank line. Absent: a new paragraph.
   */
  lineBreak: z.literal(true).optional(),
  /**
   * For table cells: which table of the article (0, 1, …), the cell's row and column (from 0), and
   * whether it is a header cell. Each cell is its own block, so a quote stays inside one cell;
   * empty cells have no block (the reader fills the grid from row and column).
   */
  table: z.number().int().nonnegative().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
  header: z.literal(true).optional(),
  /** For table cells that span: how many columns / rows (absent: 1). */
  colSpan: z.number().int().min(2).max(50).optional(),
  rowSpan: z.number().int().min(2).max(500).optional(),
});
export type Block = z.infer<typeof BlockSchema>;

/**
 * A block of page furniture the importer took out of an article (a subscription upsell, a "Read
 * more" list, a photo credit), kept so the analyst can put it back. `at` is the offset in the
 * article's text where it stood: a block boundary (0, a block's start, or the text's length).
 */
export const RemovedBlockSchema = z.object({
  kind: z.enum(['heading', 'paragraph', 'quote', 'list-item']),
  text: z.string().min(1).max(20_000),
  /** Why it was taken out, in the analyst's words ("newsletter sign-up", "photo credit"). */
  reason: z.string().max(200),
  at: z.number().int().nonnegative(),
  level: z.number().int().min(1).max(6).optional(),
  ordered: z.boolean().optional(),
});
export type RemovedBlock = z.infer<typeof RemovedBlockSchema>;

/**
 * What the importer normalised in the text it extracted from the source, so an offset can be
 * mapped back. The extracted text is the source's blocks as the importer read them, joined by
 * "\n" (for a .txt file: its lines, with their blank lines, after the header lines were taken out
 * and hard-wrapped lines joined).
 */
export const NormalisationSchema = z.object({
  /** Whitespace characters removed where a run of spaces, tabs or line breaks became one space (layout in HTML, Word, PDF). */
  collapsedWhitespace: z.number().int().nonnegative(),
  /** Whitespace removed at the ends of blocks. */
  trimmedWhitespace: z.number().int().nonnegative(),
  /** Zero-width spaces, word joiners and byte-order marks removed (U+200B, U+2060, U+FEFF); ZWJ/ZWNJ are kept. */
  removedZeroWidth: z.number().int().nonnegative(),
  /** Soft hyphens removed (U+00AD): invisible, and they break search. */
  removedSoftHyphens: z.number().int().nonnegative(),
  /** No-break and other Unicode spaces written as a plain space (one for one: offsets do not move). */
  replacedSpaces: z.number().int().nonnegative(),
  /** Blocks with no text left, dropped. */
  droppedEmptyBlocks: z.number().int().nonnegative(),
  /**
   * Blank lines between paragraphs (plain text): each is a "\n" of the source that the text does
   * not hold; the paragraph break itself is kept (the next block has no `lineBreak`).
   */
  collapsedBlankLines: z.number().int().nonnegative(),
  /**
   * Where characters of the extracted text were removed: [offset in the article's text, how many],
   * in text order. An article offset maps back by adding the counts at or before it.
   */
  removals: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])).max(20_000),
  /** True when there were more removals than the list keeps. */
  removalsTruncated: z.boolean().optional(),
});
export type Normalisation = z.infer<typeof NormalisationSchema>;

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
  publishedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
    .nullable(),
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
  /** What the importer normalised in the text (see NormalisationSchema); absent on older imports. */
  normalisation: NormalisationSchema.optional(),
  /** Page furniture the importer took out, restorable from the reader. Absent when none. */
  removedBlocks: z.array(RemovedBlockSchema).max(500).optional(),
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
