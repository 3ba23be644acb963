import type { SearchFilters } from '../../../shared/api/contract-search';
import { UserError } from '../../../shared/api/errors';
import type { Codebook } from '../../../shared/model';
import { KIND_CODE, type FilterTable } from './filter-table';
import { foldTerm } from './fold-text';
import { articleDocId, type ArticleRecord, type ClaimRecord, type SearchRecord } from './search-records';

/** Decides whether a record passes the filters. */
export type RecordFilter = (record: SearchRecord) => boolean;

/** What filters read besides the record itself: the records, and an article's claims. */
export interface FilterSource {
  records: Map<string, SearchRecord>;
  /** The document ids of an article's claims. */
  claimIdsOf(articleId: string): Iterable<string>;
}

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

/** The filters checked and ready to apply. */
interface PreparedFilters {
  kinds: Set<string> | null;
  byCoding: boolean;
  byArticle: boolean;
  actorId: string | null;
  issues: Set<string> | null;
  stanceId: string | null;
  codingPasses(claim: ClaimRecord): boolean;
  articlePasses(article: ArticleRecord | undefined): boolean;
}

/**
 * Checks the filters against the codebook: throws a UserError naming the problem for a
 * reversed date range or an unknown actor, issue or stance.
 */
function prepareFilters(filters: SearchFilters | undefined, codebook: Codebook): PreparedFilters {
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
  const kinds = f.kinds ? new Set<string>(f.kinds) : null;
  const source = f.source?.trim() ? foldTerm(f.source.trim()) : null;
  const collection = f.collection?.trim() ? foldTerm(f.collection.trim()) : null;
  const issues = f.issueId ? issueWithDescendants(codebook, f.issueId) : null;
  return {
    kinds,
    byCoding: Boolean(f.actorId || issues || f.stanceId),
    byArticle: Boolean(f.publishedFrom || f.publishedTo || source || collection),
    actorId: f.actorId ?? null,
    issues,
    stanceId: f.stanceId ?? null,
    codingPasses: (claim) =>
      (!f.actorId || claim.actorIds.includes(f.actorId)) &&
      (!issues || (claim.issueId !== null && issues.has(claim.issueId))) &&
      (!f.stanceId || claim.stanceId === f.stanceId),
    articlePasses: (article) => {
      if (!article) return false;
      const date = article.publishedAt;
      if ((f.publishedFrom || f.publishedTo) && !date) return false;
      if (f.publishedFrom && date && date < f.publishedFrom) return false;
      if (f.publishedTo && date && date > f.publishedTo) return false;
      if (source && foldTerm(article.source?.trim() ?? '') !== source) return false;
      if (collection && !article.collections.some((c) => foldTerm(c.trim()) === collection)) return false;
      return true;
    },
  };
}

/**
 * Checks the filters against the codebook and compiles them into one predicate. Throws a
 * UserError naming the problem for a reversed date range or an unknown actor, issue or stance.
 * Claims are filtered by their own coding and by their article's date, source and collection;
 * articles by their metadata and by holding at least one claim that passes the coding filters.
 */
export function compileFilters(filters: SearchFilters | undefined, codebook: Codebook, data: FilterSource): RecordFilter {
  const records = data.records;
  const { kinds, byCoding, byArticle, codingPasses, articlePasses } = prepareFilters(filters, codebook);

  // Each article is looked at once per query, however many of its claims or fields match:
  // whether it passes the article filters, and whether one of its claims passes the coding ones.
  const articleVerdicts = new Map<string, boolean>();
  const articleOfClaimPasses = (articleId: string): boolean => {
    let verdict = articleVerdicts.get(articleId);
    if (verdict === undefined) articleVerdicts.set(articleId, (verdict = articlePasses(records.get(articleDocId(articleId)) as ArticleRecord | undefined)));
    return verdict;
  };
  const codedVerdicts = new Map<string, boolean>();
  const hasCodedClaim = (articleId: string): boolean => {
    let verdict = codedVerdicts.get(articleId);
    if (verdict === undefined) {
      verdict = false;
      for (const id of data.claimIdsOf(articleId)) {
        const claim = records.get(id);
        if (claim?.kind === 'claim' && codingPasses(claim)) {
          verdict = true;
          break;
        }
      }
      codedVerdicts.set(articleId, verdict);
    }
    return verdict;
  };

  return (record) => {
    if (kinds && !kinds.has(record.kind)) return false;
    switch (record.kind) {
      case 'brief':
        return !byCoding && !byArticle;
      case 'claim':
        if (byCoding && !codingPasses(record)) return false;
        return !byArticle || articleOfClaimPasses(record.articleId);
      case 'article':
        if (byArticle && !articlePasses(record)) return false;
        return !byCoding || hasCodedClaim(record.articleId);
    }
  };
}

/** What the short-id filter reads: the filter table and the records. */
export interface DocFilterSource {
  filterTable: FilterTable;
  recordAt(shortId: number): SearchRecord | undefined;
}

/**
 * The same filters as compileFilters, as a predicate on MiniSearch short ids over the filter
 * table: a coding filter marks the articles holding a passing claim in one scan of the table's
 * numbers, and each article's metadata is checked at most once per query. Throws as compileFilters.
 */
export function compileDocFilter(filters: SearchFilters | undefined, codebook: Codebook, data: DocFilterSource): (shortId: number) => boolean {
  const p = prepareFilters(filters, codebook);
  const t = data.filterTable;
  const n = t.capacity;
  const kindCodes = p.kinds ? new Set([...p.kinds].map((k) => KIND_CODE[k as keyof typeof KIND_CODE])) : null;
  const actor = p.actorId === null ? null : t.codeOf(p.actorId);
  const issues = p.issues === null ? null : new Set([...p.issues].map((id) => t.codeOf(id)));
  const stance = p.stanceId === null ? null : t.codeOf(p.stanceId);
  const codingPasses = (i: number): boolean =>
    (actor === null || t.actor[i] === actor || (t.moreActors.get(i)?.includes(actor) ?? false)) &&
    (issues === null || issues.has(t.issue[i]!)) &&
    (stance === null || t.stance[i] === stance);
  let coded: Uint8Array | null = null;
  if (p.byCoding) {
    coded = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (t.kinds[i] !== KIND_CODE.claim || !codingPasses(i)) continue;
      const article = t.articleOf[i]!;
      if (article >= 0) coded[article] = 1;
    }
  }
  // 0: not looked at yet, 1: passes, 2: does not.
  const articleVerdicts = p.byArticle ? new Uint8Array(n) : null;
  const articlePasses = (a: number): boolean => {
    if (a < 0 || !articleVerdicts) return false;
    let verdict = articleVerdicts[a];
    if (!verdict) {
      const record = data.recordAt(a);
      articleVerdicts[a] = verdict = record?.kind === 'article' && p.articlePasses(record) ? 1 : 2;
    }
    return verdict === 1;
  };
  return (i) => {
    const kind = i < n ? t.kinds[i]! : 0;
    if (kind === 0 || (kindCodes && !kindCodes.has(kind as 1 | 2 | 3))) return false;
    if (kind === KIND_CODE.brief) return !p.byCoding && !p.byArticle;
    if (kind === KIND_CODE.claim) return (!p.byCoding || codingPasses(i)) && (!p.byArticle || articlePasses(t.articleOf[i]!));
    return (!p.byArticle || articlePasses(i)) && (!coded || coded[i] === 1);
  };
}
