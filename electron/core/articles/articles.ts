import { UserError, type ImportResult } from '../../../shared/api';
import { httpUrlOrNull, type Article, type ArticleMeta, type ArticleSummary } from '../../../shared/model';
import { contentHash } from './content-hash';
import { isoNow, type CoreContext } from '../context';
import type { ImportedDocument } from '../import/types';
import { damagedArticleMessage } from '../recovery-notices';

/** The library list, newest published first (undated articles last, by import time). */
export function listArticles(ctx: CoreContext): ArticleSummary[] {
  return [...ctx.store.listArticles()].sort(
    (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.createdAt.localeCompare(a.createdAt),
  );
}

export async function requireArticle(ctx: CoreContext, id: string): Promise<Article> {
  const article = await ctx.store.getArticle(id);
  if (!article) {
    const damaged = damagedArticleMessage(ctx, id);
    if (damaged) throw new UserError('not-found', damaged);
    throw new UserError('not-found', `There is no article with id "${id}" in this notebook. It may have been deleted; reload the library.`);
  }
  return article;
}

/** Derives a title when the source gave none: the first sentence, cut at a word near 120 characters. */
export function fallbackTitle(text: string): string {
  const first = text.trim().split(/\n/)[0] ?? '';
  const sentence = (first.match(/^.{1,200}?[.!?](?=\s|$)/)?.[0] ?? first).trim();
  if (sentence.length <= 120) return sentence || 'Untitled article';
  const cut = sentence.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trim()}…`;
}

/**
 * Stores an imported document as a new article, unless the notebook already holds the same
 * content (by normalised hash), in which case nothing is written and the existing id returned.
 */
export async function addImportedDocument(ctx: CoreContext, doc: ImportedDocument, overrides: Partial<ArticleMeta> = {}): Promise<ImportResult> {
  if (!doc.text.trim()) {
    throw new UserError('import-failed', 'There is no text to import: the document is empty. Paste or choose a document with text in it.');
  }
  const hash = contentHash(doc.text);
  const existing = ctx.store.findArticleByHash(hash);
  if (existing) return { status: 'duplicate', articleId: existing.id, title: existing.title };

  const now = isoNow(ctx);
  const meta = { ...doc.meta, ...overrides };
  const article: Article = {
    id: ctx.newId('art'),
    title: meta.title?.trim() || fallbackTitle(doc.text),
    source: meta.source ?? null,
    author: meta.author ?? null,
    publishedAt: meta.publishedAt ?? null,
    // Only a web address: a javascript: or data: URL from a crafted file is dropped.
    url: httpUrlOrNull(meta.url),
    language: meta.language ?? null,
    standfirst: meta.standfirst ?? null,
    importedFrom: doc.origin,
    contentHash: hash,
    text: doc.text,
    blocks: doc.blocks,
    rev: 1,
    revisions: [],
    ...(doc.notes?.length ? { importNotes: doc.notes } : {}),
    ...(doc.sourceFields && Object.keys(doc.sourceFields).length ? { sourceFields: doc.sourceFields } : {}),
    ...(doc.removedBlocks?.length ? { removedBlocks: doc.removedBlocks } : {}),
    ...(doc.normalisation ? { normalisation: doc.normalisation } : {}),
    tags: doc.tags ?? [],
    collections: doc.collections ?? [],
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.putArticle(article);
  ctx.emit({ scope: 'articles', articleId: article.id });
  return { status: 'imported', articleId: article.id, title: article.title, ...(doc.notes?.length ? { notes: doc.notes } : {}) };
}

/** Applies an edit to an article's metadata; the text and claims are untouched. */
export async function updateArticleMeta(ctx: CoreContext, id: string, patch: Partial<ArticleMeta>): Promise<ArticleSummary> {
  const article = await requireArticle(ctx, id);
  const updated: Article = { ...article, ...patch, updatedAt: isoNow(ctx) };
  if (!updated.title.trim()) {
    throw new UserError('invalid-request', 'An article needs a title. Type a title, or undo the change.');
  }
  await ctx.store.putArticle(updated);
  ctx.emit({ scope: 'articles', articleId: id });
  const summary = ctx.store.listArticles().find((a) => a.id === id);
  if (!summary) throw new UserError('internal', `The article ${id} was saved but is missing from the library index.`);
  return summary;
}

export async function deleteArticle(ctx: CoreContext, id: string): Promise<void> {
  await requireArticle(ctx, id);
  await ctx.store.deleteArticle(id);
  ctx.emit({ scope: 'articles', articleId: id });
}
