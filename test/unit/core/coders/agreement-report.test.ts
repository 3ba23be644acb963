import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

/*
 * Two coders code ten separate spans of the sample article. Their issues follow Krippendorff's
 * (2011) binary example for two observers (A: 0100000010, B: 1110010000; published alpha 0.095),
 * with issue-taiwan for 0 and issue-trade for 1.
 */
const A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
const B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
const ISSUE = ['issue-taiwan', 'issue-trade'];

describe('agreement report', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture({ sample: true });
  });
  afterEach(() => nb.cleanup());

  /** Ten disjoint spans of 30 characters, 60 apart, from the start of the text. */
  const spans = Array.from({ length: 10 }, (_, i) => ({ start: 100 + i * 60, end: 130 + i * 60 }));

  async function codeAs(coder: { id: string; name: string }, values: number[], shift = 0) {
    const h = nb.core.handlers;
    await h.setCoder(coder);
    const made = [];
    for (const [i, span] of spans.slice(0, values.length).entries()) {
      made.push(
        await h.createClaim({
          articleId: nb.sampleId,
          start: span.start + shift,
          end: span.end + shift,
          coding: { issueId: ISSUE[values[i]!]!, actorIds: ['actor-china'], stanceId: i % 2 ? 'stance-supports' : 'stance-opposes' },
        }),
      );
    }
    return made;
  }

  it("matches spans by overlap and gives the published alpha for Krippendorff's two-observer example (0.095)", async () => {
    const h = nb.core.handlers;
    await codeAs({ id: 'coder-a', name: 'Ann' }, A);
    // Bob's spans are shifted by 5 characters: IoU 25/35 = 0.71, still the same spans.
    await codeAs({ id: 'coder-b', name: 'Bob' }, B, 5);
    // One claim only Bob made, far from the others.
    await h.createClaim({ articleId: nb.sampleId, start: 800, end: 840, coding: {} });

    const report = await h.getAgreementReport({ articleIds: [nb.sampleId] });
    expect(report.articles).toEqual([{ id: nb.sampleId, title: expect.any(String) }]);
    // The sample's own claims were made before any coder was set.
    expect(report.claimsWithoutCoder).toBe(10);
    expect(report.units).toHaveLength(10);
    expect(report.units[0]!.overlap).toBeCloseTo(25 / 35, 5);
    expect(report.units[0]!.differs).toEqual(['issue']);
    expect(report.alpha.issue.alpha!.toFixed(3)).toBe('0.095');
    expect(report.alpha.issue).toEqual(expect.objectContaining({ level: 'nominal', units: 10, pairable: 20 }));
    // Actor and stance agree everywhere: stance (ordinal) is 1; actor has no variation, so no alpha.
    expect(report.alpha.stance).toEqual({ alpha: 1, level: 'ordinal', units: 10, pairable: 20 });
    expect(report.alpha.actor.alpha).toBeNull();
    expect(report.unmatched.map((u) => [u.coderId, u.claim.target.position.start])).toEqual([['coder-b', 800]]);
    expect(report.coders).toEqual([
      { id: 'coder-a', name: 'Ann', claims: 10, matched: 10 },
      { id: 'coder-b', name: 'Bob', claims: 11, matched: 10 },
    ]);

    const csv = (await h.exportAgreementReport({ articleIds: [nb.sampleId] })).content.split('\r\n');
    expect(csv[0]).toBe('span,status,differs,article,quote,coder,actors,issue,stance,proposition,claim id');
    expect(csv).toHaveLength(1 + 20 + 1);
    expect(csv[1]).toMatch(/^1,matched,issue,.*,Ann,China,Taiwan,opposes,,clm_/);
    expect(csv.at(-1)).toMatch(/^,unmatched,,.*,Bob,,,,,clm_/);
  });

  it('leaves spans that overlap less than half unmatched, and orders stances along the scale', async () => {
    const h = nb.core.handlers;
    await h.setCoder({ id: 'coder-a', name: 'Ann' });
    await h.createClaim({ articleId: nb.sampleId, start: 100, end: 140, coding: { stanceId: 'stance-strongly-opposes' } });
    await h.createClaim({ articleId: nb.sampleId, start: 300, end: 340, coding: { stanceId: 'stance-supports' } });
    await h.setCoder({ id: 'coder-b', name: 'Bob' });
    // IoU 20/60 = 0.33: not the same span.
    await h.createClaim({ articleId: nb.sampleId, start: 120, end: 160, coding: { stanceId: 'stance-opposes' } });
    await h.createClaim({ articleId: nb.sampleId, start: 300, end: 340, coding: { stanceId: 'stance-strongly-supports' } });
    const report = await h.getAgreementReport({});
    expect(report.units).toHaveLength(1);
    expect(report.unmatched.map((u) => u.coderId).sort()).toEqual(['coder-a', 'coder-b']);
    expect(report.alpha.stance.units).toBe(1);
  });

  it('reports by collection, and refuses what it cannot find', async () => {
    const h = nb.core.handlers;
    await expect(h.getAgreementReport({ collection: 'Nowhere' })).rejects.toThrow(/No article is in a collection called "Nowhere"/);
    await expect(h.getAgreementReport({ articleIds: ['art_missing'] })).rejects.toThrow(/no article "art_missing"/);
    await expect(h.getAgreementReport({ articleIds: [nb.sampleId], collection: 'x' })).rejects.toThrow(/not both/);
    const report = await h.getAgreementReport({});
    expect(report.articles).toEqual([]);
    expect(report.alpha.issue.alpha).toBeNull();
  });

  it('adjudicates a pair: keeps one, edits it for a merge, sets the other aside, all in one undoable step', async () => {
    const h = nb.core.handlers;
    const [ann] = await codeAs({ id: 'coder-a', name: 'Ann' }, [0]);
    const [bob] = await codeAs({ id: 'coder-b', name: 'Bob' }, [1], 5);
    await h.setCoder({ id: 'coder-lead', name: 'Lea' });

    await expect(h.adjudicate({ articleId: nb.sampleId, keepClaimId: ann!.id, dropClaimIds: [ann!.id], decision: 'keep' })).rejects.toThrow(
      /also among those to set aside/,
    );
    const { claim } = await h.adjudicate({
      articleId: nb.sampleId,
      keepClaimId: ann!.id,
      dropClaimIds: [bob!.id],
      decision: 'merge',
      coding: { issueId: 'issue-trade' },
    });
    expect(claim.issueId).toBe('issue-trade');
    expect(claim.createdBy).toBe('coder-a');
    expect(claim.updatedBy).toBe('coder-lead');
    expect(claim.history!.slice(-2).map((e) => [e.field, e.by, e.step])).toEqual([
      ['issueId', 'coder-lead', 'Adjudicate: merged the versions'],
      ['adjudicated', 'coder-lead', 'Adjudicate: merged the versions'],
    ]);
    expect(claim.history!.at(-1)!.from).toEqual([`Bob's claim ${bob!.id}`]);
    expect(claim.history!.at(-1)!.to).toBe("merge: Ann's claim kept, coding edited");
    expect((await nb.claims()).some((c) => c.id === bob!.id)).toBe(false);
    expect(nb.core.store.listTrash().map((e) => e.id)).toEqual([bob!.id]);

    expect(await h.undo({})).toEqual({ label: 'Adjudicate: merged the versions' });
    const back = await nb.claims();
    expect(back.find((c) => c.id === bob!.id)?.issueId).toBe('issue-trade');
    const annBack = back.find((c) => c.id === ann!.id)!;
    expect(annBack.issueId).toBe('issue-taiwan');
    expect(annBack.history!.at(-1)!.step).toBe('Undo: Adjudicate: merged the versions');
  });
});
