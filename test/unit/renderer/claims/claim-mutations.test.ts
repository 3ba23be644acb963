import { describe, expect, it } from 'vitest';
import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import type { LibraryPage } from '../../../../shared/api/contract-library';
import type { ArticleSummary } from '../../../../shared/model';
import { patchClaimCount } from '../../../../renderer/src/features/claims/claim-mutations';
import { keys } from '../../../../renderer/src/app/query-keys';

const summary = (id: string, claimCount: number): ArticleSummary =>
  ({
    id,
    title: id,
    source: null,
    author: null,
    publishedAt: null,
    createdAt: '2024-01-01T00:00:00Z',
    tags: [],
    collections: [],
    claimCount,
  }) as unknown as ArticleSummary;

const pages = (...items: ArticleSummary[][]): InfiniteData<LibraryPage> => ({
  pages: items.map((page) => ({ total: items.flat().length, items: page, facets: { sources: [], collections: [], tags: [] } })),
  pageParams: items.map((_, i) => i * 200),
});

describe('a claim save patches the library counts instead of refetching the library', () => {
  it('changes the count of that article in every cached list, and marks nothing stale', () => {
    const client = new QueryClient();
    const byTitle = [...keys.articles, 'library', 'title', 'asc', {}];
    client.setQueryData(keys.articles, [summary('a', 2), summary('b', 5)]);
    client.setQueryData(byTitle, pages([summary('a', 2)], [summary('b', 5)]));
    patchClaimCount(client, 'b', 1);
    patchClaimCount(client, 'a', -1);
    expect(client.getQueryData<ArticleSummary[]>(keys.articles)!.map((a) => [a.id, a.claimCount])).toEqual([
      ['a', 1],
      ['b', 6],
    ]);
    const library = client.getQueryData<InfiniteData<LibraryPage>>(byTitle)!;
    expect(library.pages.flatMap((p) => p.items.map((a) => [a.id, a.claimCount]))).toEqual([
      ['a', 1],
      ['b', 6],
    ]);
    expect(client.getQueryCache().findAll({ stale: true, predicate: (q) => q.state.isInvalidated })).toEqual([]);
  });

  it('asks again only for a list sorted or filtered by claim count, whose order or members may change', () => {
    const client = new QueryClient();
    const byTitle = [...keys.articles, 'library', 'title', 'asc', {}];
    const byClaims = [...keys.articles, 'library', 'claims', 'desc', {}];
    const atLeastTwo = [...keys.articles, 'library', 'title', 'asc', { minClaims: 2 }];
    for (const key of [byTitle, byClaims, atLeastTwo]) client.setQueryData(key, pages([summary('a', 2)]));
    patchClaimCount(client, 'a', -1);
    const invalidated = (key: unknown[]) => client.getQueryCache().find({ queryKey: key, exact: true })!.state.isInvalidated;
    expect([invalidated(byTitle), invalidated(byClaims), invalidated(atLeastTwo)]).toEqual([false, true, true]);
  });
});
