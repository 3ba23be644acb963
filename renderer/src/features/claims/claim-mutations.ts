import { useMemo } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ArticleWithClaims } from '../../../../shared/api';
import type { LibraryFilters, LibraryPage } from '../../../../shared/api/contract-library';
import type { ArticleSummary, Claim } from '../../../../shared/model';
import { withSavedClaim, withoutClaim } from '../../app/claim-cache';
import { keys } from '../../app/query-keys';

/**
 * Puts this window's own claim change into the cached article. A fetch of the article already
 * under way may have read the claims before the change and would overwrite it, so it is
 * replaced by a fresh one.
 */
function putInArticle(client: QueryClient, articleId: string, update: (data: ArticleWithClaims) => ArticleWithClaims): void {
  const key = keys.article(articleId);
  const fetching = client.isFetching({ queryKey: key }) > 0;
  client.setQueryData<ArticleWithClaims>(key, (data) => data && update(data));
  if (fetching) void client.invalidateQueries({ queryKey: key });
}

const counted = (a: ArticleSummary, articleId: string, delta: number): ArticleSummary =>
  a.id === articleId ? { ...a, claimCount: Math.max(0, a.claimCount + delta) } : a;

/**
 * Changes the article's claim count in the cached library pages (and the article's summary),
 * instead of fetching the library again for one claim. A library list sorted or filtered by
 * claim count may change order or members, so its pages (only) are asked for again.
 */
export function patchClaimCount(client: QueryClient, articleId: string, delta: number): void {
  if (delta === 0) return;
  for (const [key, data] of client.getQueriesData<LibraryPage>({ queryKey: [...keys.articles, 'library'] })) {
    if (!data) continue;
    const [, , sort, , filters] = key as [string, string, string, string, LibraryFilters | undefined];
    if (sort === 'claims' || filters?.minClaims !== undefined) {
      void client.invalidateQueries({ queryKey: key, exact: true });
      continue;
    }
    if (data.items.some((a) => a.id === articleId))
      client.setQueryData<LibraryPage>(key, { ...data, items: data.items.map((a) => counted(a, articleId, delta)) });
  }
  client.setQueryData<ArticleSummary | null>([...keys.articles, 'summary', articleId], (summary) => summary && counted(summary, articleId, delta));
}

/**
 * The cache side of this window's claim saves and deletes: the claim drawn from the core's
 * answer at once, and the library's counts patched. The change event of the window's own call
 * (its change id, api/own-claim-changes.ts) then refetches nothing.
 */
export function useClaimMutations() {
  const client = useQueryClient();
  return useMemo(
    () => ({
      saved(claim: Claim, created: boolean): void {
        putInArticle(client, claim.articleId, (data) => withSavedClaim(data, claim));
        if (created) patchClaimCount(client, claim.articleId, 1);
      },
      deleted(claim: Claim): void {
        putInArticle(client, claim.articleId, (data) => withoutClaim(data, claim.id));
        patchClaimCount(client, claim.articleId, -1);
      },
    }),
    [client],
  );
}
