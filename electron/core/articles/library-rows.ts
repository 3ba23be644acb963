import type { ArticleSummary } from '../../../shared/model';
import { filterKeysOf, type FilterKeys } from './article-filter';
import { foldKey } from './fold-key';

/** A summary with the folded keys that filtering and sorting compare, worked out once. */
export interface LibraryRow {
  summary: ArticleSummary;
  /** Folded title, for sorting by title. */
  titleKey: string;
  /** Folded source, null when the article has none. */
  sourceKey: string | null;
  /** Title, source and author folded, for the text filter; \u0001 keeps a match from spanning two fields. */
  searchText: string;
  /** The source, collections and tags as the one ArticleFilter compares them (nameKey), for the filters and facets. */
  filterKeys: FilterKeys;
  /**
   * Place in the library's tie-break order (folded title, then time added, then id), set by
   * libraryRows for the snapshot being queried: sorts compare their key, then this number.
   */
  rank: number;
}

/**
 * Rows by summary object. The store's index hands out the same summary object until the
 * article changes (a change puts a new summary in its place), so an unchanged library is
 * folded once and a query over 10,000 articles only filters and sorts.
 */
const rows = new WeakMap<ArticleSummary, LibraryRow>();

/** The row for a summary, from the cache when the summary has not changed. */
function libraryRow(summary: ArticleSummary): LibraryRow {
  let row = rows.get(summary);
  if (!row) {
    row = {
      summary,
      titleKey: foldKey(summary.title),
      sourceKey: summary.source?.trim() ? foldKey(summary.source) : null,
      searchText: [summary.title, summary.source ?? '', summary.author ?? ''].map(foldKey).join('\u0001'),
      filterKeys: filterKeysOf(summary),
      rank: 0,
    };
    rows.set(summary, row);
  }
  return row;
}

/** The last library seen, so a query for the next window of the same library skips the ranking. */
let last: { summaries: readonly ArticleSummary[]; rows: LibraryRow[] } | null = null;

function sameItems(a: readonly ArticleSummary[], b: readonly ArticleSummary[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function byTieBreak(a: LibraryRow, b: LibraryRow): number {
  const x = a.titleKey;
  const y = b.titleKey;
  if (x !== y) return x < y ? -1 : 1;
  const p = a.summary.createdAt;
  const q = b.summary.createdAt;
  if (p !== q) return p < q ? -1 : 1;
  return a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;
}

/**
 * The rows of a library, ranked in tie-break order. Ranking sorts the whole library once per
 * change of it (the store hands out a new summary object for every changed article); every
 * query until the next change reuses it, so its own sort compares one key and a number.
 * The returned array is the same object for the same library, which callers may cache by.
 */
export function libraryRows(summaries: readonly ArticleSummary[]): LibraryRow[] {
  if (last && sameItems(last.summaries, summaries)) return last.rows;
  const rows = summaries.map(libraryRow);
  [...rows].sort(byTieBreak).forEach((row, i) => {
    row.rank = i;
  });
  last = { summaries: [...summaries], rows };
  return rows;
}

/** Summaries folded per turn of the event loop while warming (a few ms each at 10,000 articles). */
const WARM_SLICE = 500;

/**
 * Folds the rows of a library ahead of its first query, a slice at a time with the event loop
 * turning before each, so the first library query after opening a 10,000-article notebook only
 * filters and sorts instead of holding the process ~300 ms to fold every title. A query that
 * arrives first folds what is left itself: warming changes when the work is done, not the answer.
 * The turns are unref'd timers, so a command-line process that is done exits without waiting.
 */
export async function warmLibraryRows(summaries: readonly ArticleSummary[], slice = WARM_SLICE): Promise<void> {
  for (let i = 0; i < summaries.length; i += slice) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0).unref());
    const end = Math.min(summaries.length, i + slice);
    for (let j = i; j < end; j++) libraryRow(summaries[j]!);
  }
  // Then the ranking (one sort of the folded rows), in a turn of its own.
  await new Promise<void>((resolve) => setTimeout(resolve, 0).unref());
  libraryRows(summaries);
}
