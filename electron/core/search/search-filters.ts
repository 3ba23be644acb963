import type { SearchFilters } from '../../../shared/api/contract-search';
import { UserError } from '../../../shared/api/errors';
import type { Codebook } from '../../../shared/model';
import { foldTerm } from './fold-text';
import { articleDocId, type ArticleRecord, type ClaimRecord, type SearchRecord } from './search-records';

/** Decides whether a record passes the filters. */
export type RecordFilter = (record: SearchRecord) => boolean;

function invalid(message: string): UserError {
  return new UserError('invalid-request', message);
}

/** The issue and all issues nested under it, so "Taiwan" also finds claims on its sub-issues. */
function issueWithDescendants(codebook: Codebook, issueId: string): Set<string> {
  const ids = new Set([issueId]);
  for (let grew = true; grew; ) {
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

/**
 * Checks the filters against the codebook and compiles them into one predicate. Throws a
 * UserError naming the problem for a reversed date range or an unknown actor, issue or stance.
 * Claims are filtered by their own coding and by their article's date, source and collection;
 * articles by their metadata and by holding at least one claim that passes the coding filters.
 */
export function compileFilters(filters: SearchFilters | undefined, codebook: Codebook, records: Map<string, SearchRecord>): RecordFilter {
  const f = filters ?? {};
  if (f.publishedFrom && f.publishedTo && f.publishedFrom > f.publishedTo) {
    throw invalid(`The date range is reversed: "from" (${f.publishedFrom}) is after "to" (${f.publishedTo}). Swap the dates.`);
  }
  if (f.actorId && !codebook.actors.some((a) => a.id === f.actorId)) {
    throw invalid(`Unknown actor "${f.actorId}" in the search filters. Pick an actor from the codebook.`);
  }
  if (f.issueId && !codebook.issues.some((i) => i.id === f.issueId)) {
    throw invalid(`Unknown issue "${f.issueId}" in the search filters. Pick an issue from the codebook.`);
  }
  if (f.stanceId && !codebook.stances.some((s) => s.id === f.stanceId)) {
    throw invalid(`Unknown stance "${f.stanceId}" in the search filters. Pick a stance from the codebook's scale.`);
  }
  const kinds = f.kinds ? new Set(f.kinds) : null;
  const source = f.source?.trim() ? foldTerm(f.source.trim()) : null;
  const collection = f.collection?.trim() ? foldTerm(f.collection.trim()) : null;
  const issues = f.issueId ? issueWithDescendants(codebook, f.issueId) : null;
  const byCoding = Boolean(f.actorId || issues || f.stanceId);
  const byArticle = Boolean(f.publishedFrom || f.publishedTo || source || collection);

  const codingPasses = (claim: ClaimRecord): boolean =>
    (!f.actorId || claim.actorIds.includes(f.actorId)) &&
    (!issues || (claim.issueId !== null && issues.has(claim.issueId))) &&
    (!f.stanceId || claim.stanceId === f.stanceId);

  const articlePasses = (article: ArticleRecord | undefined): boolean => {
    if (!article) return false;
    const date = article.publishedAt;
    if ((f.publishedFrom || f.publishedTo) && !date) return false;
    if (f.publishedFrom && date && date < f.publishedFrom) return false;
    if (f.publishedTo && date && date > f.publishedTo) return false;
    if (source && foldTerm(article.source?.trim() ?? '') !== source) return false;
    if (collection && !article.collections.some((c) => foldTerm(c.trim()) === collection)) return false;
    return true;
  };

  // Articles holding a claim that passes the coding filters; worked out once, on first need.
  let codedArticles: Set<string> | null = null;
  const hasCodedClaim = (articleId: string): boolean => {
    if (!codedArticles) {
      codedArticles = new Set();
      for (const record of records.values()) if (record.kind === 'claim' && codingPasses(record)) codedArticles.add(record.articleId);
    }
    return codedArticles.has(articleId);
  };

  return (record) => {
    if (kinds && !kinds.has(record.kind)) return false;
    switch (record.kind) {
      case 'brief':
        return !byCoding && !byArticle;
      case 'claim':
        if (byCoding && !codingPasses(record)) return false;
        return !byArticle || articlePasses(records.get(articleDocId(record.articleId)) as ArticleRecord | undefined);
      case 'article':
        if (byArticle && !articlePasses(record)) return false;
        return !byCoding || hasCodedClaim(record.articleId);
    }
  };
}
