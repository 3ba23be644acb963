import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
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

const page = (...items: ArticleSummary[]): LibraryPage => ({ total: items.length, items, facets: { sources: [], collections: [], tags: [] } });

describe('a claim save patches the library counts instead of refetching the library', () => {
  it('changes the count of that article in every cached page and in its summary, and marks nothing stale', () => {
    const client = new QueryClient();
    const byTitle = (p: number) => [...keys.articles, 'library', 'title', 'asc', {}, p];
    client.setQueryData(byTitle(0), page(summary('a', 2)));
    client.setQueryData(byTitle(1), page(summary('b', 5)));
    client.setQueryData([...keys.articles, 'summary', 'b'], summary('b', 5));
    patchClaimCount(client, 'b', 1);
    patchClaimCount(client, 'a', -1);
    const counts = [0, 1].flatMap((p) => client.getQueryData<LibraryPage>(byTitle(p))!.items.map((a) => [a.id, a.claimCount]));
    expect(counts).toEqual([
      ['a', 1],
      ['b', 6],
    ]);
    expect(client.getQueryData<ArticleSummary>([...keys.articles, 'summary', 'b'])!.claimCount).toBe(6);
    expect(client.getQueryCache().findAll({ stale: true, predicate: (q) => q.state.isInvalidated })).toEqual([]);
  });

  it('asks again only for a list sorted or filtered by claim count, whose order or members may change', () => {
    const client = new QueryClient();
    const byTitle = [...keys.articles, 'library', 'title', 'asc', {}, 0];
    const byClaims = [...keys.articles, 'library', 'claims', 'desc', {}, 0];
    const atLeastTwo = [...keys.articles, 'library', 'title', 'asc', { minClaims: 2 }, 0];
    for (const key of [byTitle, byClaims, atLeastTwo]) client.setQueryData(key, page(summary('a', 2)));
    patchClaimCount(client, 'a', -1);
    const invalidated = (key: unknown[]) => client.getQueryCache().find({ queryKey: key, exact: true })!.state.isInvalidated;
    expect([invalidated(byTitle), invalidated(byClaims), invalidated(atLeastTwo)]).toEqual([false, true, true]);
  });
});
