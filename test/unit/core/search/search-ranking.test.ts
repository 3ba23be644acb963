import { describe, expect, it } from 'vitest';
import type { Query } from 'minisearch';
import { loadDefaultCodebook, sourceResourcesDir } from '../../../../electron/core/bootstrap';
import { matchDocuments, type MatchTerm } from '../../../../electron/core/search/match-documents';
import { miniInternals } from '../../../../electron/core/search/minisearch-internals';
import { parseQuery } from '../../../../electron/core/search/query-parser';
import { PHRASE_CHECKS_FOR_TOTAL, runSearch } from '../../../../electron/core/search/run-search';
import { FIELD_BOOSTS } from '../../../../electron/core/search/search-fields';
import { SearchIndex } from '../../../../electron/core/search/search-index';
import type { SearchFilters } from '../../../../shared/api/contract-search';
import type { Article, Claim, Codebook } from '../../../../shared/model';
import { compileDocFilter, compileFilters } from '../../../../electron/core/search/search-filters';

/** A seeded generator, so the corpus is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const WORDS = 'taiwan strait sanctions minister talks trade tariffs summit beijing washington envoy island border policy zurich stars start state station'.split(' ');

/** Just what the index reads of an article. */
function article(id: string, title: string, text: string, extra: Partial<Article> = {}): Article {
  return { id, title, text, source: 'Reuters', author: null, standfirst: null, publishedAt: '2024-01-01', tags: [], collections: ['asia'], ...extra } as Article;
}

function claim(id: string, articleId: string, quote: string, codebook: Codebook): Claim {
  return {
    id, articleId, target: { quote: { exact: quote }, position: { start: 0, end: quote.length } }, note: '', proposition: '', speaker: null,
    tags: [], actorIds: [codebook.actors[0]!.id], issueId: codebook.issues[0]!.id, stanceId: codebook.stances[0]!.id,
  } as unknown as Claim;
}

async function corpus(articles: number): Promise<{ index: SearchIndex; codebook: Codebook }> {
  const codebook = await loadDefaultCodebook(sourceResourcesDir());
  const index = new SearchIndex(codebook);
  const next = random(42);
  const sentence = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  for (let i = 0; i < articles; i++) {
    const text = `${sentence(20 + Math.floor(next() * 60))}. The South China Sea ${sentence(5)}.`;
    const a = article(`a${i}`, sentence(4), text);
    index.putArticle(a, [claim(`c${i}`, a.id, sentence(6), codebook)]);
  }
  return { index, codebook };
}

/** MiniSearch's own AND query for the same terms (the capped prefix expansion is installed on it). */
function miniQuery(terms: MatchTerm[]): Query {
  return { combineWith: 'AND', queries: terms.map((t) => (t.prefix ? { queries: [t.word], prefix: true, processTerm: (w: string) => w } : t.word)) };
}

describe('search: filters over the filter table', () => {
  it('pass the same documents as the record filters, also after articles and claims are replaced', async () => {
    const { index, codebook } = await corpus(40);
    const [a0, a1] = codebook.actors;
    const replaced = claim('c3', 'a3', 'taiwan envoy', codebook);
    replaced.actorIds = [a1!.id, a0!.id];
    replaced.issueId = codebook.issues.at(-1)!.id;
    index.putArticle(article('a3', 'taiwan', 'taiwan strait', { publishedAt: '2021-05-05', source: 'Zürcher Zeitung' }), [replaced]);
    index.removeArticle('a5');
    const all = [...miniInternals(index.mini)._documentIds.keys()];
    const cases: SearchFilters[] = [
      { actorId: a1!.id },
      { actorId: a0!.id, kinds: ['article'] },
      { issueId: codebook.issues.at(-1)!.id },
      { issueId: codebook.issues[0]!.id, stanceId: codebook.stances[0]!.id },
      { publishedTo: '2022-01-01' },
      { source: 'zurcher zeitung', kinds: ['claim', 'article'] },
      { collection: 'ASIA', actorId: a0!.id },
      { kinds: ['brief'] },
    ];
    for (const filters of cases) {
      const byRecord = compileFilters(filters, codebook, index);
      const byShortId = compileDocFilter(filters, codebook, index);
      const expected = all.filter((d) => byRecord(index.recordAt(d)!));
      expect(all.filter(byShortId)).toEqual(expected);
    }
  });
});

describe('search: ranking', () => {
  it('scores and ranks exactly as MiniSearch does', async () => {
    const { index } = await corpus(150);
    const cases: MatchTerm[][] = [
      [{ word: 'taiwan', prefix: false }],
      [{ word: 'taiwan', prefix: false }, { word: 'sanctions', prefix: false }],
      [{ word: 'sta', prefix: true }],
      [{ word: 'strait', prefix: false }, { word: 'sta', prefix: true }, { word: 'zurich', prefix: false }],
      [{ word: 'taiwan', prefix: false }, { word: 'taiwan', prefix: false }],
    ];
    for (const terms of cases) {
      const ours = matchDocuments(index.mini, terms, FIELD_BOOSTS, null, index.fieldLengths);
      const theirs = index.mini.search(miniQuery(terms));
      expect(ours.docIds.length).toBe(theirs.length);
      const ids = miniInternals(index.mini)._documentIds;
      const byId = new Map(ours.docIds.map((d) => [ids.get(d)!, ours.score[d]!]));
      for (const result of theirs) expect(byId.get(result.id as string)).toBeCloseTo(result.score, 9);
    }
  });

  it('ranks the same after documents are replaced (discarded postings are not counted)', async () => {
    const { index, codebook } = await corpus(60);
    for (let i = 0; i < 10; i++) index.putArticle(article(`a${i}`, 'taiwan again', 'taiwan strait summit'), [claim(`c${i}`, `a${i}`, 'taiwan', codebook)]);
    const terms: MatchTerm[] = [{ word: 'taiwan', prefix: false }, { word: 'strait', prefix: false }];
    const ours = matchDocuments(index.mini, terms, FIELD_BOOSTS, null, index.fieldLengths);
    const theirs = index.mini.search(miniQuery(terms));
    const ids = miniInternals(index.mini)._documentIds;
    expect(new Set(ours.docIds.map((d) => ids.get(d)))).toEqual(new Set(theirs.map((r) => r.id)));
  });

  it('pages through hits best first, with exact totals for words', async () => {
    const { index, codebook } = await corpus(40);
    const all = runSearch(index, parseQuery('taiwan '), undefined, codebook, { limit: 200, offset: 0 });
    expect(all.totalIsEstimate).toBeUndefined();
    expect(all.hits.length).toBe(all.total);
    const scores = all.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const second = runSearch(index, parseQuery('taiwan '), undefined, codebook, { limit: 10, offset: 10 });
    expect(second.total).toBe(all.total);
    expect(second.hits.map((h) => h.articleId ?? h.claimId)).toEqual(all.hits.slice(10, 20).map((h) => h.articleId ?? h.claimId));
  });

  it('estimates the total of a common phrase, and counts it exactly when every candidate was checked', async () => {
    const { index, codebook } = await corpus(PHRASE_CHECKS_FOR_TOTAL + 100);
    const page = runSearch(index, parseQuery('"south china sea"'), undefined, codebook, { limit: 20, offset: 0 });
    expect(page.hits).toHaveLength(20);
    expect(page.totalIsEstimate).toBe(true);
    expect(page.total).toBe(PHRASE_CHECKS_FOR_TOTAL + 100);
    // Few candidates: all are checked, so the total is exact.
    const narrow = runSearch(index, parseQuery('"south china sea"'), { kinds: ['article'], source: 'Nowhere' }, codebook, { limit: 20, offset: 0 });
    expect(narrow).toMatchObject({ total: 0, hits: [] });
    // A phrase found nowhere: every candidate is checked, nothing is estimated.
    const none = runSearch(index, parseQuery('"sea south"'), undefined, codebook, { limit: 20, offset: 0 });
    expect(none.total).toBe(0);
    expect(none.totalIsEstimate).toBeUndefined();
  });
});
