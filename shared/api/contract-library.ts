import { z } from 'zod';
import { ArticleSummarySchema, articleFilterFields } from '../model';
import { AnchorCountsSchema } from './contract-annotate';
import { method } from './method';

const id = z.string().min(1, 'an id is required').max(200);
const fileName = z.string().min(1, 'a file name is required').max(1000);
/** Base64 of a 50 MB file: the same limit as importFile. */
const dataBase64 = z.string().max(Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** Longest tag or collection name, in characters, after trimming. */
export const MAX_LABEL_LENGTH = 100;
/** Most tags (or collections) one article may carry. */
export const MAX_LABELS_PER_ARTICLE = 100;
/** Most articles one library query returns at a time. */
export const MAX_LIBRARY_PAGE = 500;

/**
 * A tag or collection name as sent. Loose bounds only: the core trims, checks the length
 * against MAX_LABEL_LENGTH and deduplicates, so direct callers get the same checks.
 */
const labelName = z.string().max(1000);
const labelList = z.array(labelName).max(1000);

/** Which CSV column holds each field of an article; only `text` is required. Values are column names. */
export const LibraryCsvMappingSchema = z
  .object({
    text: z.string().min(1, 'choose the column that holds the article text'),
    title: z.string().min(1).optional(),
    date: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    author: z.string().min(1).optional(),
    url: z.string().min(1).optional(),
    /** Columns whose cells become tags / collections of the row's article (one name per cell). */
    tags: z.array(z.string().min(1)).max(20).optional(),
    collections: z.array(z.string().min(1)).max(20).optional(),
  })
  .strict();

export const CsvPreviewSchema = z.object({
  columns: z.array(z.string()),
  /** The first five data rows, as column name to cell. */
  sampleRows: z.array(z.record(z.string(), z.string())),
  /** Columns whose header names say what they hold; `text` only when one was found. */
  suggestedMapping: LibraryCsvMappingSchema.partial(),
  /** Data rows in the file (the header not counted). */
  rowCount: z.number().int().nonnegative(),
});
export type CsvPreviewResult = z.infer<typeof CsvPreviewSchema>;

/** What happened to one CSV row; `row` is numbered as a spreadsheet shows it (header = 1). */
export const CsvRowResultSchema = z.object({
  row: z.number().int().positive(),
  status: z.enum(['imported', 'duplicate', 'error']),
  /** The new article, or the one already holding this text for a duplicate. */
  articleId: z.string().optional(),
  title: z.string().optional(),
  /** For errors: what was wrong with the row and what to do. */
  message: z.string().optional(),
});
export type CsvRowResult = z.infer<typeof CsvRowResultSchema>;

/** A tag or collection with the number of articles carrying it. */
export const LabelCountSchema = z.object({ name: z.string(), articleCount: z.number().int().nonnegative() });
export type LabelCount = z.infer<typeof LabelCountSchema>;

export const FacetValueSchema = z.object({ name: z.string(), count: z.number().int().nonnegative() });
export type FacetValue = z.infer<typeof FacetValueSchema>;

export const LibrarySortSchema = z.enum(['published', 'title', 'source', 'claims', 'added']);
export type LibrarySort = z.infer<typeof LibrarySortSchema>;

export const LibraryFiltersSchema = z
  .object({
    /** Dates, sources, collections, tags: the one ArticleFilter (shared/model/article-filter.ts). */
    ...articleFilterFields,
    /** Older spelling of publishedFrom. */
    from: isoDate.optional(),
    /** Older spelling of publishedTo. */
    to: isoDate.optional(),
    /** At least this many claims. */
    minClaims: z.number().int().nonnegative().optional(),
    /** Appears in the title, the source or the author; case, accents and repeated spaces are ignored. */
    text: z.string().max(1000).optional(),
  })
  .strict();
export type LibraryFilters = z.infer<typeof LibraryFiltersSchema>;

export const LibraryQuerySchema = z
  .object({
    sort: LibrarySortSchema,
    direction: z.enum(['asc', 'desc']),
    filters: LibraryFiltersSchema.optional(),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(MAX_LIBRARY_PAGE, `at most ${MAX_LIBRARY_PAGE} articles per page`),
  })
  .strict();
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;

export const LibraryPageSchema = z.object({
  /** Articles matching the filters, across all pages. */
  total: z.number().int().nonnegative(),
  /** The window [offset, offset + limit) of the sorted matches. */
  items: z.array(ArticleSummarySchema),
  /**
   * Values to filter by, most frequent first. Each facet counts the articles matching every
   * filter except its own, so choosing a second source still shows the other sources.
   */
  facets: z.object({
    sources: z.array(FacetValueSchema),
    collections: z.array(FacetValueSchema),
    tags: z.array(FacetValueSchema),
  }),
});
export type LibraryPage = z.infer<typeof LibraryPageSchema>;

/** What a rename or delete of a collection did. */
export const CollectionChangeSchema = z.object({
  /** Articles rewritten. */
  articlesChanged: z.number().int().nonnegative(),
  /** The collections afterwards. */
  collections: z.array(LabelCountSchema),
});
export type CollectionChange = z.infer<typeof CollectionChangeSchema>;

/**
 * API methods of the library area: CSV import, re-import as a revision, tags and collections
 * on articles, and the library list (sorted, filtered, faceted, one window at a time).
 * Spread into the contract in contract.ts; the handlers live in electron/core/articles/handlers.ts.
 */
export const libraryMethods = {
  previewCsv: method(
    "Reads a CSV's columns, first five rows and row count, and suggests which column is which.",
    z.object({ name: fileName, dataBase64 }).strict(),
    CsvPreviewSchema,
  ),
  importCsv: method(
    'Adds one article per CSV row using the chosen columns; answers row by row (imported, duplicate, or what was wrong).',
    z.object({ name: fileName, dataBase64, mapping: LibraryCsvMappingSchema }).strict(),
    z.array(CsvRowResultSchema),
  ),
  importFileAsRevision: method(
    "Imports a file's text as a new revision of an existing article and finds its claims again.",
    z.object({ articleId: id, name: fileName, dataBase64 }).strict(),
    z.object({
      article: ArticleSummarySchema,
      rev: z.number().int().positive(),
      /** False when the file holds the article's current text: nothing was written. */
      changed: z.boolean(),
      counts: AnchorCountsSchema,
    }),
  ),
  setArticleTags: method(
    "Replaces an article's tags (trimmed, duplicates dropped, spelled as the library already spells them).",
    z.object({ articleId: id, tags: labelList }).strict(),
    ArticleSummarySchema,
  ),
  setArticleCollections: method(
    'Replaces the collections an article is in (trimmed, duplicates dropped, spelled as the library already spells them).',
    z.object({ articleId: id, collections: labelList }).strict(),
    ArticleSummarySchema,
  ),
  listCollections: method('Every collection with its number of articles, by name.', z.object({}).strict(), z.array(LabelCountSchema)),
  renameCollection: method(
    'Renames a collection on every article in it; renaming onto an existing collection merges the two.',
    z.object({ from: labelName, to: labelName }).strict(),
    CollectionChangeSchema,
  ),
  deleteCollection: method(
    'Removes a collection from every article in it; the articles stay in the library.',
    z.object({ name: labelName }).strict(),
    CollectionChangeSchema,
  ),
  listArticleTags: method('Every article tag with its number of articles, by name.', z.object({}).strict(), z.array(LabelCountSchema)),
  queryLibrary: method(
    'One window of the library, sorted and filtered in the core, with the total and facet counts.',
    LibraryQuerySchema,
    LibraryPageSchema,
  ),
  getArticleSummary: method(
    "One article's library entry (title, dates, labels, claim count), or null when the notebook has no such article.",
    z.object({ id }).strict(),
    ArticleSummarySchema.nullable(),
  ),
} as const;
