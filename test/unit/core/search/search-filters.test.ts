import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/api';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { addArticle, search } from './search-helpers';

describe('search: filters and bad requests', () => {
  let nb: TempNotebook;
  let other: string;
  beforeEach(async () => {
    nb = await openTempNotebook();
    other = await addArticle(nb, 'China and the Philippines traded accusations over the shoal again.', 'Shoal dispute flares');
    await nb.core.handlers.updateArticleMeta({ id: other, patch: { publishedAt: '2023-03-10', source: 'Rappler' } });
  });
  afterEach(() => nb.cleanup());

  const articles = async (filters: Record<string, unknown>) =>
    (await search(nb, { query: 'china', filters: { kinds: ['article'], ...filters } })).hits.map((h) => h.articleId);

  it('filters by published date range, inclusive, leaving undated articles out', async () => {
    expect(await articles({})).toEqual(expect.arrayContaining([nb.sampleId, other]));
    expect(await articles({ publishedFrom: '2024-01-01' })).toEqual([nb.sampleId]);
    expect(await articles({ publishedTo: '2023-03-10' })).toEqual([other]);
    expect(await articles({ publishedFrom: '2023-03-10', publishedTo: '2023-03-10' })).toEqual([other]);
    expect(await articles({ publishedFrom: '2025-01-01' })).toEqual([]);
    await nb.core.handlers.updateArticleMeta({ id: other, patch: { publishedAt: null } });
    expect(await articles({ publishedTo: '2030-01-01' })).toEqual([nb.sampleId]);
  });

  it('filters by source ignoring case and accents, and claims by their article', async () => {
    expect(await articles({ source: 'rappler' })).toEqual([other]);
    const claims = await search(nb, { query: 'china', filters: { kinds: ['claim'], publishedTo: '2023-12-31' } });
    expect(claims.total).toBe(0);
  });

  it('a filter asked again after an article changed sees the change (the kept articles are cached per filter)', async () => {
    expect(await articles({ source: 'Rappler', collection: 'Shoals' })).toEqual([]);
    const article = (await nb.core.store.getArticle(other))!;
    await nb.core.store.putArticle({ ...article, collections: ['Shoals'] });
    expect(await articles({ source: 'Rappler', collection: 'Shoals' })).toEqual([other]);
    await nb.core.handlers.updateArticleMeta({ id: other, patch: { source: 'Inquirer' } });
    expect(await articles({ source: 'Rappler', collection: 'Shoals' })).toEqual([]);
    expect(await articles({ source: 'inquirer', collection: 'shoals' })).toEqual([other]);
  });

  it('filters claims by actor and stance, and articles by holding such a claim', async () => {
    const byActor = await search(nb, { query: 'china', filters: { actorId: 'actor-experts' } });
    expect(byActor.hits.map((h) => [h.kind, h.articleId])).toEqual(
      expect.arrayContaining([
        ['claim', nb.sampleId],
        ['article', nb.sampleId],
      ]),
    );
    expect(byActor.hits.some((h) => h.articleId === other)).toBe(false);
    expect(byActor.hits.filter((h) => h.kind === 'claim')).toHaveLength(1);

    const strongly = await search(nb, { query: 'taiwan', filters: { kinds: ['claim'], stanceId: 'stance-strongly-opposes' } });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const ids = strongly.hits.map((h) => h.claimId);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(claims.find((c) => c.id === id)?.stanceId).toBe('stance-strongly-opposes');

    const chinaSupports = await search(nb, { query: 'china', filters: { kinds: ['claim'], actorId: 'actor-china', stanceId: 'stance-supports' } });
    for (const hit of chinaSupports.hits) {
      const claim = claims.find((c) => c.id === hit.claimId)!;
      expect(claim.actorIds).toContain('actor-china');
      expect(claim.stanceId).toBe('stance-supports');
    }
  });

  it('includes sub-issues when filtering by an issue', async () => {
    const result = await search(nb, { query: 'sides', filters: { kinds: ['claim'], issueId: 'issue-bilateral-relationship' } });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const issues = new Set(result.hits.map((h) => claims.find((c) => c.id === h.claimId)?.issueId));
    expect(issues).toEqual(new Set(['issue-bilateral-relationship', 'issue-bilateral-cooperation']));
  });

  it.each([
    ['empty', { query: '' }, /type something/i],
    ['blank', { query: '   ' }, /type something/i],
    ['only punctuation', { query: '?!… —' }, /type a word/i],
    ['only common words', { query: 'the of and ' }, /common words/i],
    ['a bare star', { query: '*' }, /put \* at the end/i],
    ['a one-letter prefix', { query: 't*' }, /at least 2 letters/i],
    ['too long', { query: 'a'.repeat(501) }, /at most 500 characters/i],
    ['too many words', { query: Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ') }, /at most 32 words/i],
    ['a reversed date range', { query: 'china', filters: { publishedFrom: '2025-01-01', publishedTo: '2024-01-01' } }, /reversed/i],
    ['a malformed date', { query: 'china', filters: { publishedFrom: '01/02/2024' } }, /YYYY-MM-DD/],
    ['an unknown filter', { query: 'china', filters: { colour: 'red' } }, /colour|unrecognized/i],
    ['an unknown actor', { query: 'china', filters: { actorId: 'actor-atlantis' } }, /unknown actor "actor-atlantis"/i],
    ['an unknown stance', { query: 'china', filters: { stanceId: 'stance-maybe' } }, /unknown stance/i],
    ['a zero limit', { query: 'china', limit: 0 }, /limit/i],
  ])('refuses %s with a clear message', async (_label, request, message) => {
    const result = await dispatch(nb.core.handlers, 'search', request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(message);
    }
  });
});
