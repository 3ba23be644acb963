import { z } from 'zod';
import { articleFilterFields } from '../model/article-filter';
import { method } from './method';

/** Longest query the search accepts, in characters: longer is a paste, not a search. */
export const MAX_SEARCH_QUERY_CHARS = 500;
/** Most hits one page may ask for. */
export const MAX_SEARCH_LIMIT = 200;

const id = z.string().min(1, 'an id is required').max(200);

/** What a hit is: an article (text and metadata), a claim (quote, coding, note) or a brief. */
export const SearchHitKindSchema = z.enum(['article', 'claim', 'brief']);
export type SearchHitKind = z.infer<typeof SearchHitKindSchema>;

/**
 * Narrows a search. The article filter (dates, sources, collections, tags) applies to articles and to claims through
 * their article; actor, issue and stance apply to claims by their coding, and to articles that
 * hold at least one claim coded that way. Briefs have none of these, so any of these filters
 * leaves briefs out. An issue filter includes the issue's sub-issues.
 */
export const SearchFiltersSchema = z
  .object({
    /** Only these kinds of hit; all kinds when absent. */
    kinds: z.array(SearchHitKindSchema).min(1).max(3).optional(),
    /** Dates, sources, collections, tags: the one ArticleFilter (shared/model/article-filter.ts). */
    ...articleFilterFields,
    /** Older spelling: one source (as sources: [name]). */
    source: z.string().min(1).max(500).optional(),
    /** Older spelling: one collection (as collections: [name]). */
    collection: z.string().min(1).max(200).optional(),
    actorId: id.optional(),
    issueId: id.optional(),
    stanceId: id.optional(),
  })
  .strict();
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

/**
 * A piece of a matched field with the ranges to highlight. `offset` is where `text` starts in
 * the field (for an article's `text` field, a position in the article's canonical text, so the
 * reader can scroll to it); `highlights` are [start, end) ranges within `text`.
 */
export const SearchSnippetSchema = z.object({
  field: z.enum(['title', 'meta', 'text', 'quote', 'note', 'coding', 'tags']),
  text: z.string(),
  offset: z.number().int().nonnegative(),
  highlights: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
  /** Whether the field goes on before or after the snippet (show an ellipsis). */
  clippedStart: z.boolean(),
  clippedEnd: z.boolean(),
});
export type SearchSnippet = z.infer<typeof SearchSnippetSchema>;

export const SearchHitSchema = z.object({
  kind: SearchHitKindSchema,
  /** The article of an article or claim hit; null for briefs. */
  articleId: z.string().nullable(),
  claimId: z.string().nullable(),
  briefId: z.string().nullable(),
  /** The article's or brief's title; for a claim, its quote (shortened when long). */
  title: z.string(),
  /** For a claim, the title of its article; otherwise null. */
  context: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** BM25 relevance; higher is better. Comparable within one response only. */
  score: z.number(),
  /** For a claim, where its quote stands in the article's text, to scroll there. */
  position: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  snippets: z.array(SearchSnippetSchema),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** How far a first build of the index has come; absent once the index is complete. */
/** The index is not complete yet: articles built so far of all, or 0 of 0 while the saved index loads. */
export const SearchIndexingSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const SearchResponseSchema = z.object({
  /** Hits matching the query and filters, across all pages (a lower bound, the match limit, when `totalIsEstimate`). */
  total: z.number().int().nonnegative(),
  /**
   * True when more documents match than the index counts and ranks per query (10,000): `total` is
   * then that bound, a lower bound (show it as "10,000+"), and the hits are the best of the most
   * recently indexed 10,000 matches. Absent when `total` is exact (phrases included).
   */
  totalIsEstimate: z.boolean().optional(),
  hits: z.array(SearchHitSchema),
  tookMs: z.number().nonnegative(),
  /**
   * Present while the index is still being built: the hits come from the articles indexed so
   * far. Ask again (e.g. every half second) until it is gone.
   */
  indexing: SearchIndexingSchema.optional(),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const SearchRequestSchema = z
  .object({
    /**
     * Words (all must match), `"quoted phrases"`, and `prefix*`. The last word is also matched
     * as a prefix while it is being typed (unless the query ends with a space).
     */
    query: z.string().max(MAX_SEARCH_QUERY_CHARS, `a search can be at most ${MAX_SEARCH_QUERY_CHARS} characters`),
    filters: SearchFiltersSchema.optional(),
    limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const RebuildSearchIndexResponseSchema = z.object({
  articles: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  briefs: z.number().int().nonnegative(),
  tookMs: z.number().nonnegative(),
});

/**
 * API methods of the search area. Spread into the contract in contract.ts; the handlers live
 * in electron/core/search/handlers.ts.
 */
export const searchMethods = {
  search: method(
    'Searches article text and metadata, claim quotes, coding and notes, and briefs; ranked by relevance, filtered and paged.',
    SearchRequestSchema,
    SearchResponseSchema,
  ),
  rebuildSearchIndex: method(
    'Rebuilds the search index from the notebook (resolves when the new index is in use).',
    z.object({}).strict(),
    RebuildSearchIndexResponseSchema,
  ),
} as const;
