import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/api';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { smallArticle } from './synthetic-library';

describe('queryLibrary through the core and the real store', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
    await nb.core.store.putArticle(
      smallArticle('b1', { title: 'Élections en France', source: 'Le Monde', publishedAt: '2024-06-30', createdAt: '2025-01-02T00:00:00.000Z' }),
    );
    await nb.core.store.putArticle(
      smallArticle('b2', { title: 'Budget talks', source: 'Reuters', publishedAt: null, createdAt: '2025-01-03T00:00:00.000Z' }),
    );
    await nb.core.store.putArticle(
      smallArticle('b3', { title: 'Asian markets', source: null, publishedAt: '2023-01-15', createdAt: '2025-01-04T00:00:00.000Z' }),
    );
  });
  afterEach(() => nb.cleanup());

  const query = (request: object) => nb.core.handlers.queryLibrary({ sort: 'published', direction: 'desc', offset: 0, limit: 50, ...request });

  it('sorts the real library, undated last, and counts claims from the store', async () => {
    const page = await query({});
    expect(page.total).toBe(4);
    expect(page.items.map((a) => a.id)).toEqual([nb.sampleId, 'b1', 'b3', 'b2']);
    expect(page.items[0]!.claimCount).toBe(10);
    expect((await query({ sort: 'claims', direction: 'desc', filters: { minClaims: 1 } })).items.map((a) => a.id)).toEqual([nb.sampleId]);
    // Accents do not move a title out of its letter.
    expect((await query({ sort: 'title', direction: 'asc' })).items.slice(0, 3).map((a) => a.title)).toEqual([
      'Asian markets',
      'Budget talks',
      'Élections en France',
    ]);
  });

  it('sees tags and collections set through the API at once, in filters and facets', async () => {
    expect((await query({ filters: { tags: ['key'] } })).total).toBe(0);
    await nb.core.handlers.setArticleTags({ articleId: 'b1', tags: ['Key'] });
    await nb.core.handlers.setArticleCollections({ articleId: 'b3', collections: ['Asia'] });
    const tagged = await query({ filters: { tags: ['key'] } });
    expect(tagged.items.map((a) => a.id)).toEqual(['b1']);
    expect(tagged.facets.tags).toEqual([{ name: 'Key', count: 1 }]);
    const page = await query({ filters: { text: 'elections' } });
    expect(page.items.map((a) => a.id)).toEqual(['b1']);
    expect((await query({})).facets.collections).toEqual([{ name: 'Asia', count: 1 }]);
    await nb.core.handlers.deleteCollection({ name: 'asia' });
    expect((await query({})).facets.collections).toEqual([]);
  });

  it.each([
    ['a page over 500', { limit: 501 }, /limit: at most 500/],
    ['an unknown sort', { sort: 'colour' }, /sort/],
    ['a date in another format', { filters: { from: '30/06/2024' } }, /filters\.from: expected a date as YYYY-MM-DD/],
    ['a reversed range', { filters: { from: '2024-12-31', to: '2024-01-01' } }, /Swap the two dates/],
    ['an unknown filter', { filters: { colour: 'red' } }, /colour/],
  ])('refuses %s', async (_label, request, message) => {
    const result = await dispatch(nb.core.handlers, 'queryLibrary', { sort: 'published', direction: 'desc', offset: 0, limit: 50, ...request });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('answers one summary by id (null once the article is deleted), so the app need not fetch the library', async () => {
    expect(await nb.core.handlers.getArticleSummary({ id: 'b1' })).toMatchObject({ id: 'b1', title: 'Élections en France', source: 'Le Monde' });
    await nb.core.handlers.deleteArticle({ id: 'b1' });
    expect(await nb.core.handlers.getArticleSummary({ id: 'b1' })).toBeNull();
    const refused = await dispatch(nb.core.handlers, 'getArticleSummary', { id: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
