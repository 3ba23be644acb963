import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DocumentProblem } from './errors';

let tempCounter = 0;

/**
 * A fault the tests inject into the store's writes (the disk-full tests): called with the file
 * about to be written; an error it returns is thrown as if the write itself had failed.
 */
let writeFault: ((file: string) => NodeJS.ErrnoException | null) | null = null;

/** Injects (or with null, removes) a write fault; for tests only. */
export function injectWriteFault(fault: ((file: string) => NodeJS.ErrnoException | null) | null): void {
  writeFault = fault;
}

/** Throws the injected fault for `file`, if any: called by every store write before it writes. */
export function checkWriteFault(file: string): void {
  const error = writeFault?.(file);
  if (error) throw error;
}

/** Suffix every temp file carries, so a crashed write's leftovers can be recognised and removed. */
export const TEMP_MARKER = '.tmp-';

/**
 * Fsyncs a directory so that a rename or unlink inside it survives power loss.
 * Windows cannot open directories for sync; there NTFS journals the rename itself.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` with `data` so that a reader (or a crash) sees either the old bytes or the new,
 * never a mix: temp file in the same folder, fsync, rename over, fsync the folder.
 * Resolves only once the new content is durable.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}${TEMP_MARKER}${process.pid}-${++tempCounter}`;
  try {
    const handle = await openFresh(temp);
    try {
      checkWriteFault(file);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(path.dirname(file));
}

/**
 * Creates `file` for writing, refusing to open anything already there (O_EXCL), so a link
 * planted under a temp name is never written through. A leftover under the same name (a crashed
 * write of a process with the same pid) is removed first: unlink removes a link, not its target.
 */
async function openFresh(file: string) {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL;
  try {
    return await open(file, flags);
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    await unlink(file);
    return open(file, flags);
  }
}

/**
 * Reads a file as UTF-8, or returns null when it does not exist. Never through a link
 * (O_NOFOLLOW): a link where a store file belongs is a DocumentProblem, so the caller
 * quarantines it (the link itself) and recovers as for any unreadable file.
 */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, { encoding: 'utf8', flag: constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) });
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    if (isErrno(error, 'ELOOP')) throw new DocumentProblem('is a link to a file elsewhere; a notebook never follows links out of its folder');
    throw error;
  }
}

/** Creates a folder (and its parents) and makes its entry durable in the parent. */
export async function ensureDirDurable(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true });
  if (created !== undefined) await fsyncDir(path.dirname(dir));
}

/** Renames durably: both folders are fsynced, so the move survives a crash. */
export async function renameDurable(from: string, to: string): Promise<void> {
  await rename(from, to);
  await fsyncDir(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) await fsyncDir(path.dirname(from));
}

/** True when `error` is a Node system error with the given code. */
export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}
