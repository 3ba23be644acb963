import type { Article, Claim } from '../../../shared/model';
import { requireArticle } from '../articles/articles';
import { getClaims } from '../claims/claims';
import type { CoreContext } from '../context';

/**
 * Library order for exports: by title, then id. One collator for the whole sort: the same order as
 * localeCompare without arguments, which builds its comparison anew at each call (10,000 titles
 * sorted that way held the process for ~100 ms at the start of a notebook-wide export).
 */
const collator = new Intl.Collator();
const byTitleThenId = (a: { title: string; id: string }, b: { title: string; id: string }): number =>
  collator.compare(a.title, b.title) || collator.compare(a.id, b.id);

/** An article with its claims in reading order. */
export interface ArticleClaims {
  article: Article;
  claims: Claim[];
}

/**
 * Loads one article (throwing not-found for an unknown id) or every article in the library,
 * each with its claims. Articles come in library order (by title, then id) so exports are stable.
 */
export async function gatherArticles(ctx: CoreContext, articleId?: string): Promise<ArticleClaims[]> {
  if (articleId) {
    const article = await requireArticle(ctx, articleId);
    return [{ article, claims: await getClaims(ctx, articleId) }];
  }
  const summaries = [...ctx.store.listArticles()].sort(byTitleThenId);
  const out: ArticleClaims[] = [];
  for (const summary of summaries) {
    const article = await ctx.store.getArticle(summary.id);
    if (article) out.push({ article, claims: await getClaims(ctx, summary.id) });
  }
  return out;
}

/** What a claims table needs of an article: the library's fields, not the text. */
export type ArticleHead = Pick<Article, 'id' | 'title' | 'publishedAt' | 'source' | 'url'>;

/**
 * Every article that has claims, as its library summary with its claims, in the order of
 * gatherArticles, one article at a time. For the claims CSV: it never holds the notebook's texts
 * in memory at once (10,000 articles' texts and shards kept to the end made the export's heap
 * ~1 GB), nor all of its claims (100,000 claims held until the end made long garbage-collection
 * pauses while the CSV was written).
 */
export async function* claimsByArticle(ctx: CoreContext): AsyncGenerator<{ article: ArticleHead; claims: Claim[] }> {
  const summaries = [...ctx.store.listArticles()].sort(byTitleThenId);
  for (const summary of summaries) {
    if (summary.claimCount === 0) continue;
    const claims = await getClaims(ctx, summary.id);
    if (claims.length > 0) yield { article: summary, claims };
  }
}
