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
const HEADER_NAMES: Record<keyof CsvMapping, string[]> = {
  text: ['text', 'body', 'content', 'article', 'fulltext', 'articletext', 'story', 'bodytext'],
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
    throw new ImportError('malformed', `${name} is not valid CSV: a quoted cell is not closed properly in ${listRows(rows)}. Fix the quotes there (or export the sheet as CSV again) and import it again.`);
  }
  const [header, ...data] = result.data;
  if (!header || data.length === 0) {
    throw new ImportError('empty', `${name} has no rows of data${header ? ', only a header row' : ''}. Add one article per row below a header row and import it again.`);
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
    throw new ImportError('malformed', `${name} has more cells than header columns in ${listRows(tooLong)}, so its columns would be misread. Check for a stray comma or an unquoted cell there and import it again.`);
  }
  const rows = data.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])),
  }));
  return { columns, rows };
}

function suggestMapping(columns: string[]): Partial<CsvMapping> {
  const mapping: Partial<CsvMapping> = {};
  const key = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
  for (const field of Object.keys(HEADER_NAMES) as (keyof CsvMapping)[]) {
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
    throw new ImportError('malformed', `No column was chosen for the article text of ${name}. Choose the column that holds the text and import it again.`);
  }
  for (const [field, column] of Object.entries(checked.data)) {
    if (column && !columns.includes(column)) {
      throw new ImportError('malformed', `${name} has no column "${column}" (chosen for the ${field}); its columns are ${columns.map((c) => `"${c}"`).join(', ')}. Choose one of those and import it again.`);
    }
  }
  const textless = rows.filter((r) => !r.cells[mapping.text]?.trim()).map((r) => r.row);
  if (textless.length > 0) {
    throw new ImportError('malformed', `${name} has no text in column "${mapping.text}" in ${listRows(textless)}. Fill in or delete those rows and import it again.`);
  }
  return rows.map(({ cells }) => {
    const cell = (column: string | undefined): string | null => (column ? cells[column]?.replace(/\s+/g, ' ').trim() || null : null);
    const drafts: BlockDraft[] = splitParagraphs(cells[mapping.text]!).map((p) => ({ kind: 'paragraph', text: p }));
    const { text, blocks } = buildTextBlocks(drafts);
    const meta: ImportedDocument['meta'] = { title: cell(mapping.title) ?? titleFromProse(text.slice(0, blocks[0]!.end)) };
    const date = parseDate(cell(mapping.date));
    if (date) meta.publishedAt = date;
    const source = cell(mapping.source);
    if (source) meta.source = source;
    const author = cell(mapping.author);
    if (author) meta.author = author;
    const url = cell(mapping.url);
    if (url) meta.url = url;
    return { meta, text, blocks, origin: { kind: 'csv', name } };
  });
}
