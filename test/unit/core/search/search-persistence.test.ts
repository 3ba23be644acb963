import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { closeSearch } from '../../../../electron/core/search/handlers';
import { indexFilePath } from '../../../../electron/core/search/index-file';
import { openTempNotebook, RESOURCES, type TempNotebook } from '../../helpers/temp-notebook';
import { search, serviceOf } from './search-helpers';

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

  it('never loads an index that a crash left behind a change', async () => {
    await search(nb, { query: 'china' });
    await reopen();
    await search(nb, { query: 'china' });
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: 'Quokka diplomacy.' } });
    await serviceOf(nb).settled();
    // The file was deleted at the change, so stopping now (no search flush) cannot leave it stale.
    expect(existsSync(indexFilePath(nb.dir))).toBe(false);
    // A crash: the store goes away without the search index being saved.
    await nb.core.store.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    expect((await search(nb, { query: 'quokka' })).hits.map((h) => h.claimId)).toEqual([claims[0]!.id]);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'built', rebuildReason: 'no index file' });
  });

  it('rebuilds a stale index (the notebook changed while the file was set aside)', async () => {
    await search(nb, { query: 'china' });
    await serviceOf(nb).flush();
    const old = readFileSync(indexFilePath(nb.dir));
    await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { title: 'Osprey talks' } });
    await reopen();
    writeFileSync(indexFilePath(nb.dir), old);
    expect((await search(nb, { query: 'osprey' })).total).toBe(1);
    expect(serviceOf(nb).status()).toMatchObject({ source: 'built', rebuildReason: expect.stringMatching(/stale/) });
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON/],
    ['garbage', () => '\u0000\u0001 not an index', /not valid JSON/],
    ['of another format', () => JSON.stringify({ format: 'something-else' }), /not a search index/],
    ['from another schema version', (text: string) => text.replace('"schemaVersion":1', '"schemaVersion":99'), /schema 99/],
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
});
