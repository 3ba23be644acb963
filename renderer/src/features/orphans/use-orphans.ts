import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * The article's orphans with their old context and closest match. Keyed under the article, so
 * the `notebook:changed` events that refresh the article refresh this too.
 */
export function useOrphans(articleId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['article', articleId, 'orphans'],
    queryFn: () => api.listOrphans({ articleId }),
    enabled,
  });
}
