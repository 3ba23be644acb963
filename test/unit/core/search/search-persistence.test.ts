import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { closeSearch } from '../../../../electron/core/search/handlers';
import { INDEX_SCHEMA_VERSION, indexFilePath, journalPath } from '../../../../electron/core/search/index-file';
import { openTempNotebook, RESOURCES, type TempNotebook } from '../../helpers/temp-notebook';
import { SearchService } from '../../../../electron/core/search/search-service';
import { addArticle, search, serviceOf } from './search-helpers';

describe('search: the index on disk', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  /** Closes the core the way the lead's close() will (search first, then the store) and reopens it. */
  async function reopen(): Promise<void> {
    await closeSearch(nb.core.context);
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
  }

  it('writes nothing until the first search, then writes the index after building it', async () => {
    expect(existsSync(indexFilePath(nb.dir))).toBe(false);
    await search(nb, { query: 'taiwan' });
    await serviceOf(nb).flush();
    expect(existsSync(indexFilePath(nb.dir))).toBe(true);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'built', rebuildReason: 'no index file', builds: 1 });
  });

  it('loads a fresh index on reopen instead of rebuilding it', async () => {
    const before = await search(nb, { query: 'wang yi' });
    await reopen();
    const after = await search(nb, { query: 'wang yi' });
    expect(serviceOf(nb).status()).toMatchObject({ state: 'ready', source: 'loaded', builds: 0, counts: { articles: 1, claims: 10, briefs: 0 } });
    expect(after.hits.map((h) => [h.kind, h.claimId, h.score])).toEqual(before.hits.map((h) => [h.kind, h.claimId, h.score]));
  });

  it('keeps changes made after loading, through close and reopen', async () => {
    await search(nb, { query: 'china' });
    await reopen();
    await search(nb, { query: 'china' });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    // An edit the library fingerprint cannot see: same article, same claim count.
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: 'Quokka diplomacy.' } });
    await search(nb, { query: 'quokka' });
    await reopen();
    expect((await search(nb, { query: 'quokka' })).hits.map((h) => h.claimId)).toEqual([claims[0]!.id]);
    expect(serviceOf(nb).status().source).toBe('loaded');
  });

  it('catches up on changes a crash kept out of the file, re-reading only what changed', async () => {
    await search(nb, { query: 'china' });
    await reopen();
    await search(nb, { query: 'china' });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: 'Quokka diplomacy.' } });
    await serviceOf(nb).settled();
    // The file is behind; the journal beside it names the change.
    expect(existsSync(indexFilePath(nb.dir))).toBe(true);
    expect(readFileSync(journalPath(nb.dir), 'utf8').trim()).toBe(`article ${nb.sampleId}`);
    // A crash: the store goes away without the search index being saved.
    await nb.core.store.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect((await search(nb, { query: 'quokka' })).hits.map((h) => h.claimId)).toEqual([claims[0]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 1, builds: 0 });
    // Closing does not rewrite the whole file for one change: the journal still covers it.
    await reopen();
    expect(readFileSync(journalPath(nb.dir), 'utf8').trim()).toBe(`article ${nb.sampleId}`);
    expect((await search(nb, { query: 'quokka' })).total).toBe(1);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 1 });
    // Once the journal is long enough the file is written again and the journal emptied.
    const eager = new SearchService(nb.core.context, { persistAfterJournalEntries: 1, persistAfterIdleMs: 0 });
    await eager.whenCurrent();
    await eager.close();
    expect(existsSync(journalPath(nb.dir))).toBe(false);
    await reopen();
    expect((await search(nb, { query: 'quokka' })).total).toBe(1);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 0 });
  });

  it('catches up on a file that fell behind without a journal (the stamp names the changed article)', async () => {
    await search(nb, { query: 'china' });
    await serviceOf(nb).flush();
    const old = readFileSync(indexFilePath(nb.dir));
    await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { title: 'Osprey talks' } });
    await reopen();
    writeFileSync(indexFilePath(nb.dir), old);
    expect((await search(nb, { query: 'osprey' })).total).toBe(1);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 1, builds: 0 });
  });

  it('catches up on what another process (the command line) changed while the app was closed', async () => {
    await search(nb, { query: 'china' });
    await reopen();
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    // Another process opens the notebook, never searches, and changes things: its service journals them.
    await closeSearch(nb.core.context);
    await nb.core.close();
    const other = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    const added = (await other.handlers.importText({ title: 'Pangolin summit', text: 'Delegates met for the pangolin summit in Lima.' })).articleId;
    await other.handlers.updateClaim({ articleId: nb.sampleId, id: claims[1]!.id, patch: { note: 'Narwhal channel.' } });
    await closeSearch(other.context);
    await other.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });

    expect((await search(nb, { query: 'pangolin' })).hits.map((h) => h.articleId)).toContain(added);
    expect((await search(nb, { query: 'narwhal' })).hits.map((h) => h.claimId)).toEqual([claims[1]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', builds: 0 });
    expect(serviceOf(nb).status().caughtUp).toBeGreaterThanOrEqual(2);
  });

  it('catches up on a codebook rename made while the app was closed, re-indexing the claims that carry the name', async () => {
    const russia = nb.core.store.getCodebook().actors.find((a) => a.name === 'Russia')!;
    const articleId = await addArticle(nb, 'Moscow said the talks were a useful start.', 'Moscow view');
    const { article } = await nb.core.handlers.getArticle({ id: articleId });
    const quote = 'the talks were a useful start';
    const start = article.text.indexOf(quote);
    const claim = await nb.core.handlers.createClaim({ articleId, start, end: start + quote.length, coding: { actorIds: [russia.id] } });
    await search(nb, { query: 'china' });
    await reopen();
    await closeSearch(nb.core.context);
    await nb.core.close();
    const other = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    await other.handlers.updateActor({ id: russia.id, patch: { name: 'Rossiya' } });
    await closeSearch(other.context);
    await other.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect((await search(nb, { query: 'rossiya', filters: { kinds: ['claim'] } })).hits.map((h) => h.claimId)).toEqual([claim.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 0, builds: 0 });
  });

  it('drops a deleted article on catch-up, and ignores a journal line a crash cut short', async () => {
    const doomed = await addArticle(nb, 'The wombat accord was signed.', 'Wombat accord');
    await search(nb, { query: 'wombat' });
    await reopen();
    await closeSearch(nb.core.context);
    await nb.core.handlers.deleteArticle({ id: doomed });
    await nb.core.close();
    writeFileSync(journalPath(nb.dir), 'article ', { flag: 'a' });
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect((await search(nb, { query: 'wombat' })).total).toBe(0);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', builds: 0 });
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON/],
    ['garbage', () => '\u0000\u0001 not an index', /not valid JSON/],
    ['of another format', () => JSON.stringify({ format: 'something-else' }), /not a search index/],
    ['from another schema version', (text: string) => text.replace(`"schemaVersion":${INDEX_SCHEMA_VERSION}`, '"schemaVersion":99'), /schema 99/],
    ['damaged inside', (text: string) => text.replace('"kind":"claim"', '"kind":"comet"'), /damaged/],
  ])('rebuilds, without failing, when the index file is %s', async (_label, damage, reason) => {
    await search(nb, { query: 'china' });
    await reopen();
    const file = indexFilePath(nb.dir);
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    expect((await search(nb, { query: 'wang yi' })).total).toBeGreaterThan(0);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'built', rebuildReason: expect.stringMatching(reason) });
    await serviceOf(nb).flush();
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('stancebook-search-index');
  });

  it('answers while a first build runs, with its progress, then completely', async () => {
    const first = await nb.core.handlers.search({ query: 'china', limit: 20, offset: 0 });
    if (first.indexing) expect(first.indexing.done).toBeLessThanOrEqual(first.indexing.total);
    await serviceOf(nb).whenCurrent();
    const done = await nb.core.handlers.search({ query: 'china', limit: 20, offset: 0 });
    expect(done.indexing).toBeUndefined();
    expect(done.total).toBeGreaterThan(0);
  });

  it('sees an in-place edit by its storage revision even when the journal line was lost', async () => {
    await search(nb, { query: 'china' });
    await reopen();
    await search(nb, { query: 'china' });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[2]!.id, patch: { note: 'Axolotl memo.' } });
    await serviceOf(nb).settled();
    // A crash before the journal line reached the disk.
    await nb.core.store.close();
    rmSync(journalPath(nb.dir), { force: true });
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect((await search(nb, { query: 'axolotl' })).hits.map((h) => h.claimId)).toEqual([claims[2]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'loaded', caughtUp: 1 });
  });

  it('a rebuild asked for before any search is what searches use, and the old file is not loaded over it', async () => {
    await search(nb, { query: 'china' });
    await reopen();
    await nb.core.handlers.rebuildSearchIndex({});
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[3]!.id, patch: { note: 'Capybara clause.' } });
    expect((await search(nb, { query: 'capybara' })).hits.map((h) => h.claimId)).toEqual([claims[3]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'built', builds: 1 });
  });

  it('closing during a first build writes no partial index', async () => {
    for (let i = 0; i < 40; i += 1) await addArticle(nb, `Report ${i} on the lemur accords, paragraph ${i}.`, `Lemur ${i}`);
    const service = serviceOf(nb);
    void service.rebuild();
    await service.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(indexFilePath(nb.dir))).toBe(false);
  });
});
