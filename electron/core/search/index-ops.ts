import { createHash } from 'node:crypto';
import type { Article, Brief, Claim, Codebook } from '../../../shared/model';
import type { NotebookStore } from '../store/types';
import { foldTerm } from './fold-text';
import { FORMAT, INDEX_SCHEMA_VERSION, KIND, STMT } from './index-schema';
import { fieldText, SEARCH_FIELDS, type CodingNames } from './search-fields';
import { articleRecord, briefRecord, claimRecord, type ArticleRecord, type SearchRecord } from './search-records';
import type { SqlOp } from './sqlite/sql-worker';

/** Separates the values of a list column (actors, collections), and stands at both ends, so `instr` finds whole values. */
export const LIST_SEPARATOR = '\u001f';
export const listColumn = (values: readonly string[]): string =>
  values.length ? `${LIST_SEPARATOR}${values.join(LIST_SEPARATOR)}${LIST_SEPARATOR}` : '';
export const listItem = (value: string): string => `${LIST_SEPARATOR}${value}${LIST_SEPARATOR}`;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An article's stamp as the index records it: updatedAt, claim count and storage revision (bumped by every durable write). */
export function articleStamp(store: NotebookStore, summary: { id: string; updatedAt: string; claimCount: number }): string {
  return `${summary.updatedAt}|${summary.claimCount}|${store.articleRevision(summary.id)}`;
}

/** The stamps of some articles (those in the store), in one pass over the library. */
export function stampsOf(store: NotebookStore, ids: readonly string[]): Map<string, string> {
  const wanted = new Set(ids);
  const stamps = new Map<string, string>();
  for (const summary of store.listArticles()) if (wanted.has(summary.id)) stamps.set(summary.id, articleStamp(store, summary));
  return stamps;
}

export const codebookHash = (codebook: Codebook): string => sha256(JSON.stringify(codebook));

/** A fingerprint of the briefs (ids and updatedAt): when it changes, the briefs are re-read. */
export function briefsHash(store: NotebookStore): string {
  return sha256(
    store
      .listBriefs()
      .map((b) => `${b.id}\u0000${b.updatedAt}`)
      .sort()
      .join('\n'),
  );
}

function fieldValues(record: SearchRecord, names: CodingNames): string[] {
  return SEARCH_FIELDS.map((field) => fieldText(record, field, names));
}

const NO_NAMES: CodingNames = { actors: new Map(), issues: new Map(), stances: new Map() };

/** What an article's claims are coded with, together (for article rows). */
interface ArticleCoding {
  actors: string;
  issues: string;
  stances: string;
}

function articleCoding(claims: Claim[]): ArticleCoding {
  const union = (values: (string | null)[]): string => listColumn([...new Set(values.filter((v): v is string => v !== null))]);
  return {
    actors: union(claims.flatMap((c) => c.actorIds)),
    issues: union(claims.map((c) => c.issueId)),
    stances: union(claims.map((c) => c.stanceId)),
  };
}

/**
 * The rows of one record; `article` is the record's article (itself for an article), null for a
 * brief; `coding` is given for an article row.
 */
function insertOps(record: SearchRecord, names: CodingNames, article: ArticleRecord | null, coding: ArticleCoding | null = null): SqlOp[] {
  const claim = record.kind === 'claim' ? record : null;
  const doc: SqlOp = [
    STMT.insertDoc,
    [
      record.id,
      KIND[record.kind],
      record.kind === 'brief' ? null : record.articleId,
      claim?.claimId ?? null,
      record.kind === 'brief' ? record.briefId : null,
      article?.publishedAt ?? null,
      article?.source?.trim() ? foldTerm(article.source.trim()) : null,
      article ? listColumn(article.collections.map((c) => foldTerm(c.trim()))) : null,
      claim ? listColumn(claim.actorIds) : null,
      claim?.issueId ?? null,
      claim?.stanceId ?? null,
      claim?.proposition ?? null,
      claim?.speaker ?? null,
      claim?.start ?? null,
      claim?.end ?? null,
      coding?.actors ?? null,
      coding?.issues ?? null,
      coding?.stances ?? null,
    ],
  ];
  return [doc, [STMT.insertFts, [record.id, ...fieldValues(record, names)]]];
}

/**
 * Replaces what the index holds for an article (and its claims) with their current state, and
 * records its stamp. `replace` false: the article is not in the index yet (a build from scratch),
 * so there is nothing to delete first.
 */
export function putArticleOps(article: Article, claims: Claim[], stamp: string, names: CodingNames, replace = true): SqlOp[] {
  const record = articleRecord(article);
  const ops: SqlOp[] = [...(replace ? removeArticleOps(article.id, false) : []), ...insertOps(record, names, record, articleCoding(claims))];
  for (const claim of claims) ops.push(...insertOps(claimRecord(claim), names, record));
  ops.push([STMT.putStamp, [article.id, stamp]]);
  return ops;
}

/** Drops an article and its claims (and, unless it is about to be put back, its stamp). */
export function removeArticleOps(articleId: string, withStamp = true): SqlOp[] {
  const ops: SqlOp[] = [
    [STMT.deleteArticleFts, [articleId]],
    [STMT.deleteArticleDocs, [articleId]],
  ];
  if (withStamp) ops.push([STMT.deleteStamp, [articleId]]);
  return ops;
}

/** Replaces every brief, and records their fingerprint. */
export function putBriefsOps(briefs: Brief[], hash: string): SqlOp[] {
  const ops: SqlOp[] = [
    [STMT.deleteBriefsFts, []],
    [STMT.deleteBriefsDocs, []],
  ];
  for (const brief of briefs) ops.push(...insertOps(briefRecord(brief), NO_NAMES, null));
  ops.push([STMT.putMeta, ['briefs', hash]]);
  return ops;
}

/** Records the codebook the claims' coding names were indexed with. */
export function codebookOps(codebook: Codebook): SqlOp[] {
  return [
    [STMT.putMeta, ['codebook', JSON.stringify(codebook)]],
    [STMT.putMeta, ['codebookHash', codebookHash(codebook)]],
  ];
}

/** Written first by a build: what the file is. */
export function formatOps(): SqlOp[] {
  return [
    [STMT.putMeta, ['format', FORMAT]],
    [STMT.putMeta, ['schemaVersion', String(INDEX_SCHEMA_VERSION)]],
    [STMT.putMeta, ['complete', '0']],
  ];
}

/** Written last by a build: the index holds every article. */
export function completeOps(): SqlOp[] {
  return [[STMT.putMeta, ['complete', '1']]];
}
