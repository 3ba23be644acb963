import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { isOwnClaimChange, onLostEcho } from '../api/own-claim-changes';
import { shareArticleData } from './claim-cache';
import { keys } from './query-keys';

export { keys } from './query-keys';

export function useCollections() {
  return useQuery({ queryKey: keys.collections, queryFn: () => api.listCollections({}) });
}

export function useNotebookInfo() {
  return useQuery({ queryKey: keys.info, queryFn: () => api.getNotebookInfo({}) });
}

export function useArticle(id: string | null) {
  return useQuery({
    queryKey: keys.article(id ?? ''),
    queryFn: () => api.getArticle({ id: id ?? '' }),
    enabled: !!id,
    structuralSharing: shareArticleData,
  });
}

export function useCodebook() {
  return useQuery({ queryKey: keys.codebook, queryFn: () => api.getCodebook({}) });
}

/**
 * Keeps the cache in step with the core: every `notebook:changed` event invalidates the
 * queries of its scope, whichever client (this window, the command line) made the change.
 */
export function useNotebookEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      api.onChanged((event) => {
        const article = event.articleId ? keys.article(event.articleId) : ['article'];
        // Deletes and restores of articles, claims and briefs all change the trash.
        void client.invalidateQueries({ queryKey: ['trash'] });
        if (event.scope !== 'briefs') {
          // Notebook-wide views: kept in step here, not by the views, which are unmounted while
          // another view shows and would otherwise come back to an old answer.
          void client.invalidateQueries({ queryKey: keys.positions });
          void client.invalidateQueries({ queryKey: keys.codebookUsage });
        }
        switch (event.scope) {
          case 'articles':
            void client.invalidateQueries({ queryKey: keys.articles });
            void client.invalidateQueries({ queryKey: article });
            // An article's collections are part of its metadata.
            void client.invalidateQueries({ queryKey: keys.collections });
            break;
          case 'claims':
            // This window's own change (its change id) is in its cache already, the article's
            // claims and the library's count of them (features/claims/claim-mutations.ts).
            if (isOwnClaimChange(event)) break;
            void client.invalidateQueries({ queryKey: article });
            // Claim counts live in the library list too.
            void client.invalidateQueries({ queryKey: keys.articles });
            break;
          case 'codebook':
            void client.invalidateQueries({ queryKey: keys.codebook });
            // Parents and attributes decide how positions and networks roll up and filter.
            void client.invalidateQueries({ queryKey: keys.positions });
            break;
          case 'briefs':
            // Autosaves fire this often: refresh the briefs only, not the article being read.
            void client.invalidateQueries({ queryKey: ['briefs'] });
            break;
          default:
            void client.invalidateQueries();
        }
      }),
    [client],
  );
  useEffect(() => onLostEcho((articleId) => void client.invalidateQueries({ queryKey: keys.article(articleId) })), [client]);
}
