import Papa from 'papaparse';
import { UserError } from '../../../shared/api';
import type { CsvPreviewResult, CsvRowResult } from '../../../shared/api/contract-library';
import { addImportedDocument } from './articles';
import type { CoreContext } from '../context';
import { ImportError, importCsv, previewCsv, type CsvMapping, type ImportedDocument } from '../import/host';
import { mappedColumns } from '../import/csv';
import { cleanLabelList } from './label-names';
import { decodeTextFile } from '../import/decode';
import { fileBytes, importing } from './file-data';

/** A data row as the importer numbers it (header = row 1, blank lines skipped) with its cells. */
interface CsvRow {
  row: number;
  cells: string[];
}

/**
 * The data rows of a CSV the importer has already accepted. Parsed with the importer's own
 * settings, so row numbers and cells line up with what previewCsv and importCsv see.
 */
function dataRows(bytes: Uint8Array, name: string): CsvRow[] {
  const parsed = Papa.parse<string[]>(decodeTextFile(name, bytes), { skipEmptyLines: 'greedy' });
  return parsed.data.slice(1).map((cells, i) => ({ row: i + 2, cells }));
}

/**
 * The preview the import dialog shows: columns, the first five rows, the suggested mapping and
 * how many rows the file holds.
 * @throws UserError 'import-failed' for a file that is empty, not UTF-8 or not valid CSV.
 */
export function previewCsvFile(name: string, dataBase64: string): Promise<CsvPreviewResult> {
  const bytes = fileBytes(name, dataBase64);
  return importing(() => ({ ...previewCsv(bytes, name), rowCount: dataRows(bytes, name).length }));
}

function checkMapping(name: string, columns: readonly string[], mapping: CsvMapping): void {
  for (const [field, column] of mappedColumns(mapping)) {
    if (!columns.includes(column)) {
      const known = columns.map((c) => `"${c}"`).join(', ');
      throw new UserError(
        'import-failed',
        `${name} has no column "${column}" (chosen for the ${field}); its columns are ${known}. Choose one of those and import again.`,
      );
    }
  }
}

/**
 * One row through the importer, as a CSV of the header and that row alone, so a row the
 * importer cannot read is that row's error rather than the whole file's.
 */
function importRow(columns: readonly string[], row: CsvRow, mapping: CsvMapping, name: string): ImportedDocument {
  const cells = columns.map((_, j) => row.cells[j] ?? '');
  const csv = Papa.unparse({ fields: [...columns], data: [cells] });
  const [doc] = importCsv(new TextEncoder().encode(csv), mapping, name);
  if (!doc) throw new ImportError('empty', `Row ${row.row} of ${name} holds no article.`);
  return doc;
}

/**
 * Adds one article per row. The file and the mapping are checked first: an empty, unreadable
 * or malformed file, or a mapping naming a column the file lacks, is refused before anything
 * is stored. After that each row stands alone: a row without text, or one the importer cannot
 * read, is reported as an error and the rest go on; a row whose text the notebook already holds
 * (including an earlier row of the same file) is reported as a duplicate of that article.
 * A failure of the store itself (e.g. a full disk) stops the import there and is passed on;
 * the rows before it stay imported.
 */
export async function importCsvFile(ctx: CoreContext, name: string, dataBase64: string, mapping: CsvMapping): Promise<CsvRowResult[]> {
  const bytes = fileBytes(name, dataBase64);
  const { columns } = await importing(() => previewCsv(bytes, name));
  checkMapping(name, columns, mapping);
  const textColumn = columns.indexOf(mapping.text);
  const results: CsvRowResult[] = [];
  // Names the library already spells one way keep that spelling (as when tagging by hand).
  const knownTags = new Set(ctx.store.listArticles().flatMap((a) => a.tags));
  const knownCollections = new Set(ctx.store.listArticles().flatMap((a) => a.collections));
  for (const row of dataRows(bytes, name)) {
    if (!row.cells[textColumn]?.trim()) {
      results.push({
        row: row.row,
        status: 'error',
        message: `Row ${row.row} has no text in column "${mapping.text}", so it was skipped. Fill it in and import that row again.`,
      });
      continue;
    }
    try {
      const doc = importRow(columns, row, mapping, name);
      if (doc.tags) doc.tags = cleanLabelList('tag', doc.tags, knownTags);
      if (doc.collections) doc.collections = cleanLabelList('collection', doc.collections, knownCollections);
      for (const tag of doc.tags ?? []) knownTags.add(tag);
      for (const collection of doc.collections ?? []) knownCollections.add(collection);
      const { status, articleId, title } = await addImportedDocument(ctx, doc);
      results.push({ row: row.row, status, articleId, title });
    } catch (error) {
      if (!(error instanceof ImportError || error instanceof UserError)) throw error;
      results.push({ row: row.row, status: 'error', message: `Row ${row.row} could not be imported: ${error.message}` });
    }
  }
  return results;
}
