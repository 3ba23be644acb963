import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIndexFile } from '../../../../electron/core/search/index-builder';
import { IndexDatabase } from '../../../../electron/core/search/index-database';
import { buildingPath } from '../../../../electron/core/search/index-schema';
import { parseQuery } from '../../../../electron/core/search/query-parser';
import { runSearch } from '../../../../electron/core/search/run-search';
import { CORE_OPTIONS, openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { addArticle } from './search-helpers';

/**
 * More articles than the batches the builder keeps in flight (2 of 16, with commits of 16
 * articles asked for here): when the first batch is acknowledged, the third has not been sent
 * yet, so a reader then cannot see everything.
 */
const ARTICLES = 80;
const COMMIT = 16;

describe('search: a build in the worker', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook({ sample: false });
    for (let i = 0; i < ARTICLES; i += 1) await addArticle(nb, `Report ${i} on the heron accords, paragraph ${i}.`, `Heron ${i}`);
  });
  afterEach(() => nb.cleanup());

  it('commits batch by batch: the part built so far can be searched while the worker goes on', async () => {
    const { store } = nb.core;
    const driver = CORE_OPTIONS.searchDatabase!;
    const seen: { done: number; total: number; found: number }[] = [];
    let reader: IndexDatabase | null = null;
    const complete = await buildIndexFile(
      store,
      driver,
      (done, total) => {
        if (done === 0) return;
        // Runs when the worker has committed `done` articles: a reader sees exactly those.
        reader ??= IndexDatabase.openPartial(driver, buildingPath(nb.dir));
        const page = runSearch(reader, parseQuery('heron '), { kinds: ['article'] }, store.getCodebook(), store.listArticles(), {
          limit: 200,
          offset: 0,
        });
        seen.push({ done, total, found: page.total });
      },
      () => false,
      () => {
        reader?.close();
        reader = null;
      },
      COMMIT,
    );
    expect(complete).toBe(true);
    // The worker may have committed more by the time its answer is read, never less.
    for (const { done, total, found } of seen) {
      expect(found).toBeGreaterThanOrEqual(done);
      expect(found).toBeLessThanOrEqual(total);
    }
    expect(seen[0]!.found).toBeLessThanOrEqual(2 * COMMIT);
    expect(seen.at(-1)).toMatchObject({ done: ARTICLES, total: ARTICLES });
    expect(seen.length).toBeGreaterThan(1);
    // The finished file is complete and closed (no WAL left beside it), ready to be renamed into place.
    expect(existsSync(`${buildingPath(nb.dir)}-wal`)).toBe(false);
  });

  it('a cancelled build deletes its file', async () => {
    let calls = 0;
    const complete = await buildIndexFile(
      nb.core.store,
      CORE_OPTIONS.searchDatabase!,
      () => undefined,
      () => ++calls > 1,
    );
    expect(complete).toBe(false);
    expect(existsSync(buildingPath(nb.dir))).toBe(false);
  });
});
