import Papa from 'papaparse';
import { z } from 'zod';
import { parseDate } from './dates';
import { decodeTextFile } from './decode';
import { splitParagraphs } from './plain-text';
import { buildTextBlocks } from './text-blocks';
import { titleFromProse } from './titles';
import type { BlockDraft, ImportedDocument } from './types';
import { ImportError } from './types';

/** Which column holds each field of an article; only `text` is required. Values are column names. */
export const CsvMappingSchema = z.object({
  text: z.string().min(1),
  title: z.string().min(1).optional(),
  date: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
  /** Columns whose cells become tags / collections of the row's article. */
  tags: z.array(z.string().min(1)).optional(),
  collections: z.array(z.string().min(1)).optional(),
});
export type CsvMapping = z.infer<typeof CsvMappingSchema>;

/** What the import dialog shows before the user confirms the mapping. */
export interface CsvPreview {
  columns: string[];
  /** The first rows, as column name to cell. */
  sampleRows: Record<string, string>[];
  /** Columns whose header names say what they hold; `text` only when one was found. */
  suggestedMapping: Partial<CsvMapping>;
}

const SAMPLE_ROWS = 5;
const MAX_LISTED_ROWS = 10;

/** Header names commonly used for each field, compared lower-case without spaces, dashes or underscores. */
const HEADER_NAMES: Record<Exclude<keyof CsvMapping, 'tags' | 'collections'>, string[]> = {
  text: ['text', 'body', 'content', 'article', 'fulltext', 'articletext', 'story', 'bodytext', 'articlebody', 'maintext', 'fulltextbody'],
  title: ['title', 'headline', 'heading', 'hed'],
  date: ['date', 'published', 'publishedat', 'publicationdate', 'pubdate', 'datepublished'],
  source: ['source', 'publication', 'outlet', 'publisher', 'site', 'sitename', 'newspaper'],
  author: ['author', 'authors', 'byline', 'writer'],
  url: ['url', 'link', 'permalink', 'canonicalurl', 'address'],
};

interface ParsedCsv {
  columns: string[];
  /** Data rows with their spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: Record<string, string> }[];
}

/** "row 3", "rows 3, 5", "rows 1, 2, … and 40 more": rows as a spreadsheet numbers them. */
function listRows(rows: number[]): string {
  const shown = rows.slice(0, MAX_LISTED_ROWS).join(', ');
  const more = rows.length > MAX_LISTED_ROWS ? ` and ${rows.length - MAX_LISTED_ROWS} more` : '';
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown}${more}`;
}

/** Parses a CSV file's bytes: strict UTF-8, first row the header, rows as spreadsheets number them. */
function parseCsv(bytes: Uint8Array, name: string): ParsedCsv {
  const source = decodeTextFile(name, bytes);
  const result = Papa.parse<string[]>(source, { skipEmptyLines: 'greedy' });
  const quoteErrors = result.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    const rows = [...new Set(quoteErrors.map((e) => (e.row ?? 0) + 1))];
    throw new ImportError(
      'malformed',
      `${name} is not valid CSV: a quoted cell is not closed properly in ${listRows(rows)}. Fix the quotes there (or export the sheet as CSV again) and import it again.`,
    );
  }
  const [header, ...data] = result.data;
  if (!header || data.length === 0) {
    throw new ImportError(
      'empty',
      `${name} has no rows of data${header ? ', only a header row' : ''}. Add one article per row below a header row and import it again.`,
    );
  }
  const seen = new Map<string, number>();
  const columns = header.map((cell, i) => {
    const base = cell.trim() || `Column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count > 1 ? `${base} (${count})` : base;
  });
  const tooLong = data.flatMap((cells, i) => (cells.length > columns.length ? [i + 2] : []));
  if (tooLong.length > 0) {
    throw new ImportError(
      'malformed',
      `${name} has more cells than header columns in ${listRows(tooLong)}, so its columns would be misread. Check for a stray comma or an unquoted cell there and import it again.`,
    );
  }
  checkCsvShape(columns, data, result.meta.delimiter, name);
  const rows = data.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])),
  }));
  return { columns, rows };
}

const DELIMITERS = [',', ';', '\t', '|'];

function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : `"${d}"`;
}

function count(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n += 1;
  return n;
}

/**
 * Refuses a table whose shape says it was misread, before any row becomes an article (issue 16:
 * records wrapped in one quoted field were imported as 2,396 "articles" of raw CSV):
 * one wide column whose cells hold another delimiter; rows whose whole record sits in one cell;
 * more than half of the columns empty in nearly every row.
 * @throws ImportError 'malformed' with the reason and what to do.
 */
function checkCsvShape(columns: readonly string[], data: readonly string[][], delimiter: string, name: string): void {
  const filled = (cells: readonly string[]): string[] => cells.filter((c) => c.trim() !== '');
  if (columns.length === 1) {
    for (const other of DELIMITERS) {
      const holding = data.filter((cells) => count(cells[0] ?? '', other) >= 2).length;
      if (holding >= Math.max(1, data.length * 0.5)) {
        throw new ImportError(
          'malformed',
          `${name} reads as one wide column, but ${holding} of its ${data.length} rows hold ${delimiterName(other)} characters: its records may be wrapped in quotes, or separated by ${delimiterName(other)}. Export the table again as comma-separated CSV with one record per row, and import it again.`,
        );
      }
    }
  }
  if (columns.length >= 2) {
    const wrapped = data.flatMap((cells, i) => {
      const full = filled(cells);
      return full.length === 1 && count(full[0]!, delimiter) >= columns.length - 1 && /["\n]/.test(full[0]!) ? [i + 2] : [];
    });
    if (wrapped.length >= Math.max(1, data.length * 0.3)) {
      throw new ImportError(
        'malformed',
        `${name} holds a whole record in one cell in ${listRows(wrapped)}: the records seem to be wrapped in quotes, so each row would be imported as raw CSV. Export the table again as plain CSV (one record per row, quotes only around cells) and import it again.`,
      );
    }
  }
  if (columns.length >= 3 && data.length >= 5) {
    const empty = columns.filter((_, j) => data.filter((cells) => !(cells[j] ?? '').trim()).length >= data.length * 0.95);
    if (empty.length > columns.length / 2) {
      throw new ImportError(
        'malformed',
        `${name} has ${empty.length} of ${columns.length} columns empty in nearly every row (${empty
          .slice(0, 5)
          .map((c) => `"${c}"`)
          .join(
            ', ',
          )}${empty.length > 5 ? ', …' : ''}): the delimiter or the header row may have been misread. Check that the file is comma-separated with one header row, and import it again.`,
      );
    }
  }
}

/** Each mapped field with its column: [field, column], tags and collections one pair per column. */
export function mappedColumns(mapping: Partial<CsvMapping>): [string, string][] {
  return Object.entries(mapping).flatMap(([field, value]): [string, string][] =>
    Array.isArray(value) ? value.map((c): [string, string] => [field, c]) : typeof value === 'string' ? [[field, value]] : [],
  );
}

function suggestMapping(columns: string[]): Partial<CsvMapping> {
  const mapping: Partial<CsvMapping> = {};
  const key = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  for (const field of Object.keys(HEADER_NAMES) as (keyof typeof HEADER_NAMES)[]) {
    const column = columns.find((c) => HEADER_NAMES[field].includes(key(c)));
    if (column) mapping[field] = column;
  }
  return mapping;
}

/**
 * Reads a CSV's header and first rows so the user can say which column is which.
 * @throws ImportError 'not-utf8' | 'binary' | 'malformed' | 'empty', naming the rows at fault.
 */
export function previewCsv(bytes: Uint8Array, name = 'The CSV file'): CsvPreview {
  const { columns, rows } = parseCsv(bytes, name);
  return { columns, sampleRows: rows.slice(0, SAMPLE_ROWS).map((r) => r.cells), suggestedMapping: suggestMapping(columns) };
}

/**
 * Imports one article per row, with fields taken from the mapped columns.
 * A row's text may hold several paragraphs, one per line or blank-line separated.
 * A date that cannot be read is left out rather than failing the import.
 *
 * @throws ImportError 'malformed' when a mapped column does not exist or rows have no
 *   text (naming them), and the errors of previewCsv.
 */
export function importCsv(bytes: Uint8Array, mapping: CsvMapping, name = 'The CSV file'): ImportedDocument[] {
  const { columns, rows } = parseCsv(bytes, name);
  const checked = CsvMappingSchema.safeParse(mapping);
  if (!checked.success) {
    throw new ImportError(
      'malformed',
      `No column was chosen for the article text of ${name}. Choose the column that holds the text and import it again.`,
    );
  }
  for (const [field, column] of mappedColumns(checked.data)) {
    if (!columns.includes(column)) {
      throw new ImportError(
        'malformed',
        `${name} has no column "${column}" (chosen for the ${field}); its columns are ${columns.map((c) => `"${c}"`).join(', ')}. Choose one of those and import it again.`,
      );
    }
  }
  const textless = rows.filter((r) => !r.cells[mapping.text]?.trim()).map((r) => r.row);
  if (textless.length > 0) {
    throw new ImportError(
      'malformed',
      `${name} has no text in column "${mapping.text}" in ${listRows(textless)}. Fill in or delete those rows and import it again.`,
    );
  }
  return rows.map(({ cells }) => {
    const cell = (column: string | undefined): string | null => (column ? cells[column]?.replace(/\s+/g, ' ').trim() || null : null);
    const drafts: BlockDraft[] = splitParagraphs(cells[mapping.text]!).map((p) => ({ kind: 'paragraph', text: p }));
    const { text, blocks, normalisation } = buildTextBlocks(drafts);
    const meta: ImportedDocument['meta'] = { title: cell(mapping.title) ?? titleFromProse(text.slice(0, blocks[0]!.end)) };
    const date = parseDate(cell(mapping.date));
    if (date) meta.publishedAt = date;
    const source = cell(mapping.source);
    if (source) meta.source = source;
    const author = cell(mapping.author);
    if (author) meta.author = author;
    const url = cell(mapping.url);
    if (url) meta.url = url;
    const doc: ImportedDocument = { meta, text, blocks, normalisation, origin: { kind: 'csv', name } };
    const labels = (list: string[] | undefined): string[] => (list ?? []).flatMap((c) => cell(c) ?? []);
    if (mapping.tags?.length) doc.tags = labels(mapping.tags);
    if (mapping.collections?.length) doc.collections = labels(mapping.collections);
    // Every column no field was mapped to is kept as it is: ids and gold labels can be joined back.
    const used = new Set(mappedColumns(mapping).map(([, c]) => c));
    const rest = columns.filter((c) => !used.has(c) && cells[c]?.trim());
    if (rest.length) doc.sourceFields = Object.fromEntries(rest.map((c) => [c, cells[c]!.trim()]));
    return doc;
  });
}
