/**
 * What the host process needs of the importers, without loading any document parser (jsdom,
 * mammoth, pdf.js): files are parsed in the import worker (`isolated-import.ts`), pasted text and
 * CSV here. The core imports from this module; `index.ts` (the whole importer) is for the
 * worker and tests. Keeping jsdom out of this module keeps every command's start-up short.
 */
import { importPlainText } from './plain-text';
import type { ImportedDocument, ImportOptions } from './types';
import { ImportError } from './types';

export { ImportError } from './types';
export type { ImportedDocument, ImportErrorCode, ImportOptions } from './types';
export { importCsv, previewCsv, CsvMappingSchema } from './csv';
export type { CsvMapping, CsvPreview } from './csv';
export { importFileIsolated } from './isolated-import';

/** Largest file the importers accept: 50 MiB. Larger files are refused before parsing. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Imports pasted text: the same layout detection as a .txt file (dateline,
 * headline, standfirst, one paragraph per line).
 * @throws ImportError 'empty' when there is no text; 'too-large' past MAX_IMPORT_BYTES.
 */
export function importPastedText(text: string, options: ImportOptions = {}): ImportedDocument {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    throw new ImportError(
      'too-large',
      `The pasted text is ${megabytes(size)}; the limit is ${megabytes(maxBytes)}. Paste a shorter part, or save it as a file and split it.`,
    );
  }
  return importPlainText(text.replace(/^\uFEFF/, ''), null);
}
