import type { BriefExportFormat, ExportedFile } from '../../../shared/api';
import type { Article, Claim, Codebook } from '../../../shared/model';
import { renderBriefHtml } from './brief-html';
import { renderBriefMarkdown } from './brief-markdown';
import { buildAnnotatedBrief, slugify } from './brief-model';

export { buildAnnotatedBrief, slugify } from './brief-model';
export type { AnnotatedBrief, BriefEntry, BriefActorGroup, BriefIssueGroup } from './brief-model';
export { renderBriefHtml } from './brief-html';
export { renderBriefMarkdown } from './brief-markdown';
export { buildAnnotatedArticle, type AnnotatedArticle, type ArticleNote, type ArticleSegment } from './article-model';
export { renderArticleHtml } from './article-html';
export { renderArticleMarkdown } from './article-markdown';
export { buildComposedBrief, type ComposedBrief } from './composed-brief-model';
export { renderComposedBriefMarkdown } from './composed-brief-markdown';
export { renderComposedBriefHtml } from './composed-brief-html';

/** Renders one article's annotated brief in the given format. */
export function exportArticleBrief(
  article: Article,
  claims: Claim[],
  codebook: Codebook,
  format: BriefExportFormat,
): ExportedFile {
  const brief = buildAnnotatedBrief(article, claims, codebook);
  const base = `${slugify(article.title)}-brief`;
  if (format === 'md') {
    return { filename: `${base}.md`, mimeType: 'text/markdown; charset=utf-8', content: renderBriefMarkdown(brief) };
  }
  return { filename: `${base}.html`, mimeType: 'text/html; charset=utf-8', content: renderBriefHtml(brief) };
}
