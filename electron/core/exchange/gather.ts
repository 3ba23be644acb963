import type { Article, Claim } from '../../../shared/model';
import { requireArticle } from '../articles';
import { getClaims } from '../claims';
import type { CoreContext } from '../context';

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
  const summaries = [...ctx.store.listArticles()].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const out: ArticleClaims[] = [];
  for (const summary of summaries) {
    const article = await ctx.store.getArticle(summary.id);
    if (article) out.push({ article, claims: await getClaims(ctx, summary.id) });
  }
  return out;
}
