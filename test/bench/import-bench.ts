/**
 * Import benchmark (issue 16): `node --import tsx --expose-gc test/bench/import-bench.ts [--json]`.
 * Imports, through the import worker as the app does (importFileIsolated), 20 saved news pages,
 * the PDFs and .docx files of the fixtures (plus a generated 2,000-paragraph .docx), and a
 * 1,000-row CSV (on the host thread, as the app does); prints files per second, the slowest
 * file, and the process's peak memory (RSS sampled every 10 ms; the worker lives in the same
 * process). Baselines in the same run: the same pages imported in-process (importFile, no
 * worker), and the share of reading-order 8-word runs the old line-by-line PDF layout kept.
 * Also prints the furniture figures on the labelled pages of test/fixtures/furniture.
 * Targets (issue 16): 20 news pages in under 5 s, no single page over 1 s. Never fails on speed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCsv, importFile, IsolatedImporter } from '../../electron/core/import';
import { readPageTexts } from '../../electron/core/import/pdf';
import { dropPageFurniture, linesToBlockDrafts, pageLines } from '../../electron/core/import/pdf-layout';
import { buildTextBlocks } from '../../electron/core/import/text-blocks';
import { docxOfParagraphs } from '../unit/core/import/hostile-files';
import { furnitureTotals, measureFurniture } from '../unit/core/import/furniture-figures';
import { readingOrderRunsKept } from '../unit/core/import/reading-order-runs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, '../fixtures/import');
const json = process.argv.includes('--json');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

/** 20 distinct saved news pages: the fixture page (masthead, ads, related links, JSON-LD) with its story varied. */
function newsPages(): { name: string; bytes: Uint8Array }[] {
  const page = readFileSync(path.join(FIXTURES, 'us-china-talks-2024.html'), 'utf8');
  return Array.from({ length: 20 }, (_, i) => ({
    name: `page-${String(i + 1).padStart(2, '0')}.html`,
    bytes: new TextEncoder().encode(page.replaceAll('Sullivan', `Sullivan-${i}`).replaceAll('Beijing', `Beijing ${i}`)),
  }));
}

/** A 1,000-row CSV of short articles with an id and a label column. */
function csvRows(): Uint8Array {
  const rows = ['id,headline,body,label'];
  for (let i = 0; i < 1000; i += 1) {
    rows.push(
      `${i},"Headline ${i}","Paragraph one of article ${i}, with a comma.\n\nParagraph two says the talks on item ${i} resumed.",${i % 3 === 0 ? 'agree' : 'discuss'}`,
    );
  }
  return new TextEncoder().encode(rows.join('\n'));
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

interface Timed {
  name: string;
  ms: number;
}

async function timeEach(
  files: { name: string; bytes: Uint8Array }[],
  read: (f: { name: string; bytes: Uint8Array }) => Promise<unknown>,
): Promise<{ totalMs: number; each: Timed[] }> {
  const each: Timed[] = [];
  const start = performance.now();
  for (const file of files) {
    const t = performance.now();
    await read(file);
    each.push({ name: file.name, ms: performance.now() - t });
  }
  return { totalMs: performance.now() - start, each };
}

function summary(label: string, run: { totalMs: number; each: Timed[] }): Record<string, number | string> {
  const slowest = run.each.reduce((a, b) => (b.ms > a.ms ? b : a));
  return {
    [`${label}_files`]: run.each.length,
    [`${label}_total_ms`]: Math.round(run.totalMs),
    [`${label}_files_per_s`]: Number((run.each.length / (run.totalMs / 1000)).toFixed(2)),
    [`${label}_slowest_ms`]: Math.round(slowest.ms),
    [`${label}_slowest_file`]: slowest.name,
  };
}

/** The PDF's text the way the importer read it before issue 16 (baselines joined across the page). */
async function oldLayoutText(bytes: Uint8Array): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const pages = await readPageTexts(doc);
  await doc.destroy();
  return buildTextBlocks(
    linesToBlockDrafts(
      dropPageFurniture(
        pages.map(pageLines),
        pages.map((p) => p.height),
      ).flat(),
    ),
  ).text;
}

const figures: Record<string, number | string> = {};
const importer = new IsolatedImporter();
// Worker start-up (jsdom, Readability, pdf.js load once) is measured on its own, not charged to the first page.
const warm = performance.now();
await importer.importFile({ name: 'warm.txt', bytes: new TextEncoder().encode('Warm-up\nThe worker starts.') });
figures.worker_start_ms = Math.round(performance.now() - warm);

const pages = newsPages();
Object.assign(figures, summary('pages_worker', await timeEach(pages, (f) => importer.importFile(f))));
Object.assign(figures, summary('pages_in_process', await timeEach(pages, (f) => importFile(f))));

const pdfs = ['two-column.pdf', 'three-column.pdf', 'transcript.pdf', 'gettysburg-address.pdf'].map((name) => ({ name, bytes: fixture(name) }));
Object.assign(figures, summary('pdf_worker', await timeEach(pdfs, (f) => importer.importFile(f))));

const docx = [
  { name: 'briefing-note.docx', bytes: fixture('briefing-note.docx') },
  { name: 'generated-2000-paragraphs.docx', bytes: await docxOfParagraphs(2_000, 'A paragraph of a long generated report.') },
];
Object.assign(figures, summary('docx_worker', await timeEach(docx, (f) => importer.importFile(f))));

const csv = csvRows();
const csvStart = performance.now();
const rows = importCsv(csv, { text: 'body', title: 'headline', tags: ['label'] }, 'rows.csv');
figures.csv_rows = rows.length;
figures.csv_ms = Math.round(performance.now() - csvStart);
figures.csv_rows_per_s = Math.round(rows.length / ((performance.now() - csvStart) / 1000));

for (const name of ['two-column', 'three-column', 'transcript']) {
  const paragraphs = readFileSync(path.join(FIXTURES, `${name}.expected.txt`), 'utf8')
    .trim()
    .split('\n');
  const now = await importer.importFile({ name: `${name}.pdf`, bytes: fixture(`${name}.pdf`) });
  const before = await oldLayoutText(fixture(`${name}.pdf`));
  figures[`reading_order_${name}_kept`] = Number(readingOrderRunsKept(paragraphs, now.text).share.toFixed(3));
  figures[`reading_order_${name}_kept_old_layout`] = Number(readingOrderRunsKept(paragraphs, before).share.toFixed(3));
}

// Page furniture on the labelled pages (test/fixtures/furniture): what Readability left, what the
// classifier removed, what it kept, and article paragraphs lost (must be 0).
const furniturePages = measureFurniture();
Object.assign(figures, furnitureTotals(furniturePages, 'tuning'), furnitureTotals(furniturePages, 'held-out'));

clearInterval(sampler);
await importer.close();
figures.peak_rss_mb = Math.round(peakRss / 2 ** 20);

if (json) {
  console.log(JSON.stringify({ import: figures }));
} else {
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(44)} ${value}`);
  console.log(
    `target: 20 news pages < 5000 ms (worker: ${figures.pages_worker_total_ms} ms), no page > 1000 ms (slowest: ${figures.pages_worker_slowest_ms} ms)`,
  );
}
