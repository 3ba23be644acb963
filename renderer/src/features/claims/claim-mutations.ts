import { useMemo } from 'react';
import { replaceEqualDeep, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ArticleWithClaims } from '../../../../shared/api';
import type { LibraryFilters, LibraryPage } from '../../../../shared/api/contract-library';
import { describeRange } from '../../../../shared/anchoring';
import type { ArticleSummary, Claim, ClaimCoding } from '../../../../shared/model';
import { withSavedClaim, withoutClaim } from '../../app/claim-cache';
import { keys } from '../../app/query-keys';
import { dropCoveredSuggestions, refreshSuggestionsSoon } from '../suggestions/suggestion-cache';

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
 * A new claim as it will be, drawn while the core saves it: the coding typed, the target
 * described from the text as the core does, and a stand-in id the core's answer replaces.
 * Null when the range cannot be a claim (the core then says why).
 */
export function draftClaim(
  articleId: string,
  text: string,
  start: number,
  end: number,
  coding: ClaimCoding,
  now = new Date().toISOString(),
): Claim | null {
  try {
    return {
      id: `draft-${crypto.randomUUID()}`,
      articleId,
      target: describeRange(text, start, end),
      anchor: { status: 'exact' },
      ...coding,
      createdAt: now,
      updatedAt: now,
    };
  } catch {
    return null;
  }
}

/** The cached claim with this id, if any. */
function cachedClaim(client: QueryClient, articleId: string, id: string): Claim | undefined {
  return client.getQueryData<ArticleWithClaims>(keys.article(articleId))?.claims.find((c) => c.id === id);
}

/**
 * The cache side of this window's claim saves and deletes: the claim drawn (or hidden) at once,
 * before the core answers, and put back as it was if the core refuses; then the claim drawn from
 * the core's answer, the library's counts patched and the suggestions it covers dropped. The
 * change event of the window's own call (its change id, api/own-claim-changes.ts) then
 * refetches nothing.
 */
export function claimMutations(client: QueryClient) {
  return {
    /**
     * Draws a claim being saved (a draft of a new one, or an edited one under its own id) and
     * returns what takes it back: the claim it replaced is put back, or the draft removed, unless
     * something newer replaced it in the cache meanwhile.
     */
    drawing(draft: Claim, replaced?: Claim): () => void {
      putInArticle(client, draft.articleId, (data) => withSavedClaim(data, draft));
      return () => {
        // The cache keeps its own copy of a changed claim (structural sharing): compared by value.
        const shown = cachedClaim(client, draft.articleId, draft.id);
        if (!shown || replaceEqualDeep(shown, draft) !== shown) return;
        putInArticle(client, draft.articleId, (data) => (replaced ? withSavedClaim(data, replaced) : withoutClaim(data, draft.id)));
      };
    },
    /** The core saved the claim: drawn from its answer, in place of the draft `draftId` if one was drawn. */
    saved(claim: Claim, created: boolean, draftId?: string): void {
      putInArticle(client, claim.articleId, (data) => withSavedClaim(draftId && draftId !== claim.id ? withoutClaim(data, draftId) : data, claim));
      if (created) patchClaimCount(client, claim.articleId, 1);
      dropCoveredSuggestions(client, claim.articleId, claim.target.position);
    },
    /** Hides a claim being deleted; returns what puts it back if the core refuses. */
    hiding(claim: Claim): () => void {
      const shown = cachedClaim(client, claim.articleId, claim.id);
      putInArticle(client, claim.articleId, (data) => withoutClaim(data, claim.id));
      return () => {
        if (shown && !cachedClaim(client, claim.articleId, claim.id)) putInArticle(client, claim.articleId, (data) => withSavedClaim(data, shown));
      };
    },
    deleted(claim: Claim): void {
      putInArticle(client, claim.articleId, (data) => withoutClaim(data, claim.id));
      patchClaimCount(client, claim.articleId, -1);
      refreshSuggestionsSoon(client, claim.articleId);
    },
  };
}

/** The claim mutations on the app's query client. */
export function useClaimMutations() {
  const client = useQueryClient();
  return useMemo(() => claimMutations(client), [client]);
}
