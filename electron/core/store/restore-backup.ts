import { rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../shared/api/errors';
import { backupLinks, createBackup, listBackupNames, pruneBackups, snapshotInto } from './backups';
import { DocumentProblem } from './errors';
import { fsyncDir, readTextIfExists, writeFileAtomic } from './fs-durable';
import { DIRS, FILES, abs } from './layout';
import { NotebookLock } from './lock';
import { quarantineFile } from './quarantine';
import type { Recovery } from './recovery';
import { restoreDocument } from './restore';
import { INDEX_FILE_NAMES } from '../search/index-schema';

/** Marks a restore in progress; open finishes it, so a crash never leaves a half-restored notebook. */
const MARKER = '.restoring';
const STAGING = '.restore-staging';
const TOP_FILES = [FILES.meta, FILES.codebook, FILES.briefs, FILES.library, FILES.journal];
const SUB_DIRS = [DIRS.articles, DIRS.trash];

/**
 * Puts the notebook back to a backup. The notebook must not be open (the lock is taken);
 * its current state is first saved as a backup labelled "before-restore", so a restore can
 * itself be undone. Resolves once the restored notebook is durable; open it afterwards.
 */
export async function restoreBackup(dir: string, backupName: string, options: { now?: () => Date; keepBackups?: number } = {}): Promise<string> {
  const root = path.resolve(dir);
  const now = options.now ?? (() => new Date());
  if (!(await listBackupNames(root)).includes(backupName)) {
    throw new UserError('not-found', `There is no backup called "${backupName}" in ${root}.`);
  }
  const links = await backupLinks(root, backupName);
  if (links.length) {
    throw new UserError(
      'conflict',
      `Backup "${backupName}" cannot be restored: it holds links to files outside the notebook (${links.slice(0, 3).join(', ')}). Stancebook never makes these; the folder was changed by hand or by another program.`,
    );
  }
  const lock = await NotebookLock.acquire(root, now());
  try {
    await completePendingRestore(root);
    const metaText = await readTextIfExists(path.join(root, DIRS.backups, backupName, FILES.meta));
    try {
      restoreDocument('meta', metaText ?? '');
    } catch (error) {
      if (error instanceof DocumentProblem)
        throw new UserError('conflict', `Backup "${backupName}" cannot be restored: its notebook.json ${error.problem}.`);
      throw error;
    }
    const before = await createBackup(root, now(), Number.MAX_SAFE_INTEGER, 'before-restore');
    await writeFileAtomic(path.join(root, MARKER), JSON.stringify({ backup: backupName }));
    await applyRestore(root, backupName);
    // The search index and the claims digest (caches) describe the notebook before the restore: rebuilt when next used.
    for (const cache of [...INDEX_FILE_NAMES, 'claims-digest.json']) await rm(path.join(root, cache), { force: true });
    await unlink(path.join(root, MARKER));
    await fsyncDir(root);
    await pruneBackups(root, Math.max(options.keepBackups ?? 10, 2));
    return before;
  } finally {
    await lock.release();
  }
}

/**
 * Finishes a restore a crash interrupted (called by open and restore, under the lock). The
 * marker may only name a backup listed in backups/: a marker naming anything else (`../../`, a
 * path, a backup that is gone) is not acted on but moved into quarantine, with a recovery note
 * when open passes its Recovery.
 */
export async function completePendingRestore(dir: string, recovery?: Recovery): Promise<void> {
  const text = await readTextIfExists(path.join(dir, MARKER));
  if (text === null) return;
  let backup: unknown;
  try {
    backup = (JSON.parse(text) as { backup?: unknown } | null)?.backup;
  } catch {
    backup = null;
  }
  const listed = typeof backup === 'string' && (await listBackupNames(dir)).includes(backup);
  const links = listed ? await backupLinks(dir, backup as string) : [];
  if (typeof backup !== 'string' || !listed || links.length) {
    const problem = new DocumentProblem(
      typeof backup !== 'string'
        ? 'names no backup'
        : !listed
          ? `names "${backup}", which is not a backup in backups/`
          : `names backup "${backup}", which holds links to files outside the notebook`,
    );
    if (recovery) await recovery.quarantine(MARKER, problem, 'the unfinished restore it asked for was not done; the notebook opens as it is');
    else await quarantineFile(dir, MARKER, new Date());
    return;
  }
  await applyRestore(dir, backup as string);
  await unlink(path.join(dir, MARKER));
  await fsyncDir(dir);
}

/** Swaps the backup's files in. Idempotent, so it can simply be run again after a crash. */
async function applyRestore(dir: string, backup: string): Promise<void> {
  const staging = path.join(dir, STAGING);
  await rm(staging, { recursive: true, force: true });
  await snapshotInto(path.join(dir, DIRS.backups, backup), staging);
  for (const name of TOP_FILES) {
    if (await present(path.join(staging, name))) await rename(path.join(staging, name), path.join(dir, name));
    else await rm(path.join(dir, name), { force: true });
  }
  for (const sub of SUB_DIRS) {
    const old = path.join(dir, `.restore-old-${sub}`);
    await rm(old, { recursive: true, force: true });
    if (await present(abs(dir, sub))) await rename(abs(dir, sub), old);
    if (await present(path.join(staging, sub))) await rename(path.join(staging, sub), abs(dir, sub));
    await rm(old, { recursive: true, force: true });
  }
  await fsyncDir(dir);
  await rm(staging, { recursive: true, force: true });
}

async function present(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
