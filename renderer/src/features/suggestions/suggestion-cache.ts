import type { QueryClient } from '@tanstack/react-query';
import type { ArticleSuggestions } from '../../../../shared/api/contract-suggest';
import { claimCoversSpan, type TextSpan } from '../../../../shared/model';

/*
 * The suggestions' place in the query cache, apart from the queries that fetch them, so the
 * claim mutations can patch it without loading the API client.
 */

export const suggestionKeys = {
  all: ['suggestions'] as const,
  article: (id: string) => ['suggestions', id] as const,
  status: ['suggestions', 'status'] as const,
};

/**
 * After this window saved a claim over `span`: the suggestions it covers are no longer pending
 * (the core's rule, claimCoversSpan), so they leave the cached list, instead of the article's
 * suggestions being asked for again (on a long article that call holds the core for a few
 * hundred milliseconds, after every save). The list keeps its identity when nothing is covered.
 */
export function dropCoveredSuggestions(client: QueryClient, articleId: string, span: TextSpan): void {
  client.setQueryData<ArticleSuggestions>(suggestionKeys.article(articleId), (data) => {
    if (!data) return data;
    const suggestions = data.suggestions.filter((s) => !claimCoversSpan(span, s.content));
    return suggestions.length === data.suggestions.length ? data : { ...data, suggestions };
  });
}

/** How long after the last claim deleted in a row the article's suggestions are asked for again. */
const REFRESH_AFTER_MS = 1000;
const refreshes = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * After this window deleted a claim: a suggestion it covered may be pending again, which only
 * the core knows. Asked once the deletes stop for a moment, not after each: the answer (on a long
 * article, a few hundred milliseconds of the core's time, and a redraw of every underline) would
 * otherwise land in the middle of the next delete.
 */
export function refreshSuggestionsSoon(client: QueryClient, articleId: string): void {
  clearTimeout(refreshes.get(articleId));
  refreshes.set(
    articleId,
    setTimeout(() => {
      refreshes.delete(articleId);
      void client.invalidateQueries({ queryKey: suggestionKeys.article(articleId) });
    }, REFRESH_AFTER_MS),
  );
}
