import { describe, expect, it, vi } from 'vitest';
import type { LibraryQuery } from '../../../../shared/api/contract-library';
import { UserError } from '../../../../shared/api';
import type { ArticleSummary } from '../../../../shared/model';
import { queryLibrarySummaries } from '../../../../electron/core/articles/library-query';
import { syntheticSummaries } from './synthetic-library';

const library = syntheticSummaries(10_000);
const all = (query: Partial<LibraryQuery> = {}) =>
  queryLibrarySummaries(library, { sort: 'published', direction: 'desc', offset: 0, limit: 500, ...query });
/** Every match, in order, by paging through windows of 500 as the renderer would. */
function everyPage(query: Partial<LibraryQuery>): ArticleSummary[] {
  const out: ArticleSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = all({ ...query, offset });
    out.push(...page.items);
    if (page.items.length < 500) return out;
  }
}
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('queryLibrary on 10,000 summaries', () => {
  it('pages through every article exactly once, in a total order', () => {
    const pages = everyPage({ sort: 'title', direction: 'asc' });
    expect(pages).toHaveLength(10_000);
    expect(new Set(pages.map((a) => a.id)).size).toBe(10_000);
    expect(all().total).toBe(10_000);
  });

  it.each(['asc', 'desc'] as const)('sorts by published date %s with undated articles last', (direction) => {
    const rows = everyPage({ sort: 'published', direction });
    const dated = rows.filter((a) => a.publishedAt !== null);
    const firstUndated = rows.findIndex((a) => a.publishedAt === null);
    expect(firstUndated).toBe(dated.length);
    expect(rows.slice(firstUndated).every((a) => a.publishedAt === null)).toBe(true);
    const dates = dated.map((a) => a.publishedAt!);
    const sorted = [...dates].sort();
    expect(dates).toEqual(direction === 'asc' ? sorted : sorted.reverse());
  });

  it('sorts by source with articles without a source last, both ways', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const rows = everyPage({ sort: 'source', direction });
      const named = rows.filter((a) => a.source !== null).map((a) => fold(a.source!));
      expect(rows.slice(named.length).every((a) => a.source === null)).toBe(true);
      const sorted = [...named].sort();
      expect(named).toEqual(direction === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('sorts by claims, title and time added', () => {
    const claims = all({ sort: 'claims', direction: 'desc' }).items.map((a) => a.claimCount);
    expect(claims).toEqual([...claims].sort((a, b) => b - a));
    const titles = everyPage({ sort: 'title', direction: 'asc' }).map((a) => fold(a.title));
    expect(titles).toEqual([...titles].sort());
    expect(all({ sort: 'added', direction: 'asc', limit: 3 }).items.map((a) => a.id)).toEqual(['art-00000', 'art-00001', 'art-00002']);
    expect(all({ sort: 'added', direction: 'desc', limit: 1 }).items[0]!.id).toBe('art-09999');
  });

  it('filters by dates (inclusive, undated left out), sources, collections, tags and claims, all at once', () => {
    const filters = {
      from: '2022-01-01',
      to: '2022-12-31',
      sources: ['le monde', 'REUTERS'],
      collections: ['taiwan'],
      tags: ['Key', 'opinion'],
      minClaims: 10,
    };
    const page = all({ filters });
    const expected = library.filter(
      (a) =>
        a.publishedAt !== null &&
        a.publishedAt >= '2022-01-01' &&
        a.publishedAt <= '2022-12-31' &&
        (a.source === 'Le Monde' || a.source === 'Reuters') &&
        a.collections.includes('Taiwan') &&
        (a.tags.includes('key') || a.tags.includes('opinion')) &&
        a.claimCount >= 10,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(page.total).toBe(expected.length);
    expect(new Set(page.items.map((a) => a.id))).toEqual(new Set(expected.map((a) => a.id)));
    // Bounds are inclusive.
    const oneDay = library.find((a) => a.publishedAt)!.publishedAt!;
    expect(all({ filters: { from: oneDay, to: oneDay } }).items.every((a) => a.publishedAt === oneDay)).toBe(true);
    expect(all({ filters: { from: oneDay, to: oneDay } }).total).toBe(library.filter((a) => a.publishedAt === oneDay).length);
  });

  it('matches text in title, source or author, ignoring case, accents and extra spaces, as one phrase', () => {
    const zurich = all({ filters: { text: 'ZURICH' } });
    expect(zurich.total).toBe(library.filter((a) => a.title.includes('Zürich')).length);
    expect(all({ filters: { text: 'suddeutsche' } }).total).toBe(library.filter((a) => a.source === 'Süddeutsche Zeitung').length);
    const author7 = all({ filters: { text: 'author 7' } });
    expect(author7.total).toBe(library.filter((a) => /Author 7/.test(a.author ?? '')).length);
    expect(author7.total).toBeGreaterThan(0);
    // One field holds the whole phrase: a match may not run from the title into the source.
    const phrase = all({ filters: { text: '  ZÜRICH   Summit ' } });
    expect(phrase.total).toBe(library.filter((a) => a.title.includes('Zürich summit')).length);
    expect(phrase.total).toBeGreaterThan(0);
    expect(all({ filters: { text: 'Guardian Author' } }).total).toBe(0);
    expect(all({ filters: { text: 'no such words anywhere' } })).toMatchObject({ total: 0, items: [] });
  });

  it('counts each facet over the articles matching every filter but its own', () => {
    const page = all({ filters: { sources: ['Xinhua'], tags: ['key'] } });
    // Sources: all sources of articles tagged "key", so a second source can be picked.
    const keyed = library.filter((a) => a.tags.includes('key'));
    const xinhuaKeyed = keyed.filter((a) => a.source === 'Xinhua');
    expect(page.facets.sources.length).toBeGreaterThan(1);
    expect(page.facets.sources.find((f) => f.name === 'Reuters')?.count).toBe(keyed.filter((a) => a.source === 'Reuters').length);
    // Tags: over Xinhua articles, whatever their tags.
    const xinhua = library.filter((a) => a.source === 'Xinhua');
    expect(page.facets.tags.find((f) => f.name === 'opinion')?.count).toBe(xinhua.filter((a) => a.tags.includes('opinion')).length);
    // Collections: over articles matching both filters.
    expect(page.facets.collections.find((f) => f.name === 'Climate')?.count).toBe(
      xinhuaKeyed.filter((a) => a.collections.includes('Climate')).length,
    );
    // Most frequent first.
    const counts = page.facets.sources.map((f) => f.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  /** How many times the library's rows were sorted while `work` ran (facet lists are not rows). */
  const rowSorts = (work: () => void): number => {
    const sort = vi.spyOn(Array.prototype, 'sort');
    try {
      work();
      return sort.mock.contexts.filter((array) => Array.isArray(array) && array.length > 0 && 'summary' in (array[0] as object)).length;
    } finally {
      sort.mockRestore();
    }
  };

  it('sorts the library once for a new query, whatever its sort and filter', () => {
    all(); // the first query after a change of the library ranks it once
    for (const sort of ['title', 'source', 'published', 'claims', 'added'] as const) {
      // A different filter each run, so no run is answered from the last one.
      for (let i = 0; i < 3; i++)
        expect(rowSorts(() => all({ sort, direction: i % 2 ? 'asc' : 'desc', filters: { minClaims: i }, offset: 4000 }))).toBe(1);
    }
  });

  it('answers the next window of the same query without sorting again', () => {
    const query = { sort: 'published', direction: 'desc', filters: { text: 'talks' } } as const;
    const first = all(query);
    expect(
      rowSorts(() => {
        for (let i = 0; i < 10; i++) all({ ...query, offset: i * 100, limit: 100 });
      }),
    ).toBe(0);
    expect(all({ ...query, offset: 100, limit: 100 }).items).toEqual(first.items.slice(100, 200));
  });

  it('sees a changed article at once, though the last answer is kept for windows', () => {
    const changed = [...library];
    changed[3] = { ...changed[3]!, tags: ['brand new tag'] };
    const page = queryLibrarySummaries(changed, { sort: 'added', direction: 'asc', offset: 0, limit: 10, filters: { tags: ['Brand New Tag'] } });
    expect(page.items.map((a) => a.id)).toEqual(['art-00003']);
    expect(page.facets.tags).toContainEqual({ name: 'brand new tag', count: 1 });
  });

  it('answers queries asked side by side (the list, the article to open, a facet) each in its own order, pages lining up', () => {
    const byTitle = { sort: 'title', direction: 'asc' } as const;
    const bySource = { sort: 'source', direction: 'desc', filters: { minClaims: 5 } } as const;
    const added = { sort: 'added', direction: 'desc' } as const;
    const titles = everyPage(byTitle);
    const sources = everyPage(bySource);
    // Interleaved windows of five queries, more than are kept: each window is the slice of its own full order.
    for (let offset = 0; offset < 2000; offset += 500) {
      expect(all({ ...byTitle, offset }).items).toEqual(titles.slice(offset, offset + 500));
      expect(all({ ...added, offset: 0, limit: 1 }).items[0]!.id).toBe('art-09999');
      expect(all({ ...bySource, offset }).items).toEqual(sources.slice(offset, offset + 500));
      expect(all({ sort: 'claims', direction: 'asc', offset }).total).toBe(10_000);
      expect(all({ sort: 'claims', direction: 'desc', filters: { tags: ['key'] }, offset }).items.every((a) => a.tags.includes('key'))).toBe(true);
    }
    // A changed library drops every kept answer: the changed article is seen by the first query asked again.
    const changed = library.map((a, i) => (i === 9999 ? { ...a, title: 'aaaa first of all' } : a));
    expect(queryLibrarySummaries(changed, { ...byTitle, offset: 0, limit: 1 }).items[0]!.title).toBe('aaaa first of all');
  });

  it('answers past the end with an empty window and the true total', () => {
    expect(all({ offset: 20_000 })).toMatchObject({ total: 10_000, items: [] });
    expect(all({ limit: 100_000 }).items).toHaveLength(500);
  });

  it.each([
    [{ from: '2024-02-30' }, /2024-02-30 is not a real day/],
    [{ from: '2024-05-01', to: '2024-01-01' }, /starts on 2024-05-01, after it ends on 2024-01-01/],
  ])('refuses bad date filters %j', (filters, message) => {
    expect(() => all({ filters })).toThrow(UserError);
    expect(() => all({ filters })).toThrow(message);
  });
});
