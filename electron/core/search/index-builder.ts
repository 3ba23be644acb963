import { rm } from 'node:fs/promises';
import type { NotebookStore } from '../store/types';
import { articleStamp, briefsHash, codebookOps, completeOps, formatOps, putArticleOps, putBriefsOps } from './index-ops';
import { BUILD_PRAGMAS, buildingPath, SCHEMA_SQL, SIDE_FILES, STATEMENTS } from './index-schema';
import { codingNames } from './search-fields';
import type { SqliteDriver } from './sqlite/sql-database';
import { SqlWorker, type SqlOp } from './sqlite/sql-worker';

/** Articles read from disk at once: enough to overlap reads with the worker's indexing. */
const READ_BATCH = 16;
/**
 * Articles per transaction in the worker. FTS5 writes a new segment at every commit and merges
 * segments as they pile up: fewer, larger commits leave less to merge (searches during a first
 * build still see progress every few hundred articles).
 */
const COMMIT_BATCH = 256;
/** Batches sent to the worker and not yet committed, at most: bounds the memory a build holds. */
const MAX_IN_FLIGHT = 2;

/** Deletes a database file and what SQLite keeps beside it; missing files are fine. */
export async function removeDatabaseFiles(file: string): Promise<void> {
  for (const name of [file, ...SIDE_FILES.map((s) => file + s)]) await rm(name, { force: true });
}

/**
 * Builds a complete index of the store into the building file, in a worker thread: the main
 * thread only reads articles (a few at a time, asynchronously) and turns them into rows; SQLite's
 * tokenising and indexing, seconds at 10,000 articles, run in the worker, so the process never
 * stalls. Resolves true once the file is complete and closed (the caller renames it into place),
 * false when cancelled (the file is deleted). `onProgress` reports articles committed.
 */
export async function buildIndexFile(
  store: NotebookStore,
  driver: SqliteDriver,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
  /** Called before the worker closes the file: readers of the building file must close first. */
  beforeClose: () => void = () => undefined,
  /** Articles per transaction (default COMMIT_BATCH). */
  commitBatch = COMMIT_BATCH,
): Promise<boolean> {
  const file = buildingPath(store.dir);
  await removeDatabaseFiles(file);
  const worker = new SqlWorker(driver.worker, file, BUILD_PRAGMAS + SCHEMA_SQL, [...STATEMENTS]);
  let finished = false;
  const inFlight: Promise<void>[] = [];
  try {
    const codebook = store.getCodebook();
    const names = codingNames(codebook);
    await worker.run([...formatOps(), ...codebookOps(codebook)]);
    const summaries = store.listArticles();
    const total = summaries.length;
    let done = 0;
    onProgress(0, total);
    let ops: SqlOp[] = [];
    let size = 0;
    for (let i = 0; i < total; i += READ_BATCH) {
      if (isCancelled()) return false;
      const batch = summaries.slice(i, i + READ_BATCH);
      const read = await Promise.all(
        batch.map(async (summary) => ({ summary, article: await store.getArticle(summary.id), claims: await store.getClaims(summary.id) })),
      );
      // An article deleted since the list was taken is left out; its change event reaches the service.
      for (const { summary, article, claims } of read)
        if (article) ops.push(...putArticleOps(article, claims, articleStamp(store, summary), names, false));
      size += batch.length;
      if (size < commitBatch && i + READ_BATCH < total) continue;
      const committed = size;
      inFlight.push(
        worker.run(ops).then(() => {
          done += committed;
          onProgress(done, total);
        }),
      );
      ops = [];
      size = 0;
      if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    if (isCancelled()) return false;
    await worker.run([...putBriefsOps(store.listBriefs(), briefsHash(store)), ...completeOps()]);
    beforeClose();
    // One b-tree per term instead of many segments: faster queries for a few seconds of the
    // worker's time. Closing the last connection checkpoints the WAL into the file and deletes it.
    await worker.close("INSERT INTO fts(fts) VALUES ('optimize');");
    finished = true;
    return true;
  } finally {
    if (!finished) {
      // Batches still in flight fail when the worker stops: nobody waits for them any more.
      for (const batch of inFlight) batch.catch(() => undefined);
      beforeClose();
      await worker.terminate();
      await removeDatabaseFiles(file);
    }
  }
}
