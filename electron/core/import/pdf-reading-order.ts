import type { PdfLine, PdfPageText, PdfTextItem } from './pdf-layout';

/**
 * Reading order for PDF pages laid out in columns (issue 16: a three-column Federal Register
 * notice was stored with its columns merged line by line). From pdf.js's text positions:
 *
 * 1. overprinted duplicates (fake bold: the same string drawn 2-4 times a hair apart) are dropped;
 * 2. runs on one baseline are joined into segments, split where a gap is wider than a gutter;
 * 3. margin line numbers (a vertical run of bare numbers left or right of the text) are dropped;
 * 4. the segments are ordered by a recursive XY-cut: a vertical gutter (an x band that almost no
 *    segment crosses, with text on both sides) splits the region into columns read left to right;
 *    segments that do cross it (a title, a full-width figure caption) split the region into bands
 *    read top to bottom, each band's columns in turn;
 * 5. spacing accents drawn as separate glyphs after their letter (`Ageˆncia`) become combining
 *    marks, and the text is NFC-normalised (`Agência`).
 *
 * A region where many baselines still hold several segments far apart after the cut (a table, or
 * columns too ragged to separate) cannot be ordered with confidence: its page is reported.
 */

/** A run of text on one baseline, within one column. */
interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface OrderedPage {
  lines: PdfLine[];
  /** False when part of the page could not be ordered with confidence. */
  confident: boolean;
  /** Margin line numbers dropped. */
  lineNumbersDropped: number;
  /** Overprinted duplicate runs dropped. */
  duplicatesDropped: number;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Drops runs drawn again on top of themselves (same text, offset by under a third of the font size). */
export function dropOverprints(items: readonly PdfTextItem[]): { items: PdfTextItem[]; dropped: number } {
  const kept: PdfTextItem[] = [];
  const seen = new Map<string, PdfTextItem[]>();
  let dropped = 0;
  for (const item of items) {
    if (item.str.trim() === '') {
      kept.push(item);
      continue;
    }
    const near = seen.get(item.str) ?? [];
    const tolerance = Math.max(0.5, item.size * 0.3);
    if (near.some((o) => Math.abs(o.x - item.x) < tolerance && Math.abs(o.y - item.y) < tolerance)) {
      dropped += 1;
      continue;
    }
    near.push(item);
    seen.set(item.str, near);
    kept.push(item);
  }
  return { items: kept, dropped };
}

/** Spacing accents (as PDFs draw them, separately) and the combining marks they stand for. */
const SPACING_TO_COMBINING: Record<string, string> = {
  '\u02C6': '\u0302',
  '^': '\u0302',
  '\u02DC': '\u0303',
  '\u00B4': '\u0301',
  '\u02CA': '\u0301',
  '`': '\u0300',
  '\u02CB': '\u0300',
  '\u00A8': '\u0308',
  '\u02C7': '\u030C',
  '\u00B8': '\u0327',
  '\u02DA': '\u030A',
  '\u02D8': '\u0306',
  '\u02DD': '\u030B',
  '\u02DB': '\u0328',
  '\u00AF': '\u0304',
};
const SPACING_ACCENT = /(\p{L})([\u02C6\u02DC\u00B4\u02CA\u02CB\u00A8\u02C7\u00B8\u02DA\u02D8\u02DD\u02DB\u00AF])(?=\p{L}|\s|$|[.,;:!?)])/gu;

/**
 * Folds accents drawn as separate glyphs onto their letter and NFC-normalises:
 * `Ageˆncia` → `Agência`, `e\u0301` → `é`. Only accents right after a letter are folded.
 */
export function foldAccents(text: string): string {
  return text.replace(SPACING_ACCENT, (_m, letter: string, accent: string) => letter + SPACING_TO_COMBINING[accent]!).normalize('NFC');
}

/** Groups runs into baseline lines, then splits each line where a gap is a gutter, not a word space. */
function segmentsOf(items: readonly PdfTextItem[], gutter: number): Segment[] {
  // Space runs are kept for now: a PDF writer spells out the spaces between words (justified
  // text widens them past a gutter's width), never one across a column gutter.
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: PdfTextItem[]; y: number; size: number }[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (item.str.trim() === '' && !line) continue;
    if (line && Math.abs(line.y - item.y) < Math.max(line.size, item.size) * 0.4) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else {
      lines.push({ items: [item], y: item.y, size: item.size });
    }
  }
  const segments: Segment[] = [];
  for (const line of lines) {
    const runs = line.items.sort((a, b) => a.x - b.x);
    let current: Segment | null = null;
    let spaceEnd = -Infinity;
    for (const run of runs) {
      if (run.str.trim() === '') {
        spaceEnd = run.x + run.width;
        continue;
      }
      // A space run reaching this run is a word space; a trailing one at a column's end is not.
      const spaced = current !== null && spaceEnd > current.x1 - 0.5 && run.x - spaceEnd < run.size * 0.5;
      spaceEnd = -Infinity;
      const gap = current ? run.x - current.x1 : 0;
      if (current && !spaced && gap > Math.max(gutter, run.size * 1.0)) {
        segments.push(current);
        current = null;
      }
      const wordSpace = spaced;
      if (!current) {
        current = { text: run.str, x0: run.x, x1: run.x + run.width, y: line.y, size: line.size };
        continue;
      }
      // A gap wider than a fifth of the font size is a word space the PDF did not spell out.
      if ((wordSpace || gap > run.size * 0.2) && !/\s$/.test(current.text) && !/^\s/.test(run.str)) current.text += ' ';
      current.text += run.str;
      current.x1 = Math.max(current.x1, run.x + run.width);
    }
    if (current) segments.push(current);
  }
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text !== '');
}

const LINE_NUMBER = /^\d{1,3}$/;

/**
 * Drops margin line numbering (court transcripts, bills): at least five bare numbers of up to
 * three digits, aligned with each other, entirely left (or right) of the page's other text.
 */
function dropLineNumbers(segments: Segment[]): { segments: Segment[]; dropped: number } {
  const numbers = segments.filter((s) => LINE_NUMBER.test(s.text));
  const text = segments.filter((s) => !LINE_NUMBER.test(s.text));
  if (numbers.length < 5 || text.length === 0) return { segments, dropped: 0 };
  const textLeft = Math.min(...text.map((s) => s.x0));
  const textRight = Math.max(...text.map((s) => s.x1));
  const inMargin = numbers.filter((s) => s.x1 <= textLeft + 0.5 || s.x0 >= textRight - 0.5);
  if (inMargin.length < 5) return { segments, dropped: 0 };
  const drop = new Set(inMargin);
  return { segments: segments.filter((s) => !drop.has(s)), dropped: drop.size };
}

/** The widest x band (at least `minWidth`) crossed by at most `allowed` segments, with text on both sides; null if none. */
function findGutter(segments: readonly Segment[], minWidth: number, allowed: number): { x0: number; x1: number } | null {
  const left = Math.floor(Math.min(...segments.map((s) => s.x0)));
  const right = Math.ceil(Math.max(...segments.map((s) => s.x1)));
  const width = right - left;
  if (width <= minWidth * 2) return null;
  const coverage = new Int32Array(width + 1);
  for (const s of segments) {
    // A difference array: +1 where a segment starts, -1 after it ends.
    coverage[Math.max(0, Math.floor(s.x0) - left)]! += 1;
    const end = Math.min(width, Math.ceil(s.x1) - left);
    if (end < width) coverage[end]! -= 1;
  }
  let best: { x0: number; x1: number } | null = null;
  let run = 0;
  let start = -1;
  for (let i = 0, level = 0; i <= width; i += 1) {
    level += coverage[i]!;
    if (level <= allowed && i < width) {
      if (start < 0) start = i;
      run = i - start + 1;
      continue;
    }
    if (start >= 0 && run >= minWidth && start > 0) {
      const band = { x0: left + start, x1: left + start + run };
      const before = segments.filter((s) => s.x1 <= band.x0 + 1).length;
      const after = segments.filter((s) => s.x0 >= band.x1 - 1).length;
      if (before >= 2 && after >= 2 && (!best || run > best.x1 - best.x0)) best = band;
    }
    start = -1;
    run = 0;
  }
  return best;
}

function topDown(a: Segment, b: Segment): number {
  return b.y - a.y || a.x0 - b.x0;
}

interface CutResult {
  order: Segment[];
  confident: boolean;
}

/** Is a leaf region still holding columns side by side (several far-apart segments per baseline)? */
function looksUnordered(segments: readonly Segment[], gutter: number): boolean {
  const byBaseline = new Map<number, Segment[]>();
  for (const s of segments) {
    const key = Math.round(s.y);
    byBaseline.set(key, [...(byBaseline.get(key) ?? []), s]);
  }
  if (byBaseline.size < 4) return false;
  let split = 0;
  for (const line of byBaseline.values()) {
    const xs = line.sort((a, b) => a.x0 - b.x0);
    if (xs.some((s, i) => i > 0 && s.x0 - xs[i - 1]!.x1 > gutter)) split += 1;
  }
  return split / byBaseline.size > 0.3;
}

function xyCut(segments: Segment[], gutter: number, depth = 0): CutResult {
  if (segments.length <= 1 || depth > 40) return { order: [...segments].sort(topDown), confident: true };
  const crossings = Math.floor(segments.length * 0.08);
  const band = findGutter(segments, gutter, crossings);
  if (!band) return { order: [...segments].sort(topDown), confident: !looksUnordered(segments, gutter) };
  // Pixel rounding in findGutter: a segment must reach a point into the band to cross it.
  const spanning = segments.filter((s) => s.x0 < band.x1 - 1 && s.x1 > band.x0 + 1);
  if (spanning.length === 0) {
    const left = xyCut(
      segments.filter((s) => s.x1 <= band.x0 + 1),
      gutter,
      depth + 1,
    );
    const right = xyCut(
      segments.filter((s) => s.x0 >= band.x1 - 1),
      gutter,
      depth + 1,
    );
    return { order: [...left.order, ...right.order], confident: left.confident && right.confident };
  }
  // Segments crossing the gutter (a title, a caption) separate bands, each read column by column.
  const order: Segment[] = [];
  let confident = true;
  let bandSegments: Segment[] = [];
  const flush = (): void => {
    if (bandSegments.length === 0) return;
    const result = xyCut(bandSegments, gutter, depth + 1);
    order.push(...result.order);
    confident &&= result.confident;
    bandSegments = [];
  };
  const isSpanning = new Set(spanning);
  for (const s of [...segments].sort(topDown)) {
    if (isSpanning.has(s)) {
      flush();
      order.push(s);
    } else bandSegments.push(s);
  }
  flush();
  return { order, confident };
}

/**
 * A page's lines in reading order (see the file comment). Each returned line is one segment:
 * on a two-column page, a baseline becomes two lines, one per column.
 */
export function orderPage(page: PdfPageText, pageIndex: number): OrderedPage {
  const { items, dropped: duplicatesDropped } = dropOverprints(page.items);
  const body = median(items.filter((i) => i.str.trim()).map((i) => i.size)) || 10;
  const gutter = body * 0.9;
  const numbered = dropLineNumbers(segmentsOf(items, gutter));
  const { order, confident } = xyCut(numbered.segments, gutter);
  return {
    lines: order.map((s) => ({ text: foldAccents(s.text), x: s.x0, y: s.y, size: s.size, page: pageIndex })),
    confident,
    lineNumbersDropped: numbered.dropped,
    duplicatesDropped,
  };
}
