import { UserError } from '../../../shared/api';
import type { Article, Claim, Coder, DoubleCoding } from '../../../shared/model';
import { requireArticle } from '../articles';
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

async function writeDoubleCoding(ctx: CoreContext, article: Article, doubleCoding: DoubleCoding | null): Promise<{ doubleCoding: DoubleCoding | null }> {
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
  if (!coder) throw new UserError('invalid-request', 'Set your coder name first (Settings, or stancebook coder --name NAME): "done" is recorded per coder.');
  if (!article.doubleCoding) {
    throw new UserError('invalid-request', 'This article is not marked for double coding, so there is nothing to mark done. Mark it for blind coding first.');
  }
  const others = article.doubleCoding.done.filter((id) => id !== coder.id);
  return writeDoubleCoding(ctx, article, { ...article.doubleCoding, done: done ? [...others, coder.id] : others });
}
