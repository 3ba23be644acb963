import { UserError, type ExportedFile } from '../../../shared/api';
import type { DocumentFormat, DocumentKind } from '../../../shared/api/contract-exchange';
import { requireArticle } from '../articles/articles';
import { getClaims } from '../claims/claims';
import type { CoreContext } from '../context';
import { getBrief } from '../briefs/briefs';
import {
  buildAnnotatedArticle,
  buildAnnotatedBrief,
  buildComposedBrief,
  renderArticleHtml,
  renderArticleMarkdown,
  renderBriefHtml,
  renderBriefMarkdown,
  renderComposedBriefHtml,
  renderComposedBriefMarkdown,
  slugify,
} from './';
import type { PdfPrinter } from './pdf-printer';

const MIME = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * One article as a document: its annotated brief (`kind: 'brief'`) or its text with claims
 * highlighted (`kind: 'article'`), in Markdown, HTML, PDF or Word. PDF prints the HTML
 * rendering through the host's printer, so both always agree. Binary formats come back base64.
 *
 * @throws UserError('not-found') for an unknown article; UserError('invalid-request') for PDF
 *   when the host gave the core no printer.
 */
export async function exportDocument(
  ctx: CoreContext,
  request: { articleId: string; kind: DocumentKind; format: DocumentFormat },
  printer: PdfPrinter | undefined,
): Promise<ExportedFile> {
  const article = await requireArticle(ctx, request.articleId);
  const claims = await getClaims(ctx, article.id);
  const codebook = ctx.store.getCodebook();
  const filename = `${slugify(article.title)}-${request.kind === 'brief' ? 'brief' : 'annotated'}.${request.format}`;
  const file = (content: string, encoding: 'utf8' | 'base64'): ExportedFile => ({ filename, mimeType: MIME[request.format], content, encoding });

  if (request.kind === 'brief') {
    const brief = buildAnnotatedBrief(article, claims, codebook);
    if (request.format === 'md') return file(renderBriefMarkdown(brief), 'utf8');
    // Word files load the docx library only when one is asked for (not at every command's start).
    if (request.format === 'docx') return file(base64(await (await import('./docx-brief')).renderBriefDocx(brief)), 'base64');
    const html = renderBriefHtml(brief);
    if (request.format === 'html') return file(html, 'utf8');
    return file(base64(await printPdf(printer, html)), 'base64');
  }
  const view = buildAnnotatedArticle(article, claims, codebook);
  if (request.format === 'md') return file(renderArticleMarkdown(view), 'utf8');
  if (request.format === 'docx') return file(base64(await (await import('./docx-article')).renderArticleDocx(view)), 'base64');
  const html = renderArticleHtml(view);
  if (request.format === 'html') return file(html, 'utf8');
  return file(base64(await printPdf(printer, html)), 'base64');
}

/**
 * A brief the analyst wrote in the editor, with its citations resolved as the claims are now
 * (a deleted claim's citation is marked and keeps the words it had), as Markdown, HTML, PDF
 * or Word. The file is named after the brief's title.
 *
 * @throws UserError('not-found') for an unknown brief; UserError('invalid-request') for PDF
 *   when the host gave the core no printer.
 */
export async function exportBriefDocument(
  ctx: CoreContext,
  request: { briefId: string; format: DocumentFormat },
  printer: PdfPrinter | undefined,
): Promise<ExportedFile> {
  const { brief, citations } = await getBrief(ctx, request.briefId);
  const composed = buildComposedBrief(brief, citations);
  const filename = `${slugify(brief.title)}.${request.format}`;
  const file = (content: string, encoding: 'utf8' | 'base64'): ExportedFile => ({ filename, mimeType: MIME[request.format], content, encoding });
  if (request.format === 'md') return file(renderComposedBriefMarkdown(composed), 'utf8');
  if (request.format === 'docx') return file(base64(await (await import('./docx-composed-brief')).renderComposedBriefDocx(composed)), 'base64');
  const html = renderComposedBriefHtml(composed);
  if (request.format === 'html') return file(html, 'utf8');
  return file(base64(await printPdf(printer, html)), 'base64');
}

async function printPdf(printer: PdfPrinter | undefined, html: string): Promise<Uint8Array> {
  if (!printer) {
    throw new UserError(
      'invalid-request',
      'PDF export is not available here: this host has no PDF printer. Export HTML and print it, or use the desktop app.',
    );
  }
  return printer.printHtmlToPdf(html);
}
