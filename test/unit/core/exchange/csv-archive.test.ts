import Papa from 'papaparse';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchive } from '../../../../electron/core/exchange/archive-write';
import { readArchive } from '../../../../electron/core/exchange/archive-read';
import { restoreArchiveInto } from '../../../../electron/core/exchange/archive-restore';
import { CSV_COLUMNS, neutraliseFormula, renderClaimsCsv } from '../../../../electron/core/exchange/csv-export';
import { gatherArticles } from '../../../../electron/core/exchange/gather';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { goldClaims, openTempNotebook, RESOURCES, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';

describe('CSV export', () => {
  let nb: TempNotebook;
  beforeAll(async () => {
    nb = await openTempNotebook();
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({
      articleId: nb.sampleId,
      id: claims[0]!.id,
      patch: { note: '=HYPERLINK("http://evil.example","x"), then "quotes",\nand a line break', tags: ['@risk', 'plain'] },
    });
  });
  afterAll(() => nb.cleanup());

  it('writes one row per claim with the named columns, readable back by a CSV parser', async () => {
    const file = await nb.core.handlers.exportAnnotations({ format: 'csv' });
    expect(file.filename).toMatch(/\.csv$/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(file.content.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(10);
    const quotes = parsed.data.map((row) => row.quote);
    for (const gold of goldClaims()) expect(quotes).toContain(gold.exact);
    const row = parsed.data.find((r) => r.note?.includes('HYPERLINK'))!;
    expect(row.note).toBe('\'=HYPERLINK("http://evil.example","x"), then "quotes",\nand a line break');
    expect(row.tags).toBe("'@risk; plain");
    expect(row.date).toBe('2024-12-21');
    expect(row.actors).toMatch(/United States; China|China/);
  });

  it('writes the same bytes in slices (the event loop turns between them) as in one pass', async () => {
    const articles = await gatherArticles(nb.core.context);
    const codebook = nb.core.store.getCodebook();
    const whole = await renderClaimsCsv(articles, codebook, 1_000_000);
    // Slices of 3 claims end mid-article and put the quoted multi-line note in a later slice.
    expect(await renderClaimsCsv(articles, codebook, 3)).toBe(whole);
    expect(await renderClaimsCsv(articles, codebook, 1)).toBe(whole);
    // One pass as papaparse writes a whole table: header, CRLF between rows, a final CRLF.
    const rows = Papa.parse<string[]>(whole.slice(1), { skipEmptyLines: true }).data;
    expect(whole).toBe(`\uFEFF${Papa.unparse({ fields: rows[0]!, data: rows.slice(1) }, { newline: '\r\n', quotes: false })}\r\n`);
    expect(await renderClaimsCsv([], codebook)).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    // The notebook's export reads summaries and claims, not the texts: the same bytes as from whole articles.
    expect((await nb.core.handlers.exportAnnotations({ format: 'csv' })).content).toBe(whole);
  });

  it('neutralises every formula trigger and leaves other text alone', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(neutraliseFormula('1-2')).toBe('1-2');
  });

  it('exports one article only when asked, and refuses an unknown one', async () => {
    const file = await nb.core.handlers.exportAnnotations({ format: 'csv', articleId: nb.sampleId });
    expect(Papa.parse(file.content.slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(10);
    await expect(nb.core.handlers.exportAnnotations({ format: 'csv', articleId: 'nope' })).rejects.toThrow(/no article/);
  });
});

describe('notebook archive', () => {
  let nb: TempNotebook;
  beforeAll(async () => {
    nb = await openTempNotebook();
    await nb.core.handlers.importText({ text: 'A second article. 🦊 Foxes are said to oppose fences, says the fox.', title: 'Second' });
    await nb.core.store.putBrief({
      id: 'brf_1',
      title: 'Weekly brief',
      doc: { type: 'doc', content: [{ type: 'claimCitation', attrs: { claimId: 'x' } }] },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
    });
  });
  afterAll(() => nb.cleanup());

  it('round trip: every article, claim, codebook entry and brief is identical after restore', async () => {
    const { bytes, manifest } = await buildArchive(nb.core.context);
    expect(manifest.counts).toMatchObject({ articles: 2, claims: 10, briefs: 1 });
    const contents = await readArchive(bytes);
    const target = await openTempNotebook({ sample: false });
    try {
      const counts = await restoreArchiveInto(target.core.store, contents);
      expect(counts).toEqual(manifest.counts);
      const { store: a } = nb.core;
      const { store: b } = target.core;
      expect(b.getCodebook()).toEqual(a.getCodebook());
      expect(b.listBriefs()).toEqual(a.listBriefs());
      const ids = a
        .listArticles()
        .map((s) => s.id)
        .sort();
      expect(
        b
          .listArticles()
          .map((s) => s.id)
          .sort(),
      ).toEqual(ids);
      for (const id of ids) {
        expect(await b.getArticle(id)).toEqual(await a.getArticle(id));
        expect(await b.getClaims(id)).toEqual(await a.getClaims(id));
      }
      // And nothing restores into a notebook that already holds something.
      await expect(restoreArchiveInto(b, contents)).rejects.toThrow(/empty notebook/);
    } finally {
      await target.cleanup();
    }
  });

  it('exportArchive (the app\'s "Archive notebook") gives the same archive as a dated zip file', async () => {
    const file = await nb.core.handlers.exportArchive({});
    expect(file).toMatchObject({
      mimeType: 'application/zip',
      encoding: 'base64',
      filename: expect.stringMatching(/^stancebook-notebook-\d{4}-\d\d-\d\d\.zip$/),
    });
    const contents = await readArchive(new Uint8Array(Buffer.from(file.content, 'base64')));
    expect(contents.manifest.counts).toMatchObject({ articles: 2, claims: 10, briefs: 1 });
  });

  it('refuses a damaged archive before writing anything, saying what is wrong', async () => {
    const { bytes } = await buildArchive(nb.core.context);
    await expect(readArchive(new Uint8Array([1, 2, 3]))).rejects.toThrow(/not a zip file/);
    const zip = await JSZip.loadAsync(bytes);
    zip.remove('articles/000001.json');
    await expect(readArchive(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/articles\/000001.json is missing/);
    const tampered = await JSZip.loadAsync(bytes);
    const manifest = JSON.parse(await tampered.file('manifest.json')!.async('string'));
    manifest.counts.claims = 99;
    tampered.file('manifest.json', JSON.stringify(manifest));
    await expect(readArchive(await tampered.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/promises 99 claims/);
    const newer = await JSZip.loadAsync(bytes);
    newer.file('manifest.json', JSON.stringify({ ...manifest, counts: { ...manifest.counts, claims: 10 }, schemaVersion: 999 }));
    await expect(readArchive(await newer.generateAsync({ type: 'uint8array' }))).rejects.toThrow(/newer version/);
  });

  it('restoreArchive (the app\'s "Restore an archive…") makes a new notebook beside this one, identical, and leaves this one alone', async () => {
    const archive = (await nb.core.handlers.exportArchive({})).content;
    // Shards caught up with the journal first (a backup compacts): no background write lands mid-comparison.
    await nb.core.store.backup();
    const before = snapshotFiles(nb.dir);
    const parent = path.dirname(nb.dir);
    const day = new Date().toISOString().slice(0, 10);

    const first = await nb.core.handlers.restoreArchive({ name: 'backup.zip', dataBase64: archive });
    expect(first).toMatchObject({ dir: path.join(parent, `notebook-restored-${day}`), articles: 2, claims: 10, briefs: 1 });
    const second = await nb.core.handlers.restoreArchive({ name: 'backup.zip', dataBase64: archive });
    expect(second.dir).toBe(path.join(parent, `notebook-restored-${day}-2`));
    // This notebook did not change (bar the lock and the search journal, which are not records).
    const after = snapshotFiles(nb.dir);
    for (const [file, bytes] of before) if (!/lock|search-index/.test(file)) expect(after.get(file), file).toBe(bytes);

    const restored = await openNotebookCore(first.dir, { resourcesDir: RESOURCES });
    try {
      const { store: a } = nb.core;
      const { store: b } = restored;
      expect(b.getCodebook()).toEqual(a.getCodebook());
      expect(b.listBriefs()).toEqual(a.listBriefs());
      for (const summary of a.listArticles()) {
        expect(await b.getArticle(summary.id)).toEqual(await a.getArticle(summary.id));
        expect(await b.getClaims(summary.id)).toEqual(await a.getClaims(summary.id));
      }
      expect(b.listArticles()).toHaveLength(a.listArticles().length);
    } finally {
      await restored.close();
    }

    // A damaged archive is refused before any folder is made.
    const folders = readdirSync(parent).sort();
    await expect(nb.core.handlers.restoreArchive({ name: 'broken.zip', dataBase64: Buffer.from([1, 2, 3]).toString('base64') })).rejects.toThrow(
      /not a zip file/,
    );
    expect(readdirSync(parent).sort()).toEqual(folders);
  });
});
