import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { isOwnClaimChange, onLostEcho } from '../../api/own-claim-changes';
import { suggestionKeys } from './suggestion-cache';

/** An article's pending suggestions (the core runs the suggester first if it never ran on this text). */
export function useArticleSuggestions(articleId: string | null) {
  return useQuery({
    queryKey: suggestionKeys.article(articleId ?? ''),
    queryFn: () => api.getSuggestions({ articleId: articleId ?? '' }),
    enabled: !!articleId,
  });
}

/**
 * Keeps suggestions in step with the notebook: a claim made, deleted or undone changes which
 * suggestions are pending; an article's new text or a codebook change changes them too. This
 * window's own claim saves and deletes are applied by its claim mutations
 * (claims/claim-mutations.ts), not refetched.
 */
export function useSuggestionEvents(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      api.onChanged((event) => {
        if (event.scope === 'briefs') return;
        if (event.scope === 'claims' && isOwnClaimChange(event)) return;
        if ((event.scope === 'claims' || event.scope === 'articles') && event.articleId) {
          void client.invalidateQueries({ queryKey: suggestionKeys.article(event.articleId) });
        } else {
          void client.invalidateQueries({ queryKey: suggestionKeys.all });
        }
      }),
    [client],
  );
  // A change whose event was skipped and that then failed: what is pending is asked for again.
  useEffect(() => onLostEcho((articleId) => void client.invalidateQueries({ queryKey: suggestionKeys.article(articleId) })), [client]);
}
