import type { Article, Brief, Claim } from '../../../shared/model';
import { briefPlainText } from './brief-text';

/**
 * What the index is made of for each searchable thing: the text to match and show snippets
 * from, and the facts filters need (index-ops.ts turns a record into rows). Document ids are
 * prefixed by kind so they cannot clash.
 */
export interface ArticleRecord {
  kind: 'article';
  id: string;
  articleId: string;
  title: string;
  source: string | null;
  author: string | null;
  standfirst: string | null;
  publishedAt: string | null;
  tags: string[];
  collections: string[];
  text: string;
}

export interface ClaimRecord {
  kind: 'claim';
  id: string;
  articleId: string;
  claimId: string;
  quote: string;
  note: string;
  proposition: string;
  speaker: string | null;
  tags: string[];
  actorIds: string[];
  issueId: string | null;
  stanceId: string | null;
  start: number;
  end: number;
}

export interface BriefRecord {
  kind: 'brief';
  id: string;
  briefId: string;
  title: string;
  text: string;
}

export type SearchRecord = ArticleRecord | ClaimRecord | BriefRecord;

export const articleDocId = (articleId: string): string => `a:${articleId}`;
export const claimDocId = (claimId: string): string => `c:${claimId}`;
export const briefDocId = (briefId: string): string => `b:${briefId}`;

export function articleRecord(article: Article): ArticleRecord {
  return {
    kind: 'article',
    id: articleDocId(article.id),
    articleId: article.id,
    title: article.title,
    source: article.source,
    author: article.author,
    standfirst: article.standfirst,
    publishedAt: article.publishedAt,
    tags: article.tags,
    collections: article.collections,
    text: article.text,
  };
}

export function claimRecord(claim: Claim): ClaimRecord {
  return {
    kind: 'claim',
    id: claimDocId(claim.id),
    articleId: claim.articleId,
    claimId: claim.id,
    quote: claim.target.quote.exact,
    note: claim.note,
    proposition: claim.proposition,
    speaker: claim.speaker,
    tags: claim.tags,
    actorIds: claim.actorIds,
    issueId: claim.issueId,
    stanceId: claim.stanceId,
    start: claim.target.position.start,
    end: claim.target.position.end,
  };
}

export function briefRecord(brief: Brief): BriefRecord {
  return { kind: 'brief', id: briefDocId(brief.id), briefId: brief.id, title: brief.title, text: briefPlainText(brief.doc) };
}
