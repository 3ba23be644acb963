import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFilter } from '../../../../shared/model';
import { articleFilterOf, nameKey, prepareArticleFilter } from '../../../../electron/core/articles/article-filter';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { search } from '../search/search-helpers';

/**
 * One ArticleFilter, one answer: the library list, search, positions and networks keep the same
 * articles for the same filter, on a notebook built to tell them apart.
 */
describe('the one article filter', () => {
  let nb: TempNotebook;
  let actorId: string;
  let issueId: string;
  let stanceId: string;
  const ids = new Map<string, string>();

  /** Title → meta: every article says "heron" once and holds one claim on it by the same actor. */
  const ARTICLES: Record<string, { publishedAt: string | null; source: string | null; collections: string[]; tags: string[] }> = {
    plain: { publishedAt: '2024-01-01', source: 'Reuters', collections: ['Resume'], tags: ['Trade'] },
    accented: { publishedAt: '2024-01-31', source: 'reuters', collections: ['Résumé'], tags: ['trade'] },
    accentedOtherCase: { publishedAt: '2024-02-01', source: 'REUTERS ', collections: ['résumé'], tags: [] },
    undated: { publishedAt: null, source: 'Rappler', collections: ['Resume'], tags: ['Trade'] },
    decomposed: { publishedAt: '2023-12-31', source: 'Rappler', collections: ['Re\u0301sume\u0301'], tags: [] },
    none: { publishedAt: '2024-01-15', source: null, collections: [], tags: [] },
  };

  beforeAll(async () => {
    nb = await openTempNotebook({ sample: false });
    const codebook = nb.core.store.getCodebook();
    actorId = codebook.actors[0]!.id;
    issueId = codebook.issues[0]!.id;
    stanceId = codebook.stances[0]!.id;
    for (const [title, meta] of Object.entries(ARTICLES)) {
      const text = `The heron of ${title} said that the river must stay open to all boats.`;
      const { articleId } = await nb.core.handlers.importText({ title: `Heron ${title}`, text });
      ids.set(articleId, title);
      await nb.core.handlers.updateArticleMeta({ id: articleId, patch: { publishedAt: meta.publishedAt, source: meta.source } });
      await nb.core.handlers.setArticleCollections({ articleId, collections: meta.collections });
      await nb.core.handlers.setArticleTags({ articleId, tags: meta.tags });
      const quote = 'the river must stay open to all boats';
      const start = text.indexOf(quote);
      await nb.core.handlers.createClaim({
        articleId,
        start,
        end: start + quote.length,
        coding: { actorIds: [actorId], issueId, stanceId, proposition: 'Open river' },
      });
    }
  });
  afterAll(() => nb.cleanup());

  const titles = (articleIds: Iterable<string | null>): string[] => [...new Set([...articleIds].map((id) => ids.get(id ?? '') ?? `?${id}`))].sort();

  async function library(filter: ArticleFilter): Promise<string[]> {
    const page = await nb.core.handlers.queryLibrary({ sort: 'title', direction: 'asc', filters: filter, offset: 0, limit: 500 });
    return titles(page.items.map((a) => a.id));
  }
  async function searched(filter: ArticleFilter): Promise<string[]> {
    const articles = await search(nb, { query: 'heron', filters: { kinds: ['article'], ...filter }, limit: 200 });
    const claims = await search(nb, { query: 'river', filters: { kinds: ['claim'], ...filter }, limit: 200 });
    // Claims pass through their article: the same articles either way.
    expect(titles(claims.hits.map((h) => h.articleId))).toEqual(titles(articles.hits.map((h) => h.articleId)));
    return titles(articles.hits.map((h) => h.articleId));
  }
  async function positions(filter: ArticleFilter): Promise<string[]> {
    const { claims } = await nb.core.handlers.getPositionClaims({ ...filter, issueId, actorId, limit: 2000 });
    const map = await nb.core.handlers.getPositions(filter);
    expect(map.articleCount).toBe(new Set(claims.map((c) => c.articleId)).size);
    return titles(claims.map((c) => c.articleId));
  }
  async function network(filter: ArticleFilter): Promise<string[]> {
    const windows = await nb.core.handlers.getNetworkWindows({ ...filter, windowDays: 3660, stepDays: 3660, duplicates: 'include' });
    return windows.length === 0 ? [] : [`${windows.reduce((n, w) => n + w.statements, 0)} statements`];
  }

  const CASES: [string, ArticleFilter, string[]][] = [
    ['nothing set', {}, ['accented', 'accentedOtherCase', 'decomposed', 'none', 'plain', 'undated']],
    ['"Resume": only its own, not "Résumé"', { collections: ['Resume'] }, ['plain', 'undated']],
    ['"Résumé": its own in any case and Unicode form, not "Resume"', { collections: ['Résumé'] }, ['accented', 'accentedOtherCase', 'decomposed']],
    ['"résumé" typed decomposed and with spaces', { collections: ['  re\u0301sume\u0301 '] }, ['accented', 'accentedOtherCase', 'decomposed']],
    ['either collection', { collections: ['Resume', 'Résumé'] }, ['accented', 'accentedOtherCase', 'decomposed', 'plain', 'undated']],
    ['a source in another case', { sources: ['reuters'] }, ['accented', 'accentedOtherCase', 'plain']],
    ['two sources', { sources: ['REUTERS', 'rappler'] }, ['accented', 'accentedOtherCase', 'decomposed', 'plain', 'undated']],
    ['a tag in another case', { tags: ['TRADE'] }, ['accented', 'plain', 'undated']],
    ['dates at both edges, inclusive; undated left out', { publishedFrom: '2024-01-01', publishedTo: '2024-01-31' }, ['accented', 'none', 'plain']],
    ['one day', { publishedFrom: '2024-02-01', publishedTo: '2024-02-01' }, ['accentedOtherCase']],
    ['only an upper bound leaves undated out', { publishedTo: '2023-12-31' }, ['decomposed']],
    ['all parts together', { publishedFrom: '2023-12-31', sources: ['Reuters'], collections: ['résumé'] }, ['accented', 'accentedOtherCase']],
    ['a collection nobody has', { collections: ['Résumés'] }, []],
    ['an empty list filters nothing', { collections: [], sources: [] }, ['accented', 'accentedOtherCase', 'decomposed', 'none', 'plain', 'undated']],
  ];

  it.each(CASES)('library, search and positions agree: %s', async (_label, filter, expected) => {
    expect(await library(filter)).toEqual(expected);
    expect(await searched(filter)).toEqual(expected);
    expect(await positions(filter)).toEqual(expected);
    expect(await network(filter)).toEqual(expected.length === 0 ? [] : [`${expected.length} statements`]);
  });

  it('keeps the older spellings working: source, collection, from/to', async () => {
    const { claims } = await nb.core.handlers.getPositionClaims({ collection: 'Résumé', source: 'reuters', issueId, actorId, limit: 2000 });
    expect(titles(claims.map((c) => c.articleId))).toEqual(['accented', 'accentedOtherCase']);
    const found = await search(nb, { query: 'heron', filters: { kinds: ['article'], collection: 'Resume' }, limit: 200 });
    expect(titles(found.hits.map((h) => h.articleId))).toEqual(['plain', 'undated']);
    const page = await nb.core.handlers.queryLibrary({
      sort: 'title',
      direction: 'asc',
      filters: { from: '2024-01-31', to: '2024-02-01' },
      offset: 0,
      limit: 500,
    });
    expect(titles(page.items.map((a) => a.id))).toEqual(['accented', 'accentedOtherCase']);
    expect(articleFilterOf({ source: 'A', sources: ['B'], collection: ' ', from: '2024-01-01' })).toEqual({
      publishedFrom: '2024-01-01',
      sources: ['B', 'A'],
    });
  });

  it('refuses a reversed range or a day that does not exist, in every area alike', async () => {
    for (const filter of [{ publishedFrom: '2024-02-01', publishedTo: '2024-01-01' }, { publishedFrom: '2024-02-30' }]) {
      const message = filter.publishedTo ? /reversed.*Swap the two dates/ : /2024-02-30 is not a real day/;
      await expect(nb.core.handlers.queryLibrary({ sort: 'title', direction: 'asc', filters: filter, offset: 0, limit: 10 })).rejects.toThrow(
        message,
      );
      await expect(nb.core.handlers.search({ query: 'heron', filters: filter, limit: 10, offset: 0 })).rejects.toThrow(message);
      await expect(nb.core.handlers.getPositions(filter)).rejects.toThrow(message);
      await expect(
        nb.core.handlers.getNetwork({ ...filter, type: 'congruence', normalization: 'none', duplicates: 'article', maxEdges: 100 }),
      ).rejects.toThrow(message);
    }
  });

  it('compares names trimmed, spaces collapsed, NFC and case-insensitive, with accents counting', () => {
    expect(nameKey('  Le  Monde ')).toBe('le monde');
    expect(nameKey('RE\u0301SUME\u0301')).toBe(nameKey('résumé'));
    expect(nameKey('Resume')).not.toBe(nameKey('Résumé'));
    expect(prepareArticleFilter({ collections: ['', '  '] }).active).toBe(false);
  });

  it('folds a frozen summary once and a changed article (a new summary) anew; an unfrozen one every time', () => {
    const filter = prepareArticleFilter({ sources: ['reuters'], tags: ['Key'] });
    const before = Object.freeze({ publishedAt: null, source: ' Reuters', collections: [], tags: ['key'] });
    expect([filter.matches(before), filter.matches(before)]).toEqual([true, true]);
    expect(filter.matches(Object.freeze({ ...before, source: 'AP' }))).toBe(false);
    const loose: { publishedAt: null; source: string; collections: string[]; tags: string[] } = { ...before, collections: [], tags: ['key'] };
    expect(filter.matches(loose)).toBe(true);
    loose.source = 'AP';
    expect(filter.matches(loose)).toBe(false);
    // No filter keeps everything without reading the article.
    expect(prepareArticleFilter({}).matches(null as never)).toBe(true);
  });
});
