import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { keys } from './query-keys';

/** The newest article added: a one-row page of the library's own first sort. */
export const NEWEST_ARTICLE_REQUEST = { sort: 'added', direction: 'desc', offset: 0, limit: 1 } as const;

/**
 * Keeps an article open where there is one, without fetching the whole library: the remembered
 * article while the library still holds it (one summary asked for), otherwise the top row of
 * the library as it opens, the newest added (a one-row page). Both are under the `articles` key, so a delete, a restore or
 * an import elsewhere asks again. Returns the error of either request, for the status line.
 */
export function useArticleFallback(openArticleId: string | null, setOpenArticleId: (id: string | null) => void): Error | null {
  const remembered = useQuery({
    queryKey: [...keys.articles, 'summary', openArticleId ?? ''],
    queryFn: () => api.getArticleSummary({ id: openArticleId ?? '' }),
    enabled: !!openArticleId,
  });
  const missing = !openArticleId || remembered.data === null;
  const newest = useQuery({
    queryKey: [...keys.articles, 'newest'],
    // The library list's own first query (newest added first): answered from the same sort in the core.
    queryFn: async () => (await api.queryLibrary(NEWEST_ARTICLE_REQUEST)).items[0]?.id ?? null,
    enabled: missing,
  });
  useEffect(() => {
    if (!missing || newest.data === undefined || newest.isFetching) return;
    if (newest.data !== openArticleId) setOpenArticleId(newest.data);
  }, [missing, newest.data, newest.isFetching, openArticleId, setOpenArticleId]);
  return remembered.error ?? newest.error ?? null;
}
