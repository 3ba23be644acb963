import type MiniSearch from 'minisearch';

/**
 * Most index terms one prefix expands to: the ones in the most documents. A short prefix
 * (`sta*`, or `Taiwan sta` while typing) matches hundreds of words, and MiniSearch scores every
 * document of every one of them before paging; the rare tail adds cost and few useful hits.
 */
export const MAX_PREFIX_TERMS = 32;

/** Postings of one term: field id → document short id → term frequency (MiniSearch's layout). */
export type TermData = Map<number, Map<number, number>>;

/** The parts of MiniSearch's internals used here (MiniSearch 7.x; the tests cover them). */
export interface MiniSearchInternals {
  _index: { get(term: string): TermData | undefined; atPrefix(prefix: string): Iterable<[string, TermData]> };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _dirtCount: number;
  _nextId: number;
  _options: { fields: string[]; searchOptions?: { boost?: Record<string, number>; weights?: { prefix?: number } } };
  executeQuerySpec(query: QuerySpec, options: SearchOptionsLike): Map<number, unknown>;
  termResults(
    sourceTerm: string,
    derivedTerm: string,
    weight: number,
    termBoost: number,
    data: TermData | undefined,
    boosts: Record<string, number>,
    boostDocument: unknown,
    bm25: unknown,
    results: Map<number, unknown>,
  ): Map<number, unknown>;
}
interface QuerySpec {
  term: string;
  prefix: boolean;
  fuzzy: unknown;
  termBoost: number;
}
interface SearchOptionsLike {
  fields?: string[];
  boost?: Record<string, number>;
  weights?: { prefix?: number };
  boostDocument?: unknown;
  bm25?: unknown;
}

/** MiniSearch's internals, typed. */
export function miniInternals<T>(mini: MiniSearch<T>): MiniSearchInternals {
  return mini as unknown as MiniSearchInternals;
}

/** MiniSearch's default weight of prefix matches. */
const DEFAULT_PREFIX_WEIGHT = 0.375;
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Documents (per field, summed) a term appears in: its rank for expansion. */
function postings(data: TermData): number {
  let n = 0;
  for (const docs of data.values()) n += docs.size;
  return n;
}

/** The `limit` expansions of a prefix (not the prefix itself) in the most documents. */
export function topExpansions<T>(mini: MiniSearch<T>, prefix: string, limit = MAX_PREFIX_TERMS): [string, TermData][] {
  const internals = mini as unknown as MiniSearchInternals;
  const top: [string, TermData, number][] = [];
  for (const [term, data] of internals._index.atPrefix(prefix)) {
    if (term === prefix) continue;
    const n = postings(data);
    if (top.length === limit && n <= top[top.length - 1]![2]) continue;
    // Insert in order (descending); the list is short, so a linear insert is fine.
    let i = top.length;
    while (i > 0 && top[i - 1]![2] < n) i--;
    top.splice(i, 0, [term, data, n]);
    if (top.length > limit) top.pop();
  }
  return top.map(([term, data]) => [term, data]);
}

/**
 * Makes a MiniSearch instance expand prefixes to at most MAX_PREFIX_TERMS words (those in the
 * most documents), scoring them exactly as MiniSearch does (same prefix weight, same BM25).
 * Relies on MiniSearch 7's internal executeQuerySpec/termResults/_index: checked by the tests.
 */
export function capPrefixExpansion<T>(mini: MiniSearch<T>, limit = MAX_PREFIX_TERMS): void {
  const internals = mini as unknown as MiniSearchInternals;
  const original = internals.executeQuerySpec.bind(internals);
  internals.executeQuerySpec = (query, searchOptions) => {
    if (!query.prefix || query.fuzzy) return original(query, searchOptions);
    const results = original({ ...query, prefix: false }, searchOptions);
    const options = { ...internals._options.searchOptions, ...searchOptions };
    const boosts: Record<string, number> = {};
    for (const field of options.fields ?? internals._options.fields) boosts[field] = options.boost?.[field] || 1;
    const prefixWeight = options.weights?.prefix ?? DEFAULT_PREFIX_WEIGHT;
    const bm25 = options.bm25 ?? DEFAULT_BM25;
    for (const [term, data] of topExpansions(mini, query.term, limit)) {
      const distance = term.length - query.term.length;
      const weight = (prefixWeight * term.length) / (term.length + 0.3 * distance);
      internals.termResults(query.term, term, weight, query.termBoost, data, boosts, options.boostDocument, bm25, results);
    }
    return results;
  };
}

/** Postings (documents per field, summed) of a term held exactly; 0 when it is not in the index. */
export function termPostings<T>(mini: MiniSearch<T>, term: string): number {
  const data = (mini as unknown as MiniSearchInternals)._index.get(term);
  return data ? postings(data) : 0;
}
