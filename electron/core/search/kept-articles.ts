import type { ArticleFilter, ArticleSummary } from '../../../shared/model';
import { filterKeysOf, type FilterKeys, type PreparedArticleFilter } from '../articles/article-filter';

/**
 * The ids of the articles an ArticleFilter keeps, as the JSON array the search's SQL reads, cached
 * per filter while the library is the same. At 50,000 articles folding every summary's source,
 * collections and tags for each search cost 40-250 ms; an analyst typing with a filter set asks
 * the same filter for every keystroke. The library is "the same" when it holds the same summary
 * objects in the same order (the store replaces a summary object whenever its article changes),
 * checked by identity in one pass.
 */

/** Filters remembered at once: the few an analyst switches between. */
const REMEMBERED = 4;

interface Kept {
  library: readonly ArticleSummary[];
  ids: string;
}

/** The folded values of each summary object, worked out once (summaries are frozen and replaced on change). */
const keysOf = new WeakMap<ArticleSummary, FilterKeys>();

function keys(summary: ArticleSummary): FilterKeys {
  let k = keysOf.get(summary);
  if (!k) keysOf.set(summary, (k = filterKeysOf(summary)));
  return k;
}

function sameItems(a: readonly ArticleSummary[], b: readonly ArticleSummary[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Per library list of a store: filters by their JSON, most recently used last. */
const cache = new Map<string, Kept>();

/** A JSON array of the ids of the articles `prepared` keeps (`filter` is its source, the cache key). */
export function keptArticleIds(filter: ArticleFilter, prepared: PreparedArticleFilter, articles: readonly ArticleSummary[]): string {
  const key = JSON.stringify(filter);
  const hit = cache.get(key);
  cache.delete(key);
  if (hit && sameItems(hit.library, articles)) {
    cache.set(key, hit);
    return hit.ids;
  }
  const ids: string[] = [];
  for (const summary of articles) if (prepared.failures(keys(summary)) === 0) ids.push(summary.id);
  const kept = { library: [...articles], ids: JSON.stringify(ids) };
  cache.set(key, kept);
  while (cache.size > REMEMBERED) cache.delete(cache.keys().next().value!);
  return kept.ids;
}
