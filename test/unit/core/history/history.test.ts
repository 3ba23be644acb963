import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationHistory } from '../../../../electron/core/history/history';
import { settledSnapshot } from '../../helpers/temp-notebook';
import { editedSample, openAnnotateFixture, withoutAudit, type AnnotateFixture } from './annotate-fixture';

describe('undo and redo', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  const at = async (quote: string) => {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const start = article.text.indexOf(quote);
    return { articleId: nb.sampleId, start, end: start + quote.length };
  };

  it('undoes and redoes creating, editing and deleting a claim', async () => {
    const h = nb.core.handlers;
    const original = await nb.claims();
    expect(await h.getHistory({})).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });

    const created = await h.createClaim({ ...(await at('The first round of talks was held in Geneva')), coding: { note: 'new' } });
    const edited = await h.updateClaim({ articleId: nb.sampleId, id: created.id, patch: { note: 'edited', actorIds: ['actor-china'] } });
    await h.deleteClaim({ articleId: nb.sampleId, id: created.id });
    expect(await h.getHistory({})).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Delete claim', redoLabel: null });

    nb.events.length = 0;
    expect(await h.undo({})).toEqual({ label: 'Delete claim' });
    expect(nb.events).toEqual([{ scope: 'claims', articleId: nb.sampleId }]);
    expect(withoutAudit((await nb.claims()).find((c) => c.id === created.id))).toEqual(withoutAudit(edited));
    expect(nb.core.store.listTrash()).toEqual([]);
    expect(await h.undo({})).toEqual({ label: 'Edit claim' });
    expect(withoutAudit((await nb.claims()).find((c) => c.id === created.id))).toEqual(withoutAudit(created));
    expect(await h.undo({})).toEqual({ label: 'Create claim' });
    expect(withoutAudit(await nb.claims())).toEqual(withoutAudit(original));
    expect(await h.getHistory({})).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Create claim' });

    expect(await h.redo({})).toEqual({ label: 'Create claim' });
    expect(withoutAudit((await nb.claims()).find((c) => c.id === created.id))).toEqual(withoutAudit(created));
    expect(nb.core.store.listTrash()).toEqual([]);
    await h.redo({});
    expect(withoutAudit((await nb.claims()).find((c) => c.id === created.id))).toEqual(withoutAudit(edited));
    await h.redo({});
    expect(withoutAudit(await nb.claims())).toEqual(withoutAudit(original));
    expect(nb.core.store.listTrash().map((e) => e.id)).toEqual([created.id]);
  });

  it('a new change clears the redo stack', async () => {
    const h = nb.core.handlers;
    const claim = await nb.claimByQuote('China is firmly');
    await h.updateClaim({ articleId: nb.sampleId, id: claim.id, patch: { note: 'one' } });
    await h.undo({});
    expect((await h.getHistory({})).canRedo).toBe(true);
    await h.createTag({ name: 'fresh' });
    expect(await h.getHistory({})).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Add tag', redoLabel: null });
    await nb.refuses('redo', {}, /nothing to redo/);
  });

  it('undoes and redoes an actor merge: codebook and claims come back exactly', async () => {
    const h = nb.core.handlers;
    const codebook = await h.getCodebook({});
    const claims = await nb.claims();
    await h.mergeActors({ fromId: 'actor-china', intoId: 'actor-united-states' });
    const mergedClaims = await nb.claims();
    const mergedCodebook = await h.getCodebook({});
    nb.events.length = 0;
    expect(await h.undo({})).toEqual({ label: 'Merge actors' });
    expect(nb.events).toEqual([{ scope: 'codebook' }, { scope: 'claims', articleId: nb.sampleId }]);
    expect(await h.getCodebook({})).toEqual(codebook);
    expect(withoutAudit(await nb.claims())).toEqual(withoutAudit(claims));
    await h.redo({});
    expect(await h.getCodebook({})).toEqual(mergedCodebook);
    expect(withoutAudit(await nb.claims())).toEqual(withoutAudit(mergedClaims));
  });

  it('undoes and redoes a text revision: text, blocks, revisions and claims come back exactly', async () => {
    const h = nb.core.handlers;
    const before = await h.getArticle({ id: nb.sampleId });
    await h.reviseArticleText({ articleId: nb.sampleId, text: editedSample(before.article.text) });
    const revised = await h.getArticle({ id: nb.sampleId });
    // Metadata edited after the revision is not part of it and survives its undo.
    await h.updateArticleMeta({ id: nb.sampleId, patch: { author: 'A. Reporter' } });

    expect(await h.undo({})).toEqual({ label: 'Edit article text' });
    const undone = await h.getArticle({ id: nb.sampleId });
    const { updatedAt: _u1, author: _a1, ...beforeRest } = before.article;
    const { updatedAt: _u2, author, ...undoneRest } = undone.article;
    expect(undoneRest).toEqual(beforeRest);
    expect(author).toBe('A. Reporter');
    expect(withoutAudit(undone.claims)).toEqual(withoutAudit(before.claims));
    expect(nb.core.store.listArticles()[0]!.wordCount).toBe(before.article.text.split(/\s+/).filter(Boolean).length);

    await h.redo({});
    const redone = await h.getArticle({ id: nb.sampleId });
    expect(redone.article.text).toBe(revised.article.text);
    expect(redone.article.revisions).toEqual(revised.article.revisions);
    expect(withoutAudit(redone.claims)).toEqual(withoutAudit(revised.claims));
  });

  it('undoes an orphan resolution, then the revision, back to the original claims', async () => {
    const h = nb.core.handlers;
    const { article, claims } = await h.getArticle({ id: nb.sampleId });
    await h.reviseArticleText({ articleId: nb.sampleId, text: editedSample(article.text) });
    const [orphan] = await h.listOrphans({});
    await h.resolveOrphan({ articleId: nb.sampleId, claimId: orphan!.claim.id, action: 'delete' });
    expect(await h.undo({})).toEqual({ label: 'Delete orphaned claim' });
    expect(withoutAudit((await nb.claims()).find((c) => c.id === orphan!.claim.id))).toEqual(withoutAudit(orphan!.claim));
    expect(await h.undo({})).toEqual({ label: 'Edit article text' });
    expect(withoutAudit(await nb.claims())).toEqual(withoutAudit(claims));
    expect(nb.core.store.listTrash()).toEqual([]);
  });

  it('undoes a codebook delete with reassign: the entry and its claims come back', async () => {
    const h = nb.core.handlers;
    const claims = await nb.claims();
    await h.deleteIssue({ id: 'issue-taiwan', reassignTo: 'issue-south-china-sea' });
    expect(await h.undo({})).toEqual({ label: 'Delete issue' });
    expect(withoutAudit(await nb.claims())).toEqual(withoutAudit(claims));
    expect((await h.getCodebook({})).issues.some((i) => i.id === 'issue-taiwan')).toBe(true);
  });

  it('refuses to undo over a change made outside the history, changing nothing', async () => {
    const h = nb.core.handlers;
    const claim = await nb.claimByQuote('China is firmly');
    await h.updateClaim({ articleId: nb.sampleId, id: claim.id, patch: { note: 'mine' } });
    // Another writer (an import, another window) changes the same claim directly in the store.
    await nb.core.store.putClaim({ ...claim, note: 'theirs' });
    await nb.refuses('undo', {}, /"Edit claim" cannot be undone: a claim it touched has changed since/);
    expect((await nb.claimByQuote('China is firmly')).note).toBe('theirs');
    expect((await h.getHistory({})).canUndo).toBe(false);
  });

  it('runs changes one at a time, so two quick ones cannot both pass the same check', async () => {
    const h = nb.core.handlers;
    const results = await Promise.allSettled([h.createActor({ name: 'NATO' }), h.createActor({ name: 'nato' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await h.getCodebook({})).actors.filter((a) => a.name.toLowerCase() === 'nato')).toHaveLength(1);
    const [a, b] = await Promise.all([h.undo({}), h.getHistory({})]);
    expect(a.label).toBe('Add actor');
    expect(b.canUndo).toBe(false);
  });

  it('says when there is nothing to undo', async () => {
    await nb.refuses('undo', {}, /nothing to undo/);
    await nb.refuses('undo', { steps: 2 } as unknown as Record<string, never>, /steps/);
  });

  it('keeps at most the configured number of steps, forgetting the oldest', async () => {
    const history = new AnnotationHistory(nb.core.context, 3);
    for (let i = 0; i < 5; i += 1) {
      await history.perform(async () => {
        const before = nb.core.store.getCodebook();
        const after = { ...before, tags: [...before.tags, { id: `tag-${i}`, name: `t${i}`, color: null }] };
        return { change: { label: `Add t${i}`, codebook: { before, after }, articles: [], claims: [] }, result: null };
      });
    }
    const labels: string[] = [];
    while (history.state().canUndo) labels.push((await history.undo()).label);
    expect(labels).toEqual(['Add t4', 'Add t3', 'Add t2']);
    expect(nb.core.store.getCodebook().tags.map((t) => t.name)).toEqual(['t0', 't1']);
  });

  it('a refused change leaves files and history as they were', async () => {
    await nb.core.handlers.createTag({ name: 'kept' });
    const files = await settledSnapshot(nb);
    await nb.refuses('createTag', { name: 'KEPT' }, /already a tag/);
    expect(await settledSnapshot(nb)).toEqual(files);
    expect(await nb.core.handlers.getHistory({})).toMatchObject({ undoLabel: 'Add tag', canRedo: false });
  });
});
