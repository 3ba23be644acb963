import type { SearchFilters } from '../../../shared/api/contract-search';
import { UserError } from '../../../shared/api/errors';
import type { ArticleSummary, Codebook } from '../../../shared/model';
import { articleFilterOf, prepareArticleFilter } from '../articles/article-filter';
import { listItem } from './index-ops';
import { keptArticleIds } from './kept-articles';
import { KIND } from './index-schema';
import type { SqlValue } from './sqlite/sql-database';

function invalid(message: string): UserError {
  return new UserError('invalid-request', message);
}

/** The issue and all issues nested under it, so "Taiwan" also finds claims on its sub-issues. */
export function issueWithDescendants(codebook: Codebook, issueId: string): Set<string> {
  const ids = new Set([issueId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const issue of codebook.issues) {
      if (issue.parentId && ids.has(issue.parentId) && !ids.has(issue.id)) {
        ids.add(issue.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** A condition on the docs table (alias `d`) with its parameters; null when nothing is filtered. */
export interface SqlCondition {
  sql: string;
  params: SqlValue[];
}

/**
 * Checks the filters against the codebook and turns them into one SQL condition on a document
 * row `d`. Throws a UserError naming the problem for a reversed date range or an unknown actor,
 * issue or stance. Claims pass the date, source and collection filters through their article
 * (whose values each claim row carries) and the coding filters by their own coding; articles pass
 * by their metadata and by holding at least one claim that passes every coding filter; briefs
 * have neither, so any such filter leaves them out.
 */
export function filterCondition(filters: SearchFilters | undefined, codebook: Codebook, articles: readonly ArticleSummary[]): SqlCondition | null {
  const f = filters ?? {};
  // The article part is matched by the one ArticleFilter against the library, not by the index's own copy of the metadata.
  const articleFilterFields = articleFilterOf(f);
  const articleFilter = prepareArticleFilter(articleFilterFields);
  if (f.actorId && !codebook.actors.some((a) => a.id === f.actorId)) {
    throw invalid(`Unknown actor "${f.actorId}" in the search filters. Pick an actor from the codebook.`);
  }
  if (f.issueId && !codebook.issues.some((i) => i.id === f.issueId)) {
    throw invalid(`Unknown issue "${f.issueId}" in the search filters. Pick an issue from the codebook.`);
  }
  if (f.stanceId && !codebook.stances.some((s) => s.id === f.stanceId)) {
    throw invalid(`Unknown stance "${f.stanceId}" in the search filters. Pick a stance from the codebook's scale.`);
  }
  const issues = f.issueId ? [...issueWithDescendants(codebook, f.issueId)] : null;

  // Article metadata: the row's article (an article, or a claim's article) is one the filter keeps.
  // Tested once, before the kinds' branches (SQLite builds the list of ids once per statement).
  const meta = articleFilter.active
    ? { sql: 'd.article_id IN (SELECT value FROM json_each(?))', params: [keptArticleIds(articleFilterFields, articleFilter, articles)] }
    : null;

  // Coding, on a claim row of the given alias.
  const coding = (alias: string): SqlCondition => {
    const sql: string[] = [];
    const params: SqlValue[] = [];
    if (f.actorId) {
      sql.push(`instr(${alias}.actors, ?) > 0`);
      params.push(listItem(f.actorId));
    }
    if (issues) {
      sql.push(`${alias}.issue_id IN (${issues.map(() => '?').join(', ')})`);
      params.push(...issues);
    }
    if (f.stanceId) {
      sql.push(`${alias}.stance_id = ?`);
      params.push(f.stanceId);
    }
    return { sql: sql.join(' AND '), params };
  };
  const byCoding = Boolean(f.actorId || issues || f.stanceId);
  const kinds = f.kinds ? new Set(f.kinds) : null;
  if (!byCoding && !meta && !kinds) return null;

  const branches: string[] = [];
  const params: SqlValue[] = [];
  const allow = (kind: keyof typeof KIND): boolean => !kinds || kinds.has(kind);
  if (allow('claim')) {
    const own = coding('d');
    const parts = [`d.kind = ${KIND.claim}`, ...(byCoding ? [own.sql] : [])];
    branches.push(`(${parts.join(' AND ')})`);
    params.push(...(byCoding ? own.params : []));
  }
  if (allow('article')) {
    const parts = [`d.kind = ${KIND.article}`];
    if (byCoding) {
      // The article row lists what its claims are coded with: one coding filter is tested there
      // alone; with several, one claim must pass them all, so the claims are checked as well.
      const union: string[] = [];
      if (f.actorId) {
        union.push('instr(d.coded_actors, ?) > 0');
        params.push(listItem(f.actorId));
      }
      if (issues) {
        union.push(`(${issues.map(() => 'instr(d.coded_issues, ?) > 0').join(' OR ')})`);
        params.push(...issues.map(listItem));
      }
      if (f.stanceId) {
        union.push('instr(d.coded_stances, ?) > 0');
        params.push(listItem(f.stanceId));
      }
      parts.push(...union);
      if (union.length > 1) {
        const c = coding('c');
        parts.push(`EXISTS (SELECT 1 FROM docs c WHERE c.article_id = d.article_id AND c.kind = ${KIND.claim} AND ${c.sql})`);
        params.push(...c.params);
      }
    }
    branches.push(`(${parts.join(' AND ')})`);
  }
  if (allow('brief') && !byCoding && !meta) branches.push(`d.kind = ${KIND.brief}`);
  if (branches.length === 0) return { sql: '0', params: [] };
  const either = `(${branches.join(' OR ')})`;
  return meta ? { sql: `${meta.sql} AND ${either}`, params: [...meta.params, ...params] } : { sql: either, params };
}
