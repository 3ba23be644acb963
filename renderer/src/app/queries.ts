import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { onLostEcho, takeOwnClaimChange } from '../api/own-claim-changes';
import { shareArticleData } from './claim-cache';

/** Query keys in one place, so change events invalidate exactly what they touch. */
export const keys = {
  info: ['notebook-info'] as const,
  articles: ['articles'] as const,
  article: (id: string) => ['article', id] as const,
  codebook: ['codebook'] as const,
  /** Claims per codebook entry: changes with the claims as well as with the codebook. */
  codebookUsage: ['codebook-usage'] as const,
  /** The positions map and its cells' claims: they change with claims, articles and the codebook. */
  positions: ['positions'] as const,
  /** The library's collections with their sizes (search filters, positions, the collections dialog). */
  collections: ['collections'] as const,
};

export function useCollections() {
  return useQuery({ queryKey: keys.collections, queryFn: () => api.listCollections({}) });
}

export function useNotebookInfo() {
  return useQuery({ queryKey: keys.info, queryFn: () => api.getNotebookInfo({}) });
}

export function useArticles() {
  return useQuery({ queryKey: keys.articles, queryFn: () => api.listArticles({}) });
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
            // Claim counts live in the library list too. This window's own change is in its
            // cache already.
            if (!event.articleId || !takeOwnClaimChange(event.articleId)) void client.invalidateQueries({ queryKey: article });
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
