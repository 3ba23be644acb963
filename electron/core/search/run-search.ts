import type { SearchFilters, SearchHit } from '../../../shared/api/contract-search';
import type { ArticleSummary, Codebook } from '../../../shared/model';
import { toFtsQuery } from './fts-query';
import type { IndexDatabase } from './index-database';
import { KIND } from './index-schema';
import { phrasePattern } from './phrase-match';
import type { ParsedQuery } from './query-parser';
import { FIELD_BOOSTS, KIND_FIELDS, SEARCH_FIELDS, type SearchField } from './search-fields';
import { articleDocId } from './search-records';
import { buildSnippets } from './snippets';
import { filterCondition } from './sql-filters';
import type { SqlRow } from './sqlite/sql-database';

/** Longest claim quote shown as a hit's title before it is shortened. */
const TITLE_CHARS = 160;

/** One page of results and how many there are in all. */
export interface SearchPage {
  /** Exact, or MATCH_LIMIT when `totalIsEstimate`: more documents match. */
  total: number;
  totalIsEstimate?: true;
  hits: SearchHit[];
}

/** BM25 with the field weights, in the order of the FTS5 columns (lower is better, as FTS5 ranks). */
const RANK = `bm25(fts, ${SEARCH_FIELDS.map((f) => FIELD_BOOSTS[f]).join(', ')})`;
const FIELD_COLUMNS = SEARCH_FIELDS.join(', ');

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

const str = (value: SqlRow[string] | undefined): string | null => (typeof value === 'string' ? value : null);

/**
 * Matches counted and ranked, at most. A query matching more (a common word, a 3-letter prefix
 * while typing, at 50,000 articles hundreds of thousands of documents) reports this many with
 * `totalIsEstimate` ("10,000+") and ranks the most recently indexed this many of its matches:
 * FTS5 scores every document it ranks (BM25 cannot skip any), so ranking them all cost 100 ms
 * and more, while a window of this size costs ~20 ms. Below it, totals and ranking are exact.
 */
export const MATCH_LIMIT = 10_000;

/**
 * Runs a parsed query: FTS5 matches every word, prefix and phrase (AND), the filters narrow the
 * documents in the same statement, BM25 with field weights ranks them, and only the page's
 * documents are read back for titles and snippets. Totals are exact (FTS5 checks phrases by
 * position) up to `matchLimit`; past it see MATCH_LIMIT. Throws a UserError for filters that
 * cannot apply (see filterCondition).
 */
export function runSearch(
  index: IndexDatabase,
  parsed: ParsedQuery,
  filters: SearchFilters | undefined,
  codebook: Codebook,
  articles: readonly ArticleSummary[],
  page: { limit: number; offset: number },
  matchLimit = MATCH_LIMIT,
): SearchPage {
  const condition = filterCondition(filters, codebook, articles);
  const query = toFtsQuery(parsed);
  if (!query.match) return { total: 0, hits: [] };
  const where = `fts MATCH ?${condition ? ` AND ${condition.sql}` : ''}`;
  const params = [inKindsFields(query.match, filters?.kinds), ...(condition?.params ?? [])];
  // FTS5 drives (CROSS JOIN keeps it the outer loop); each candidate's row is one primary-key look-up.
  const from = condition ? 'fts CROSS JOIN docs d ON d.id = fts.rowid' : 'fts';
  // One pass: the newest matches first (FTS5 walks its doclists backwards, no sorting), one past
  // the limit, each scored; how many there are (up to the limit + 1) and the oldest of them come
  // along as window aggregates. Past the limit that oldest one is left out, so exactly the newest
  // `matchLimit` are ranked. Only ids and scores go through the sort: the page's rows are read
  // afterwards, and without filters the docs table is not touched at all.
  const ranked = `SELECT id, rank, n FROM (
      SELECT id, rank, count(*) OVER () AS n, min(id) OVER () AS floor FROM (
        SELECT fts.rowid AS id, ${RANK} AS rank FROM ${from} WHERE ${where} ORDER BY fts.rowid DESC LIMIT ?))
    WHERE n <= ? OR id > floor ORDER BY rank LIMIT ? OFFSET ?`;
  const found = index.query(ranked).all(...params, matchLimit + 1, matchLimit, page.limit, page.offset);
  // A page past the end has no rows to carry the count: then it is counted alone.
  const matches = Number(
    found[0]?.n ??
      (page.offset > 0
        ? index.query(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ?)`).get(...params, matchLimit + 1)?.n
        : 0),
  );
  const beyond = matches > matchLimit;
  const total = Math.min(matches, matchLimit);
  const docOf = index.query('SELECT kind, article_id, claim_id, brief_id, published_at, start_pos, end_pos FROM docs WHERE id = ?');
  const rows = found.map((row): SqlRow => ({ ...docOf.get(row.id ?? null), id: row.id ?? null, rank: row.rank ?? null }));
  const matched = { terms: query.highlight, phrases: query.phrases.map(phrasePattern) };
  const fieldsOf = index.query(`SELECT ${FIELD_COLUMNS} FROM fts WHERE rowid = ?`);
  const articleTitle = index.query('SELECT f.title FROM docs a CROSS JOIN fts f ON f.rowid = a.id WHERE a.doc_id = ?');
  const hits = rows.map((row): SearchHit => {
    const fields = fieldsOf.get(row.id ?? null) ?? {};
    const text = (field: SearchField): string => str(fields[field]) ?? '';
    const score = Math.round(-Number(row.rank) * 1000) / 1000;
    const kind = KIND_BY_CODE[Number(row.kind)] ?? 'article';
    const snippets = buildSnippets(kind, text, matched);
    const articleId = str(row.article_id);
    const publishedAt = str(row.published_at);
    if (kind === 'brief') {
      return {
        kind,
        articleId: null,
        claimId: null,
        briefId: str(row.brief_id),
        title: text('title'),
        context: null,
        publishedAt: null,
        score,
        position: null,
        snippets,
      };
    }
    if (kind === 'article') {
      return { kind, articleId, claimId: null, briefId: null, title: text('title'), context: null, publishedAt, score, position: null, snippets };
    }
    const context = articleId ? str(articleTitle.get(articleDocId(articleId))?.title) : null;
    return {
      kind,
      articleId,
      claimId: str(row.claim_id),
      briefId: null,
      title: shorten(text('quote'), TITLE_CHARS),
      context: context ?? '',
      publishedAt,
      score,
      position: { start: Number(row.start_pos ?? 0), end: Number(row.end_pos ?? 0) },
      snippets,
    };
  });
  return beyond ? { total, totalIsEstimate: true, hits } : { total, hits };
}

/**
 * A kinds filter as an FTS5 column filter too: FTS5 then skips, while reading its doclists, the
 * documents that match only in other kinds' fields (at 50,000 articles, "united nations" for
 * articles only went from 55,794 candidates to 36,368, each a look-up in docs before the kind
 * test). The docs table's kind test still decides which documents match. BM25's statistics are
 * then those fields' own (FTS5 applies the column filter to them too), so scores, and the order
 * within one kind, can differ slightly from an unfiltered search's.
 */
function inKindsFields(match: string, kinds: readonly SearchHit['kind'][] | undefined): string {
  if (!kinds || kinds.length === 0) return match;
  const fields = new Set(kinds.flatMap((kind) => KIND_FIELDS[kind]));
  if (fields.size === SEARCH_FIELDS.length) return match;
  return `{${SEARCH_FIELDS.filter((f) => fields.has(f)).join(' ')}} : (${match})`;
}

const KIND_BY_CODE: Record<number, SearchHit['kind']> = { [KIND.article]: 'article', [KIND.claim]: 'claim', [KIND.brief]: 'brief' };
