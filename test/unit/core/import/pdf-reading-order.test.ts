// Issue 16: multi-column PDFs in reading order, margin line numbers and running headers out,
// overprinted duplicates and separately drawn accents folded, unsure pages flagged. The PDFs are
// made by make/make-multicolumn.py (LibreOffice); NAME.expected.txt holds their paragraphs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/import';
import { dropOverprints, foldAccents, orderPage } from '../../../../electron/core/import/pdf-reading-order';
import type { PdfTextItem } from '../../../../electron/core/import/pdf-layout';
import { fixtureBytes } from './fixtures';
import { readingOrderRunsKept } from './reading-order-runs';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/import');
const expected = (name: string): string[] =>
  readFileSync(path.join(FIXTURES, `${name}.expected.txt`), 'utf8')
    .trim()
    .split('\n');

describe('multi-column PDFs are read column by column', () => {
  it.each([
    ['two-column', 'Interim rule on export permits'],
    ['three-column', 'Notice of proposed rulemaking on border tariffs'],
  ])('%s.pdf keeps every reading-order 8-word run, without its running header or page numbers', async (name, title) => {
    const doc = await importFile({ name: `${name}.pdf`, bytes: fixtureBytes(`${name}.pdf`) });
    const paragraphs = expected(name).slice(1);
    const runs = readingOrderRunsKept(paragraphs, doc.text);
    expect(runs.total).toBeGreaterThan(1000);
    expect(runs.share).toBe(1);
    expect(doc.meta.title).toBe(title);
    expect(doc.text).not.toMatch(/Federal Register|Page \d/);
    // The title heading left the text (it is the title); paragraphs stay whole across column and
    // page breaks, but for at most one per document.
    expect(doc.text.startsWith(title)).toBe(false);
    expect(doc.blocks.length).toBeGreaterThanOrEqual(paragraphs.length);
    expect(doc.blocks.length).toBeLessThanOrEqual(paragraphs.length + 1);
    expect(doc.notes ?? []).toEqual([]);
  });

  it('a transcript loses its margin line numbers, and says so', async () => {
    const doc = await importFile({ name: 'transcript.pdf', bytes: fixtureBytes('transcript.pdf') });
    expect(readingOrderRunsKept(expected('transcript'), doc.text).share).toBe(1);
    // The generated text has no digits: any digit left is a line number inside a sentence.
    expect(doc.text).not.toMatch(/\d/);
    expect(doc.text).not.toContain('Official transcript');
    expect(doc.notes).toEqual([expect.stringMatching(/^\d+ margin line numbers were left out of the text\.$/)]);
  });
});

const run = (str: string, x: number, y: number, size = 10): PdfTextItem => ({ str, x, y, size, width: str.length * size * 0.5 });

describe('page-level folding and flags', () => {
  it('keeps one copy of text overprinted for fake bold (CJK headline drawn four times)', () => {
    const items = [
      run('人民日报评论', 100, 700),
      run('人民日报评论', 100.3, 700.2),
      run('人民日报评论', 100.6, 700),
      run('人民日报评论', 100.3, 699.8),
      run('正文第一段。', 100, 680),
    ];
    expect(dropOverprints(items)).toMatchObject({ dropped: 3, items: [items[0], items[4]] });
    const page = orderPage({ items, height: 842 }, 0);
    expect(page.lines.map((l) => l.text)).toEqual(['人民日报评论', '正文第一段。']);
    expect(page.duplicatesDropped).toBe(3);
  });

  it('folds accents drawn as separate glyphs onto their letters', () => {
    expect(foldAccents('Ageˆncia Brasil')).toBe('Agência Brasil');
    expect(foldAccents('cafe\u0301 and nai¨ve')).toBe('café and naïve');
    // An accent standing alone, or a caret in a formula, is left as it is.
    expect(foldAccents('x ^ 2 and ´ alone')).toBe('x ^ 2 and ´ alone');
  });

  it('flags a page whose side-by-side text cannot be split into columns (a ragged table)', () => {
    const items: PdfTextItem[] = [];
    for (let row = 0; row < 8; row += 1) {
      const y = 700 - row * 14;
      // Cells whose edges wander from row to row, so no gutter runs the height of the page.
      const shift = (row % 2) * 40;
      items.push(run(`Country ${row}`, 60, y), run(`value ${row}`, 200 + shift, y), run(`note ${row}`, 250 + shift, y));
    }
    const page = orderPage({ items, height: 842 }, 0);
    expect(page.confident).toBe(false);
  });
});
