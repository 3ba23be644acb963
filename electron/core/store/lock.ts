import { randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NotebookLockedError, type LockHolder } from './errors';
import { fsyncDir, isErrno } from './fs-durable';
import { FILES } from './layout';

interface LockContent extends LockHolder {
  token: string;
}

/**
 * One writer per notebook, across processes. `.lock` holds {pid, hostname, startedAt, token}.
 * It is created complete and atomically (written to a temp file, then hard-linked into place,
 * which fails if the lock exists), so a reader never sees a half-written lock.
 * A lock whose process is dead (same host) is stale and taken over under a short-lived
 * `.lock.takeover` mutex, so two processes finding the same stale lock cannot both win.
 * A lock from another host (a shared folder) is never taken over automatically.
 */
export class NotebookLock {
  private released = false;
  private readonly onExit = (): void => this.releaseSync();

  private constructor(
    private readonly file: string,
    private readonly token: string,
  ) {
    process.once('exit', this.onExit);
  }

  static async acquire(dir: string, now: Date): Promise<NotebookLock> {
    const file = path.join(dir, FILES.lock);
    const mine: LockContent = { pid: process.pid, hostname: os.hostname(), startedAt: now.toISOString(), token: randomUUID() };
    const text = JSON.stringify(mine);
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await createExclusive(file, text)) return new NotebookLock(file, mine.token);
      const seen = await readLock(file);
      if (seen === 'missing') continue;
      if (seen.holder && isHeld(seen.holder)) throw new NotebookLockedError(dir, seen.holder, file);
      if (await takeOver(file, seen.raw, text)) return new NotebookLock(file, mine.token);
      await delay(20);
    }
    throw new Error(`Could not take the lock on ${dir}: it keeps changing hands.`);
  }

  /** Removes the lock if it is still ours. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    process.removeListener('exit', this.onExit);
    const seen = await readLock(this.file);
    if (seen !== 'missing' && seen.token === this.token) {
      await unlink(this.file).catch(() => undefined);
      await fsyncDir(path.dirname(this.file)).catch(() => undefined);
    }
  }

  /** On process exit nothing asynchronous runs, so this one is synchronous. */
  private releaseSync(): void {
    if (this.released) return;
    this.released = true;
    try {
      const content = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<LockContent>;
      if (content.token === this.token) unlinkSync(this.file);
    } catch {
      // Exiting anyway: a lock left behind is stale and will be taken over.
    }
  }
}

/** Creates `file` with `text` only if it does not exist; false when it does. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const temp = await writeSyncedTemp(file, text);
  try {
    await link(temp, file);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    // Filesystems without hard links (FAT, some shares): O_EXCL instead.
    if (!isErrno(error, 'EPERM') && !isErrno(error, 'ENOTSUP') && !isErrno(error, 'ENOSYS')) throw error;
    return createWithExcl(file, text);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  await fsyncDir(path.dirname(file));
  return true;
}

async function createWithExcl(file: string, text: string): Promise<boolean> {
  try {
    await writeSynced(file, 'wx', text);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
}

/** Writes `text` to `file` (opened with `flags`) and syncs it to disk before closing. */
async function writeSynced(file: string, flags: 'w' | 'wx', text: string): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text`, synced, to a temporary file of this process beside `file`; returns its path. */
async function writeSyncedTemp(file: string, text: string): Promise<string> {
  const temp = `${file}.${process.pid}-${randomUUID()}.tmp`;
  await writeSynced(temp, 'w', text);
  return temp;
}

type SeenLock = 'missing' | { raw: string; holder: LockHolder | null; token: string | null };

async function readLock(file: string): Promise<SeenLock> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return 'missing';
    throw error;
  }
  try {
    const content = JSON.parse(raw) as Partial<LockContent>;
    if (typeof content.pid === 'number' && typeof content.hostname === 'string') {
      return {
        raw,
        holder: { pid: content.pid, hostname: content.hostname, startedAt: String(content.startedAt ?? 'unknown') },
        token: typeof content.token === 'string' ? content.token : null,
      };
    }
  } catch {
    // An unreadable lock cannot name a live holder: treat it as stale.
  }
  return { raw, holder: null, token: null };
}

/** Whether the holder may still be running. Other hosts cannot be checked, so they count as held. */
function isHeld(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return !isErrno(error, 'ESRCH');
  }
}

/** Replaces a stale lock with ours, under the takeover mutex; false if someone else got there first. */
async function takeOver(file: string, staleRaw: string, text: string): Promise<boolean> {
  const mutex = `${file}.takeover`;
  if (!(await createExclusive(mutex, text))) {
    const other = await readLock(mutex);
    if (other !== 'missing' && (!other.holder || !isHeld(other.holder))) await unlink(mutex).catch(() => undefined);
    return false;
  }
  try {
    const again = await readLock(file);
    if (again === 'missing' || again.raw !== staleRaw) return false;
    await rename(await writeSyncedTemp(file, text), file);
    await fsyncDir(path.dirname(file));
    return true;
  } finally {
    await unlink(mutex).catch(() => undefined);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
