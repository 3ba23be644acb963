import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentKind, DocumentOf } from './documents';
import { DocumentProblem } from './errors';
import { fsyncDir, isErrno, readTextIfExists, TEMP_MARKER } from './fs-durable';
import { DIRS, FILES, abs } from './layout';
import { fileStamp } from './quarantine';
import { restoreDocument } from './restore';

/** Top-level files a backup holds. The lock, backups and quarantine are never backed up. */
const BACKED_UP_FILES = [FILES.meta, FILES.codebook, FILES.briefs, FILES.library, FILES.journal] as const;
const BACKED_UP_DIRS = [DIRS.articles, DIRS.trash] as const;
const PARTIAL_PREFIX = '.partial-';

/**
 * Copies the notebook's files into `target` (a fresh folder). Files are hard-linked: the store
 * never changes a file in place, it replaces it by rename, so a link keeps the old bytes as
 * they were, at no cost in space or time. The journal is the exception (appended in place),
 * so it is copied. Where links are not possible (FAT, some shares) files are copied.
 */
export async function snapshotInto(from: string, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const name of BACKED_UP_FILES) await cloneFile(path.join(from, name), path.join(target, name), name === FILES.journal);
  for (const sub of BACKED_UP_DIRS) {
    const source = path.join(from, sub);
    const names = await readdir(source).catch((error: unknown) => (isErrno(error, 'ENOENT') ? null : Promise.reject(error)));
    if (names === null) continue;
    await mkdir(path.join(target, sub));
    for (const name of names) {
      if (!name.includes(TEMP_MARKER)) await cloneFile(path.join(source, name), path.join(target, sub, name), false);
    }
    await fsyncDir(path.join(target, sub));
  }
  await fsyncDir(target);
}

async function cloneFile(source: string, target: string, mustCopy: boolean): Promise<void> {
  try {
    if (mustCopy) await copyFile(source, target);
    else await link(source, target);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    if (mustCopy || !(isErrno(error, 'EPERM') || isErrno(error, 'EXDEV') || isErrno(error, 'ENOTSUP'))) throw error;
    await copyFile(source, target);
  }
}

/**
 * Writes a backup into backups/<timestamp>[-label]/ and prunes to the newest `keep`.
 * The snapshot is built under a hidden name and renamed into place, so a backup that is listed
 * is always complete. The caller guarantees no write runs meanwhile.
 */
export async function createBackup(dir: string, now: Date, keep: number, label = ''): Promise<string> {
  const root = abs(dir, DIRS.backups);
  await mkdir(root, { recursive: true });
  let name = `${fileStamp(now)}${label ? `-${label}` : ''}`;
  for (let n = 2; await exists(path.join(root, name)); n++) name = `${fileStamp(now)}${label ? `-${label}` : ''}-${n}`;
  const partial = path.join(root, `${PARTIAL_PREFIX}${name}`);
  await rm(partial, { recursive: true, force: true });
  await snapshotInto(dir, partial);
  await rename(partial, path.join(root, name));
  await fsyncDir(root);
  await pruneBackups(dir, keep);
  return name;
}

/** Backup names, oldest first (names start with an ISO timestamp, so they sort by time). */
export async function listBackupNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(abs(dir, DIRS.backups))).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}

/** Whether a backup was already made on this (UTC) day. */
export async function hasBackupOn(dir: string, now: Date): Promise<boolean> {
  const day = now.toISOString().slice(0, 10);
  return (await listBackupNames(dir)).some((name) => name.startsWith(day));
}

/** Deletes the oldest backups beyond `keep`, and half-written ones a crash left. */
export async function pruneBackups(dir: string, keep: number): Promise<void> {
  const root = abs(dir, DIRS.backups);
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (name.startsWith(PARTIAL_PREFIX)) await rm(path.join(root, name), { recursive: true, force: true });
  }
  const names = await listBackupNames(dir);
  for (const name of names.slice(0, Math.max(0, names.length - Math.max(1, keep)))) {
    await rm(path.join(root, name), { recursive: true, force: true });
  }
}

/** A good copy of one file found in a backup. */
export interface BackupCopy<K extends DocumentKind> {
  backup: string;
  text: string;
  doc: DocumentOf<K>;
}

/** The newest backup holding a readable copy of `rel`, or null. */
export async function findInBackups<K extends DocumentKind>(dir: string, rel: string, kind: K): Promise<BackupCopy<K> | null> {
  for (const backup of (await listBackupNames(dir)).reverse()) {
    try {
      const text = await readTextIfExists(path.join(abs(dir, DIRS.backups), backup, ...rel.split('/')));
      if (text === null) continue;
      return { backup, text, doc: restoreDocument(kind, text) };
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
    }
  }
  return null;
}

/** Links inside a backup (its top and its articles/ and trash/): a backup holding any is never restored from. */
export async function backupLinks(dir: string, backup: string): Promise<string[]> {
  const root = path.join(abs(dir, DIRS.backups), backup);
  const found: string[] = [];
  for (const sub of ['', ...BACKED_UP_DIRS]) {
    const entries = await readdir(path.join(root, sub), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isSymbolicLink()) found.push(sub ? `${sub}/${entry.name}` : entry.name);
  }
  return found;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
