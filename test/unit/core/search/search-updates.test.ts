import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { search } from './search-helpers';

describe('search: the index follows the notebook', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
    await search(nb, { query: 'china' }); // the index is built and in memory from here on
  });
  afterEach(() => nb.cleanup());

  const claimIds = async (query: string) => (await search(nb, { query, filters: { kinds: ['claim'] } })).hits.map((h) => h.claimId);

  it('follows claims being created, re-coded and deleted', async () => {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const sentence = 'The meeting was the fourth of its kind since May 2023';
    const start = article.text.indexOf(sentence);
    expect(await claimIds('vienna groundwork')).toEqual([]);
    const claim = await nb.core.handlers.createClaim({
      articleId: nb.sampleId,
      start,
      end: start + sentence.length,
      coding: { note: 'Vienna groundwork meeting.' },
    });
    expect(await claimIds('vienna groundwork')).toEqual([claim.id]);
    expect(await claimIds('fourth kind')).toEqual([claim.id]);

    await nb.core.handlers.updateClaim({
      articleId: nb.sampleId,
      id: claim.id,
      patch: { note: 'Renamed note about Helsinki.', actorIds: ['actor-russia'] },
    });
    expect(await claimIds('vienna groundwork')).toEqual([]);
    expect(await claimIds('helsinki')).toEqual([claim.id]);
    expect((await search(nb, { query: 'fourth', filters: { actorId: 'actor-russia' } })).hits.map((h) => h.claimId)).toContain(claim.id);

    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    expect(await claimIds('helsinki')).toEqual([]);
  });

  it('follows article metadata changes and deletion', async () => {
    await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { title: 'Kestrel summit outcome', source: 'Xinhua', author: 'Li Wěi' } });
    const result = await search(nb, { query: 'kestrel' });
    expect(result.hits.map((h) => [h.kind, h.articleId])).toEqual([['article', nb.sampleId]]);
    expect((await search(nb, { query: 'li wei xinhua' })).total).toBe(1);
    // Claims show their article's new title as context.
    expect((await search(nb, { query: 'sovereignty', filters: { kinds: ['claim'] } })).hits[0]?.context).toBe('Kestrel summit outcome');

    await nb.core.handlers.deleteArticle({ id: nb.sampleId });
    expect((await search(nb, { query: 'kestrel' })).total).toBe(0);
    expect((await search(nb, { query: 'sovereignty' })).total).toBe(0);
  });

  it('follows codebook renames in the coding of claims', async () => {
    expect(await claimIds('vehemently')).toEqual([]);
    const codebook = nb.core.store.getCodebook();
    codebook.stances.find((s) => s.id === 'stance-strongly-opposes')!.label = 'vehemently rejects';
    await nb.core.store.putCodebook(codebook);
    nb.core.context.emit({ scope: 'codebook' });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const expected = claims.filter((c) => c.stanceId === 'stance-strongly-opposes').map((c) => c.id);
    expect(await claimIds('vehemently')).toEqual(expected);
    expect(await claimIds('"strongly opposes"')).toEqual([]);
  });

  it('rebuilds on request and reports what it indexed', async () => {
    const result = await nb.core.handlers.rebuildSearchIndex({});
    expect(result).toMatchObject({ articles: 1, claims: 10, briefs: 0 });
    expect((await search(nb, { query: 'wang yi' })).total).toBeGreaterThan(0);
  });
});
