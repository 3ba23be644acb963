import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type NotebookChanged } from '../../../../shared/api';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { openTempNotebook, RESOURCES, snapshotFiles, type TempNotebook, settledSnapshot } from '../../helpers/temp-notebook';
import { smallArticle } from './synthetic-library';

describe('tags and collections on articles', () => {
  let nb: TempNotebook;
  let events: NotebookChanged[];
  beforeEach(async () => {
    nb = await openTempNotebook();
    for (const id of ['a1', 'a2', 'a3']) await nb.core.store.putArticle(smallArticle(id));
    events = [];
    nb.core.onChanged((event) => events.push(event));
  });
  afterEach(() => nb.cleanup());

  const summary = (id: string) => nb.core.store.listArticles().find((a) => a.id === id)!;

  it('tidies tags (trimmed, one space, duplicates dropped in any case), shows them in the library and keeps them on reopen', async () => {
    const result = await nb.core.handlers.setArticleTags({ articleId: 'a1', tags: ['  Key ', 'to\n  read', 'KEY', 'key', 'Opinion'] });
    expect(result.tags).toEqual(['Key', 'to read', 'Opinion']);
    expect(summary('a1').tags).toEqual(['Key', 'to read', 'Opinion']);
    expect(events).toEqual([{ scope: 'articles', articleId: 'a1' }]);

    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect(summary('a1').tags).toEqual(['Key', 'to read', 'Opinion']);
    expect((await nb.core.handlers.getArticle({ id: 'a1' })).article.tags).toEqual(['Key', 'to read', 'Opinion']);
  });

  it('spells a name the library already uses as the library does, so one collection stays one', async () => {
    await nb.core.handlers.setArticleCollections({ articleId: 'a1', collections: ['Taiwan Strait'] });
    const second = await nb.core.handlers.setArticleCollections({ articleId: 'a2', collections: ['taiwan strait', 'Trade'] });
    expect(second.collections).toEqual(['Taiwan Strait', 'Trade']);
    expect(await nb.core.handlers.listCollections({})).toEqual([
      { name: 'Taiwan Strait', articleCount: 2 },
      { name: 'Trade', articleCount: 1 },
    ]);
    // The only article using a name may change its case.
    const recased = await nb.core.handlers.setArticleCollections({ articleId: 'a2', collections: ['Taiwan Strait', 'TRADE'] });
    expect(recased.collections).toEqual(['Taiwan Strait', 'TRADE']);
  });

  it('writes nothing and tells no one when the list does not change', async () => {
    await nb.core.handlers.setArticleTags({ articleId: 'a1', tags: ['key'] });
    events.length = 0;
    const before = snapshotFiles(nb.dir);
    await nb.core.handlers.setArticleTags({ articleId: 'a1', tags: [' key'] });
    expect(snapshotFiles(nb.dir)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('clears tags with an empty list', async () => {
    await nb.core.handlers.setArticleTags({ articleId: 'a1', tags: ['key'] });
    expect((await nb.core.handlers.setArticleTags({ articleId: 'a1', tags: [] })).tags).toEqual([]);
    expect(await nb.core.handlers.listArticleTags({})).toEqual([]);
  });

  it('counts article tags across the library, alphabetically', async () => {
    await nb.core.handlers.setArticleTags({ articleId: 'a1', tags: ['opinion', 'Key'] });
    await nb.core.handlers.setArticleTags({ articleId: 'a2', tags: ['key'] });
    await nb.core.handlers.setArticleTags({ articleId: nb.sampleId, tags: ['Ämter', 'zoning'] });
    expect(await nb.core.handlers.listArticleTags({})).toEqual([
      { name: 'Ämter', articleCount: 1 },
      { name: 'Key', articleCount: 2 },
      { name: 'opinion', articleCount: 1 },
      { name: 'zoning', articleCount: 1 },
    ]);
  });

  it('renames a collection on every article in it, and merges into one that exists', async () => {
    await nb.core.handlers.setArticleCollections({ articleId: 'a1', collections: ['Taiwan', 'Trade'] });
    await nb.core.handlers.setArticleCollections({ articleId: 'a2', collections: ['Taiwan'] });
    await nb.core.handlers.setArticleCollections({ articleId: 'a3', collections: ['Cross-strait'] });
    events.length = 0;

    const renamed = await nb.core.handlers.renameCollection({ from: 'taiwan', to: ' Cross-Strait ' });
    expect(renamed.articlesChanged).toBe(2);
    expect(renamed.collections).toEqual([
      { name: 'Cross-strait', articleCount: 3 },
      { name: 'Trade', articleCount: 1 },
    ]);
    expect(summary('a1').collections).toEqual(['Cross-strait', 'Trade']);
    expect(summary('a2').collections).toEqual(['Cross-strait']);
    expect(events.map((e) => e.articleId).sort()).toEqual(['a1', 'a2']);

    // Changing only the case is a rename too.
    const recased = await nb.core.handlers.renameCollection({ from: 'cross-strait', to: 'Cross-Strait' });
    expect(recased).toMatchObject({
      articlesChanged: 3,
      collections: [
        { name: 'Cross-Strait', articleCount: 3 },
        { name: 'Trade', articleCount: 1 },
      ],
    });
  });

  it('deletes a collection from its articles and keeps the articles', async () => {
    await nb.core.handlers.setArticleCollections({ articleId: 'a1', collections: ['Taiwan', 'Trade'] });
    await nb.core.handlers.setArticleCollections({ articleId: 'a2', collections: ['taiwan'] });
    const result = await nb.core.handlers.deleteCollection({ name: 'TAIWAN' });
    expect(result).toEqual({ articlesChanged: 2, collections: [{ name: 'Trade', articleCount: 1 }] });
    expect(summary('a1').collections).toEqual(['Trade']);
    expect(summary('a2').collections).toEqual([]);
    expect(nb.core.store.listArticles()).toHaveLength(4);
  });

  it('puts back the articles already renamed when a write fails part way', async () => {
    await nb.core.handlers.setArticleCollections({ articleId: 'a1', collections: ['Taiwan'] });
    await nb.core.handlers.setArticleCollections({ articleId: 'a2', collections: ['Taiwan'] });
    const store = nb.core.store;
    const put = store.putArticle.bind(store);
    let writes = 0;
    store.putArticle = async (article) => {
      writes += 1;
      if (writes === 2) throw new Error('disk full');
      return put(article);
    };
    events.length = 0;
    await expect(nb.core.handlers.renameCollection({ from: 'Taiwan', to: 'Strait' })).rejects.toThrow('disk full');
    store.putArticle = put;
    expect(summary('a1').collections).toEqual(['Taiwan']);
    expect(summary('a2').collections).toEqual(['Taiwan']);
    expect(events).toEqual([]);
  });

  describe('refuses bad input and changes nothing', () => {
    const long = 'x'.repeat(101);
    it.each([
      ['an empty tag', 'setArticleTags', { articleId: 'a1', tags: ['ok', '   '] }, 'invalid-request', /tag name cannot be empty/],
      ['a tag over 100 characters', 'setArticleTags', { articleId: 'a1', tags: [long] }, 'invalid-request', /101 characters long; the limit is 100/],
      [
        '101 tags',
        'setArticleTags',
        { articleId: 'a1', tags: Array.from({ length: 101 }, (_, i) => `t${i}`) },
        'invalid-request',
        /at most 100 tags/,
      ],
      ['an unknown article', 'setArticleCollections', { articleId: 'nope', collections: ['x'] }, 'not-found', /no article with id "nope"/],
      ['tags that are not a list', 'setArticleTags', { articleId: 'a1', tags: 'key' }, 'invalid-request', /tags/],
      [
        'renaming a collection that does not exist',
        'renameCollection',
        { from: 'Nothing', to: 'Else' },
        'not-found',
        /no collection called "Nothing"/,
      ],
      ['renaming to an empty name', 'renameCollection', { from: 'Taiwan', to: ' ' }, 'invalid-request', /collection name cannot be empty/],
      ['deleting a collection that does not exist', 'deleteCollection', { name: 'Nothing' }, 'not-found', /no collection called "Nothing"/],
    ] as const)('%s', async (_label, name, request, code, message) => {
      await nb.core.handlers.setArticleCollections({ articleId: 'a1', collections: ['Taiwan'] });
      // Settled first: that change's shard is written in the background (a race on a loaded machine).
      const before = await settledSnapshot(nb);
      events.length = 0;
      const result = await dispatch(nb.core.handlers, name, request);
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
      expect(snapshotFiles(nb.dir)).toEqual(before);
      expect(events).toEqual([]);
    });
  });
});
