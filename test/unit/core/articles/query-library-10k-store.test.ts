import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryQuery } from '../../../../shared/api/contract-library';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { queryLibrarySummaries } from '../../../../electron/core/articles/library-query';
import type { NotebookCore } from '../../../../electron/core/notebook-core';
import { openNotebook } from '../../../../electron/core/store';
import { RESOURCES, tempDir } from '../../helpers/temp-notebook';
import { fillNotebookWithSmallArticles } from './fill-notebook';

describe('queryLibrary on a 10,000-article notebook on disk', () => {
  let dir: string;
  let core: NotebookCore;
  beforeAll(async () => {
    dir = path.join(tempDir(), 'notebook');
    await (await openNotebook(dir, { create: true, name: '10k' })).close();
    await fillNotebookWithSmallArticles(dir, 10_000);
    core = await openNotebookCore(dir, { resourcesDir: RESOURCES });
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('answers through the API what the sort and filter functions answer', async () => {
    const query: LibraryQuery = {
      sort: 'published',
      direction: 'desc',
      offset: 0,
      limit: 500,
      filters: { sources: ['reuters', 'Le Monde'], text: 'zurich' },
    };
    const page = await core.handlers.queryLibrary({ sort: 'source', direction: 'asc', offset: 0, limit: 500 });
    expect(page.total).toBe(10_000);
    expect(page.items).toHaveLength(500);

    const filtered = await core.handlers.queryLibrary(query);
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered).toEqual(queryLibrarySummaries(core.store.listArticles(), query));
    expect(filtered.items.every((a) => ['Reuters', 'Le Monde'].includes(a.source!) && a.title.includes('Zürich'))).toBe(true);
    expect(filtered.facets.sources.length).toBeGreaterThan(2);
  });

  it('sees a tag change at once on a 10,000-article library', async () => {
    const query = { sort: 'title', direction: 'asc', offset: 9_900, limit: 500 } as const;
    const last = await core.handlers.queryLibrary(query);
    expect(last.items).toHaveLength(100);
    const target = last.items[42]!;
    await core.handlers.setArticleTags({ articleId: target.id, tags: ['Needle'] });
    const found = await core.handlers.queryLibrary({ ...query, offset: 0, filters: { tags: ['needle'] } });
    expect(found.items.map((a) => a.id)).toEqual([target.id]);
    expect(found.facets.tags).toContainEqual({ name: 'Needle', count: 1 });
    expect(await core.handlers.listArticleTags({})).toContainEqual({ name: 'Needle', articleCount: 1 });
  });
});
