import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotebookFormatError, openNotebook } from '../../../../electron/core/store';
import { makeArticle, makeBrief, makeClaim, tempDir } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('notebook store basics', () => {
  it('creates a sharded notebook with an empty codebook', async () => {
    const store = await openNotebook(dir, { create: true, name: 'Taiwan watch' });
    expect(store.meta).toMatchObject({ format: 'stancebook', schemaVersion: 1, name: 'Taiwan watch' });
    expect(store.getCodebook()).toEqual({ actors: [], issues: [], stances: [], tags: [] });
    expect(store.listArticles()).toEqual([]);
    expect(store.openReport).toEqual({ recovered: [], migratedFrom: null });
    await store.close();
    const names = await readdir(dir);
    expect(names).toEqual(expect.arrayContaining(['notebook.json', 'codebook.json', 'briefs.json', 'library.json', 'articles', 'trash']));
    expect(names).not.toContain('.lock');
  });

  it('refuses a folder without a notebook unless asked to create one', async () => {
    await expect(openNotebook(dir)).rejects.toBeInstanceOf(NotebookFormatError);
    await expect(openNotebook(path.join(dir, 'nope'))).rejects.toBeInstanceOf(NotebookFormatError);
  });

  it('saves articles and claims and reads them back after reopening', async () => {
    let store = await openNotebook(dir, { create: true });
    await store.putArticle(makeArticle('a1'));
    await store.putClaim(makeClaim('a1', 'c1'));
    await store.putClaims('a1', [makeClaim('a1', 'c2'), makeClaim('a1', 'c1', { note: 'edited' })]);
    expect(store.listArticles()[0]).toMatchObject({ id: 'a1', claimCount: 2, wordCount: 11 });
    await store.close();

    // The claim saves went to the shard and the journal, not to library.json.
    store = await openNotebook(dir);
    expect(store.listArticles().map((a) => [a.id, a.claimCount])).toEqual([['a1', 2]]);
    expect((await store.getClaims('a1')).map((c) => [c.id, c.note])).toEqual([
      ['c1', 'edited'],
      ['c2', ''],
    ]);
    expect((await store.getArticle('a1'))?.title).toBe('Article a1');
    expect(store.findArticleByHash('hash-a1')?.id).toBe('a1');
    expect(store.getArticleSummary('a1')).toBe(store.listArticles()[0]);
    expect(store.getArticleSummary('missing')).toBeNull();
    expect(await store.getArticle('missing')).toBeNull();
    const shard = JSON.parse(await readFile(path.join(dir, 'articles', 'a1.json'), 'utf8'));
    expect(shard).toMatchObject({ schemaVersion: 1, article: { id: 'a1' } });
    await store.close();
  });

  it('keeps claims when an article is replaced and rejects claims for unknown articles', async () => {
    const store = await openNotebook(dir, { create: true });
    await store.putArticle(makeArticle('a1'));
    await store.putClaim(makeClaim('a1', 'c1'));
    await store.putArticle(makeArticle('a1', { title: 'Renamed' }));
    expect(await store.getClaims('a1')).toHaveLength(1);
    expect(store.listArticles()[0]?.title).toBe('Renamed');
    await expect(store.putClaim(makeClaim('zz', 'c9'))).rejects.toThrow(/no article zz/);
    await store.close();
  });

  it('moves deleted items to the trash and restores them', async () => {
    let store = await openNotebook(dir, { create: true });
    await store.putArticle(makeArticle('a1'));
    await store.putClaim(makeClaim('a1', 'c1'));
    await store.putClaim(makeClaim('a1', 'c2'));
    await store.putBrief(makeBrief('b1'));
    await store.deleteClaim('a1', 'c1');
    await store.deleteBrief('b1');
    await store.deleteArticle('a1');
    expect(store.listArticles()).toEqual([]);
    expect(store.listBriefs()).toEqual([]);
    expect(
      store
        .listTrash()
        .map((e) => `${e.kind}:${e.id}`)
        .sort(),
    ).toEqual(['article:a1', 'brief:b1', 'claim:c1']);
    await store.close();

    store = await openNotebook(dir);
    expect(store.listTrash()).toHaveLength(3);
    await expect(store.restoreFromTrash('nothing')).rejects.toThrow(/nothing with id/);
    await store.restoreFromTrash('a1');
    await store.restoreFromTrash('c1');
    await store.restoreFromTrash('b1');
    expect((await store.getClaims('a1')).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(store.getBrief('b1')?.title).toBe('Brief b1');
    expect(store.listTrash()).toEqual([]);
    await store.deleteBrief('b1');
    await store.emptyTrash();
    expect(store.listTrash()).toEqual([]);
    await store.close();
  });

  it('stores the codebook', async () => {
    let store = await openNotebook(dir, { create: true });
    const codebook = { actors: [{ id: 'cn', name: 'China', aliases: ['Beijing'], color: null }], issues: [], stances: [], tags: [] };
    await store.putCodebook(codebook);
    await store.close();
    store = await openNotebook(dir);
    expect(store.getCodebook()).toEqual(codebook);
    await store.close();
  });
});

describe('reads during writes', () => {
  it('never caches a shard read that overlapped a save (no lost claims)', async () => {
    const { dir: folder, cleanup: done } = await tempDir();
    const store = await openNotebook(folder, { create: true });
    await store.putArticle(makeArticle('a1'));
    const saves: Promise<void>[] = [];
    const reads: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      saves.push(store.putClaim(makeClaim('a1', `c${i}`)));
      reads.push(store.getClaims('a1'));
    }
    await Promise.all([...saves, ...reads]);
    expect(await store.getClaims('a1')).toHaveLength(40);
    expect(store.listArticles()[0]?.claimCount).toBe(40);
    await store.close();
    await done();
  });
});
