import type { ArticleSummary, Claim } from '../../../shared/model';
import { claimsDigest, transientDigest, type DigestView } from '../claim-digests';
import type { CoreContext } from '../context';

/**
 * The digest positions and networks read: the notebook's persisted one, or, for one coder, a
 * digest of that coder's claims (by `createdBy`) in the given articles. The persisted digest
 * holds no coder, so the per-coder one reads those articles' claims from the store each time:
 * fine for a team's notebook, slower than the shared digest at many thousands of articles.
 */
export async function digestForCoder(ctx: CoreContext, articles: ArticleSummary[], coderId: string | undefined): Promise<DigestView> {
  if (!coderId) return claimsDigest(ctx);
  const claims = new Map<string, Claim[]>();
  for (const article of articles) {
    if (article.claimCount === 0) continue;
    claims.set(article.id, (await ctx.store.getClaims(article.id)).filter((c) => c.createdBy === coderId));
  }
  return transientDigest(claims);
}
