import { rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../shared/api';
import { isoNow, type CoreContext } from '../context';
import { newFolder } from '../exchange/archive-restore';
import { openNotebook } from '../store';
import { snapshotInto } from '../store/backups';
import { DIRS } from '../store/layout';

/** A backup as listed: its folder name, when it was taken (from the name) and its label. */
export interface BackupListing {
  name: string;
  takenAt: string | null;
  label: string;
}

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-(.+))?$/;

/** Reads a backup folder's name (`2026-11-28T10-00-00-000Z-before-restore`) back into its parts. */
export function describeBackup(name: string): BackupListing {
  const match = NAME.exec(name);
  if (!match) return { name, takenAt: null, label: '' };
  const [, day, h, m, s, ms, rest = ''] = match;
  // A second backup in the same millisecond gets "-2": that is a counter, not a label.
  const label = rest.replace(/(^|-)\d+$/, '');
  return { name, takenAt: `${day}T${h}:${m}:${s}.${ms}Z`, label };
}

/** The notebook's backups, newest first. */
export function listBackups(ctx: CoreContext): BackupListing[] {
  return ctx.store.listBackups().slice().reverse().map(describeBackup);
}

/** Takes a backup now (through the store's write queue, so it holds every acknowledged save). */
export async function backupNow(ctx: CoreContext): Promise<{ name: string }> {
  return { name: await ctx.store.backup() };
}

/**
 * Restores a backup as a new notebook in a new folder beside this one
 * (`notebook-backup-2026-11-28`, then `-2`…), for the app, which holds this notebook open and
 * cannot swap its files under itself. The copy is opened once to check it reads; a copy that
 * does not is removed again and the error says why. This notebook is not touched.
 */
export async function restoreBackupBeside(ctx: CoreContext, name: string): Promise<{ dir: string }> {
  if (!ctx.store.listBackups().includes(name)) {
    throw new UserError('not-found', `There is no backup called "${name}" in this notebook. The list of backups shows the ones there are.`);
  }
  const here = ctx.store.dir;
  const dir = await newFolder(path.dirname(here), `${path.basename(here)}-backup-${name.slice(0, 10) || isoNow(ctx).slice(0, 10)}`);
  try {
    await snapshotInto(path.join(here, DIRS.backups, name), dir);
    const store = await openNotebook(dir, { now: ctx.now });
    await store.close();
    return { dir };
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    if (error instanceof UserError) throw error;
    throw new UserError(
      'internal',
      `Backup "${name}" could not be restored beside this notebook (${(error as Error).message}). With the app closed, "stancebook backups restore ${name}" restores it in place.`,
    );
  }
}
