/**
 * Statements: what a discourse network is built from. One claim of one actor on one proposition
 * with one stance is one statement (DNA's actor × concept × qualifier); a claim held by two
 * actors is a statement of each. The concept is the proposition within its issue: two actors
 * stand together or apart only on the same proposition, never merely on the same issue.
 */

import { propositionKey } from '../positions/position-rules';

/** Which side of the stance scale a stance value falls on: for, against, or neither. */
export type Side = 1 | -1 | 0;

export const sideOf = (value: number): Side => (value > 0 ? 1 : value < 0 ? -1 : 0);

export interface Statement {
  actorId: string;
  /** The proposition within its issue (see conceptKey). */
  concept: string;
  side: Side;
  articleId: string;
  /** The claim's index among its article's claims in text order (see claim-digests' inTextOrder). */
  claimIndex: number;
  /** The day the statement was made: the article's date (YYYY-MM-DD). */
  day: string;
}

/** Proposition identity: the same proposition (positions/position-rules' propositionKey) under the same issue. */
export function conceptKey(issueId: string, proposition: string): string {
  return `${issueId}\u0000${propositionKey(proposition)}`;
}

/**
 * Which repeats of a statement count (DNA's "duplicates" setting): every claim, one per article
 * (an actor saying the same thing twice in one article is one statement), or one per day.
 */
export type DuplicateRule = 'include' | 'article' | 'day';

/** The statements left once repeats are removed by the rule; the first of each repeat is kept. */
export function dropDuplicates(statements: Statement[], rule: DuplicateRule): Statement[] {
  if (rule === 'include') return statements;
  // Numbers, not strings, as keys: actors and concepts are numbered once (the statements share
  // their string objects, so each look-up is a cached hash), and the article or day picks a set.
  const numbers = new Map<string, number>();
  const numberOf = (text: string): number => {
    let n = numbers.get(text);
    if (n === undefined) numbers.set(text, (n = numbers.size));
    return n;
  };
  const byGroup = new Map<string, Set<number>>();
  let lastGroup: string | null = null;
  let seen: Set<number> | undefined;
  const out: Statement[] = [];
  for (const s of statements) {
    const group = rule === 'article' ? s.articleId : s.day;
    if (group !== lastGroup) {
      seen = byGroup.get(group);
      if (!seen) byGroup.set(group, (seen = new Set()));
      lastGroup = group;
    }
    // Below 2^53 for up to a million different actors and concepts.
    const key = (numberOf(s.actorId) * 1_048_576 + numberOf(s.concept)) * 3 + s.side + 1;
    if (seen!.has(key)) continue;
    seen!.add(key);
    out.push(s);
  }
  return out;
}
