import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * The article's claims to review (orphans with their closest match, doubtful placements with
 * where they stand), each with its old context. Keyed under the article, so
 * the `notebook:changed` events that refresh the article refresh this too.
 */
export function useOrphans(articleId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['article', articleId, 'orphans'],
    queryFn: () => api.listAnchorReview({ articleId }),
    enabled,
  });
}
