import type { LibraryFilters } from '../../../shared/api/contract-library';
import { articleFilterOf, FILTER_PARTS, prepareArticleFilter } from '../articles/article-filter';
import { foldKey } from './fold-key';
import type { LibraryRow } from './library-rows';

/** The filters that have a facet: a row failing only one of these still counts in that facet. */
export const FACET_BITS = { sources: FILTER_PARTS.sources, collections: FILTER_PARTS.collections, tags: FILTER_PARTS.tags } as const;
/** Filters without a facet: the date range (FILTER_PARTS.dates), claim count, text. */
const OTHER_BITS = 16;

/** The filters of a query, checked and folded once, ready to test rows. */
export interface PreparedFilters {
  /**
   * Which filters a row fails, as FILTER_PARTS plus OTHER_BITS: 0 means it matches. Facets count
   * rows failing nothing or only their own filter.
   */
  failures(row: LibraryRow): number;
}

/**
 * Checks and folds the filters. The article part (dates, sources, collections, tags) is the one
 * ArticleFilter, matched as everywhere else (electron/core/articles/article-filter.ts); the claim
 * count and the text filter are the library's own.
 * @throws UserError 'invalid-request' for a day that does not exist or a range that ends before it starts.
 */
export function prepareFilters(filters: LibraryFilters = {}): PreparedFilters {
  const articles = prepareArticleFilter(articleFilterOf(filters));
  const { minClaims } = filters;
  const text = foldKey(filters.text ?? '');
  return {
    failures(row) {
      let failed = articles.failures(row.filterKeys);
      if ((minClaims !== undefined && row.summary.claimCount < minClaims) || (text !== '' && !row.searchText.includes(text))) {
        failed |= OTHER_BITS;
      }
      return failed;
    },
  };
}
