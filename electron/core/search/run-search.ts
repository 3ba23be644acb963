import type { SearchFilters, SearchHit } from '../../../shared/api/contract-search';
import type { Codebook } from '../../../shared/model';
import { phrasePattern, recordHasPhrases } from './phrase-match';
import { fieldsHoldingAll, matchDocuments, matchedWords, RankedDocuments, type MatchTerm } from './match-documents';
import { termPostings } from './minisearch-internals';
import { MIN_TYPING_PREFIX, type ParsedQuery, type QueryPhrase } from './query-parser';
import { FIELD_BOOSTS } from './search-fields';
import { compileDocFilter } from './search-filters';
import type { SearchIndex } from './search-index';
import { articleDocId, type SearchRecord } from './search-records';
import { buildSnippets } from './snippets';
import { STOP_WORDS } from './stop-words';

/** Longest claim quote shown as a hit's title before it is shortened. */
const TITLE_CHARS = 160;

/** One page of results and how many there are in all. */
export interface SearchPage {
  total: number;
  /** True when `total` is estimated (phrase queries with more candidates than were checked). */
  totalIsEstimate?: boolean;
  hits: SearchHit[];
}

/**
 * The words of the AND query: every word and phrase word. Stop words are left out (they are not
 * in the index; a phrase still checks them in the text), and so is the half-typed last word of
 * an open phrase when it is too short to expand as a prefix.
 */
function indexTerms(parsed: ParsedQuery): MatchTerm[] {
  const terms: MatchTerm[] = [];
  for (const term of parsed.terms) {
    if (term.prefix) terms.push({ word: term.word, prefix: true });
    else if (!STOP_WORDS.has(term.word)) terms.push({ word: term.word, prefix: false });
  }
  for (const phrase of parsed.phrases) {
    phrase.words.forEach((word, i) => {
      const typing = phrase.lastIsPrefix && i === phrase.words.length - 1;
      if (typing && word.length >= MIN_TYPING_PREFIX) terms.push({ word, prefix: true });
      else if (!typing && !STOP_WORDS.has(word)) terms.push({ word, prefix: false });
    });
  }
  return terms;
}

/** The words of a phrase every field holding it must hold in the index (not stop words, not a word being typed). */
function phraseIndexWords(phrase: QueryPhrase): Set<string> {
  const words = phrase.lastIsPrefix ? phrase.words.slice(0, -1) : phrase.words;
  return new Set(words.filter((w) => !STOP_WORDS.has(w)));
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

function toHit(rawScore: number, terms: Set<string>, record: SearchRecord, index: SearchIndex, phrases: RegExp[]): SearchHit {
  const snippets = buildSnippets(record, { terms, phrases }, index.codingNames);
  const score = Math.round(rawScore * 1000) / 1000;
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
 * Phrase candidates checked, best first, before the total of a phrase query is estimated rather
 * than counted. Only the page needs confirming; confirming every candidate of a common phrase
 * (`"south china sea"` in 25,000 documents) cost half a second for an exact count.
 */
export const PHRASE_CHECKS_FOR_TOTAL = 200;

/**
 * Runs a parsed query over the index: BM25-ranked AND matching (matchDocuments, filters applied
 * to each candidate once), then documents taken best first until the page is full, with phrase
 * checks on those taken only. Without phrases the total is exact; with phrases, candidates are
 * confirmed down to the page and then up to PHRASE_CHECKS_FOR_TOTAL in all, and the rest are
 * estimated at the rate found (`totalIsEstimate`). Throws a UserError for filters that cannot
 * apply (see compileFilters).
 */
export function runSearch(
  index: SearchIndex,
  parsed: ParsedQuery,
  filters: SearchFilters | undefined,
  codebook: Codebook,
  page: { limit: number; offset: number },
): SearchPage {
  const accept = filters ? compileDocFilter(filters, codebook, index) : null;
  const terms = indexTerms(parsed);
  if (terms.length === 0) return { total: 0, hits: [] };
  // A word that is not in the index at all: no document holds every word.
  for (const term of terms) {
    if (!term.prefix && termPostings(index.mini, term.word) === 0) return { total: 0, hits: [] };
  }
  const recordOf = (docId: number): SearchRecord | undefined => index.recordAt(docId);
  const matched = matchDocuments(index.mini, terms, FIELD_BOOSTS, accept, index.fieldLengths);
  const ranked = new RankedDocuments(matched.docIds, matched.score);
  const wanted = page.offset + page.limit;

  const phrases = parsed.phrases.map((phrase) => ({ pattern: phrasePattern(phrase), words: phraseIndexWords(phrase) }));
  const patterns = phrases.map((p) => p.pattern);
  const confirm = (docId: number, record: SearchRecord): boolean =>
    phrases.every(({ pattern, words }) => recordHasPhrases(record, [pattern], index.codingNames, fieldsHoldingAll(matched, docId, words) ?? undefined));

  const shown: [number, SearchRecord][] = [];
  let found = 0;
  let checked = 0;
  for (;;) {
    // Without phrases, stop at the page's end; with them, go on counting up to the budget.
    if (found >= wanted && (phrases.length === 0 || checked >= PHRASE_CHECKS_FOR_TOTAL)) break;
    const docId = ranked.next();
    if (docId === undefined) break;
    const record = recordOf(docId);
    if (!record) continue;
    if (phrases.length > 0) {
      checked += 1;
      if (!confirm(docId, record)) continue;
    }
    found += 1;
    if (found > page.offset && found <= wanted) shown.push([docId, record]);
  }
  const left = ranked.size;
  let total = found + left;
  let totalIsEstimate = false;
  if (phrases.length > 0) {
    total = found + (left > 0 ? Math.round((left * found) / Math.max(1, checked)) : 0);
    totalIsEstimate = left > 0;
  }
  // A phrase's words are highlighted where they stand together (the patterns), not one by one.
  const highlightWords = (docId: number): Set<string> => {
    const words = matchedWords(matched, docId);
    if (phrases.length === 0) return words;
    return new Set([...words].filter((w) => parsed.terms.some((t) => (t.prefix ? w.startsWith(t.word) : w === t.word))));
  };
  const hits = shown.map(([docId, record]) => toHit(matched.score[docId]!, highlightWords(docId), record, index, patterns));
  return totalIsEstimate ? { total, totalIsEstimate, hits } : { total, hits };
}
