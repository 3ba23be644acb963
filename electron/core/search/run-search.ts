import type { Query, SearchResult } from 'minisearch';
import type { SearchFilters, SearchHit } from '../../../shared/api/contract-search';
import type { Codebook } from '../../../shared/model';
import { phrasePattern, recordHasPhrases } from './phrase-match';
import { termPostings } from './minisearch-internals';
import { MIN_TYPING_PREFIX, type ParsedQuery } from './query-parser';
import { compileFilters } from './search-filters';
import type { SearchIndex } from './search-index';
import { articleDocId, type SearchRecord } from './search-records';
import { buildSnippets } from './snippets';
import { STOP_WORDS } from './stop-words';

/** Longest claim quote shown as a hit's title before it is shortened. */
const TITLE_CHARS = 160;

/** One page of results and how many there are in all. */
export interface SearchPage {
  total: number;
  hits: SearchHit[];
}

const asIs = (term: string): string => term;

/**
 * The MiniSearch query for a parsed query: every word and phrase word ANDed. Stop words are
 * left out (they are not in the index; a phrase still checks them in the text), and so is the
 * half-typed last word of an open phrase when it is too short to expand as a prefix.
 */
function indexQuery(parsed: ParsedQuery): Query[] {
  const queries: Query[] = [];
  for (const term of parsed.terms) {
    if (term.prefix) queries.push({ queries: [term.word], prefix: true, processTerm: asIs });
    else if (!STOP_WORDS.has(term.word)) queries.push(term.word);
  }
  for (const phrase of parsed.phrases) {
    phrase.words.forEach((word, i) => {
      const typing = phrase.lastIsPrefix && i === phrase.words.length - 1;
      if (typing && word.length >= MIN_TYPING_PREFIX) queries.push({ queries: [word], prefix: true, processTerm: asIs });
      else if (!typing && !STOP_WORDS.has(word)) queries.push(word);
    });
  }
  return queries;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

function toHit(result: SearchResult, record: SearchRecord, index: SearchIndex, phrases: RegExp[]): SearchHit {
  const snippets = buildSnippets(record, { terms: new Set(result.terms), phrases }, index.codingNames);
  const score = Math.round(result.score * 1000) / 1000;
  if (record.kind === 'brief') {
    return { kind: 'brief', articleId: null, claimId: null, briefId: record.briefId, title: record.title, context: null, publishedAt: null, score, position: null, snippets };
  }
  const article = index.records.get(articleDocId(record.articleId));
  const articleTitle = article?.kind === 'article' ? article.title : '';
  const publishedAt = article?.kind === 'article' ? article.publishedAt : null;
  if (record.kind === 'article') {
    return { kind: 'article', articleId: record.articleId, claimId: null, briefId: null, title: record.title, context: null, publishedAt, score, position: null, snippets };
  }
  return {
    kind: 'claim',
    articleId: record.articleId,
    claimId: record.claimId,
    briefId: null,
    title: shorten(record.quote, TITLE_CHARS),
    context: articleTitle,
    publishedAt,
    score,
    position: { start: record.start, end: record.end },
    snippets,
  };
}

/**
 * Runs a parsed query over the index: BM25-ranked AND matching in MiniSearch, then filters and
 * phrase checks on each candidate, then one page of hits with snippets. Throws a UserError for
 * filters that cannot apply (see compileFilters).
 */
export function runSearch(
  index: SearchIndex,
  parsed: ParsedQuery,
  filters: SearchFilters | undefined,
  codebook: Codebook,
  page: { limit: number; offset: number },
): SearchPage {
  const passes = compileFilters(filters, codebook, index.records);
  const queries = indexQuery(parsed);
  if (queries.length === 0) return { total: 0, hits: [] };
  const phrases = parsed.phrases.map(phrasePattern);
  // A phrase of only stop words has no index terms to say where it is: then check every field.
  const phrasesIndexed = parsed.phrases.every((p) => p.words.some((w) => !STOP_WORDS.has(w)));
  // A word that is not in the index at all: no document holds every word (MiniSearch would
  // still score every other word's documents before finding that out).
  for (const query of queries) {
    if (typeof query === 'string' && termPostings(index.mini, query) === 0) return { total: 0, hits: [] };
  }
  const results = index.mini.search(
    { combineWith: 'AND', queries },
    {
      filter: (result) => {
        const record = index.records.get(result.id as string);
        if (!record || !passes(record)) return false;
        if (phrases.length === 0) return true;
        const matchedFields = phrasesIndexed ? Object.values(result.match).flat() : undefined;
        return recordHasPhrases(record, phrases, index.codingNames, matchedFields);
      },
    },
  );
  const hits: SearchHit[] = [];
  for (const result of results.slice(page.offset, page.offset + page.limit)) {
    const record = index.records.get(result.id as string);
    if (record) hits.push(toHit(result, record, index, phrases));
  }
  return { total: results.length, hits };
}
