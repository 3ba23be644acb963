import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookFormatError, openNotebook, type NotebookStore } from '../../../../electron/core/store';
import { makeArticle, makeBrief, makeClaim, steppingClock, tempDir } from './fixtures';
import { mulberry32 } from './prng';

const codebook = { actors: [{ id: 'cn', name: 'China', aliases: [], color: null }], issues: [], stances: [], tags: [] };
let root: string;
let pristine: string;
let cleanup: () => Promise<void>;

/**
 * A notebook with a backup, then more work after it; copied while still open so the journal
 * holds lines (close would fold them into library.json).
 */
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('stancebook-corrupt-'));
  const live = path.join(root, 'live');
  pristine = path.join(root, 'pristine');
  const store = await openNotebook(live, { create: true, now: steppingClock() });
  await store.putCodebook(codebook);
  await store.putArticle(makeArticle('a1'));
  await store.putArticle(makeArticle('a2'));
  await store.putClaims('a1', [makeClaim('a1', 'c1'), makeClaim('a1', 'c2')]);
  await store.putClaim(makeClaim('a2', 'c3'));
  await store.putBrief(makeBrief('b1'));
  await store.putBrief(makeBrief('b2'));
  await store.deleteBrief('b2');
  await store.backup();
  await store.putClaim(makeClaim('a1', 'c4'));
  await store.putClaim(makeClaim('a2', 'c5'));
  await cp(live, pristine, { recursive: true, filter: (source) => path.basename(source) !== '.lock' });
  await store.close();
});
afterAll(() => cleanup());

type Corruption = 'truncated' | 'garbage' | 'wrong schema' | 'future version';
const CORRUPTIONS: Corruption[] = ['truncated', 'garbage', 'wrong schema', 'future version'];
const FILES = ['notebook.json', 'codebook.json', 'briefs.json', 'library.json', 'library.journal', 'articles/a1.json', 'trash/brief-b2.json'];

function corrupt(original: Buffer, how: Corruption, file: string): Buffer {
  const random = mulberry32(original.length);
  switch (how) {
    case 'truncated':
      // The journal is cut inside its last line: a cut exactly between lines cannot be seen.
      return original.subarray(0, file.endsWith('.journal') ? original.length - 10 : Math.floor(original.length / 2));
    case 'garbage':
      return Buffer.from(Array.from({ length: 300 }, () => Math.floor(random() * 256)));
    case 'wrong schema':
      return Buffer.from(file.endsWith('.journal') ? '{"seq":1,"op":"zap"}\n' : JSON.stringify({ schemaVersion: 1, something: true }));
    case 'future version':
      return Buffer.from(JSON.stringify({ ...JSON.parse(original.toString()), schemaVersion: 7 }));
  }
}

/** Every file under `dir` with its bytes, to prove a refused open changed nothing. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    const full = path.join(dir, entry);
    if ((await stat(full)).isFile()) files.set(entry, (await readFile(full)).toString('base64'));
  }
  return files;
}

/** What the notebook should hold after recovering each file. */
async function expectRecoveredContent(store: NotebookStore, file: string): Promise<void> {
  const counts = Object.fromEntries(store.listArticles().map((a) => [a.id, a.claimCount]));
  if (file === 'articles/a1.json') {
    // Back from the backup, which was taken before c4 was added.
    expect(counts).toEqual({ a1: 2, a2: 2 });
  } else {
    expect(counts).toEqual({ a1: 3, a2: 2 });
  }
  expect(store.getCodebook()).toEqual(codebook);
  expect(store.listBriefs().map((b) => b.id)).toEqual(['b1']);
  expect(store.meta.format).toBe('stancebook');
  expect(store.listTrash().map((e) => e.id)).toEqual(file.startsWith('trash/') ? [] : ['b2']);
}

describe('damaged files', () => {
  let n = 0;
  for (const file of FILES) {
    for (const how of CORRUPTIONS) {
      if (file.endsWith('.journal') && how === 'future version') continue; // journal lines carry no version
      it(`${file}: ${how}`, async () => {
        const dir = path.join(root, `case-${++n}`);
        await cp(pristine, dir, { recursive: true });
        const target = path.join(dir, ...file.split('/'));
        const bad = corrupt(await readFile(target), how, file);
        await writeFile(target, bad);

        if (file === 'notebook.json' && how === 'future version') {
          const before = await snapshot(dir);
          const error = await openNotebook(dir).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(NotebookFormatError);
          expect((error as Error).message).toMatch(/made by a newer Stancebook \(schema 7\); this version reads up to 1\. Update Stancebook/);
          expect(await snapshot(dir)).toEqual(before);
          return;
        }

        const store = await openNotebook(dir);
        try {
          if (file.startsWith('articles/')) await store.getClaims('a1');
          const notes = store.openReport.recovered.filter((note) => note.file === file);
          expect(notes, JSON.stringify(store.openReport)).toHaveLength(1);
          const note = notes[0]!;
          expect(note.problem).toContain(file);
          if (how === 'future version') expect(note.problem).toMatch(/newer Stancebook \(schema 7\)/);
          expect(note.quarantinedAs).toMatch(/^quarantine\//);
          expect(await readFile(path.join(dir, ...note.quarantinedAs!.split('/')))).toEqual(bad);
          expect(note.outcome).toMatch(file.startsWith('library') ? /rebuilt from the 2 article files/ : file.startsWith('trash') ? /removed from the trash/ : /restored from backup/);
          await expectRecoveredContent(store, file);
        } finally {
          await store.close();
        }
        // Once recovered, the notebook opens cleanly.
        const again = await openNotebook(dir);
        expect(again.openReport.recovered).toEqual([]);
        await again.close();
        await rm(dir, { recursive: true, force: true });
      });
    }
  }

  it('recovers a missing shard from the backup and says so', async () => {
    const dir = path.join(root, 'missing-shard');
    await cp(pristine, dir, { recursive: true });
    await rm(path.join(dir, 'articles', 'a2.json'));
    const store = await openNotebook(dir);
    expect(store.openReport.recovered).toEqual([
      expect.objectContaining({ file: 'articles/a2.json', problem: 'articles/a2.json is missing', quarantinedAs: null }),
    ]);
    expect((await store.getClaims('a2')).map((c) => c.id)).toEqual(['c3']);
    await store.close();
  });
});
