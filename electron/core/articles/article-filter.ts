import { UserError } from '../../../shared/api/errors';
import type { ArticleFilter, ArticleSummary, LegacyArticleFilterFields } from '../../../shared/model';

/**
 * The one matching of an ArticleFilter (rules in shared/model/article-filter.ts). The library
 * list, search, positions, networks and their exports all keep the articles this keeps.
 */

/** The key two source, collection or tag names are the same under: trimmed, spaces collapsed, NFC, case ignored; accents count. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().normalize('NFC').toLowerCase();
}

/** Which part of a filter an article fails (bits, 0 = it matches): the library's facets count articles failing only their own part. */
export const FILTER_PARTS = { dates: 1, sources: 2, collections: 4, tags: 8 } as const;

/** The article's values a filter compares, folded by nameKey; a caller may fold them once and keep them. */
export interface FilterKeys {
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  /** nameKey of the source, null when there is none. */
  source: string | null;
  collections: readonly string[];
  tags: readonly string[];
}

export function filterKeysOf(article: Pick<ArticleSummary, 'publishedAt' | 'source' | 'collections' | 'tags'>): FilterKeys {
  const source = article.source ? nameKey(article.source) : '';
  return {
    publishedAt: article.publishedAt ? article.publishedAt.slice(0, 10) : null,
    source: source === '' ? null : source,
    collections: article.collections.map(nameKey),
    tags: article.tags.map(nameKey),
  };
}

const keysOfSummary = new WeakMap<object, FilterKeys>();

/**
 * filterKeysOf, folded once per summary: the store's summaries are frozen and a changed article
 * gets a new one, so the keys of a frozen object never go stale. Positions, networks and filtered
 * searches test all 10,000 articles of a notebook on every request; folding their names anew
 * each time (normalize, lower-case) was most of that work.
 */
function keysOf(article: Pick<ArticleSummary, 'publishedAt' | 'source' | 'collections' | 'tags'>): FilterKeys {
  if (!Object.isFrozen(article)) return filterKeysOf(article);
  let keys = keysOfSummary.get(article);
  if (!keys) keysOfSummary.set(article, (keys = filterKeysOf(article)));
  return keys;
}

/** A checked filter, ready to test articles. */
export interface PreparedArticleFilter {
  /** False when the filter keeps every article (nothing set). */
  readonly active: boolean;
  /** FILTER_PARTS bits of the parts the article fails; 0 when it matches. */
  failures(keys: FilterKeys): number;
  matches(article: Pick<ArticleSummary, 'publishedAt' | 'source' | 'collections' | 'tags'>): boolean;
}

function isRealDay(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

function checkDay(label: string, date: string | undefined): void {
  if (date !== undefined && !isRealDay(date)) {
    throw new UserError('invalid-request', `The ${label} date ${date} is not a real day. Choose a date from the calendar.`);
  }
}

/** Names to match, or null when the part is not set (an empty list, or only blank names, is not set). */
function keySet(names: readonly string[] | undefined): Set<string> | null {
  const keys = (names ?? []).map(nameKey).filter(Boolean);
  return keys.length > 0 ? new Set(keys) : null;
}

/**
 * The ArticleFilter of a request, with the older spellings (`source`, `collection`, `from`,
 * `to`) folded in. Other fields of the request are ignored.
 */
export function articleFilterOf(request: ArticleFilter & LegacyArticleFilterFields): ArticleFilter {
  const list = (many: string[] | undefined, one: string | undefined): string[] | undefined => (one?.trim() ? [...(many ?? []), one] : many);
  const from = request.publishedFrom ?? request.from;
  const to = request.publishedTo ?? request.to;
  const filter: ArticleFilter = {};
  if (from !== undefined) filter.publishedFrom = from;
  if (to !== undefined) filter.publishedTo = to;
  const sources = list(request.sources, request.source);
  const collections = list(request.collections, request.collection);
  if (sources) filter.sources = sources;
  if (collections) filter.collections = collections;
  if (request.tags) filter.tags = request.tags;
  return filter;
}

/**
 * Checks and folds a filter once.
 * @throws UserError 'invalid-request' for a day that does not exist or a range that ends before it starts.
 */
export function prepareArticleFilter(filter: ArticleFilter = {}): PreparedArticleFilter {
  const { publishedFrom: from, publishedTo: to } = filter;
  checkDay('"from"', from);
  checkDay('"to"', to);
  if (from && to && from > to) {
    throw new UserError('invalid-request', `The date range is reversed: it starts on ${from}, after it ends on ${to}. Swap the two dates.`);
  }
  const sources = keySet(filter.sources);
  const collections = keySet(filter.collections);
  const tags = keySet(filter.tags);
  const anyOf = (keys: readonly string[], wanted: Set<string>): boolean => keys.some((k) => wanted.has(k));
  const failures = (keys: FilterKeys): number => {
    let failed = 0;
    if ((from || to) && (keys.publishedAt === null || (from && keys.publishedAt < from) || (to && keys.publishedAt > to)))
      failed |= FILTER_PARTS.dates;
    if (sources && !(keys.source !== null && sources.has(keys.source))) failed |= FILTER_PARTS.sources;
    if (collections && !anyOf(keys.collections, collections)) failed |= FILTER_PARTS.collections;
    if (tags && !anyOf(keys.tags, tags)) failed |= FILTER_PARTS.tags;
    return failed;
  };
  const active = Boolean(from || to || sources || collections || tags);
  return {
    active,
    failures,
    matches: (article) => !active || failures(keysOf(article)) === 0,
  };
}
