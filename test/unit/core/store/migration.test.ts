import { cp, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook } from '../../../../electron/core/store';
import { MIGRATIONS } from '../../../../electron/core/store/migrations';
import { NOTEBOOK_SCHEMA_VERSION } from '../../../../shared/model';
import { tempDir } from './fixtures';

const V0_FIXTURE = path.resolve(__dirname, '../../../fixtures/store/v0/notebook.json');

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('migrations', () => {
  it('has one step for every schema version up to the current one', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(Array.from({ length: NOTEBOOK_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('migrates the schema-0 single-file notebook to the sharded layout', async () => {
    await cp(V0_FIXTURE, path.join(dir, 'notebook.json'));
    const original = await readFile(V0_FIXTURE, 'utf8');
    let store = await openNotebook(dir);
    expect(store.openReport).toEqual({ recovered: [], migratedFrom: 0 });
    expect(store.meta).toMatchObject({
      format: 'stancebook',
      schemaVersion: 1,
      name: 'Strait watch (pre-release)',
      createdAt: '2025-06-01T10:00:00.000Z',
    });

    const summaries = store.listArticles();
    expect(summaries.map((a) => [a.id, a.claimCount, a.publishedAt])).toEqual([
      ['art-1', 2, '2025-05-30'],
      ['art-2', 0, null],
    ]);
    expect(store.findArticleByHash('c0ffee')?.id).toBe('art-2');
    const article = await store.getArticle('art-1');
    expect(article?.blocks).toHaveLength(3);
    const claims = await store.getClaims('art-1');
    for (const claim of claims) {
      const { start, end } = claim.target.position;
      expect(article?.text.slice(start, end)).toBe(claim.target.quote.exact);
    }
    expect(claims[0]).toMatchObject({ actorIds: ['china'], issueId: 'taiwan', stanceId: 'oppose', note: 'Standard formula.' });
    expect(claims[1]).toMatchObject({ actorIds: ['usa'], updatedAt: '2025-06-03T09:00:00.000Z' });
    expect(store.getCodebook().actors).toEqual([
      { id: 'china', name: 'China', aliases: ['Beijing', 'Wang Yi'], color: '#cc0000' },
      { id: 'usa', name: 'United States', aliases: [], color: null },
    ]);
    expect(store.listBriefs()).toEqual([]);

    // The original file is kept, byte for byte, in a backup taken before migrating.
    const backups = store.listBackups();
    const before = backups.find((name) => name.endsWith('before-migration'));
    expect(before).toBeDefined();
    expect(await readFile(path.join(dir, 'backups', before!, 'notebook.json'), 'utf8')).toBe(original);
    expect(await readdir(path.join(dir, 'articles'))).toEqual(['art-1.json', 'art-2.json']);
    await store.close();

    store = await openNotebook(dir);
    expect(store.openReport.migratedFrom).toBeNull();
    expect(store.listArticles()).toEqual(summaries);
    await store.close();
  });
});
