import type { ExportedFile } from '../../../shared/api';
import type { AnnotationFormat } from '../../../shared/api/contract-exchange';
import { isoNow, type CoreContext } from '../context';
import { slugify } from '../documents';
import { renderClaimsCsv } from './csv-export';
import { claimsByArticle, gatherArticles } from './gather';
import { articleUrn } from './stable-ids';
import { buildAnnotationCollection } from './w3c-export';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * Claims of one article (or of the whole notebook) in an exchange format: W3C Web
 * Annotation JSON-LD, CSV for spreadsheets, or a REFI-QDA project for QDA tools.
 *
 * @throws UserError('not-found') for an unknown article id.
 */
export async function exportAnnotations(ctx: CoreContext, format: AnnotationFormat, articleId?: string): Promise<ExportedFile> {
  const codebook = ctx.store.getCodebook();
  if (format === 'csv' && !articleId) {
    return {
      filename: `${slugify(ctx.store.meta.name || 'notebook')}-claims.csv`,
      mimeType: 'text/csv; charset=utf-8',
      content: await renderClaimsCsv(claimsByArticle(ctx), codebook),
      encoding: 'utf8',
    };
  }
  const articles = await gatherArticles(ctx, articleId);
  const one = articleId ? articles[0]?.article : undefined;
  const base = one ? slugify(one.title) : slugify(ctx.store.meta.name || 'notebook');
  if (format === 'w3c') {
    const collection = buildAnnotationCollection(articles, codebook, {
      id: one ? `${articleUrn(one.id)}:annotations` : `urn:stancebook:notebook:${encodeURIComponent(ctx.store.meta.id)}:annotations`,
      label: one ? `Claims in "${one.title}"` : `Claims in ${ctx.store.meta.name}`,
    });
    return {
      filename: `${base}-annotations.jsonld`,
      mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      content: `${JSON.stringify(collection, null, 2)}\n`,
      encoding: 'utf8',
    };
  }
  if (format === 'csv') {
    return {
      filename: `${base}-claims.csv`,
      mimeType: 'text/csv; charset=utf-8',
      content: await renderClaimsCsv(articles, codebook),
      encoding: 'utf8',
    };
  }
  // JSZip loads only when a REFI-QDA project is asked for, not at every command's start.
  const { buildRefiProject } = await import('./refi-project');
  const project = await buildRefiProject(articles, codebook, { name: one?.title ?? ctx.store.meta.name, now: isoNow(ctx) });
  return { filename: `${base}.qdpx`, mimeType: 'application/zip', content: base64(project.bytes), encoding: 'base64' };
}
