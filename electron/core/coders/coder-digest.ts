import type { ArticleSummary, Claim } from '../../../shared/model';
import { claimsDigest, transientDigest, type DigestView } from '../claims/claim-digests';
import type { CoreContext } from '../context';
import { isBlindFor } from './blind-coding';
import { getCoder } from './coder-settings';

/** Which claims of an article count; null when all of them do. */
export type ClaimScope = ((articleId: string, claim: Claim) => boolean) | null;

/**
 * Which claims notebook-wide views count: one coder's only (`coderId`: claims that coder made),
 * and, on articles this copy's coder is blind-coding and not done with, only the coder's own
 * (as in the reader). Null: every claim.
 */
export async function claimScope(ctx: CoreContext, articles: ArticleSummary[], coderId: string | undefined): Promise<ClaimScope> {
  const me = await getCoder(ctx);
  const blind = new Set(articles.filter((a) => a.claimCount > 0 && isBlindFor(a, me)).map((a) => a.id));
  if (!coderId && blind.size === 0) return null;
  const own = (c: Claim) => (me ? c.createdBy === me.id : !c.createdBy);
  return (articleId, claim) => (!coderId || claim.createdBy === coderId) && (!blind.has(articleId) || own(claim));
}

/**
 * The digest positions and networks read: the notebook's persisted one when every claim counts;
 * else (see `claimScope`) a digest of the claims that count, read from the store. The persisted
 * digest holds no coder, so that reads the claims of every article in scope: fine for a team's
 * notebook, slower than the shared digest at many thousands of articles.
 */
export async function digestForCoder(ctx: CoreContext, articles: ArticleSummary[], coderId: string | undefined): Promise<DigestView> {
  const scope = await claimScope(ctx, articles, coderId);
  if (!scope) return claimsDigest(ctx);
  const claims = new Map<string, Claim[]>();
  for (const article of articles) {
    if (article.claimCount === 0) continue;
    claims.set(
      article.id,
      (await ctx.store.getClaims(article.id)).filter((c) => scope(article.id, c)),
    );
  }
  return transientDigest(claims);
}
