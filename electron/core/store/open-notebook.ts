import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { isDiskFull } from '../../../shared/api/errors';
import { NOTEBOOK_SCHEMA_VERSION, type NotebookMeta } from '../../../shared/model';
import { hasBackupOn, listBackupNames } from './backups';
import type { DocumentOf, LibraryDoc } from './documents';
import { DurableJsonFile } from './durable-json-file';
import { DocumentProblem } from './errors';
import { ensureDirDurable, readTextIfExists, writeFileAtomic } from './fs-durable';
import { readOrRecoverShard, rebuildFromShards, reconcileWithShards, repairLastChange, setIndexEntry } from './index-repair';
import { LibraryJournal } from './journal';
import { quarantineSymlinks } from './links';
import { DIRS, FILES, abs } from './layout';
import { LibraryIndex } from './library-index';
import { NotebookLock } from './lock';
import { FileNotebookStore } from './notebook-store';
import { loadMeta, preflight } from './open-meta';
import { PendingShards } from './pending-shards';
import { quarantineFile } from './quarantine';
import { Recovery } from './recovery';
import { completePendingRestore } from './restore-backup';
import { claimLinesToReplay, replayClaimLines, type ReplayContext } from './replay';
import { restoreDocument } from './restore';
import { ShardStore } from './shard-store';
import { TrashStore } from './trash-store';
import type { NotebookStore, OpenReport, StoreOptions } from './types';

/** Claim lines carry whole claims: bound the journal by size too, so replay after a crash stays short. */
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

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
  await quarantineSymlinks(dir, recovery, now);
  await completePendingRestore(dir, recovery);
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
  // The trash before the library: replaying logged claim deletes writes trash files.
  const { trash, unreadable } = await TrashStore.load(dir);
  for (const item of unreadable) await recovery.quarantine(item.rel, item.problem, 'the item was removed from the trash');
  const { library, index, journal } = await loadLibrary({ dir, recovery, shards, trash }, existing);
  // A crash in the middle of a delete or restore can leave an article both live and in the trash.
  for (const entry of trash.list()) if (entry.kind === 'article' && index.has(entry.id)) await trash.remove('article', entry.id);

  const store = new FileNotebookStore({
    dir,
    meta,
    report,
    now,
    keepBackups,
    lock,
    compactAfter: Math.max(1, options.journalCompactAfter ?? 2000),
    compactAfterBytes: COMPACT_AFTER_BYTES,
    codebook,
    briefs,
    library,
    index,
    journal,
    shards,
    trash,
    pending: new PendingShards(shards, trash),
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
 * library.json plus the journal (the write-ahead log). The index is the snapshot plus the index
 * lines; logged claim changes are replayed over the shards; then everything is compacted, so
 * the store starts with an empty journal. A cut-off last record is a write a crash cut short
 * (never acknowledged): it is dropped. When library.json or a whole journal line cannot be read
 * (or library.json is missing from an existing notebook) the bad file is quarantined, the
 * readable claim lines are still replayed, and the index is rebuilt from the shards.
 */
const present = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

async function loadLibrary(parts: Omit<ReplayContext, 'index' | 'journal'>, existing: boolean) {
  const { dir, recovery } = parts;
  const empty: LibraryDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, journalSeq: 0, articles: [], revs: {} };
  const library = new Low<LibraryDoc>(new DurableJsonFile(abs(dir, FILES.library), (text) => restoreDocument('library', text)), empty);
  let problem: { rel: string; error: DocumentProblem | null } | null = null;
  try {
    await library.read();
    // A fresh checkout of a notebook shared through Git has no index (it is not committed): it is
    // built from the shards below, as expected, so that is no damage to report.
    const freshCheckout = (await present(path.join(dir, '.git'))) && !(await present(abs(dir, FILES.journal)));
    if (existing && !freshCheckout && (await readTextIfExists(abs(dir, FILES.library))) === null) problem = { rel: FILES.library, error: null };
  } catch (error) {
    if (!(error instanceof DocumentProblem)) throw error;
    problem = { rel: FILES.library, error };
  }
  const opened = await LibraryJournal.open(abs(dir, FILES.journal));
  const contents = opened.contents;
  let journal = opened.journal;
  if (contents.problem && !problem) problem = { rel: FILES.journal, error: contents.problem };
  const afterSeq = problem?.rel === FILES.library ? 0 : library.data.journalSeq;
  journal.bumpSeq(afterSeq);
  if (problem) {
    const quarantined = problem.error ? await quarantineFile(dir, problem.rel, new Date()) : null;
    if (problem.rel === FILES.journal) {
      await journal.close();
      ({ journal } = await LibraryJournal.open(abs(dir, FILES.journal)));
      journal.bumpSeq(Math.max(afterSeq, ...contents.lines.map((line) => line.seq)));
    }
    const index = new LibraryIndex();
    const ctx: ReplayContext = { ...parts, index, journal };
    const replayed = await replayClaimLines(ctx, claimLinesToReplay(contents.lines, afterSeq), false);
    const count = await rebuildFromShards(ctx);
    const lost = problem.rel === FILES.journal ? `; ${contents.badLines} unreadable journal line(s) were lost` : '';
    recovery.note(
      problem.rel,
      problem.error,
      quarantined,
      `the library index was rebuilt from the ${count} article files` +
        (replayed ? ` after replaying ${replayed} logged claim change(s)` : '') +
        lost,
    );
    await writeSnapshot(library, index, journal);
    return { library, index, journal };
  }
  if (contents.torn) {
    // Keep only whole lines, so the next append starts on a line of its own.
    await journal.close();
    await writeFileAtomic(abs(dir, FILES.journal), contents.whole);
    ({ journal } = await LibraryJournal.open(abs(dir, FILES.journal)));
    journal.bumpSeq(afterSeq);
  }
  const index = LibraryIndex.fromDoc(library.data);
  const ctx: ReplayContext = { ...parts, index, journal };
  for (const line of contents.lines) if (line.seq > afterSeq && line.op !== 'claims') index.apply(line);
  const last = contents.lines.at(-1);
  if (last && last.seq > afterSeq && last.op !== 'claims') await repairLastChange(ctx, last);
  await reconcileWithShards(ctx);
  await replayClaimLines(ctx, claimLinesToReplay(contents.lines, afterSeq), true);
  // Damage that cut an acknowledged record (a crash cannot): its article is re-read from its shard.
  if (contents.torn?.id && index.has(contents.torn.id)) await setIndexEntry(ctx, contents.torn.id, await readOrRecoverShard(ctx, contents.torn.id));
  if (journal.lineCount > 0 || !existing) {
    try {
      await writeSnapshot(library, index, journal);
    } catch (error) {
      // On a full disk the notebook still opens (to read and export): the journal keeps its
      // lines and is folded in by a later compaction.
      if (!existing || !isDiskFull(error)) throw error;
    }
  }
  return { library, index, journal };
}

/** Writes library.json from the index, then empties the journal (the shards hold every line). */
async function writeSnapshot(library: Low<LibraryDoc>, index: LibraryIndex, journal: LibraryJournal): Promise<void> {
  library.data = index.toDoc(NOTEBOOK_SCHEMA_VERSION, journal.lastSeq);
  await library.write();
  await journal.clear();
}
