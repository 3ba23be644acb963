import { UserError } from '../../../shared/api';
import type { LibraryFilters } from '../../../shared/api/contract-library';
import { foldKey, labelKey } from './fold-key';
import type { LibraryRow } from './library-rows';

/** The filters that have a facet: a row failing only one of these still counts in that facet. */
export const FACET_BITS = { sources: 1, collections: 2, tags: 4 } as const;
/** Filters without a facet: date range, claim count, text. */
const OTHER_BITS = 8;

/** The filters of a query, checked and folded once, ready to test rows. */
export interface PreparedFilters {
  /**
   * Which filters a row fails, as FACET_BITS plus OTHER_BITS: 0 means it matches. Facets count
   * rows failing nothing or only their own filter.
   */
  failures(row: LibraryRow): number;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

function checkDate(label: string, date: string | undefined): void {
  if (date !== undefined && !isRealDate(date)) {
    throw new UserError('invalid-request', `The ${label} date ${date} is not a real day. Choose a date from the calendar.`);
  }
}

/** Labels to match, or null when the filter is not set (an empty list means "not set" too). */
function labelSet(names: readonly string[] | undefined): Set<string> | null {
  const keys = (names ?? []).map((n) => labelKey(n.replace(/\s+/g, ' ').trim())).filter(Boolean);
  return keys.length > 0 ? new Set(keys) : null;
}

function anyIn(labels: readonly string[], wanted: Set<string>): boolean {
  return labels.some((label) => wanted.has(label));
}

/**
 * Checks and folds the filters. Within one filter any value matches (sources A or B); across
 * filters all must match. Date bounds are inclusive and leave undated articles out.
 * @throws UserError 'invalid-request' for a day that does not exist or a range that ends before it starts.
 */
export function prepareFilters(filters: LibraryFilters = {}): PreparedFilters {
  const { from, to, minClaims } = filters;
  checkDate('"from"', from);
  checkDate('"to"', to);
  if (from && to && from > to) {
    throw new UserError('invalid-request', `The date range starts on ${from}, after it ends on ${to}. Swap the two dates.`);
  }
  const sources = labelSet(filters.sources);
  const collections = labelSet(filters.collections);
  const tags = labelSet(filters.tags);
  const text = foldKey(filters.text ?? '');

  return {
    failures(row) {
      let failed = 0;
      const { summary } = row;
      if (sources && !(row.sourceLabel !== null && sources.has(row.sourceLabel))) failed |= FACET_BITS.sources;
      if (collections && !anyIn(row.collectionLabels, collections)) failed |= FACET_BITS.collections;
      if (tags && !anyIn(row.tagLabels, tags)) failed |= FACET_BITS.tags;
      if (
        ((from || to) && (summary.publishedAt === null || (from && summary.publishedAt < from) || (to && summary.publishedAt > to))) ||
        (minClaims !== undefined && summary.claimCount < minClaims) ||
        (text !== '' && !row.searchText.includes(text))
      ) {
        failed |= OTHER_BITS;
      }
      return failed;
    },
  };
}
