import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../electron/core/bootstrap';
import { DIGEST_FILE } from '../../../electron/core/claims/claim-digest-file';
import { claimsDigest, flushClaimsDigest } from '../../../electron/core/claims/claim-digests';
import { searchServiceOf } from '../../../electron/core/search/handlers';
import { CORE_OPTIONS, openTempNotebook, type TempNotebook } from '../helpers/temp-notebook';

describe("a long-running host's warm-up after open", () => {
  let nb: TempNotebook;
  afterEach(() => nb.cleanup());

  /** The sample notebook as an earlier session leaves it (index and digest written), opened anew. */
  async function reopened(): Promise<void> {
    nb = await openTempNotebook();
    await nb.core.handlers.search({ query: 'taiwan', limit: 5, offset: 0 });
    await nb.core.handlers.getPositions({});
    await flushClaimsDigest(nb.core.context);
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
  }

  it('opens the search index and loads the claims digest before any request asks', async () => {
    await reopened();
    const search = searchServiceOf(nb.core.context)!;
    expect(search.status().state).toBe('idle');
    await nb.core.warmUp();
    expect(search.status()).toMatchObject({ state: 'ready', source: 'loaded', counts: { articles: 1 } });
    // The digest was read from its file by the warm-up: with the file gone now, it is still the one loaded.
    rmSync(path.join(nb.dir, DIGEST_FILE));
    expect((await claimsDigest(nb.core.context)).report).toMatchObject({ source: 'file', articlesRead: 0 });
    // Asked twice, it warms once.
    expect(nb.core.warmUp()).toBe(nb.core.warmUp());
  });

  it('stops when the notebook closes meanwhile, without an error or a write after the close', async () => {
    await reopened();
    const warming = nb.core.warmUp();
    await nb.core.close();
    await expect(warming).resolves.toBeUndefined();
    // The notebook opens again at once: nothing holds its lock.
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    expect(nb.core.store.listArticles()).toHaveLength(1);
  });
});
