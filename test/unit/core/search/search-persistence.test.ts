import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { closeSearch } from '../../../../electron/core/search/handlers';
import { buildingPath, indexPath, replacedPath } from '../../../../electron/core/search/index-schema';
import { SearchService } from '../../../../electron/core/search/search-service';
import type { SqliteDriver } from '../../../../electron/core/search/sqlite/sql-database';
import { CORE_OPTIONS, openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { addArticle, search, serviceOf } from './search-helpers';

/** Changes the index file with SQL, as a damaged or foreign file would be. */
function editIndex(dir: string, sql: string): void {
  const db = CORE_OPTIONS.searchDatabase!.open(indexPath(dir));
  db.exec(sql);
  db.close();
}

describe('search: the index on disk', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  /** Closes the core the way the lead's close() does (search first, then the store) and reopens it. */
  async function reopen(): Promise<void> {
    await closeSearch(nb.core.context);
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
  }

  /** A crash: the store goes away without the search service being closed. */
  async function crashAndReopen(): Promise<void> {
    await nb.core.store.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
  }

  it('writes nothing until the first search, then builds the index file in a worker', async () => {
    expect(existsSync(indexPath(nb.dir))).toBe(false);
    await search(nb, { query: 'taiwan' });
    expect(existsSync(indexPath(nb.dir))).toBe(true);
    expect(existsSync(buildingPath(nb.dir))).toBe(false);
    expect(serviceOf(nb).status()).toMatchObject({
      source: 'built',
      rebuildReason: 'no index file',
      builds: 1,
      counts: { articles: 1, claims: 10, briefs: 0 },
    });
  });

  it('opens the index on reopen instead of rebuilding it, with the same results', async () => {
    const before = await search(nb, { query: 'wang yi' });
    await reopen();
    const after = await search(nb, { query: 'wang yi' });
    expect(serviceOf(nb).status()).toMatchObject({
      state: 'ready',
      source: 'loaded',
      builds: 0,
      caughtUp: 0,
      counts: { articles: 1, claims: 10, briefs: 0 },
    });
    expect(after.hits.map((h) => [h.kind, h.claimId, h.score])).toEqual(before.hits.map((h) => [h.kind, h.claimId, h.score]));
  });

  it('keeps changes made after opening, through close and reopen, without re-reading anything', async () => {
    await search(nb, { query: 'china' });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    // An edit the library summary cannot see: same article, same claim count.
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: 'Quokka diplomacy.' } });
    await search(nb, { query: 'quokka' });
    await reopen();
    expect((await search(nb, { query: 'quokka' })).hits.map((h) => h.claimId)).toEqual([claims[0]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 0 });
  });

  it('catches up after a crash between the store write and the index update, by the article stamp', async () => {
    await search(nb, { query: 'china' });
    // The service stops following changes, as if the process died right after the store's write.
    await closeSearch(nb.core.context);
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[2]!.id, patch: { note: 'Axolotl memo.' } });
    await crashAndReopen();
    expect((await search(nb, { query: 'axolotl' })).hits.map((h) => h.claimId)).toEqual([claims[2]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 1, builds: 0 });
    // Once caught up, the stamp is current: the next open re-reads nothing.
    await reopen();
    await search(nb, { query: 'axolotl' });
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 0 });
  });

  it('catches up on what another process (the command line) changed while the app was closed', async () => {
    await search(nb, { query: 'china' });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await closeSearch(nb.core.context);
    await nb.core.close();
    // Another process opens the notebook, never searches, and changes things.
    const other = await openNotebookCore(nb.dir, CORE_OPTIONS);
    const added = (await other.handlers.importText({ title: 'Pangolin summit', text: 'Delegates met for the pangolin summit in Lima.' })).articleId;
    await other.handlers.updateClaim({ articleId: nb.sampleId, id: claims[1]!.id, patch: { note: 'Narwhal channel.' } });
    await closeSearch(other.context);
    await other.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);

    expect((await search(nb, { query: 'pangolin' })).hits.map((h) => h.articleId)).toContain(added);
    expect((await search(nb, { query: 'narwhal' })).hits.map((h) => h.claimId)).toEqual([claims[1]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', builds: 0, caughtUp: 2 });
  });

  it('compares stamps in slices without missing an article at a slice edge', async () => {
    const ids = [nb.sampleId];
    for (let i = 0; i < 4; i += 1) ids.push(await addArticle(nb, `The tapir memo number ${i}.`, `Tapir ${i}`));
    await search(nb, { query: 'tapir' });
    await closeSearch(nb.core.context);
    await nb.core.close();
    const other = await openNotebookCore(nb.dir, CORE_OPTIONS);
    const added = (await other.handlers.importText({ title: 'Quetzal note', text: 'The quetzal clause.' })).articleId;
    // Every other article changes; the one deleted is gone from the store but still indexed.
    for (const id of ids.slice(1, 3)) await other.handlers.updateArticleMeta({ id, patch: { title: `Changed ${id}` } });
    await other.handlers.deleteArticle({ id: ids[4]! });
    await other.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    const service = new SearchService(nb.core.context, { stampSlice: 2 });
    await service.whenCurrent();
    expect(service.status()).toMatchObject({ source: 'loaded', caughtUp: 4, builds: 0 });
    const hits = (await nb.core.handlers.search({ query: 'quetzal', limit: 20, offset: 0 })).hits.map((h) => h.articleId);
    expect(hits).toContain(added);
    expect((await nb.core.handlers.search({ query: 'tapir', filters: { kinds: ['article'] }, limit: 20, offset: 0 })).total).toBe(3);
    await service.close();
  });

  it('catches up on a codebook rename made while the app was closed, re-indexing the claims that carry the name', async () => {
    const russia = nb.core.store.getCodebook().actors.find((a) => a.name === 'Russia')!;
    const articleId = await addArticle(nb, 'Moscow said the talks were a useful start.', 'Moscow view');
    const { article } = await nb.core.handlers.getArticle({ id: articleId });
    const quote = 'the talks were a useful start';
    const start = article.text.indexOf(quote);
    const claim = await nb.core.handlers.createClaim({ articleId, start, end: start + quote.length, coding: { actorIds: [russia.id] } });
    await search(nb, { query: 'china' });
    await closeSearch(nb.core.context);
    await nb.core.close();
    const other = await openNotebookCore(nb.dir, CORE_OPTIONS);
    await other.handlers.updateActor({ id: russia.id, patch: { name: 'Rossiya' } });
    await other.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    expect((await search(nb, { query: 'rossiya', filters: { kinds: ['claim'] } })).hits.map((h) => h.claimId)).toEqual([claim.id]);
    expect((await search(nb, { query: 'russia', filters: { kinds: ['claim'] } })).total).toBe(0);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 0, builds: 0 });
  });

  it('drops an article deleted while the app was closed', async () => {
    const doomed = await addArticle(nb, 'The wombat accord was signed.', 'Wombat accord');
    await search(nb, { query: 'wombat' });
    await closeSearch(nb.core.context);
    await nb.core.handlers.deleteArticle({ id: doomed });
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    expect((await search(nb, { query: 'wombat' })).total).toBe(0);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', builds: 0, caughtUp: 1 });
  });

  it('rebuilds in the worker, the old index serving meanwhile, when most of the notebook changed while it was closed', async () => {
    await search(nb, { query: 'china' });
    await closeSearch(nb.core.context);
    await nb.core.close();
    const other = await openNotebookCore(nb.dir, CORE_OPTIONS);
    for (let i = 0; i < 3; i += 1) await other.handlers.importText({ title: `Ibis ${i}`, text: `The ibis report number ${i}.` });
    await other.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    const service = new SearchService(nb.core.context, { catchUpLimit: 2 });
    await service.whenCurrent();
    expect(service.status()).toMatchObject({
      source: 'built',
      builds: 1,
      rebuildReason: '3 articles changed since the index was written',
      counts: { articles: 4 },
    });
    await service.close();
  });

  it.each([
    ['garbage', (file: string) => writeFileSync(file, '\u0000\u0001 not an index at all '.repeat(300)), /cannot be opened|damaged|not a database/],
    ['truncated', (file: string) => writeFileSync(file, readFileSync(file).subarray(0, 2048)), /damaged|malformed|not a database/],
    [
      'of another format',
      (_file: string, dir: string) => editIndex(dir, "UPDATE meta SET value = 'something-else' WHERE key = 'format'"),
      /not a search index/,
    ],
    [
      'from another schema version',
      (_file: string, dir: string) => editIndex(dir, "UPDATE meta SET value = '99' WHERE key = 'schemaVersion'"),
      /schema 99, expected/,
    ],
    ['half-built', (_file: string, dir: string) => editIndex(dir, "UPDATE meta SET value = '0' WHERE key = 'complete'"), /not finished/],
    ['without its tables', (_file: string, dir: string) => editIndex(dir, 'DROP TABLE docs'), /damaged/],
  ])('rebuilds, without failing, when the index file is %s', async (_label, damage, reason) => {
    const before = await search(nb, { query: 'wang yi' });
    await closeSearch(nb.core.context);
    await nb.core.close();
    damage(indexPath(nb.dir), nb.dir);
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    const after = await search(nb, { query: 'wang yi' });
    expect(after.total).toBe(before.total);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'built', builds: 1, rebuildReason: expect.stringMatching(reason) });
    await reopen();
    await search(nb, { query: 'wang yi' });
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', builds: 0 });
  });

  it('deletes the MiniSearch index files it replaced', async () => {
    writeFileSync(path.join(nb.dir, 'search-index.json'), '{"format":"stancebook-search-index"}');
    writeFileSync(path.join(nb.dir, 'search-index.changes'), 'article x\n');
    await search(nb, { query: 'china' });
    expect(readdirSync(nb.dir).filter((name) => name.startsWith('search-index.'))).not.toContain('search-index.json');
    expect(existsSync(path.join(nb.dir, 'search-index.changes'))).toBe(false);
  });

  it('a rebuild over an index in use moves the old file aside and deletes it, leaving one index; one left by a crash goes at the next open', async () => {
    await search(nb, { query: 'china' });
    await nb.core.handlers.rebuildSearchIndex({});
    expect((await search(nb, { query: 'china' })).total).toBeGreaterThan(0);
    // The old file's deletion runs off the event loop; close waits for it.
    await reopen();
    const indexFiles = () => readdirSync(nb.dir).filter((name) => name.startsWith('search-index.'));
    expect(indexFiles()).toEqual(['search-index.sqlite']);
    // A process that ended between the swap and the deletion left the old file behind.
    writeFileSync(replacedPath(nb.dir), 'the index before a rebuild');
    await search(nb, { query: 'china' });
    await reopen();
    expect(indexFiles()).toEqual(['search-index.sqlite']);
  });

  it('answers while a first build runs, with its progress, then completely', async () => {
    const first = await nb.core.handlers.search({ query: 'china', limit: 20, offset: 0 });
    if (first.indexing) expect(first.indexing.done).toBeLessThanOrEqual(first.indexing.total);
    await serviceOf(nb).whenCurrent();
    const done = await nb.core.handlers.search({ query: 'china', limit: 20, offset: 0 });
    expect(done.indexing).toBeUndefined();
    expect(done.total).toBeGreaterThan(0);
  });

  it('a rebuild asked for before any search is what searches use, and the old file is not opened over it', async () => {
    await search(nb, { query: 'china' });
    await reopen();
    await nb.core.handlers.rebuildSearchIndex({});
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[3]!.id, patch: { note: 'Capybara clause.' } });
    expect((await search(nb, { query: 'capybara' })).hits.map((h) => h.claimId)).toEqual([claims[3]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'built', builds: 1 });
  });

  it('closing during a first build leaves no index and no half-built file', async () => {
    for (let i = 0; i < 40; i += 1) await addArticle(nb, `Report ${i} on the lemur accords, paragraph ${i}.`, `Lemur ${i}`);
    const service = serviceOf(nb);
    const build = service.rebuild();
    await service.close();
    await build;
    expect(existsSync(indexPath(nb.dir))).toBe(false);
    expect(existsSync(buildingPath(nb.dir))).toBe(false);
  });

  it('a search right after an edit sees it (the change is applied before the search answers)', async () => {
    await search(nb, { query: 'china' });
    const id = await addArticle(nb, 'The okapi clause was agreed.', 'Okapi');
    expect((await nb.core.handlers.search({ query: 'okapi', limit: 20, offset: 0 })).hits.map((h) => h.articleId)).toEqual([id]);
  });

  it('a write that fails (a full disk) is kept out of the index without failing anything, and re-read at the next open', async () => {
    const real = CORE_OPTIONS.searchDatabase!;
    let failWrites = false;
    const failing: SqliteDriver = {
      ...real,
      open: (file) => {
        const db = real.open(file);
        const exec = (sql: string): void => {
          if (failWrites && sql.startsWith('BEGIN')) throw new Error('database or disk is full');
          db.exec(sql);
        };
        return { ...db, exec };
      },
    };
    await closeSearch(nb.core.context);
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { ...CORE_OPTIONS, searchDatabase: failing });
    await search(nb, { query: 'china' });
    failWrites = true;
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[4]!.id, patch: { note: 'Gecko proviso.' } });
    expect((await search(nb, { query: 'gecko' })).total).toBe(0);
    expect(serviceOf(nb).status().lastError).toMatch(/disk is full/);
    await reopen();
    expect((await search(nb, { query: 'gecko' })).hits.map((h) => h.claimId)).toEqual([claims[4]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 1 });
  });

  it('says so when the host gave the core no SQLite driver, and works once one is given', async () => {
    await closeSearch(nb.core.context);
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { ...CORE_OPTIONS, searchDatabase: undefined });
    await expect(nb.core.handlers.search({ query: 'china', limit: 20, offset: 0 })).rejects.toThrow(/no SQLite driver/);
    await reopen();
    expect((await search(nb, { query: 'china' })).total).toBeGreaterThan(0);
  });

  it('is left out of backups and archives', async () => {
    await search(nb, { query: 'china' });
    expect(existsSync(indexPath(nb.dir))).toBe(true);
    const name = await nb.core.store.backup();
    expect(readdirSync(path.join(nb.dir, 'backups', name)).filter((f) => f.startsWith('search-index'))).toEqual([]);
    const archive = await nb.core.handlers.exportArchive({});
    const zip = await JSZip.loadAsync(Buffer.from(archive.content, 'base64'));
    expect(Object.keys(zip.files).length).toBeGreaterThan(2);
    expect(Object.keys(zip.files).filter((f) => f.includes('search'))).toEqual([]);
  });
});
