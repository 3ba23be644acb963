import type { PositionsFilter } from '../../../shared/api/contract-positions';
import type { ArticleSummary } from '../../../shared/model';
import type { CoreContext } from '../context';
import { articlesFor } from '../positions/positions';
import { conceptKey, sideOf, type Statement } from './statements';

/** What a concept key stands for, to name it in views and exports. */
export interface ConceptInfo {
  issueId: string;
  proposition: string;
}

export interface GatheredStatements {
  statements: Statement[];
  concepts: Map<string, ConceptInfo>;
  articles: Map<string, ArticleSummary>;
}

/** The day an article's statements were made: its date, else the day it was added. */
export const dayOf = (article: ArticleSummary): string => (article.publishedAt ?? article.createdAt).slice(0, 10);

/**
 * The statements of the articles the filter keeps (the positions filter: dates, collection,
 * source). A claim is a statement of each of its actors when it has an issue, a proposition
 * and a stance; claims without one of these cannot put two actors on a proposition, and are
 * left out (they still count in positions).
 */
export async function gatherStatements(ctx: CoreContext, filter: PositionsFilter): Promise<GatheredStatements> {
  const codebook = ctx.store.getCodebook();
  const value = new Map(codebook.stances.map((s) => [s.id, s.value]));
  const statements: Statement[] = [];
  const concepts = new Map<string, ConceptInfo>();
  const articles = new Map<string, ArticleSummary>();
  for (const article of articlesFor(ctx, filter)) {
    articles.set(article.id, article);
    const day = dayOf(article);
    for (const claim of await ctx.store.getClaims(article.id)) {
      const stance = claim.stanceId ? value.get(claim.stanceId) : undefined;
      if (!claim.issueId || !claim.proposition.trim() || stance === undefined) continue;
      const concept = conceptKey(claim.issueId, claim.proposition);
      if (!concepts.has(concept)) concepts.set(concept, { issueId: claim.issueId, proposition: claim.proposition.trim() });
      for (const actorId of new Set(claim.actorIds)) {
        statements.push({ actorId, concept, side: sideOf(stance), articleId: article.id, claimId: claim.id, day });
      }
    }
  }
  return { statements, concepts, articles };
}
