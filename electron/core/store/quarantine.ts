import { lstat } from 'node:fs/promises';
import { DIRS, abs } from './layout';
import { ensureDirDurable, isErrno, renameDurable } from './fs-durable';

/** A timestamp usable in file names on every platform (no ":"). */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves a file the store could not read into quarantine/, byte for byte (a rename, so the
 * original is never rewritten), and returns where it went, relative to the notebook folder.
 * Returns null when the file does not exist.
 */
export async function quarantineFile(dir: string, rel: string, now: Date): Promise<string | null> {
  try {
    await lstat(abs(dir, rel)); // a link is moved itself, never what it points to
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  await ensureDirDurable(abs(dir, DIRS.quarantine));
  const base = `${DIRS.quarantine}/${fileStamp(now)}-${rel.replace(/\//g, '__')}`;
  let target = base;
  for (let n = 2; await exists(abs(dir, target)); n++) target = `${base}.${n}`;
  await renameDurable(abs(dir, rel), abs(dir, target));
  return target;
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}
