import { MAX_LIBRARY_PAGE, type FacetValue, type LibraryPage, type LibraryQuery } from '../../../shared/api/contract-library';
import type { ArticleSummary } from '../../../shared/model';
import type { CoreContext } from '../context';
import { FACET_BITS, prepareFilters } from './library-filters';
import { libraryRows, type LibraryRow } from './library-rows';
import { libraryComparator } from './library-sort';

/** Counts of one facet by label key, with the spelling first seen. */
class FacetCounter {
  private readonly counts = new Map<string, FacetValue>();

  add(key: string, name: string): void {
    const entry = this.counts.get(key);
    if (entry) entry.count += 1;
    else this.counts.set(key, { name, count: 1 });
  }

  /** Most frequent first, then by name. */
  values(): FacetValue[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

/** Adds each distinct label of a row once, so an article with two spellings of a tag counts once. */
function addLabels(counter: FacetCounter, keys: readonly string[], names: readonly string[]): void {
  for (let i = 0; i < keys.length; i++) {
    if (keys.indexOf(keys[i]!) === i) counter.add(keys[i]!, names[i]!.trim());
  }
}

/** The matches and facets of a query, before windowing. */
interface Answer {
  matches: LibraryRow[];
  facets: LibraryPage['facets'];
}

function answer(rows: readonly LibraryRow[], query: LibraryQuery): Answer {
  const filters = prepareFilters(query.filters);
  const matches: LibraryRow[] = [];
  const sources = new FacetCounter();
  const collections = new FacetCounter();
  const tags = new FacetCounter();
  for (const row of rows) {
    const { summary } = row;
    const failed = filters.failures(row);
    // A facet counts the rows matching every filter but its own.
    if ((failed & ~FACET_BITS.sources) === 0 && row.filterKeys.source !== null) sources.add(row.filterKeys.source, summary.source!.trim());
    if ((failed & ~FACET_BITS.collections) === 0) addLabels(collections, row.filterKeys.collections, summary.collections);
    if ((failed & ~FACET_BITS.tags) === 0) addLabels(tags, row.filterKeys.tags, summary.tags);
    if (failed === 0) matches.push(row);
  }
  matches.sort(libraryComparator(query.sort, query.direction));
  return { matches, facets: { sources: sources.values(), collections: collections.values(), tags: tags.values() } };
}

/**
 * The last few answers, for the same library and the same sort and filters: a list scrolling
 * through windows asks again with only the offset changed, and that should cost a slice. More
 * than one is kept because the app asks a few queries side by side (the library list, the
 * article to open, the sources of Positions), and each would otherwise push the others out.
 */
const recentAnswers: { rows: readonly LibraryRow[]; key: string; answer: Answer }[] = [];
const RECENT_ANSWERS = 4;

/**
 * The library as one query answers it: the matching articles sorted, the window
 * [offset, offset + limit) of them, and facet counts. Pure: takes the summaries and reads no
 * bodies, so it stays quick on 10,000 articles (one pass to filter and count, one sort, and
 * only a slice when the next window of the same query is asked for).
 *
 * @throws UserError 'invalid-request' for dates that do not exist or a reversed date range.
 */
export function queryLibrarySummaries(summaries: readonly ArticleSummary[], query: LibraryQuery): LibraryPage {
  const rows = libraryRows(summaries);
  const key = JSON.stringify([query.sort, query.direction, query.filters ?? {}]);
  // Answers over an older library are dropped; the one asked for moves to the front.
  for (let i = recentAnswers.length - 1; i >= 0; i--) if (recentAnswers[i]!.rows !== rows) recentAnswers.splice(i, 1);
  const at = recentAnswers.findIndex((a) => a.key === key);
  const hit = at >= 0 ? recentAnswers.splice(at, 1)[0]! : { rows, key, answer: answer(rows, query) };
  recentAnswers.unshift(hit);
  recentAnswers.length = Math.min(recentAnswers.length, RECENT_ANSWERS);
  const { matches, facets } = hit.answer;
  // The contract caps the limit; callers inside the core are held to the same window size.
  const limit = Math.min(query.limit, MAX_LIBRARY_PAGE);
  return {
    total: matches.length,
    items: matches.slice(query.offset, query.offset + limit).map((row) => row.summary),
    facets: structuredClone(facets),
  };
}

/** queryLibrarySummaries over the open notebook's library index. */
export function queryLibrary(ctx: CoreContext, query: LibraryQuery): LibraryPage {
  return queryLibrarySummaries(ctx.store.listArticles(), query);
}
