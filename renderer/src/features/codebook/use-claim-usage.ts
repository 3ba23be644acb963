import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { claimUses, type EntryRef } from './codebook-entries';

/** Past this many articles with claims, counting in the window would be slow: the core counts on delete. */
const MAX_ARTICLES_TO_COUNT = 200;

/**
 * How many claims use a codebook entry, counted over the articles' claims (through the same
 * cache the reader uses). `null` when the notebook is too large to count here; the core still
 * refuses a delete of an entry in use and says how many claims it found.
 */
export function useClaimUsage(entry: EntryRef) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['article', 'usage', entry.kind, entry.id, entry.name],
    queryFn: async (): Promise<number | null> => {
      const articles = await client.fetchQuery({ queryKey: keys.articles, queryFn: () => api.listArticles({}) });
      const withClaims = articles.filter((a) => a.claimCount > 0);
      if (withClaims.length > MAX_ARTICLES_TO_COUNT) return null;
      let count = 0;
      for (const summary of withClaims) {
        const article = await client.fetchQuery({ queryKey: keys.article(summary.id), queryFn: () => api.getArticle({ id: summary.id }) });
        count += article.claims.filter((c) => claimUses(c, entry)).length;
      }
      return count;
    },
  });
}
