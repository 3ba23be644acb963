import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotebookLockedError, openNotebook, restoreBackup } from '../../../../electron/core/store';
import { makeArticle, makeClaim, steppingClock, tempDir } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('stancebook-backup-')));
afterEach(() => cleanup());

describe('backups', () => {
  it('takes one backup a day at open and keeps the newest keepBackups', async () => {
    let day = Date.parse('2026-03-01T09:00:00Z');
    const options = { now: () => new Date(day), keepBackups: 3 };
    for (let i = 0; i < 5; i++) {
      const store = await openNotebook(dir, { ...options, create: true });
      await store.putArticle(makeArticle(`a${i}`));
      await store.close();
      // A second open the same day takes no backup.
      await (await openNotebook(dir, options)).close();
      day += 24 * 3600 * 1000;
    }
    const names = await readdir(path.join(dir, 'backups'));
    expect(names.sort()).toEqual(['2026-03-03T09-00-00-000Z', '2026-03-04T09-00-00-000Z', '2026-03-05T09-00-00-000Z']);
    // The backup taken when a3 was opened holds a0..a2 but not yet a3.
    expect((await readdir(path.join(dir, 'backups', '2026-03-04T09-00-00-000Z', 'articles'))).sort()).toEqual(['a0.json', 'a1.json', 'a2.json']);
  });

  it('restores a backup after backing up the current state, and refuses while the notebook is open', async () => {
    const now = steppingClock();
    const store = await openNotebook(dir, { create: true, now });
    await store.putArticle(makeArticle('a1'));
    await store.putClaim(makeClaim('a1', 'c1'));
    const name = await store.backup();
    expect(store.listBackups()).toContain(name);
    await store.putClaim(makeClaim('a1', 'c2'));
    await store.putArticle(makeArticle('a2'));
    await expect(restoreBackup(dir, name)).rejects.toBeInstanceOf(NotebookLockedError);
    await store.close();

    const before = await restoreBackup(dir, name, { now });
    expect(before).toMatch(/before-restore$/);
    let reopened = await openNotebook(dir, { now });
    expect(reopened.listArticles().map((a) => [a.id, a.claimCount])).toEqual([['a1', 1]]);
    await reopened.close();

    // Restoring is itself undoable.
    await restoreBackup(dir, before, { now });
    reopened = await openNotebook(dir, { now });
    expect(reopened.listArticles().map((a) => [a.id, a.claimCount])).toEqual([
      ['a1', 2],
      ['a2', 0],
    ]);
    await expect(restoreBackup(dir, 'no-such-backup')).rejects.toThrow(/no backup called/);
    await reopened.close();
  });
});
