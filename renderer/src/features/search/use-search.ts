import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchFilters, SearchHit, SearchResponse } from '../../../../shared/api/contract-search';
import { api } from '../../api/client';
import { errorText } from '../../components/status-context';
import { searchDelay } from './search-delay';

const INDEXING_RETRY_MS = 500;

export interface SearchState {
  /** The first page's answer (total, indexing), or null before one arrived. */
  response: SearchResponse | null;
  /** Every hit loaded so far: the first page and those "more results" added. */
  hits: SearchHit[];
  error: string | null;
  pending: boolean;
  /** Whether the core has hits beyond those loaded. */
  hasMore: boolean;
  loadingMore: boolean;
  /** Loads the next page and appends it to `hits`. */
  loadMore(): void;
}

interface Answer {
  key: string;
  response: SearchResponse | null;
  hits: SearchHit[];
  error: string | null;
  loadingMore: boolean;
  /** The last page came back short: there is nothing more. */
  exhausted: boolean;
}

/** True when a filter narrows the search. */
export function hasFilters(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
}

/**
 * Asks the core as the analyst types or changes filters (debounced); while the index is still
 * being built, asks again every half second so the hits fill in. Late answers to older queries
 * are dropped. `loadMore` asks for the next page (offset) and appends it.
 */
export function useSearch(query: string, filters: SearchFilters = {}, pageSize = 30): SearchState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const trimmed = query.trim();
  const previous = useRef('');
  const filterKey = JSON.stringify(filters);
  const key = `${query}\u0000${filterKey}`;

  useEffect(() => {
    // The debounce spares the core a search per typed key; a query that grew or shrank by more
    // than one character at once (pasted, dropped, filled in) is asked at once.
    const delay = searchDelay(previous.current, trimmed);
    previous.current = trimmed;
    if (!trimmed) return;
    let stale = false;
    let timer: number | undefined;
    const requestFilters = JSON.parse(filterKey) as SearchFilters;
    const ask = async () => {
      try {
        const response = await api.search({ query, limit: pageSize, offset: 0, ...(hasFilters(requestFilters) ? { filters: requestFilters } : {}) });
        if (stale) return;
        setAnswer({ key, response, hits: response.hits, error: null, loadingMore: false, exhausted: response.hits.length < pageSize });
        if (response.indexing) timer = window.setTimeout(() => void ask(), INDEXING_RETRY_MS);
      } catch (error) {
        if (!stale) setAnswer({ key, response: null, hits: [], error: errorText(error), loadingMore: false, exhausted: true });
      }
    };
    timer = window.setTimeout(() => void ask(), delay);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [query, trimmed, filterKey, key, pageSize]);

  const current = answer?.key === key ? answer : null;
  const loaded = current?.hits.length ?? 0;
  const hasMore = !!current?.response && !current.response.indexing && !current.exhausted && loaded < current.response.total;

  const loadMore = useCallback(() => {
    if (!current || current.loadingMore || !hasMore) return;
    const requestFilters = JSON.parse(filterKey) as SearchFilters;
    setAnswer({ ...current, loadingMore: true });
    api
      .search({ query, limit: pageSize, offset: loaded, ...(hasFilters(requestFilters) ? { filters: requestFilters } : {}) })
      .then((page) => {
        setAnswer((now) => {
          if (!now || now.key !== current.key) return now;
          // An estimated total may turn out wrong: a short page says where the hits end.
          const exhausted = page.hits.length < pageSize;
          const response = exhausted && now.response ? { ...now.response, total: loaded + page.hits.length, totalIsEstimate: false } : now.response;
          return { ...now, response, hits: [...now.hits, ...page.hits], loadingMore: false, exhausted };
        });
      })
      .catch((error: unknown) =>
        setAnswer((now) => (now && now.key === current.key ? { ...now, error: errorText(error), loadingMore: false } : now)),
      );
  }, [current, hasMore, filterKey, query, pageSize, loaded]);

  if (!trimmed || !answer) return { response: null, hits: [], error: null, pending: !!trimmed, hasMore: false, loadingMore: false, loadMore };
  // Until the answer to this query arrives, the previous one stays on screen.
  return {
    response: answer.response,
    hits: answer.hits,
    error: answer.error,
    pending: answer.key !== key,
    hasMore,
    loadingMore: current?.loadingMore ?? false,
    loadMore,
  };
}
