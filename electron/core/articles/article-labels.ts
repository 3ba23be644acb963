import { UserError } from '../../../shared/api';
import type { CollectionChange, LabelCount } from '../../../shared/api/contract-library';
import type { Article, ArticleSummary } from '../../../shared/model';
import { requireArticle } from './articles';
import { isoNow, type CoreContext } from '../context';
import { labelKey } from './fold-key';
import { labelCounts, namesInUse, type LabelField } from './label-counts';
import { cleanLabel, cleanLabelList } from './label-names';

const KIND = { tags: 'tag', collections: 'collection' } as const;

function summaryOf(ctx: CoreContext, articleId: string): ArticleSummary {
  const summary = ctx.store.listArticles().find((a) => a.id === articleId);
  if (!summary) throw new UserError('internal', `The article ${articleId} was saved but is missing from the library index.`);
  return summary;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Replaces an article's tags or collections with the tidied list (see cleanLabelList) and
 * answers its summary as the library now shows it. A list that changes nothing writes nothing.
 * @throws UserError 'not-found' for an unknown article; 'invalid-request' for a bad name.
 */
export async function setArticleLabels(ctx: CoreContext, articleId: string, field: LabelField, names: readonly string[]): Promise<ArticleSummary> {
  const article = await requireArticle(ctx, articleId);
  const cleaned = cleanLabelList(KIND[field], names, namesInUse(ctx.store.listArticles(), field, articleId));
  if (sameList(article[field], cleaned)) return summaryOf(ctx, articleId);
  await ctx.store.putArticle({ ...article, [field]: cleaned, updatedAt: isoNow(ctx) });
  ctx.emit({ scope: 'articles', articleId });
  return summaryOf(ctx, articleId);
}

/** Every collection with its article count. */
export function listCollections(ctx: CoreContext): LabelCount[] {
  return labelCounts(ctx.store.listArticles(), 'collections');
}

/** Every article tag with its article count. */
export function listArticleTags(ctx: CoreContext): LabelCount[] {
  return labelCounts(ctx.store.listArticles(), 'tags');
}

/**
 * Rewrites several articles one by one. The store writes one article durably at a time, so if
 * a write fails part way the articles already rewritten are put back as they were (best effort)
 * before the error is passed on: a failed rename should not leave a collection half renamed.
 * Clients hear of the changes only once all are written.
 */
async function rewriteArticles(ctx: CoreContext, ids: readonly string[], edit: (article: Article) => Article): Promise<void> {
  const originals: Article[] = [];
  try {
    for (const id of ids) {
      const article = await requireArticle(ctx, id);
      await ctx.store.putArticle(edit(article));
      originals.push(article);
    }
  } catch (error) {
    for (const original of originals.reverse()) await ctx.store.putArticle(original).catch(() => undefined);
    throw error;
  }
  for (const articleId of ids) ctx.emit({ scope: 'articles', articleId });
}

function articlesInCollection(ctx: CoreContext, key: string): string[] {
  return ctx.store
    .listArticles()
    .filter((a) => a.collections.some((c) => labelKey(c) === key))
    .map((a) => a.id);
}

function requireCollection(ctx: CoreContext, name: string): { key: string; ids: string[] } {
  const key = labelKey(name);
  const ids = articlesInCollection(ctx, key);
  if (ids.length === 0) {
    throw new UserError('not-found', `There is no collection called "${name}". It may have been renamed or deleted; reload the library.`);
  }
  return { key, ids };
}

/**
 * Renames a collection on every article in it (any spelling of `from` counts). Renaming onto a
 * name another collection already has merges the two under that collection's spelling, since
 * two collections differing only in case would be confusing; an article in both is in the
 * merged one once. Changing only the case of a name is a rename like any other.
 * @throws UserError 'not-found' when no article is in `from`; 'invalid-request' for a bad `to`.
 */
export async function renameCollection(ctx: CoreContext, from: string, to: string): Promise<CollectionChange> {
  const source = requireCollection(ctx, cleanLabel('collection', from));
  const wanted = cleanLabel('collection', to);
  const targetKey = labelKey(wanted);
  const existing = targetKey === source.key ? undefined : namesInUse(ctx.store.listArticles(), 'collections').find((c) => labelKey(c) === targetKey);
  const target = existing ?? wanted;
  // Articles whose list would read the same (already spelled as `to`) are not rewritten.
  const inSource = new Set(source.ids);
  const changed = ctx.store
    .listArticles()
    .filter((a) => inSource.has(a.id) && !sameList(a.collections, renamed(a.collections, source.key, target)))
    .map((a) => a.id);
  const now = isoNow(ctx);
  await rewriteArticles(ctx, changed, (article) => ({
    ...article,
    collections: renamed(article.collections, source.key, target),
    updatedAt: now,
  }));
  return { articlesChanged: changed.length, collections: listCollections(ctx) };
}

/** `names` with every spelling of `key` replaced by `target`, keeping order and dropping repeats. */
function renamed(names: readonly string[], key: string, target: string): string[] {
  const out = new Map<string, string>();
  for (const name of names) {
    const next = labelKey(name) === key ? target : name;
    if (!out.has(labelKey(next))) out.set(labelKey(next), next);
  }
  return [...out.values()];
}

/**
 * Takes a collection off every article in it. The articles stay in the library, with their
 * other collections.
 * @throws UserError 'not-found' when no article is in the collection.
 */
export async function deleteCollection(ctx: CoreContext, name: string): Promise<CollectionChange> {
  const { key, ids } = requireCollection(ctx, cleanLabel('collection', name));
  const now = isoNow(ctx);
  await rewriteArticles(ctx, ids, (article) => ({
    ...article,
    collections: article.collections.filter((c) => labelKey(c) !== key),
    updatedAt: now,
  }));
  return { articlesChanged: ids.length, collections: listCollections(ctx) };
}
