import { cp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotebookFormatError, openNotebook, type NotebookStore } from '../../../../electron/core/store';
import { makeArticle, makeBrief, makeClaim, steppingClock, tempDir } from './fixtures';
import { mulberry32 } from './prng';

const codebook = { actors: [{ id: 'cn', name: 'China', aliases: [], color: null }], issues: [], stances: [], tags: [] };
let root: string;
let pristine: string;
let walOnly: string;
let cleanup: () => Promise<void>;

/** Resolves once `file` (under `dir`) contains every one of `needles`: the background writer ran. */
async function waitForFile(dir: string, file: string, needles: string[]): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const text = await readFile(path.join(dir, ...file.split('/')), 'utf8').catch(() => '');
    if (needles.every((needle) => text.includes(needle))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${file} never got ${needles.join(', ')}`);
}

/**
 * A notebook with a backup, then more work after it; copied while still open so the journal
 * holds lines (close would fold them into library.json). `pristine` is copied once the claim
 * saves reached their shards (the usual state a moment after saving); `walOnly` has the shards
 * from before c4 and c5, which are only in the journal, as after a crash right after saving.
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
  await waitForFile(live, 'articles/a1.json', ['"c4"']);
  await waitForFile(live, 'articles/a2.json', ['"c5"']);
  await cp(live, pristine, { recursive: true, filter: (source) => path.basename(source) !== '.lock' });
  // The shards as they were before c4 and c5 (the backup's copies), with c4 and c5 in the journal.
  walOnly = path.join(root, 'wal-only');
  await cp(pristine, walOnly, { recursive: true });
  const backup = (await readdir(path.join(pristine, 'backups'))).sort().at(-1);
  await rm(path.join(walOnly, 'articles'), { recursive: true });
  await cp(path.join(pristine, 'backups', backup!, 'articles'), path.join(walOnly, 'articles'), { recursive: true });
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
  // For articles/a1.json too: it comes back from the backup (taken before c4 was added) and the
  // journal's record of c4 is replayed over it.
  expect(counts).toEqual({ a1: 3, a2: 2 });
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
          if (file.endsWith('.journal') && how === 'truncated') {
            // A cut-off last record is what a crash leaves of an unacknowledged append: dropped,
            // nothing to report. c5 was in its shard already, and the index is re-read from it.
            expect(store.openReport.recovered).toEqual([]);
            await expectRecoveredContent(store, file);
            return;
          }
          if (file.startsWith('articles/')) await store.getClaims('a1');
          const notes = store.openReport.recovered.filter((note) => note.file === file);
          expect(notes, JSON.stringify(store.openReport)).toHaveLength(1);
          const note = notes[0]!;
          expect(note.problem).toContain(file);
          if (how === 'future version') expect(note.problem).toMatch(/newer Stancebook \(schema 7\)/);
          expect(note.quarantinedAs).toMatch(/^quarantine\//);
          expect(await readFile(path.join(dir, ...note.quarantinedAs!.split('/')))).toEqual(bad);
          expect(note.outcome).toMatch(
            file.startsWith('library')
              ? /rebuilt from the 2 article files/
              : file.startsWith('trash')
                ? /removed from the trash/
                : file.startsWith('codebook')
                  ? /the codebook was rolled back to backup/
                  : /restored from backup/,
          );
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
    // The backup copy holds c3; the journal still holds the save of c5, replayed over it.
    expect((await store.getClaims('a2')).map((c) => c.id)).toEqual(['c3', 'c5']);
    await store.close();
  });

  it('replays claim saves that reached only the journal, and opens cleanly', async () => {
    const dir = path.join(root, 'wal-replay');
    await cp(walOnly, dir, { recursive: true });
    const store = await openNotebook(dir);
    expect(store.openReport.recovered).toEqual([]);
    expect(Object.fromEntries(store.listArticles().map((a) => [a.id, a.claimCount]))).toEqual({ a1: 3, a2: 2 });
    expect((await store.getClaims('a1')).map((c) => c.id)).toEqual(['c1', 'c2', 'c4']);
    // Replay wrote the shards and compacted: the journal is empty, library.json is current.
    expect(await readFile(path.join(dir, 'library.journal'), 'utf8')).toBe('');
    expect(await readFile(path.join(dir, 'articles', 'a2.json'), 'utf8')).toContain('"c5"');
    await store.close();
  });

  it('drops a cut-off record at the end of the journal (an append a crash cut short)', async () => {
    const dir = path.join(root, 'torn-tail');
    await cp(walOnly, dir, { recursive: true });
    const journal = path.join(dir, 'library.journal');
    await writeFile(journal, (await readFile(journal, 'utf8')) + '{"seq":999,"op":"claims","articleId":"a1","rev":99,"put":[{"id":"c9"');
    let store = await openNotebook(dir);
    expect(store.openReport.recovered).toEqual([]);
    expect((await store.getClaims('a1')).map((c) => c.id)).toEqual(['c1', 'c2', 'c4']);
    await store.putClaim(makeClaim('a1', 'c6'));
    await store.close();
    store = await openNotebook(dir);
    expect(store.openReport.recovered).toEqual([]);
    expect(store.listArticles().find((a) => a.id === 'a1')?.claimCount).toBe(4);
    await store.close();
  });

  it('keeps the readable records around a damaged journal line, and rebuilds the index', async () => {
    const dir = path.join(root, 'journal-middle');
    await cp(walOnly, dir, { recursive: true });
    const journal = path.join(dir, 'library.journal');
    const lines = (await readFile(journal, 'utf8')).split('\n');
    const c4 = lines.findIndex((line) => line.includes('"c4"'));
    const bad = 'x'.repeat(40);
    await writeFile(journal, [...lines.slice(0, c4), bad, ...lines.slice(c4 + 1)].join('\n'));
    const store = await openNotebook(dir);
    const note = store.openReport.recovered.find((n) => n.file === 'library.journal');
    expect(note?.problem).toMatch(/library\.journal has 1 unreadable line/);
    expect(note?.outcome).toMatch(
      /rebuilt from the 2 article files after replaying 1 logged claim change\(s\); 1 unreadable journal line\(s\) were lost/,
    );
    expect(await readFile(path.join(dir, ...note!.quarantinedAs!.split('/')), 'utf8')).toContain(bad);
    // c4's record was the damaged line, so only c5 (after it) comes back.
    expect(Object.fromEntries(store.listArticles().map((a) => [a.id, a.claimCount]))).toEqual({ a1: 2, a2: 2 });
    await store.close();
  });
});
