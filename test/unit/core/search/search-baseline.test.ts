import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenize } from '../../../../electron/core/search/fold-text';
import { codingNames, fieldText, SEARCH_FIELDS } from '../../../../electron/core/search/search-fields';
import { articleRecord, claimRecord, type SearchRecord } from '../../../../electron/core/search/search-records';
import { issueWithDescendants } from '../../../../electron/core/search/sql-filters';
import { STOP_WORDS } from '../../../../electron/core/search/stop-words';
import type { SearchFilters } from '../../../../shared/api/contract-search';
import type { Codebook } from '../../../../shared/model';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

const nameOf = (name: string): string => name.replace(/\s+/g, ' ').trim().normalize('NFC').toLowerCase();
import { search, serviceOf } from './search-helpers';
import { SearchService } from '../../../../electron/core/search/search-service';

/** A seeded generator, so the notebook is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const WORDS =
  'taiwan strait sanctions minister talks trade tariffs summit beijing washington envoy island border policy zürich stars start state station the of and foreign ministry'.split(
    ' ',
  );
const SOURCES = ['Reuters', 'Xinhua', 'Le Monde', null];
const COLLECTIONS = ['Asia', 'Trade', 'Élysée'];

/** A searchable thing as the baseline sees it: its key, its folded words per field, and what filters read. */
interface Doc {
  key: string;
  record: SearchRecord;
  words: string[][];
  article: { publishedAt: string | null; source: string | null; collections: string[] };
}

/** The query language, checked by reading every document's words: the slow, obvious answer. */
function baseline(
  docs: Doc[],
  codebook: Codebook,
  query: { words?: string[]; prefixes?: string[]; phrases?: string[][] },
  filters: SearchFilters = {},
): Set<string> {
  const hasWord = (doc: Doc, w: string): boolean => doc.words.some((field) => field.includes(w));
  const hasPrefix = (doc: Doc, p: string): boolean => doc.words.some((field) => field.some((w) => w.startsWith(p)));
  const hasPhrase = (doc: Doc, phrase: string[]): boolean =>
    doc.words.some((field) => field.some((_, i) => phrase.every((w, k) => field[i + k] === w)));
  const issues = filters.issueId ? issueWithDescendants(codebook, filters.issueId) : null;
  const codingPasses = (r: SearchRecord): boolean =>
    r.kind === 'claim' &&
    (!filters.actorId || r.actorIds.includes(filters.actorId)) &&
    (!issues || (r.issueId !== null && issues.has(r.issueId))) &&
    (!filters.stanceId || r.stanceId === filters.stanceId);
  const byCoding = Boolean(filters.actorId || issues || filters.stanceId);
  const metaPasses = (doc: Doc): boolean => {
    const { publishedAt, source, collections } = doc.article;
    if ((filters.publishedFrom || filters.publishedTo) && !publishedAt) return false;
    if (filters.publishedFrom && publishedAt! < filters.publishedFrom) return false;
    if (filters.publishedTo && publishedAt! > filters.publishedTo) return false;
    // The one ArticleFilter's rule for names (shared/model/article-filter.ts): trimmed, NFC, case ignored, accents counting.
    if (filters.source && nameOf(source ?? '') !== nameOf(filters.source)) return false;
    if (filters.collection && !collections.some((c) => nameOf(c) === nameOf(filters.collection!))) return false;
    return true;
  };
  const found = new Set<string>();
  for (const doc of docs) {
    if (filters.kinds && !filters.kinds.includes(doc.record.kind)) continue;
    if ((query.words ?? []).some((w) => !STOP_WORDS.has(w) && !hasWord(doc, w))) continue;
    if ((query.prefixes ?? []).some((p) => !hasPrefix(doc, p))) continue;
    if ((query.phrases ?? []).some((p) => !hasPhrase(doc, p))) continue;
    if (!metaPasses(doc)) continue;
    const r = doc.record;
    if (r.kind === 'claim' && byCoding && !codingPasses(r)) continue;
    if (
      r.kind === 'article' &&
      byCoding &&
      !docs.some((d) => d.record.kind === 'claim' && d.record.articleId === r.articleId && codingPasses(d.record))
    )
      continue;
    found.add(doc.key);
  }
  return found;
}

describe('search: results against a linear scan of a generated notebook', () => {
  let nb: TempNotebook;
  const docs: Doc[] = [];
  let codebook: Codebook;

  beforeAll(async () => {
    nb = await openTempNotebook({ sample: false });
    const { store } = nb.core;
    codebook = store.getCodebook();
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const sentence = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(' ');
    for (let i = 0; i < 50; i++) {
      const text = `${sentence(8)}. ${sentence(12)}, ${sentence(6)}. The South China Sea ${sentence(4)}.`;
      const { articleId } = await nb.core.handlers.importText({ title: `${sentence(3)} ${i}`, text });
      const date = next() < 0.8 ? `202${Math.floor(next() * 5)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}` : null;
      await nb.core.handlers.updateArticleMeta({ id: articleId, patch: { source: pick(SOURCES), publishedAt: date } });
      const article = (await store.getArticle(articleId))!;
      await store.putArticle({ ...article, collections: COLLECTIONS.filter(() => next() < 0.4) });
      for (let c = 0; c < 2; c++) {
        const words = [...article.text.matchAll(/[^\s.,]+/g)];
        const from = Math.floor(next() * (words.length - 6));
        const start = words[from]!.index;
        const last = words[from + 2 + Math.floor(next() * 4)]!;
        await nb.core.handlers.createClaim({
          articleId,
          start,
          end: last.index + last[0].length,
          coding: {
            actorIds: next() < 0.8 ? [pick(codebook.actors).id] : [],
            issueId: next() < 0.8 ? pick(codebook.issues).id : null,
            stanceId: next() < 0.8 ? pick(codebook.stances).id : null,
            note: sentence(3),
          },
        });
      }
    }
    await serviceOf(nb).rebuild();
    const names = codingNames(codebook);
    for (const summary of store.listArticles()) {
      const article = (await store.getArticle(summary.id))!;
      const meta = { publishedAt: article.publishedAt, source: article.source, collections: article.collections };
      const records: SearchRecord[] = [articleRecord(article), ...(await store.getClaims(article.id)).map(claimRecord)];
      for (const record of records) {
        const key = record.kind === 'claim' ? `c:${record.claimId}` : `a:${article.id}`;
        docs.push({ key, record, article: meta, words: SEARCH_FIELDS.map((f) => tokenize(fieldText(record, f, names))) });
      }
    }
  }, 120_000);
  afterAll(() => nb.cleanup());

  async function keys(query: string, filters?: SearchFilters): Promise<{ keys: Set<string>; total: number; scores: number[] }> {
    const result = await search(nb, { query, filters, limit: 200 });
    return {
      keys: new Set(result.hits.map((h) => (h.kind === 'claim' ? `c:${h.claimId}` : `a:${h.articleId}`))),
      total: result.total,
      scores: result.hits.map((h) => h.score),
    };
  }

  const cases: [string, Parameters<typeof baseline>[2], SearchFilters?][] = [
    ['taiwan ', { words: ['taiwan'] }],
    ['taiwan sanctions ', { words: ['taiwan', 'sanctions'] }],
    ['ZURICH summit ', { words: ['zurich', 'summit'] }],
    ['sta*', { prefixes: ['sta'] }],
    ['minister sta*', { words: ['minister'], prefixes: ['sta'] }],
    ['stat', { prefixes: ['stat'] }],
    ['"foreign ministry"', { phrases: [['foreign', 'ministry']] }],
    ['"the south china sea"', { phrases: [['the', 'south', 'china', 'sea']] }],
    ['"ministry foreign"', { phrases: [['ministry', 'foreign']] }],
    ['"taiwan strait" envoy ', { words: ['envoy'], phrases: [['taiwan', 'strait']] }],
    ['"of the" taiwan ', { words: ['taiwan'], phrases: [['of', 'the']] }],
    ['"border poli', { phrases: [], prefixes: [] }],
    ['sea ', { words: ['sea'] }, { kinds: ['claim'] }],
    ['sea ', { words: ['sea'] }, { publishedFrom: '2021-01-01', publishedTo: '2023-12-31' }],
    ['sea ', { words: ['sea'] }, { source: 'le monde' }],
    ['sea ', { words: ['sea'] }, { collection: 'élysée' }],
  ];

  it.each(cases)('%s finds what a linear scan finds, ranked best first', async (query, parsed, filters) => {
    if (query === '"border poli') {
      // An open phrase: its last word is a prefix. Checked against the scan by hand.
      const expected = new Set(
        docs.filter((d) => d.words.some((f) => f.some((w, i) => w === 'border' && (f[i + 1] ?? '').startsWith('poli')))).map((d) => d.key),
      );
      expect(expected.size).toBeGreaterThan(0);
      expect((await keys(query)).keys).toEqual(expected);
      return;
    }
    const expected = baseline(docs, codebook, parsed, filters);
    // Every case finds something, so none passes by finding nothing on both sides.
    expect(expected.size).toBeGreaterThan(0);
    const got = await keys(query, filters);
    expect(got.total).toBe(expected.size);
    expect(got.keys).toEqual(expected);
    expect(got.scores).toEqual([...got.scores].sort((a, b) => b - a));
  });

  it('filters by actor, issue (with sub-issues) and stance as the scan does, for claims and their articles', async () => {
    const parent = codebook.issues.find((i) => codebook.issues.some((c) => c.parentId === i.id)) ?? codebook.issues[0]!;
    const filterCases: SearchFilters[] = [
      { actorId: codebook.actors[0]!.id },
      { actorId: codebook.actors[1]!.id, kinds: ['article'] },
      { issueId: parent.id },
      { stanceId: codebook.stances[0]!.id, actorId: codebook.actors[2]!.id },
      { issueId: codebook.issues[1]!.id, publishedFrom: '2022-01-01', kinds: ['claim'] },
    ];
    let nonEmpty = 0;
    for (const filters of filterCases) {
      const expected = baseline(docs, codebook, { words: ['sea'] }, filters);
      if (expected.size > 0) nonEmpty += 1;
      const got = await keys('sea ', filters);
      expect(got.keys, JSON.stringify(filters)).toEqual(expected);
      expect(got.total).toBe(expected.size);
    }
    expect(nonEmpty).toBeGreaterThan(2);
  });

  it('pages through hits in rank order with a stable total', async () => {
    const all = await search(nb, { query: 'sea ', limit: 200 });
    const second = await search(nb, { query: 'sea ', limit: 10, offset: 10 });
    expect(second.total).toBe(all.total);
    expect(second.hits.map((h) => h.claimId ?? h.articleId)).toEqual(all.hits.slice(10, 20).map((h) => h.claimId ?? h.articleId));
  });

  it('stays equal to the scan after edits applied through change events', async () => {
    const claimDoc = docs.find((d) => d.record.kind === 'claim')!;
    const record = claimDoc.record as Extract<SearchRecord, { kind: 'claim' }>;
    await nb.core.handlers.updateClaim({ articleId: record.articleId, id: record.claimId, patch: { note: 'Marmot ledger.' } });
    expect((await keys('marmot ledger ')).keys).toEqual(new Set([claimDoc.key]));
    expect((await keys('"marmot ledger"')).keys).toEqual(new Set([claimDoc.key]));
  });

  it('past the match limit: says "at least", and ranks the most recently indexed matches with their exact scores', async () => {
    const LIMIT = 7;
    // A claim of the first article, re-indexed by this edit, is now among the newest matches.
    const first = docs.find((d) => d.record.kind === 'claim')!.record as Extract<SearchRecord, { kind: 'claim' }>;
    await nb.core.handlers.updateClaim({ articleId: first.articleId, id: first.claimId, patch: { note: 'A sea change.' } });
    const full = await search(nb, { query: 'sea ', limit: 200 });
    const exact = new Map(full.hits.map((h) => [h.claimId ?? h.articleId, h.score]));
    expect(full.total).toBeGreaterThan(LIMIT * 3);
    const bounded = new SearchService(nb.core.context, { matchLimit: LIMIT });
    try {
      await bounded.whenCurrent();
      const page = await bounded.search({ query: 'sea ', limit: 20, offset: 0 });
      expect(page).toMatchObject({ total: LIMIT, totalIsEstimate: true });
      expect(page.hits).toHaveLength(LIMIT);
      expect(page.hits.map((h) => h.claimId)).toContain(first.claimId);
      for (const hit of page.hits) expect(hit.score).toBe(exact.get(hit.claimId ?? hit.articleId));
      expect(page.hits.map((h) => h.score)).toEqual(page.hits.map((h) => h.score).sort((a, b) => b - a));
      // Paging stops at the limit; filters are bounded the same way.
      expect((await bounded.search({ query: 'sea ', limit: 5, offset: 5 })).hits).toHaveLength(LIMIT - 5);
      const claims = await bounded.search({ query: 'sea ', filters: { kinds: ['claim'] }, limit: 20, offset: 0 });
      expect(claims).toMatchObject({ total: LIMIT, totalIsEstimate: true });
      expect(claims.hits.every((h) => h.kind === 'claim')).toBe(true);
      // Under the limit the total is exact and not marked.
      const few = await bounded.search({ query: '"a sea change"', limit: 20, offset: 0 });
      expect(few.total).toBe(1);
      expect(few.totalIsEstimate).toBeUndefined();
    } finally {
      await bounded.close();
    }
  });
});
