import type { ApiHandlers } from '../../../shared/api';
import type { exchangeMethods } from '../../../shared/api/contract-exchange';
import type { CoreContext } from '../context';
import { restoreArchiveBeside } from './archive-restore';
import { base64InSlices, buildArchive } from './archive-write';
import { importCodebook, parseCodebookFile, renderCodebookJson } from './codebook-json';
import { exportAnnotations } from './export-annotations';
import { exportBriefDocument, exportDocument } from '../documents/export-document';
import { importAnnotations } from './import-annotations';
import { renderRefiCodebook } from './refi-codebook';

const bytesOf = (base64: string): Uint8Array => new Uint8Array(Buffer.from(base64, 'base64'));

/**
 * Handlers for the methods in shared/api/contract-exchange.ts. PDF exports use the printer
 * the host put in the context (read at call time, so a host may supply it after start-up).
 */
export function createExchangeHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof exchangeMethods> {
  return {
    exportDocument: (request) => exportDocument(context, request, context.pdfPrinter),
    exportBriefDocument: (request) => exportBriefDocument(context, request, context.pdfPrinter),
    exportAnnotations: ({ articleId, format }) => exportAnnotations(context, format, articleId),
    exportCodebook: async ({ format }) => {
      const codebook = context.store.getCodebook();
      if (format === 'json') {
        return { filename: 'codebook.json', mimeType: 'application/json', content: renderCodebookJson(codebook), encoding: 'utf8' };
      }
      return { filename: 'codebook.qdc', mimeType: 'application/xml', content: renderRefiCodebook(codebook), encoding: 'utf8' };
    },
    exportArchive: async () => {
      const { bytes } = await buildArchive(context);
      const stamp = context.now().toISOString().slice(0, 10);
      return {
        filename: `stancebook-notebook-${stamp}.zip`,
        mimeType: 'application/zip',
        content: await base64InSlices(bytes),
        encoding: 'base64',
      };
    },
    restoreArchive: async ({ dataBase64 }) => {
      const { dir, counts } = await restoreArchiveBeside(context, bytesOf(dataBase64));
      return { dir, articles: counts.articles, claims: counts.claims, briefs: counts.briefs };
    },
    importAnnotations: ({ name, dataBase64 }) => importAnnotations(context, bytesOf(dataBase64), name),
    importCodebook: async ({ name, dataBase64 }) => importCodebook(context, parseCodebookFile(bytesOf(dataBase64), name)),
  };
}
