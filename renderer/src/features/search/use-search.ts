import { useEffect, useState } from 'react';
import type { SearchResponse } from '../../../../shared/api/contract-search';
import { api } from '../../api/client';
import { errorText } from '../../components/status-context';

const DEBOUNCE_MS = 150;
const INDEXING_RETRY_MS = 500;

export interface SearchState {
  response: SearchResponse | null;
  error: string | null;
  pending: boolean;
}

/**
 * Asks the core as the analyst types (debounced); while the index is still being built, asks
 * again every half second so the hits fill in. Late answers to older queries are dropped.
 */
export function useSearch(query: string, limit = 30): SearchState {
  const [answer, setAnswer] = useState<{ query: string; response: SearchResponse | null; error: string | null } | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return;
    let stale = false;
    let timer: number | undefined;
    const ask = async () => {
      try {
        const response = await api.search({ query, limit, offset: 0 });
        if (stale) return;
        setAnswer({ query, response, error: null });
        if (response.indexing) timer = window.setTimeout(() => void ask(), INDEXING_RETRY_MS);
      } catch (error) {
        if (!stale) setAnswer({ query, response: null, error: errorText(error) });
      }
    };
    timer = window.setTimeout(() => void ask(), DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [query, trimmed, limit]);

  if (!trimmed || !answer) return { response: null, error: null, pending: !!trimmed };
  // Until the answer to this query arrives, the previous one stays on screen.
  return { response: answer.response, error: answer.error, pending: answer.query !== query };
}
