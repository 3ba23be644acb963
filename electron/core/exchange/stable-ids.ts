import { createHash } from 'node:crypto';
import type { Article } from '../../../shared/model';
import { safeArticleUrl } from '../documents/escape';

/**
 * A UUID (version 5 layout) derived from a kind and a Stancebook id, so the same notebook
 * exports the same GUIDs every time and tools that re-import a file can recognise its codes.
 */
export function stableGuid(kind: string, id: string): string {
  const hash = createHash('sha1').update(`stancebook:${kind}:${id}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Stancebook's IRI for an article, used when it has no web address of its own. */
export function articleUrn(articleId: string): string {
  return `urn:stancebook:article:${encodeURIComponent(articleId)}`;
}

/** The IRI annotations point at: the article's http(s) URL when it has one, else its URN. */
export function articleSourceIri(article: Pick<Article, 'id' | 'url'>): string {
  const url = safeArticleUrl(article.url);
  return url && /^https?:/.test(url) ? url : articleUrn(article.id);
}
