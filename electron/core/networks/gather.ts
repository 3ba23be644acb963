import type { PositionsFilter } from '../../../shared/api/contract-positions';
import type { ArticleSummary } from '../../../shared/model';
import { digestForCoder } from '../coders/coder-digest';
import type { CoreContext } from '../context';
import { articlesFor } from '../positions/positions';
import { drawnActors, drawnOfClaim } from '../positions/positions-map';
import { scopeOf } from '../registry/actor-scope';
import { conceptKey, sideOf, type DuplicateRule, type Statement } from './statements';

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
 * source; actors rolled up and filtered by attributes), from the persisted claims digest (the same one positions reads; only articles that
 * changed are re-read). A claim is a statement of each of its actors when it has an issue, a
 * proposition and a stance; claims without one of these cannot put two actors on a proposition,
 * and are left out (they still count in positions). A statement keeps its claim's index in the
 * article's claims in text order, which is how the digest holds them. `duplicates` drops repeats
 * as `dropDuplicates` does (the first kept), while reading.
 */
export async function gatherStatements(
  ctx: CoreContext,
  filter: PositionsFilter,
  duplicates: DuplicateRule = 'include',
): Promise<GatheredStatements> {
  const articlesKept = articlesFor(ctx, filter);
  const digest = await digestForCoder(ctx, articlesKept, filter.coderId);
  // Nothing is awaited from here on: the digest cannot change under the pass.
  const { tables } = digest;
  const codebook = ctx.store.getCodebook();
  const codebookValue = new Map(codebook.stances.map((s) => [s.id, s.value]));
  const stanceValue = tables.stances.values.map((id) => codebookValue.get(id));
  const issueIds = tables.issues.values;
  // Actors as drawn: rolled up to parents and filtered by attributes, as the request says.
  const { drawnIds: actorIds, drawnIndex } = drawnActors(tables.actors.values, scopeOf(codebook, filter));
  const claimActors = new Int32Array(Math.max(1, drawnIndex.length));
  const propositions = tables.propositions.values;
  const conceptOf = new Map<number, { concept: string; number: number }>();
  // The duplicate rule applied here, on numbers (drawn actor, concept, side) per article or day:
  // the same as dropDuplicates on the statements, without a string key per statement.
  const conceptNumber = new Map<string, number>();
  const seenByDay = new Map<string, Set<number>>();
  const seenInArticle = new Set<number>();
  const statements: Statement[] = [];
  const concepts = new Map<string, ConceptInfo>();
  const articles = new Map<string, ArticleSummary>();
  for (const article of articlesKept) {
    articles.set(article.id, article);
    const block = digest.block(article.id);
    if (!block) continue;
    const day = dayOf(article);
    seenInArticle.clear();
    let seen: Set<number> | null = null;
    if (duplicates === 'article') seen = seenInArticle;
    else if (duplicates === 'day') {
      seen = seenByDay.get(day) ?? null;
      if (!seen) seenByDay.set(day, (seen = new Set()));
    }
    for (let i = block.from; i < block.to; i++) {
      const issue = block.issue[i]!;
      const proposition = block.proposition[i]!;
      const stance = block.stance[i]!;
      const value = stance >= 0 ? stanceValue[stance] : undefined;
      if (issue < 0 || proposition < 0 || value === undefined) continue;
      // One concept key and number per (issue, proposition) pair of table indexes, found once:
      // a number, not a string, looks the pair up (no string built per claim).
      const pairKey = issue * 4_294_967_296 + proposition;
      let known = conceptOf.get(pairKey);
      if (known === undefined) {
        const concept = conceptKey(issueIds[issue]!, propositions[proposition]!);
        if (!concepts.has(concept)) concepts.set(concept, { issueId: issueIds[issue]!, proposition: propositions[proposition]! });
        let number = conceptNumber.get(concept);
        if (number === undefined) conceptNumber.set(concept, (number = conceptNumber.size));
        conceptOf.set(pairKey, (known = { concept, number }));
      }
      const { concept, number } = known;
      const side = sideOf(value);
      const drawn = drawnOfClaim(block.actors, block.actorStart[i]!, block.actorStart[i + 1]!, drawnIndex, claimActors);
      for (let a = 0; a < drawn; a++) {
        if (seen) {
          // Below 2^53 for up to a million drawn actors and concepts.
          const key = (claimActors[a]! * 1_048_576 + number) * 3 + side + 1;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        statements.push({ actorId: actorIds[claimActors[a]!]!, concept, side, articleId: article.id, claimIndex: i - block.from, day });
      }
    }
  }
  return { statements, concepts, articles };
}
