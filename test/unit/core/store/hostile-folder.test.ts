import { lstat, mkdir, readdir, readFile, rename, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook, restoreBackup, type NotebookStore } from '../../../../electron/core/store';
import { makeArticle, makeClaim, tempDir } from './fixtures';

let root: string;
let cleanup: () => Promise<void>;
let dir: string;
let outside: string;

/** A closed notebook with two articles and a claim, and a folder beside it holding someone's files. */
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('stancebook-hostile-'));
  dir = path.join(root, 'notebook');
  outside = path.join(root, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'precious.txt'), 'precious\n');
  const store = await openNotebook(dir, { create: true });
  await store.putArticle(makeArticle('a1'));
  await store.putArticle(makeArticle('a2'));
  await store.putClaim(makeClaim('a1', 'c1'));
  await store.close();
});
afterEach(() => cleanup());

async function isLink(file: string): Promise<boolean> {
  return (await lstat(file)).isSymbolicLink();
}

async function reopen(): Promise<NotebookStore> {
  return openNotebook(dir);
}

describe('a hostile notebook folder cannot reach outside itself', () => {
  it('a library.journal link: quarantined, and the file it pointed to is neither written nor truncated', async () => {
    await unlink(path.join(dir, 'library.journal')).catch(() => undefined);
    await symlink(path.join(outside, 'precious.txt'), path.join(dir, 'library.journal'));
    const store = await reopen();
    try {
      await store.putClaim(makeClaim('a2', 'c2'));
      await store.putClaim(makeClaim('a2', 'c3'));
      expect((await store.getClaims('a2')).map((c) => c.id)).toEqual(['c2', 'c3']);
      const note = store.openReport.recovered.find((n) => n.file === 'library.journal');
      expect(note?.problem).toMatch(/is a link to .*precious\.txt/);
      expect(note?.quarantinedAs).toMatch(/^quarantine\//);
      expect(await isLink(path.join(dir, ...note!.quarantinedAs!.split('/')))).toBe(true);
      expect(await isLink(path.join(dir, 'library.journal'))).toBe(false);
    } finally {
      await store.close();
    }
    expect(await readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('precious\n');
  });

  it('an articles/ link: new articles are written inside the notebook, never into the folder it pointed to', async () => {
    await rename(path.join(dir, 'articles'), path.join(outside, 'articles'));
    await symlink(path.join(outside, 'articles'), path.join(dir, 'articles'));
    const before = (await readdir(path.join(outside, 'articles'))).sort();
    const store = await reopen();
    try {
      await store.putArticle(makeArticle('a3'));
      expect(store.openReport.recovered.some((n) => n.file === 'articles' && /is a link/.test(n.problem))).toBe(true);
      expect(await readdir(path.join(dir, 'articles'))).toContain('a3.json');
    } finally {
      await store.close();
    }
    expect((await readdir(path.join(outside, 'articles'))).sort()).toEqual(before);
  });

  it('a shard that is a link to another file is quarantined, not read', async () => {
    await writeFile(path.join(outside, 'other.json'), await readFile(path.join(dir, 'articles', 'a2.json')));
    await unlink(path.join(dir, 'articles', 'a2.json'));
    await symlink(path.join(outside, 'other.json'), path.join(dir, 'articles', 'a2.json'));
    const store = await reopen();
    try {
      expect(store.openReport.recovered.some((n) => n.file === 'articles/a2.json' && /is a link/.test(n.problem))).toBe(true);
      expect(await isLink(path.join(dir, 'articles', 'a2.json')).catch(() => false)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('a .restoring marker naming anything but a listed backup (../../) is quarantined, not acted on', async () => {
    // A folder outside that looks like a backup, reached by ../../ from backups/.
    const decoy = path.join(root, 'decoy');
    await mkdir(path.join(decoy, 'articles'), { recursive: true });
    await writeFile(path.join(decoy, 'notebook.json'), await readFile(path.join(dir, 'notebook.json')));
    await writeFile(path.join(dir, '.restoring'), JSON.stringify({ backup: '../../decoy' }));
    const store = await reopen();
    try {
      expect(
        store
          .listArticles()
          .map((a) => a.id)
          .sort(),
      ).toEqual(['a1', 'a2']);
      const note = store.openReport.recovered.find((n) => n.file === '.restoring');
      expect(note?.problem).toMatch(/names "\.\.\/\.\.\/decoy", which is not a backup/);
      expect(note?.quarantinedAs).toMatch(/^quarantine\//);
    } finally {
      await store.close();
    }
    expect(await readdir(decoy)).toEqual(['articles', 'notebook.json']);
  });

  it('a backup holding links is never restored from', async () => {
    const store = await reopen();
    const name = await store.backup();
    await store.close();
    const shard = path.join(dir, 'backups', name, 'articles', 'a1.json');
    await unlink(shard);
    await symlink(path.join(outside, 'precious.txt'), shard);
    await expect(restoreBackup(dir, name)).rejects.toThrow(/holds links to files outside the notebook \(articles\/a1\.json\)/);
  });
});
