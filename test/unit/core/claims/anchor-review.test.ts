/**
 * The needs-review anchor state through the core: an edit that leaves a claim's placement
 * doubtful flags it (placed, unconfirmed); the anchor review lists it beside the orphans; the
 * analyst confirms it (recorded with the time, one undo step); exports mark it until then.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

const BEFORE = 'However, they also noted that the US and China remain "miles apart" on critical issues, and';
/** A light rewording around and inside the experts' quote: still there, but on weak evidence. */
const AFTER = 'Still, they noted the two remain "miles apart" on critical issues - and';

describe('needs review', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  async function reword() {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(article.text).toContain(BEFORE);
    return nb.core.handlers.reviseArticleText({ articleId: nb.sampleId, text: article.text.replace(BEFORE, AFTER) });
  }

  it('an edit that weakens the evidence places the claim as needs-review, listed for review with where it stands', async () => {
    const result = await reword();
    expect(result.counts).toMatchObject({ orphaned: 0, needsReview: 1 });
    const claim = await nb.claimByQuote('the two remain "miles apart"');
    expect(claim.anchor.status).toBe('relocated');
    expect(claim.anchor.review?.reasons).toContain('quote-changed');
    expect(claim.anchor.previous?.exact).toBe('the US and China remain "miles apart" on critical issues');

    expect(await nb.core.handlers.listOrphans({ articleId: nb.sampleId })).toEqual([]);
    const items = await nb.core.handlers.listAnchorReview({ articleId: nb.sampleId });
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({ state: 'needs-review', reasons: ['quote-changed'], bestCandidate: null });
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(article.text.slice(item!.placed!.start, item!.placed!.end)).toBe(item!.placed!.text);
    expect(item!.placed!.text).toContain('the two remain "miles apart" on critical issues');
    expect(await nb.core.handlers.listAnchorReview({})).toEqual(items);
  });

  it('a later edit elsewhere keeps the claim unconfirmed: only the analyst settles it', async () => {
    await reword();
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.reviseArticleText({ articleId: nb.sampleId, text: `${article.text}\nA closing line added later.` });
    const claim = await nb.claimByQuote('the two remain "miles apart"');
    expect(claim.anchor.review?.reasons).toContain('quote-changed');
  });

  it('confirming records when, clears the flag, is one undo step, and cannot be done twice', async () => {
    await reword();
    const flagged = await nb.claimByQuote('the two remain "miles apart"');
    const { claim } = await nb.core.handlers.confirmPlacement({ articleId: nb.sampleId, claimId: flagged.id });
    expect(claim.anchor.review).toBeUndefined();
    expect(claim.anchor.previous).toBeUndefined();
    expect(claim.anchor.confirmed?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(claim.anchor.confirmed?.by).toBeUndefined();
    expect(claim.target).toEqual(flagged.target);
    expect(await nb.core.handlers.listAnchorReview({})).toEqual([]);
    // Stored, not just answered.
    expect((await nb.claims()).find((c) => c.id === flagged.id)).toEqual(claim);

    await nb.refuses('confirmPlacement', { articleId: nb.sampleId, claimId: flagged.id }, /does not need review/);
    expect((await nb.core.handlers.getHistory({})).undoLabel).toBe('Confirm claim placement');
    await nb.core.handlers.undo({});
    expect((await nb.claimByQuote('the two remain "miles apart"')).anchor.review?.reasons).toContain('quote-changed');
  });

  it('a needs-review claim can be re-selected (trusted, confirmed) but not "accepted" like an orphan', async () => {
    await reword();
    const flagged = await nb.claimByQuote('the two remain "miles apart"');
    await nb.refuses('resolveOrphan', { articleId: nb.sampleId, claimId: flagged.id, action: 'accept' }, /confirm its placement/);
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const start = article.text.indexOf('the two remain');
    const end = article.text.indexOf('critical issues', start) + 'critical issues'.length;
    const { claim } = await nb.core.handlers.resolveOrphan({ articleId: nb.sampleId, claimId: flagged.id, action: 'reselect', start, end });
    expect(claim!.target.quote.exact).toBe('the two remain "miles apart" on critical issues');
    expect(claim!.anchor).toEqual({ status: 'exact', score: 1, confirmed: { at: expect.any(String) } });
  });

  it('a placed, trusted claim has nothing to confirm', async () => {
    const trusted = await nb.claimByQuote('the US and China remain');
    await nb.refuses('confirmPlacement', { articleId: nb.sampleId, claimId: trusted.id }, /does not need review/);
  });

  it('the brief written in the app marks the citation until it is confirmed, then not', async () => {
    await reword();
    const flagged = await nb.claimByQuote('the two remain "miles apart"');
    const brief = await nb.core.handlers.createBrief({
      title: 'Experts',
      doc: { type: 'doc', content: [{ type: 'claimCitation', attrs: { claimId: flagged.id, articleId: nb.sampleId } }] },
    });
    const before = await nb.core.handlers.exportBriefDocument({ briefId: brief.id, format: 'md' });
    expect(before.content).toContain('not yet confirmed (needs review)');
    const [cited] = await nb.core.handlers.resolveCitations({ citations: [{ claimId: flagged.id, articleId: nb.sampleId }] });
    expect(cited).toMatchObject({ state: 'found', anchor: { review: { reasons: ['quote-changed'] } } });

    await nb.core.handlers.confirmPlacement({ articleId: nb.sampleId, claimId: flagged.id });
    const after = await nb.core.handlers.exportBriefDocument({ briefId: brief.id, format: 'md' });
    expect(after.content).not.toContain('needs review');
    const article = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'md' });
    expect(article.content).not.toContain('needs review');
  });

  it("the article's own brief marks a needs-review claim", async () => {
    await reword();
    const file = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'md' });
    expect(file.content).toContain('anchor: needs review');
  });
});
