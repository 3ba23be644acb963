import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { NOTEBOOK_SCHEMA_VERSION, type NotebookMeta } from '../../../shared/model';
import { hasBackupOn, listBackupNames } from './backups';
import type { DocumentOf, LibraryDoc } from './documents';
import { DurableJsonFile } from './durable-json-file';
import { DocumentProblem } from './errors';
import { ensureDirDurable, readTextIfExists } from './fs-durable';
import { rebuildFromShards, reconcileWithShards, repairLastChange, type RepairContext } from './index-repair';
import { LibraryJournal } from './journal';
import { DIRS, FILES, abs } from './layout';
import { LibraryIndex } from './library-index';
import { NotebookLock } from './lock';
import { FileNotebookStore } from './notebook-store';
import { loadMeta, preflight } from './open-meta';
import { quarantineFile } from './quarantine';
import { Recovery } from './recovery';
import { completePendingRestore } from './restore-backup';
import { restoreDocument } from './restore';
import { ShardStore } from './shard-store';
import { TrashStore } from './trash-store';
import type { NotebookStore, OpenReport, StoreOptions } from './types';

/**
 * Opens (or with `create`, creates) the notebook in `dir`: takes the lock, migrates an older
 * layout, reads every top-level file through the restore path, quarantines and recovers what
 * cannot be read, replays the library journal and repairs what a crash left half-done.
 * Rejects with NotebookLockedError when another process holds the notebook, and with
 * NotebookFormatError (changing nothing) when the folder holds no notebook this version reads.
 * A daily backup is then taken through the write queue, so the first write may wait for it.
 */
export async function openNotebook(dir: string, options: StoreOptions = {}): Promise<NotebookStore> {
  const root = path.resolve(dir);
  const now = options.now ?? (() => new Date());
  const state = await preflight(root, options.create ?? false);
  if (state === 'absent') await mkdir(root, { recursive: true });
  const lock = await NotebookLock.acquire(root, now());
  try {
    return await openLocked(root, options, now, lock, state === 'existing');
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openLocked(dir: string, options: StoreOptions, now: () => Date, lock: NotebookLock, existing: boolean): Promise<FileNotebookStore> {
  const report: OpenReport = { recovered: [], migratedFrom: null };
  const recovery = new Recovery(dir, now, report);
  const keepBackups = Math.max(1, options.keepBackups ?? 10);
  await completePendingRestore(dir);
  const meta: NotebookMeta = await loadMeta(dir, { now, recovery, report, keepBackups, existing, name: options.name });
  await ensureDirDurable(abs(dir, DIRS.articles));
  await ensureDirDurable(abs(dir, DIRS.trash));

  const codebook = await loadDoc<'codebook'>(recovery, dir, 'codebook', FILES.codebook, existing, () => ({
    doc: { schemaVersion: NOTEBOOK_SCHEMA_VERSION, codebook: { actors: [], issues: [], stances: [], tags: [] } },
    outcome: 'no backup holds the codebook; the notebook now has an empty codebook',
  }));
  const briefs = await loadDoc<'briefs'>(recovery, dir, 'briefs', FILES.briefs, existing, () => ({
    doc: { schemaVersion: NOTEBOOK_SCHEMA_VERSION, briefs: [] },
    outcome: 'no backup holds the briefs; the notebook now has no briefs',
  }));

  const shards = new ShardStore(dir);
  const { library, index, journal } = await loadLibrary(dir, recovery, shards, existing);
  const { trash, unreadable } = await TrashStore.load(dir);
  for (const item of unreadable) await recovery.quarantine(item.rel, item.problem, 'the item was removed from the trash');
  // A crash in the middle of a delete or restore can leave an article both live and in the trash.
  for (const entry of trash.list()) if (entry.kind === 'article' && index.has(entry.id)) await trash.remove('article', entry.id);

  const store = new FileNotebookStore({
    dir, meta, report, now, keepBackups, lock,
    compactAfter: Math.max(1, options.journalCompactAfter ?? 2000), codebook, briefs, library, index, journal, shards, trash,
    recoverShard: (id, problem) => recovery.recoverShard(id, problem, index.get(id)?.title ?? id),
  });
  store.backupNames = await listBackupNames(dir);
  if (!(await hasBackupOn(dir, now()))) {
    // Background, through the queue: listArticles is ready now; the first write waits for it.
    store.exclusive(() => store.backupNow()).catch(() => undefined);
  }
  return store;
}

/** Reads one whole-file document into a lowdb instance, recovering it when it cannot be read. */
async function loadDoc<K extends 'codebook' | 'briefs'>(
  recovery: Recovery,
  dir: string,
  kind: K,
  rel: string,
  existing: boolean,
  fallback: () => { doc: DocumentOf<K>; outcome: string },
): Promise<Low<DocumentOf<K>>> {
  const db = new Low<DocumentOf<K>>(new DurableJsonFile(abs(dir, rel), (text) => restoreDocument(kind, text), true), fallback().doc);
  let problem: DocumentProblem | null = null;
  try {
    await db.read();
    if ((await readTextIfExists(abs(dir, rel))) !== null) return db;
  } catch (error) {
    if (!(error instanceof DocumentProblem)) throw error;
    problem = error;
  }
  if (problem || existing) db.data = await recovery.recoverDocument(kind, rel, problem, fallback);
  await db.write();
  return db;
}

/**
 * library.json plus the journal. When either cannot be read (or library.json is missing from an
 * existing notebook) the index is rebuilt from the shards, which are the truth it summarises.
 */
async function loadLibrary(dir: string, recovery: Recovery, shards: ShardStore, existing: boolean) {
  const empty: LibraryDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, journalSeq: 0, articles: [], revs: {} };
  const library = new Low<LibraryDoc>(new DurableJsonFile(abs(dir, FILES.library), (text) => restoreDocument('library', text)), empty);
  let problem: { rel: string; error: DocumentProblem | null } | null = null;
  try {
    await library.read();
    if (existing && (await readTextIfExists(abs(dir, FILES.library))) === null) problem = { rel: FILES.library, error: null };
  } catch (error) {
    if (!(error instanceof DocumentProblem)) throw error;
    problem = { rel: FILES.library, error };
  }
  let opened = await LibraryJournal.open(abs(dir, FILES.journal));
  if (opened.contents.problem && !problem) problem = { rel: FILES.journal, error: opened.contents.problem };
  if (problem) {
    const quarantined = problem.error ? await quarantineFile(dir, problem.rel, new Date()) : null;
    if (problem.rel === FILES.journal) {
      await opened.journal.close();
      opened = await LibraryJournal.open(abs(dir, FILES.journal));
    }
    const index = new LibraryIndex();
    const count = await rebuildFromShards({ dir, index, journal: opened.journal, shards, recovery });
    recovery.note(problem.rel, problem.error, quarantined, `the library index was rebuilt from the ${count} article files`);
    // The journal only makes sense on top of the snapshot it followed: the rebuild replaces both.
    library.data = index.toDoc(NOTEBOOK_SCHEMA_VERSION, opened.journal.lastSeq);
    await library.write();
    await opened.journal.clear();
    return { library, index, journal: opened.journal };
  }
  const index = LibraryIndex.fromDoc(library.data);
  const journal = opened.journal;
  journal.bumpSeq(library.data.journalSeq);
  for (const line of opened.contents.lines) if (line.seq > library.data.journalSeq) index.apply(line);
  const ctx: RepairContext = { dir, index, journal, shards, recovery };
  await repairLastChange(ctx, opened.contents.lines.at(-1));
  await reconcileWithShards(ctx);
  if (!existing) await library.write();
  return { library, index, journal };
}
