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
  const seen = new Set<string>();
  return statements.filter((s) => {
    const key = `${s.actorId}\u0000${s.concept}\u0000${s.side}\u0000${rule === 'article' ? s.articleId : s.day}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
