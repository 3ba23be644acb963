import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parsePdfDate } from './dates';
import { dropPageFurniture, linesToBlockDrafts, type PdfPageText } from './pdf-layout';
import { orderPage } from './pdf-reading-order';
import { buildTextBlocks, cutLeadingText } from './text-blocks';
import { titleFromFileName, titleFromProse } from './titles';
import type { ImportedDocument } from './types';
import { ImportError } from './types';

/** Titles PDF writers fill in by themselves, which say nothing about the document. */
const JUNK_TITLE = /^(?:microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|pdf|odt|rtf|txt|html?)$/i;

/** Each page's text runs (string, baseline position, font size, width) and the page's height. */
export async function readPageTexts(doc: PDFDocumentProxy): Promise<PdfPageText[]> {
  const pages: PdfPageText[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item
        ? [
            {
              str: item.str,
              x: item.transform[4] as number,
              y: item.transform[5] as number,
              size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height,
              width: item.width,
            },
          ]
        : [],
    );
    pages.push({ items, height: page.view[3]! - page.view[1]! });
    page.cleanup();
  }
  return pages;
}

function infoString(info: unknown, key: string): string | null {
  const value = info && typeof info === 'object' ? (info as Record<string, unknown>)[key] : null;
  return typeof value === 'string' && value.trim() ? value.replace(/\s+/g, ' ').trim() : null;
}

/**
 * Reads a PDF's text layer with pdf.js: text runs become lines by their baseline,
 * lines become paragraphs and headings by spacing and font size (see pdf-layout),
 * and running headers, footers and page numbers are dropped. Title, Author and
 * CreationDate come from the document information dictionary.
 *
 * pdf.js runs with eval, font loading, system fonts and worker fetches off: it only
 * parses the bytes it is given.
 *
 * @throws ImportError 'encrypted' when the PDF needs a password, 'corrupt' when it
 *   cannot be parsed, 'empty' when it has no text layer (a scan).
 */
export async function importPdf(bytes: Uint8Array, name: string): Promise<ImportedDocument> {
  // Loaded on first use: pdf.js is large and most imports are not PDFs.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js transfers (detaches) the buffer it is given; a copy keeps the caller's bytes intact.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise.catch((cause: unknown) => {
      const errorName = cause instanceof Error ? cause.name : '';
      if (errorName === 'PasswordException') {
        throw new ImportError(
          'encrypted',
          `${name} is password-protected. Open it in a PDF reader, save a copy without the password (or print it to a new PDF) and import that.`,
          { cause },
        );
      }
      throw new ImportError(
        'corrupt',
        `${name} could not be read as a PDF (${cause instanceof Error ? cause.message : 'unknown error'}). It may be damaged or incomplete; download or export it again and import it again.`,
        { cause },
      );
    });
    const pages = await readPageTexts(doc);
    const ordered = pages.map(orderPage);
    const lines = dropPageFurniture(
      ordered.map((p) => p.lines),
      pages.map((p) => p.height),
    ).flat();
    let built = buildTextBlocks(linesToBlockDrafts(lines));
    const { text, blocks } = built;
    if (blocks.length === 0) {
      throw new ImportError(
        'empty',
        `${name} holds only images, no text (it is probably a scan or a picture of text): it needs OCR. Run it through text recognition (OCR) in your PDF reader and import the result.`,
      );
    }
    const notes: string[] = [];
    const unsure = ordered.flatMap((p, i) => (p.confident ? [] : [i + 1]));
    if (unsure.length)
      notes.push(
        `Reading order uncertain on page${unsure.length > 1 ? 's' : ''} ${unsure.join(', ')}: the text there sits side by side in a way that could not be split into columns with confidence (a table, or ragged columns). Check it against the PDF before quoting.`,
      );
    const numbers = ordered.reduce((n, p) => n + p.lineNumbersDropped, 0);
    if (numbers) notes.push(`${numbers} margin line numbers were left out of the text.`);
    const duplicates = ordered.reduce((n, p) => n + p.duplicatesDropped, 0);
    if (duplicates) notes.push(`${duplicates} overprinted duplicate text runs (bold drawn by printing twice) were kept once.`);
    const { info } = await doc.getMetadata().catch(() => ({ info: null }));
    const infoTitle = infoString(info, 'Title');
    const first = blocks[0]!;
    const title =
      (infoTitle && !JUNK_TITLE.test(infoTitle) ? infoTitle : null) ??
      (first.kind === 'heading' ? text.slice(first.start, first.end) : titleFromProse(text.slice(first.start, first.end))) ??
      titleFromFileName(name);
    const meta: ImportedDocument['meta'] = { title: title || titleFromFileName(name) };
    const author = infoString(info, 'Author');
    if (author) meta.author = author;
    const created = parsePdfDate(infoString(info, 'CreationDate'));
    if (created) meta.publishedAt = created;
    const language = infoString(info, 'Language');
    if (language) meta.language = language;
    // A leading heading that is the title leaves the text, so the reader does not show it twice.
    if (first.kind === 'heading' && blocks.length > 1 && text.slice(first.start, first.end) === meta.title) {
      built = cutLeadingText(built, first.end + 1, 1);
    }
    return {
      meta,
      text: built.text,
      blocks: built.blocks,
      normalisation: built.normalisation,
      origin: { kind: 'pdf', name },
      ...(notes.length ? { notes } : {}),
    };
  } finally {
    await task.destroy();
  }
}
