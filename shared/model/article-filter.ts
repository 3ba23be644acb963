import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** Names as sent: loose bounds only; the core trims and folds them (see the rules below). */
const names = (maxLength: number) => z.array(z.string().max(maxLength)).max(1000).optional();

/**
 * The article part of every filter (library, search, positions, networks and their exports).
 * One definition, matched by one function in the core (electron/core/articles/article-filter.ts),
 * so the same filter keeps the same articles everywhere. The rules:
 * - Dates are days (YYYY-MM-DD), both bounds inclusive. Any date bound leaves undated articles
 *   out: nobody can say they fall in the range. A day that does not exist, or a range that ends
 *   before it starts, is refused.
 * - Sources, collections and tags are compared as names: surrounding space trimmed, runs of
 *   space as one, Unicode NFC, and case ignored; accents count. "Résumé" and "resumé" are one
 *   collection, "Resume" is another, just as the library lists them.
 * - Within one list any name matches (source A or B); across fields all must match. An empty
 *   list, like an absent one, filters nothing.
 *
 * Requests spread `articleFilterFields` into their own object, so each adds its own fields in
 * one line.
 */
export const articleFilterFields = {
  /** Published on or after this day. */
  publishedFrom: isoDate.optional(),
  /** Published on or before this day. */
  publishedTo: isoDate.optional(),
  /** From any of these sources. */
  sources: names(500),
  /** In any of these collections. */
  collections: names(1000),
  /** Carrying any of these tags. */
  tags: names(1000),
};

export const ArticleFilterSchema = z.object(articleFilterFields).strict();
export type ArticleFilter = z.infer<typeof ArticleFilterSchema>;

/**
 * Older spellings still accepted by the requests that had them: one `source` and one
 * `collection` (positions, networks, search) and `from`/`to` (the library). The core folds
 * them into an ArticleFilter (articleFilterOf).
 */
export interface LegacyArticleFilterFields {
  source?: string;
  collection?: string;
  from?: string;
  to?: string;
}
