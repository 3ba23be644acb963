import type { BlockDraft } from './types';

/** One run of text on a page, as a PDF's text layer gives it (PDF units, y upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  /** Font size: the text's height in PDF units. */
  size: number;
  width: number;
}

/** A page's text runs and its height, which says where its top and bottom margins are. */
export interface PdfPageText {
  items: PdfTextItem[];
  height: number;
}

/** A line of text rebuilt from runs sharing a baseline. */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  size: number;
  page: number;
}

/** Groups a page's runs into lines, top to bottom, runs in a line left to right. */
export function pageLines(page: PdfPageText, pageIndex: number): PdfLine[] {
  const items = page.items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: PdfTextItem[]; y: number; size: number }[] = [];
  for (const item of items) {
    const line = lines[lines.length - 1];
    // Runs on one baseline differ by a fraction of the font size (sub- and superscripts, rounding).
    if (line && Math.abs(line.y - item.y) < Math.max(line.size, item.size) * 0.4) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ items: [item], y: item.y, size: item.size });
    }
  }
  return lines.map((line) => {
    const runs = line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const run of runs) {
      // A gap wider than a fifth of the font size is a word space the PDF did not spell out.
      if (text && run.x - end > run.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' ';
      text += run.str;
      end = run.x + run.width;
    }
    return { text: text.replace(/\s+/g, ' ').trim(), x: runs[0]!.x, y: line.y, size: line.size, page: pageIndex };
  });
}

/** Digits vary between pages ("Page 3", dates); ignore them when comparing running lines. */
function runningKey(line: PdfLine): string {
  return `${Math.round(line.y / 4)}|${line.text.replace(/\d+/g, '#').toLowerCase()}`;
}

const PAGE_NUMBER = /^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/**
 * Drops running headers and footers (the same line, digits aside, at the same height
 * on most pages) and bare page numbers, looking only in the top and bottom 12% of a page.
 */
export function dropPageFurniture(pages: PdfLine[][], heights: number[]): PdfLine[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(lines.map(runningKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.6));
  return pages.map((lines, i) => {
    const height = heights[i] ?? 792;
    return lines.filter((line) => {
      // Only the top and bottom bands hold running lines; body text that repeats stays.
      const inMargin = line.y < height * 0.12 || line.y > height * 0.88;
      if (!inMargin) return true;
      if (pages.length >= 2 && (counts.get(runningKey(line)) ?? 0) >= threshold) return false;
      return !PAGE_NUMBER.test(line.text);
    });
  });
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Joins a line onto the paragraph so far: a word broken by a hyphen at the line end is
 * mended ("negoti-" + "ations"), a dash at either side joins without a space, and
 * anything else gets one space.
 */
export function joinLine(paragraph: string, line: string): string {
  if (paragraph === '') return line;
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + line;
  if (/\p{Ll}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  if (/[—–-]$/.test(paragraph) || /^[—–]/.test(line)) return paragraph + line;
  return `${paragraph} ${line}`;
}

const ENDS_SENTENCE = /[.!?:;"”’)]$/;

/**
 * Rebuilds paragraphs and headings from lines. A new block starts where the vertical
 * gap is clearly larger than the usual line spacing, where the font size changes, or
 * where an indented line follows a finished sentence. Across a page break a paragraph
 * carries on unless the last line finished a sentence. Lines in a font clearly larger
 * than the body text are headings, ranked by size.
 */
export function linesToBlockDrafts(lines: PdfLine[]): BlockDraft[] {
  if (lines.length === 0) return [];
  const body = median(lines.flatMap((l) => Array<number>(Math.max(1, Math.round(l.text.length / 10))).fill(l.size)));
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.page === b.page && Math.abs(a.size - body) < 0.5 && Math.abs(b.size - body) < 0.5) gaps.push(a.y - b.y);
  }
  const spacing = median(gaps) || body * 1.2;
  const headingSizes = [...new Set(lines.filter((l) => l.size > body * 1.15).map((l) => Math.round(l.size)))].sort((a, b) => b - a);

  const drafts: BlockDraft[] = [];
  let current: { text: string; size: number; last: PdfLine } | null = null;
  const flush = (): void => {
    if (!current) return;
    const rank = headingSizes.indexOf(Math.round(current.size));
    const isHeading = rank >= 0 && current.text.length <= 200;
    drafts.push(isHeading ? { kind: 'heading', level: Math.min(6, rank + 1), text: current.text } : { kind: 'paragraph', text: current.text });
    current = null;
  };
  for (const line of lines) {
    if (current) {
      const prev: PdfLine = current.last;
      const sizeChanged = Math.abs(line.size - current.size) > Math.max(0.5, body * 0.1);
      const gap = prev.y - line.y;
      // A new page, or the next column (the text goes back up): the paragraph may carry on.
      const jump = line.page !== prev.page || gap < 0;
      // Larger type has proportionally larger leading, so the expected spacing scales with it.
      const bigGap = !jump && gap > spacing * (prev.size / body) * 1.3;
      // A first line indented from the line before (in the same column) after a finished sentence.
      const indented = !jump && line.x > prev.x + body * 0.8 && ENDS_SENTENCE.test(prev.text);
      const pageBreakEnd = jump && ENDS_SENTENCE.test(prev.text) && /^\p{Lu}/u.test(line.text);
      if (sizeChanged || bigGap || indented || pageBreakEnd) flush();
    }
    if (current) {
      current.text = joinLine(current.text, line.text);
      current.last = line;
    } else {
      current = { text: line.text, size: line.size, last: line };
    }
  }
  flush();
  return drafts;
}
