import type { FoundCitation } from '../../../shared/api/contract-briefs';
import type { Claim, Codebook } from '../../../shared/model';
import { listArticles } from '../articles/articles';
import { sortClaims } from '../claims/claims';
import type { CoreContext } from '../context';
import { describeCitation } from './citations';

/** The words a claim is found by: its quote and coding by name (actor aliases too), and its note. */
function haystack(claim: Claim, articleTitle: string, codebook: Codebook): string {
  const actors = codebook.actors.filter((a) => claim.actorIds.includes(a.id)).flatMap((a) => [a.name, ...a.aliases]);
  const issue = codebook.issues.find((i) => i.id === claim.issueId)?.name ?? '';
  const stance = codebook.stances.find((s) => s.id === claim.stanceId)?.label ?? '';
  return [claim.target.quote.exact, ...actors, issue, stance, claim.proposition, claim.speaker ?? '', claim.note, articleTitle, ...claim.tags]
    .join(' ')
    .toLowerCase();
}

/**
 * Claims to cite, for the editor's picker: every word of `query` must occur somewhere in the
 * claim's words (an empty query matches all). Looks in `preferArticleId` first (the article the
 * analyst has open), then the library in its usual order, in text order within an article, and
 * stops reading articles once `limit` claims are found.
 * This reads article files one by one; a notebook-wide search index should replace the scan
 * when the search area provides one.
 */
export async function findClaimsToCite(ctx: CoreContext, query: string, limit: number, preferArticleId?: string): Promise<FoundCitation[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const codebook = ctx.store.getCodebook();
  const articles = listArticles(ctx);
  const preferred = articles.find((a) => a.id === preferArticleId);
  const ordered = preferred ? [preferred, ...articles.filter((a) => a !== preferred)] : articles;
  const out: FoundCitation[] = [];
  for (const article of ordered) {
    if (article.claimCount === 0) continue;
    for (const claim of sortClaims(await ctx.store.getClaims(article.id))) {
      const text = haystack(claim, article.title, codebook);
      if (!words.every((w) => text.includes(w))) continue;
      out.push(describeCitation(claim, article, codebook));
      if (out.length >= limit) return out;
    }
  }
  return out;
}
