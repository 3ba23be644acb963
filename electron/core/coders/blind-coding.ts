import { UserError } from '../../../shared/api';
import type { Article, Claim, Coder, DoubleCoding } from '../../../shared/model';
import { requireArticle } from '../articles/articles';
import { isoNow, type CoreContext } from '../context';
import { getCoder } from './coder-settings';

/*
 * Blind double coding: an article marked blind shows each coder only their own claims until they
 * mark it done for themselves. The marks live on the article (`doubleCoding`), so every copy of a
 * shared notebook knows which articles are blind and who is done.
 */

/** True while `coder` may not see other coders' claims on the article. */
export function isBlindFor(article: Pick<Article, 'doubleCoding'>, coder: Coder | null): boolean {
  const coding = article.doubleCoding;
  if (!coding?.blind) return false;
  return !coder || !coding.done.includes(coder.id);
}

/**
 * The claims of an article this copy's coder may see: all of them, or while the article is blind
 * for them, their own (a copy with no coder sees only claims that name no coder).
 */
export async function visibleClaims(ctx: CoreContext, article: Article, claims: Claim[]): Promise<Claim[]> {
  const coder = await getCoder(ctx);
  if (!isBlindFor(article, coder)) return claims;
  return claims.filter((c) => (coder ? c.createdBy === coder.id : !c.createdBy));
}

async function writeDoubleCoding(
  ctx: CoreContext,
  article: Article,
  doubleCoding: DoubleCoding | null,
): Promise<{ doubleCoding: DoubleCoding | null }> {
  const { doubleCoding: _old, ...rest } = article;
  await ctx.store.putArticle(doubleCoding ? { ...rest, doubleCoding, updatedAt: isoNow(ctx) } : { ...rest, updatedAt: isoNow(ctx) });
  ctx.emit({ scope: 'articles', articleId: article.id });
  ctx.emit({ scope: 'claims', articleId: article.id });
  return { doubleCoding };
}

/** Turns blind double coding on (keeping who is done) or off for an article. */
export async function setDoubleCoding(ctx: CoreContext, articleId: string, blind: boolean) {
  const article = await requireArticle(ctx, articleId);
  const done = article.doubleCoding?.done ?? [];
  if (!blind && done.length === 0) return writeDoubleCoding(ctx, article, null);
  return writeDoubleCoding(ctx, article, { blind, done });
}

/** Marks this copy's coder done (or not) with a blind article. Refused without a coder. */
export async function markCodingDone(ctx: CoreContext, articleId: string, done: boolean) {
  const article = await requireArticle(ctx, articleId);
  const coder = await getCoder(ctx);
  if (!coder)
    throw new UserError('invalid-request', 'Set your coder name first (Settings, or stancebook coder --name NAME): "done" is recorded per coder.');
  if (!article.doubleCoding) {
    throw new UserError(
      'invalid-request',
      'This article is not marked for double coding, so there is nothing to mark done. Mark it for blind coding first.',
    );
  }
  const others = article.doubleCoding.done.filter((id) => id !== coder.id);
  return writeDoubleCoding(ctx, article, { ...article.doubleCoding, done: done ? [...others, coder.id] : others });
}

/**
 * Search results without the claim hits this copy's coder may not see yet (others' claims on an
 * article they are blind-coding and not done with). The total drops by what this page hid; hits
 * hidden on other pages are not counted out, so on a blind notebook it may overcount.
 */
export async function withoutBlindHits<R extends { total: number; hits: { kind: string; articleId: string | null; claimId: string | null }[] }>(
  ctx: CoreContext,
  response: R,
): Promise<R> {
  const claimHits = response.hits.filter((h) => h.kind === 'claim' && h.articleId && h.claimId);
  if (claimHits.length === 0) return response;
  const coder = await getCoder(ctx);
  const hidden = new Set<string>();
  for (const articleId of new Set(claimHits.map((h) => h.articleId!))) {
    // A look-up: scanning the library per article cost ~100 ms per search at 50,000 articles.
    const summary = ctx.store.getArticleSummary(articleId);
    if (!summary || !isBlindFor(summary, coder)) continue;
    const claims = await ctx.store.getClaims(articleId);
    for (const claim of claims) if (coder ? claim.createdBy !== coder.id : !!claim.createdBy) hidden.add(claim.id);
  }
  if (hidden.size === 0) return response;
  const hits = response.hits.filter((h) => !(h.kind === 'claim' && h.claimId && hidden.has(h.claimId)));
  return { ...response, hits, total: Math.max(0, response.total - (response.hits.length - hits.length)) };
}
