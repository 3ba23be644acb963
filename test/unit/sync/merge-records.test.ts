import { describe, expect, it } from 'vitest';
import { mergeSet, mergeValue } from '../../../electron/core/sync/merge-fields';
import { mergeNotebooks, type ArticleRecord, type MergeSide } from '../../../electron/core/sync/merge-records';
import type { Article, Brief, Claim, Codebook } from '../../../shared/model';

/** The record merge in isolation: small hand-made sides, every outcome named in merge-records.ts. */

const TEXT = 'Beijing said on Monday that it opposes any arms sales to Taiwan, while Washington urged restraint.';

function article(over: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    title: 'Talks',
    source: null,
    author: null,
    publishedAt: null,
    url: null,
    language: null,
    standfirst: null,
    importedFrom: { kind: 'paste', name: null },
    contentHash: 'h0',
    text: TEXT,
    blocks: [{ kind: 'paragraph', start: 0, end: TEXT.length }],
    rev: 1,
    revisions: [],
    tags: [],
    collections: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

function claim(id: string, exact: string, over: Partial<Claim> = {}): Claim {
  const start = TEXT.indexOf(exact);
  return {
    id,
    articleId: 'a1',
    actorIds: ['china'],
    issueId: null,
    proposition: '',
    stanceId: null,
    speaker: null,
    tags: [],
    note: '',
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: TEXT.slice(Math.max(0, start - 32), start),
        suffix: TEXT.slice(start + exact.length, start + exact.length + 32),
      },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    anchor: { status: 'exact', score: 1 },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

const CODEBOOK: Codebook = {
  actors: [
    { id: 'china', name: 'China', aliases: ['Beijing'], color: null },
    { id: 'us', name: 'United States', aliases: [], color: null },
  ],
  issues: [],
  stances: [],
  tags: [],
};

function side(records: ArticleRecord[], over: Partial<MergeSide> = {}): MergeSide {
  return {
    codebook: structuredClone(CODEBOOK),
    briefs: [],
    articles: new Map(records.map((r) => [r.article.id, structuredClone(r)])),
    conflicts: [],
    author: null,
    ...over,
  };
}

const c1 = claim('c1', 'opposes any arms sales to Taiwan');
const c2 = claim('c2', 'urged restraint', { actorIds: ['us'] });
const base = (): ArticleRecord => ({ article: article(), claims: [c1, c2] });
const merge = (b: MergeSide, o: MergeSide, t: MergeSide) =>
  mergeNotebooks({ base: b, ours: o, theirs: t, articleIds: ['a1'], now: '2026-02-01T00:00:00.000Z' });

describe('three-way values', () => {
  it('takes the one side that changed, and clashes only when both changed differently', () => {
    expect(mergeValue(1, 1, 2)).toEqual({ value: 2, clash: false });
    expect(mergeValue(1, 3, 1)).toEqual({ value: 3, clash: false });
    expect(mergeValue(1, 4, 4)).toEqual({ value: 4, clash: false });
    expect(mergeValue(1, 3, 4)).toEqual({ value: 3, clash: true });
  });
  it("merges lists as sets: both sides' additions kept, either side's removal applied", () => {
    expect(mergeSet(['a', 'b'], ['a', 'b', 'c'], ['b', 'd'])).toEqual(['b', 'c', 'd']);
  });
});

describe('mergeNotebooks', () => {
  it('merges different fields of one claim silently, and different claims', () => {
    const ours = base();
    ours.claims[0] = { ...c1, note: 'ours note', updatedAt: '2026-01-02T00:00:00.000Z' };
    const theirs = base();
    theirs.claims[0] = { ...c1, stanceId: 'oppose', actorIds: ['china', 'us'], updatedAt: '2026-01-03T00:00:00.000Z' };
    theirs.claims[1] = { ...c2, note: 'theirs on c2' };
    const out = merge(side([base()]), side([ours]), side([theirs]));
    expect(out.newConflicts).toEqual([]);
    const claims = out.articles.get('a1')!.claims;
    expect(claims[0]).toMatchObject({ note: 'ours note', stanceId: 'oppose', actorIds: ['china', 'us'], updatedAt: '2026-01-03T00:00:00.000Z' });
    expect(claims[1]!.note).toBe('theirs on c2');
  });

  it('records a clash on one field with both values, ours applied', () => {
    const ours = base();
    ours.claims[0] = { ...c1, note: 'A' };
    const theirs = base();
    theirs.claims[0] = { ...c1, note: 'B', updatedBy: 'coder-b' } as Claim;
    const out = merge(side([base()]), side([ours], { author: 'Ann' }), side([theirs], { author: 'Bo' }));
    expect(out.articles.get('a1')!.claims[0]!.note).toBe('A');
    expect(out.newConflicts).toEqual([
      expect.objectContaining({
        kind: 'claim',
        recordId: 'c1',
        field: 'note',
        base: '',
        ours: 'A',
        theirs: 'B',
        applied: 'ours',
        oursBy: 'Ann',
        theirsBy: 'coder-b',
      }),
    ]);
    expect(out.conflicts).toHaveLength(1);
  });

  it('restores a claim deleted on one side and edited on the other', () => {
    const ours = base();
    ours.claims = [c2];
    const theirs = base();
    theirs.claims[0] = { ...c1, note: 'edited' };
    const out = merge(side([base()]), side([ours]), side([theirs]));
    expect(out.articles.get('a1')!.claims.map((c) => [c.id, c.note])).toEqual([
      ['c2', ''],
      ['c1', 'edited'],
    ]);
    expect(out.newConflicts[0]).toMatchObject({ reason: 'deleted-and-edited', applied: 'theirs', ours: null });
  });

  it('deletes a claim deleted on one side and untouched on the other, without a conflict', () => {
    const ours = base();
    ours.claims = [c2];
    const out = merge(side([base()]), side([ours]), side([base()]));
    expect(out.articles.get('a1')!.claims.map((c) => c.id)).toEqual(['c2']);
    expect(out.newConflicts).toEqual([]);
  });

  it('an article deleted on one side and edited on the other comes back with all its claims', () => {
    const theirs = base();
    theirs.article = { ...theirs.article, title: 'Talks (edited)' };
    const out = merge(side([base()]), side([]), side([theirs]));
    expect(out.articles.get('a1')!.article.title).toBe('Talks (edited)');
    expect(out.articles.get('a1')!.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(out.newConflicts[0]).toMatchObject({ kind: 'article', reason: 'deleted-and-edited', applied: 'theirs' });
  });

  it('keeps both texts of an article revised on both sides and re-anchors the claims on ours', () => {
    const oursText = `Update: ${TEXT}`;
    const theirsText = TEXT.replace('Monday', 'Tuesday');
    const ours = base();
    ours.article = {
      ...ours.article,
      text: oursText,
      contentHash: 'h1',
      rev: 2,
      revisions: [{ rev: 1, text: TEXT, blocks: [], contentHash: 'h0', replacedAt: 'x' }],
    };
    const theirs = base();
    theirs.article = {
      ...theirs.article,
      text: theirsText,
      contentHash: 'h2',
      rev: 2,
      revisions: [{ rev: 1, text: TEXT, blocks: [], contentHash: 'h0', replacedAt: 'y' }],
    };
    const out = merge(side([base()]), side([ours]), side([theirs]));
    const rec = out.articles.get('a1')!;
    expect(rec.article.text).toBe(oursText);
    expect(rec.article.revisions.map((r) => [r.rev, r.contentHash])).toEqual([
      [1, 'h0'],
      [3, 'h2'],
    ]);
    expect(rec.article.rev).toBe(4);
    for (const c of rec.claims) expect(oursText.slice(c.target.position.start, c.target.position.end)).toBe(c.target.quote.exact);
    expect(out.newConflicts).toEqual([expect.objectContaining({ field: 'text', reason: 'text-revised-on-both' })]);
  });

  it('dedupes codebook entries both sides created with one name and remaps their claims', () => {
    const ours = side([base()]);
    ours.codebook.actors.push({ id: 'nato-ours', name: 'NATO', aliases: [], color: null });
    const theirsRec = base();
    theirsRec.claims[1] = { ...c2, actorIds: ['nato-theirs'] };
    const theirs = side([theirsRec]);
    theirs.codebook.actors.push({ id: 'nato-theirs', name: 'Nato', aliases: ['North Atlantic alliance'], color: null });
    const out = merge(side([base()]), ours, theirs);
    expect(out.codebook.actors.filter((a) => a.name.toLowerCase() === 'nato')).toEqual([
      { id: 'nato-ours', name: 'NATO', aliases: ['North Atlantic alliance'], color: null },
    ]);
    expect(out.articles.get('a1')!.claims[1]!.actorIds).toEqual(['nato-ours']);
    expect(out.remapped).toEqual({ 'nato-theirs': 'nato-ours' });
  });

  it("restores a codebook entry deleted on one side that the other side's new claims use", () => {
    const ours = side([base()]);
    ours.codebook.actors = ours.codebook.actors.filter((a) => a.id !== 'us');
    const oursRec = ours.articles.get('a1')!;
    oursRec.claims = [c1]; // ours deleted the only claim using it, then the actor
    const theirsRec = base();
    theirsRec.claims.push(claim('c3', 'Washington', { actorIds: ['us'] }));
    const out = merge(side([base()]), ours, side([theirsRec]));
    expect(out.codebook.actors.map((a) => a.id)).toContain('us');
    expect(out.newConflicts).toContainEqual(expect.objectContaining({ kind: 'actor', recordId: 'us', reason: 'deleted-but-used' }));
  });

  it('merges briefs by id and field; a resolved conflict on either side stays resolved', () => {
    const brief: Brief = { id: 'b1', title: 'Weekly', doc: { type: 'doc' }, createdAt: 'x', updatedAt: 'x' };
    const old = {
      id: 'old',
      kind: 'claim',
      recordId: 'c9',
      articleId: 'a1',
      field: 'note',
      label: 'q',
      reason: 'both-changed',
      base: '',
      ours: 1,
      theirs: 2,
      oursBy: null,
      theirsBy: null,
      applied: 'ours',
      detectedAt: 'x',
    } as const;
    const out = merge(
      side([base()], { briefs: [brief], conflicts: [old] }),
      side([base()], { briefs: [{ ...brief, title: 'Weekly (A)' }], conflicts: [] }),
      side([base()], { briefs: [{ ...brief, doc: { type: 'doc', content: [] } }], conflicts: [old] }),
    );
    expect(out.briefs).toEqual([{ ...brief, title: 'Weekly (A)', doc: { type: 'doc', content: [] } }]);
    expect(out.conflicts).toEqual([]);
  });
});
