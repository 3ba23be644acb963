import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotebookLockedError, openNotebook } from '../../../../electron/core/store';
import { builtChild } from '../../built-child';
import { startChild } from './child-process';
import { makeArticle, tempDir } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('stancebook-lock-')));
afterEach(() => cleanup());

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(result.stdout.toString());
}

describe('one writer per notebook', () => {
  it('refuses a second process while the first holds the notebook, then takes over once it is killed', async () => {
    const child = startChild(['hold', dir]);
    await child.waitFor((line) => line === 'open');
    const error = await openNotebook(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotebookLockedError);
    const message = (error as Error).message;
    expect(message).toContain(dir);
    expect(message).toContain(`process ${child.process.pid}`);
    expect(message).toMatch(/Switch to that window, or close it there/);
    expect((error as NotebookLockedError).code).toBe('locked');

    child.process.kill('SIGKILL');
    await child.exited;
    const store = await openNotebook(dir);
    const lock = JSON.parse(await readFile(path.join(dir, '.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    await store.putArticle(makeArticle('a1'));
    await store.close();
  }, 30_000);

  it('refuses a second store on the same folder in the same process', async () => {
    const first = await openNotebook(dir, { create: true });
    await expect(openNotebook(dir)).rejects.toBeInstanceOf(NotebookLockedError);
    await first.close();
    const again = await openNotebook(dir);
    await again.close();
  });

  it('takes over a stale lock left by a dead process, also when two openers race for it', async () => {
    await (await openNotebook(dir, { create: true })).close();
    const stale = JSON.stringify({ pid: deadPid(), hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'old' });
    await writeFile(path.join(dir, '.lock'), stale);
    const results = await Promise.allSettled([openNotebook(dir), openNotebook(dir), openNotebook(dir)]);
    const opened = results.filter((r) => r.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(NotebookLockedError);
    await (opened[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof openNotebook>>>).value.close();
  });

  it('treats a lock from another machine as held, and an unreadable lock as stale', async () => {
    await (await openNotebook(dir, { create: true })).close();
    await writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: 1, hostname: 'other-host', startedAt: 'x' }));
    await expect(openNotebook(dir)).rejects.toThrow(/other-host/);
    await writeFile(path.join(dir, '.lock'), '');
    await (await openNotebook(dir)).close();
  });

  it('releases the lock on close and on process exit', async () => {
    const store = await openNotebook(dir, { create: true });
    await store.close();
    await expect(readFile(path.join(dir, '.lock'))).rejects.toThrow();
    const result = spawnSync(process.execPath, [builtChild(path.join(__dirname, 'store-child.ts')), 'open-exit', dir], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    await expect(readFile(path.join(dir, '.lock'))).rejects.toThrow();
  }, 30_000);
});
