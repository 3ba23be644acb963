import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

describe('orphans review', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
    // Rewords the experts' quote so far that it is orphaned, yet a candidate remains; and
    // deletes the Taiwan paragraph, whose two claims are orphaned with no candidate at all.
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const lines = article.text.split('\n');
    lines[9] = lines[9]!.replace(
      'However, they also noted that the US and China remain "miles apart" on critical issues, and',
      'Still, they noted both sides stay far apart on key matters - and',
    );
    lines.splice(6, 1);
    const result = await nb.core.handlers.reviseArticleText({ articleId: nb.sampleId, text: lines.join('\n') });
    expect(result.counts.orphaned).toBe(3);
  });
  afterEach(() => nb.cleanup());

  async function expertsOrphan() {
    const orphans = await nb.core.handlers.listOrphans({ articleId: nb.sampleId });
    const found = orphans.find((o) => o.previous.exact.startsWith('the US and China remain'));
    if (!found) throw new Error('the experts claim should be orphaned');
    return found;
  }

  it('lists orphans with their old context and the closest match in the new text', async () => {
    const all = await nb.core.handlers.listOrphans({});
    expect(all).toHaveLength(3);
    expect(await nb.core.handlers.listOrphans({ articleId: nb.sampleId })).toEqual(all);
    const orphan = await expertsOrphan();
    expect(orphan.previous).toEqual({
      prefix: '. However, they also noted that ',
      exact: 'the US and China remain "miles apart" on critical issues',
      suffix: ', and that the most they can get',
    });
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const candidate = orphan.bestCandidate!;
    // Reworded past recognition: the closest passage is only a suggestion for the analyst.
    expect(candidate.text.length).toBeGreaterThan(0);
    expect(article.text.slice(candidate.start, candidate.end)).toBe(candidate.text);
    expect(article.text.slice(0, candidate.start).endsWith(candidate.prefix)).toBe(true);
    expect(article.text.slice(candidate.end).startsWith(candidate.suffix)).toBe(true);
    expect(candidate.score).toBeLessThan(0.75);
    const taiwan = all.find((o) => o.previous.exact.startsWith('Taiwan independence'))!;
    expect(taiwan.bestCandidate).toBeNull();
    expect(taiwan.articleTitle).toBe(article.title);
  });

  it('accept places the claim on the closest match, exact with score 1', async () => {
    const orphan = await expertsOrphan();
    const { claim } = await nb.core.handlers.resolveOrphan({ articleId: nb.sampleId, claimId: orphan.claim.id, action: 'accept' });
    expect(claim!.anchor).toEqual({ status: 'exact', score: 1, confirmed: { at: expect.any(String) } });
    expect(claim!.target.quote.exact).toBe(orphan.bestCandidate!.text);
    expect(claim!.target.position).toMatchObject({ start: orphan.bestCandidate!.start, end: orphan.bestCandidate!.end });
    expect(claim!.actorIds).toEqual(orphan.claim.actorIds);
    expect((await nb.claims()).find((c) => c.id === claim!.id)).toEqual(claim);
    expect(await nb.core.handlers.listOrphans({})).toHaveLength(2);
  });

  it('reselect places the claim on the range the analyst chose', async () => {
    const orphan = (await nb.core.handlers.listOrphans({})).find((o) => o.previous.exact.startsWith('Taiwan independence'))!;
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const start = article.text.indexOf('restore a measure of stability');
    const end = start + 'restore a measure of stability'.length;
    const { claim } = await nb.core.handlers.resolveOrphan({ articleId: nb.sampleId, claimId: orphan.claim.id, action: 'reselect', start, end });
    expect(claim).toMatchObject({
      anchor: { status: 'exact', score: 1 },
      target: { quote: { exact: 'restore a measure of stability' }, position: { start, end } },
    });
    expect(claim!.anchor.previous).toBeUndefined();
  });

  it('delete moves the claim to the trash', async () => {
    const orphan = await expertsOrphan();
    expect(await nb.core.handlers.resolveOrphan({ articleId: nb.sampleId, claimId: orphan.claim.id, action: 'delete' })).toEqual({ claim: null });
    expect((await nb.claims()).some((c) => c.id === orphan.claim.id)).toBe(false);
    expect(nb.core.store.listTrash().some((e) => e.id === orphan.claim.id)).toBe(true);
  });

  it('refuses what it cannot do, saying why, and stores nothing', async () => {
    const orphan = await expertsOrphan();
    const taiwan = (await nb.core.handlers.listOrphans({})).find((o) => o.previous.exact.startsWith('Taiwan independence'))!;
    const exact = (await nb.claims()).find((c) => c.anchor.status === 'exact')!;
    const at = { articleId: nb.sampleId };
    await nb.refuses('resolveOrphan', { ...at, claimId: exact.id, action: 'accept' }, /not orphaned/);
    await nb.refuses('resolveOrphan', { ...at, claimId: taiwan.claim.id, action: 'accept' }, /Nothing in the current text resembles/);
    await nb.refuses('resolveOrphan', { ...at, claimId: orphan.claim.id, action: 'reselect' }, /give the start and end/);
    await nb.refuses('resolveOrphan', { ...at, claimId: orphan.claim.id, action: 'accept', start: 1, end: 5 }, /only for "reselect"/);
    await nb.refuses('resolveOrphan', { ...at, claimId: orphan.claim.id, action: 'reselect', start: 5, end: 5_000_000 }, /./);
    await nb.refuses('resolveOrphan', { ...at, claimId: 'clm_nope', action: 'delete' }, /no claim "clm_nope"/);
    await nb.refuses('resolveOrphan', { articleId: 'art_nope', claimId: orphan.claim.id, action: 'delete' }, /no article/);
    await nb.refuses('resolveOrphan', { ...at, claimId: orphan.claim.id, action: 'ignore' as 'delete' }, /action/);
    await nb.refuses('listOrphans', { articleId: 'art_nope' }, /no article/);
  });
});
