import { describe, expect, it } from 'vitest';
import { LibraryDocSchema } from '../../../../electron/core/store/documents';
import { DocumentProblem } from '../../../../electron/core/store/errors';
import { leanLibraryDoc } from '../../../../electron/core/store/lean-library';
import { restoreDocument } from '../../../../electron/core/store/restore';

/**
 * The fast check of library.json (lean-library.ts) against its reference, the zod schema: on every
 * document, good or damaged, whatever the fast check accepts zod accepts too, with the same value;
 * on the usual documents it does accept (or it would save nothing), and a damaged file still gets
 * zod's words.
 */

function summary(i: number): Record<string, unknown> {
  return {
    title: `Article ${i}`,
    source: i % 2 ? 'Reuters' : null,
    author: null,
    publishedAt: i % 3 ? '2024-12-21' : null,
    url: i % 4 ? `https://example.org/${i}` : null,
    language: 'en',
    standfirst: i % 5 ? 'A standfirst.' : null,
    id: `art-${i}`,
    importedFrom: { kind: i % 2 ? 'html' : 'paste', name: i % 2 ? `page-${i}.html` : null },
    contentHash: 'ab'.repeat(32),
    wordCount: 800 + i,
    claimCount: i % 7,
    tags: i % 2 ? ['fact-check'] : [],
    collections: ['asia'],
    createdAt: '2024-12-21T10:00:00.000Z',
    updatedAt: '2024-12-22T10:00:00.000Z',
  };
}

function libraryDoc(n = 4): Record<string, unknown> {
  return { schemaVersion: 1, journalSeq: 3, articles: Array.from({ length: n }, (_, i) => summary(i)), revs: { 'art-0': 2, 'art-1': 1 } };
}

const clone = <T>(value: T): T => structuredClone(value);

/** What the fast check must never do: accept what zod refuses, or return another value than zod's. */
function expectAgreement(doc: Record<string, unknown>, label: string): 'lean' | 'zod' {
  const reference = LibraryDocSchema.safeParse(clone(doc));
  const lean = leanLibraryDoc(clone(doc));
  if (lean === null) return 'zod';
  expect(reference.success, `${label}: the fast check accepted what zod refuses`).toBe(true);
  expect(lean, label).toEqual(reference.data);
  return 'lean';
}

const longText = (n: number) => 'x'.repeat(n);
/** Values to put in a field: the right types, the wrong ones, and each limit of the schema and one past it. */
const PROBES: unknown[] = [
  undefined,
  null,
  '',
  'text',
  longText(35),
  longText(36),
  longText(500),
  longText(501),
  longText(1000),
  longText(1001),
  longText(2000),
  longText(2001),
  longText(5000),
  longText(5001),
  '2024-12-21',
  '2024-12-21T00:00:00Z',
  '21/12/2024',
  0,
  1,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  ['a'],
  [1],
  {},
  { kind: 'html', name: null },
  { kind: 'html', name: 'a.html', extra: 1 },
  { kind: 'carrier-pigeon', name: null },
  { kind: 'paste' },
  { blind: true, done: ['coder-a'] },
  { blind: 'yes', done: [] },
];

describe('the fast check of library.json, against its zod schema', () => {
  it('accepts the usual library as it is, without copying it, with defaults filled as zod fills them', () => {
    const doc = libraryDoc(50);
    expect(expectAgreement(doc, 'usual')).toBe('lean');
    const raw = clone(doc);
    expect(leanLibraryDoc(raw)).toBe(raw);
    const bare = { schemaVersion: 1, articles: [summary(1)] };
    expect(expectAgreement(bare, 'no journalSeq, no revs')).toBe('lean');
    expect(leanLibraryDoc(clone(bare))).toMatchObject({ journalSeq: 0, revs: {} });
    expect(expectAgreement({ schemaVersion: 1, articles: [] }, 'empty')).toBe('lean');
  });

  it('agrees with zod whatever one field of a summary holds', () => {
    let judgedByLean = 0;
    for (const key of Object.keys(summary(0)).concat(['doubleCoding', 'unknownKey', '__proto__'])) {
      for (const probe of PROBES) {
        const doc = libraryDoc();
        const target = (doc.articles as Record<string, unknown>[])[1]!;
        if (probe === undefined) delete target[key];
        else Object.defineProperty(target, key, { value: probe, enumerable: true, writable: true, configurable: true });
        if (expectAgreement(doc, `${key} = ${JSON.stringify(probe)?.slice(0, 40)}`) === 'lean') judgedByLean++;
      }
    }
    // Most probes are damage the fast check leaves to zod, but the valid ones it vouches for itself.
    expect(judgedByLean).toBeGreaterThan(20);
  });

  it('agrees with zod on damage to the document around the summaries', () => {
    const damaged: Record<string, unknown>[] = [];
    for (const key of ['schemaVersion', 'journalSeq', 'articles', 'revs', 'extra']) {
      for (const probe of PROBES) {
        const doc = libraryDoc();
        if (probe === undefined) delete doc[key];
        else doc[key] = probe;
        damaged.push(doc);
      }
    }
    for (const articles of [[null], ['art-1'], [[]], [summary(1), 7]]) damaged.push({ ...libraryDoc(), articles });
    for (const revs of [{ a: -1 }, { a: 1.5 }, { a: '1' }, { a: null }, []]) damaged.push({ ...libraryDoc(), revs });
    damaged.forEach((doc, i) => expectAgreement(doc, `document damage ${i}`));
  });

  it('leaves a summary of another shape to ArticleSummarySchema, and the whole library to zod when that refuses it', () => {
    const doc = libraryDoc();
    (doc.articles as Record<string, unknown>[])[2]!.doubleCoding = { blind: true, done: [] };
    (doc.articles as Record<string, unknown>[])[3]!.unknownKey = 'kept out';
    expect(expectAgreement(doc, 'double coding and an unknown key')).toBe('lean');
    const read = leanLibraryDoc(clone(doc))!;
    expect(read.articles[2]!.doubleCoding).toEqual({ blind: true, done: [] });
    expect(read.articles[3]).not.toHaveProperty('unknownKey');
  });

  it("reads a damaged library.json with zod's words, naming the field", () => {
    const doc = libraryDoc();
    (doc.articles as Record<string, unknown>[])[1]!.wordCount = -5;
    expect(() => restoreDocument('library', JSON.stringify(doc))).toThrow(DocumentProblem);
    expect(() => restoreDocument('library', JSON.stringify(doc))).toThrow(/does not match the notebook format \(articles\.1\.wordCount: /);
    const good = libraryDoc();
    expect(restoreDocument('library', JSON.stringify(good))).toEqual(LibraryDocSchema.parse(good));
  });
});
