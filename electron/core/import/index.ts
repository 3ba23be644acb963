/**
 * Document importers: files and pasted text in, an ImportedDocument (metadata,
 * canonical text, blocks) out. Plain Node; nothing here runs scripts or touches the
 * network. See README.md for the formats and the decisions behind them.
 */
import { decodeTextFile } from './decode';
import { formatFromName, looksLikeHtml, sniffBinary } from './detect';
import { importDocx } from './docx';
import { importHtml } from './html';
import { importMarkdown } from './markdown';
import { cleanDocumentMeta } from './meta-clean';
import { importOdt } from './odt';
import { importPdf } from './pdf';
import { importPlainText } from './plain-text';
import { MAX_IMPORT_BYTES, megabytes } from './host';
import type { ImportedDocument, ImportOptions } from './types';
import { ImportError } from './types';

export { ImportError } from './types';
export { MAX_IMPORT_BYTES, importPastedText } from './host';
export type { ImportedDocument, ImportErrorCode, ImportOptions } from './types';
export { importCsv, previewCsv, CsvMappingSchema } from './csv';
export { importFileIsolated, IsolatedImporter, importDeadlineMs, IMPORT_WORKER_HEAP_MB } from './isolated-import';
export { HTML_CAPS, DOCX_CAPS } from './complexity-caps';
export type { CsvMapping, CsvPreview } from './csv';

/** A file to import: its name (for the format and messages) and its bytes. */
export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
}

/**
 * Imports one file, choosing the importer by extension and checking it against the
 * magic bytes. Bad input is refused before any parser sees it: empty, too large,
 * binary data in a text format, text that is not UTF-8. A file with an unknown
 * extension is imported when its bytes say it is a PDF, a .docx, HTML or text.
 * A CSV holds many articles and needs a column mapping: use previewCsv/importCsv.
 *
 * @throws ImportError with a message that names the file and says what to do.
 */
export async function importFile(file: ImportFileInput, options: ImportOptions = {}): Promise<ImportedDocument> {
  // Authors and titles as sources fill them in are often junk: cleaned once, for every format.
  return cleanDocumentMeta(await readByFormat(file, options), file.name);
}

async function readByFormat(file: ImportFileInput, options: ImportOptions): Promise<ImportedDocument> {
  const { name, bytes } = file;
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.byteLength === 0) {
    throw new ImportError('empty', `${name} is empty (0 bytes). Check that it was saved or downloaded completely and import it again.`);
  }
  if (bytes.byteLength > maxBytes) {
    throw new ImportError(
      'too-large',
      `${name} is ${megabytes(bytes.byteLength)}; the limit is ${megabytes(maxBytes)}. Split it into smaller files, or import the part you need.`,
    );
  }
  const sniffed = sniffBinary(bytes);
  const format = formatFromName(name);
  switch (format) {
    case 'text':
      return importPlainText(decodeTextFile(name, bytes), name);
    case 'markdown':
      return importMarkdown(decodeTextFile(name, bytes), name);
    case 'html':
      return importHtml(decodeTextFile(name, bytes, { html: true }), name);
    case 'docx':
      if (sniffed && sniffed.kind !== 'docx' && sniffed.kind !== 'zip' && sniffed.kind !== 'ole') {
        throw new ImportError('corrupt', `${name} is ${sniffed.label}, not a Word document. Give it its proper extension and import it again.`);
      }
      return importDocx(bytes, name);
    case 'odt':
      if (sniffed?.kind !== 'odt' && sniffed?.kind !== 'zip') {
        throw new ImportError(
          'corrupt',
          `${name} is ${sniffed ? sniffed.label : 'not a ZIP package'}, not an OpenDocument text. Give it its proper extension, or save it again as .odt, and import it again.`,
        );
      }
      return importOdt(bytes, name);
    case 'pdf':
      if (sniffed?.kind !== 'pdf') {
        const what = sniffed ? `it is ${sniffed.label}` : 'it does not start with a PDF header';
        throw new ImportError('corrupt', `${name} is not a valid PDF (${what}). Download or export it again as PDF and import it again.`);
      }
      return importPdf(bytes, name);
    case 'csv':
      throw new ImportError(
        'unsupported',
        `${name} is a table that can hold many articles. Import it with "Import CSV…", which lets you choose the column that holds the text.`,
      );
    case null:
      break;
  }
  // Unknown or missing extension: trust the bytes.
  if (sniffed?.kind === 'pdf') return importPdf(bytes, name);
  if (sniffed?.kind === 'docx' || sniffed?.kind === 'ole') return importDocx(bytes, name);
  if (sniffed?.kind === 'odt') return importOdt(bytes, name);
  if (sniffed) {
    throw new ImportError(
      'unsupported',
      `${name} is ${sniffed.label}, which cannot be imported. Import articles as .txt, .md, .html, .docx, .odt, .pdf or .csv files.`,
    );
  }
  let text: string;
  try {
    text = decodeTextFile(name, bytes);
  } catch (error) {
    // Not UTF-8: a saved page may declare its encoding, in markup that is ASCII, so a Latin-1 look at the start finds it.
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
    if (!(error instanceof ImportError) || error.code !== 'not-utf8' || !looksLikeHtml(head)) throw error;
    text = decodeTextFile(name, bytes, { html: true });
  }
  return looksLikeHtml(text) ? importHtml(text, name) : importPlainText(text, name);
}
