import type { PositionsFilter } from '../../../shared/api/contract-positions';
import type { ArticleSummary } from '../../../shared/model';
import { digestForCoder } from '../coders/coder-digest';
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
 * source), from the persisted claims digest (the same one positions reads; only articles that
 * changed are re-read). A claim is a statement of each of its actors when it has an issue, a
 * proposition and a stance; claims without one of these cannot put two actors on a proposition,
 * and are left out (they still count in positions). A statement keeps its claim's index in the
 * article's claims in text order, which is how the digest holds them.
 */
export async function gatherStatements(ctx: CoreContext, filter: PositionsFilter): Promise<GatheredStatements> {
  const articlesKept = articlesFor(ctx, filter);
  const digest = await digestForCoder(ctx, articlesKept, filter.coderId);
  // Nothing is awaited from here on: the digest cannot change under the pass.
  const { tables } = digest;
  const codebookValue = new Map(ctx.store.getCodebook().stances.map((s) => [s.id, s.value]));
  const stanceValue = tables.stances.values.map((id) => codebookValue.get(id));
  const issueIds = tables.issues.values;
  const actorIds = tables.actors.values;
  const propositions = tables.propositions.values;
  const conceptOf = new Map<string, string>();
  const statements: Statement[] = [];
  const concepts = new Map<string, ConceptInfo>();
  const articles = new Map<string, ArticleSummary>();
  for (const article of articlesKept) {
    articles.set(article.id, article);
    const block = digest.block(article.id);
    if (!block) continue;
    const day = dayOf(article);
    for (let i = block.from; i < block.to; i++) {
      const issue = block.issue[i]!;
      const proposition = block.proposition[i]!;
      const stance = block.stance[i]!;
      const value = stance >= 0 ? stanceValue[stance] : undefined;
      if (issue < 0 || proposition < 0 || value === undefined) continue;
      // One concept key per (issue, proposition) pair of table indexes, computed once.
      const pairKey = `${issue}:${proposition}`;
      let concept = conceptOf.get(pairKey);
      if (concept === undefined) {
        concept = conceptKey(issueIds[issue]!, propositions[proposition]!);
        conceptOf.set(pairKey, concept);
        if (!concepts.has(concept)) concepts.set(concept, { issueId: issueIds[issue]!, proposition: propositions[proposition]! });
      }
      const side = sideOf(value);
      for (let a = block.actorStart[i]!; a < block.actorStart[i + 1]!; a++) {
        statements.push({ actorId: actorIds[block.actors[a]!]!, concept, side, articleId: article.id, claimIndex: i - block.from, day });
      }
    }
  }
  return { statements, concepts, articles };
}
