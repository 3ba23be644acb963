import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { LOCAL_SETTINGS_FILE } from '../../../../electron/core/coders/coder-settings';
import { CORE_OPTIONS } from '../../helpers/temp-notebook';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';
import { search } from '../search/search-helpers';

describe('coders and claim history', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  const range = (quote: string) => nb.sampleRange(quote);

  it('has no coder at first, and claims made then carry no createdBy but are still recorded', async () => {
    const h = nb.core.handlers;
    expect(await h.getCoder({})).toBeNull();
    const claim = await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding: {} });
    expect(claim.createdBy).toBeUndefined();
    expect(claim.history).toEqual([expect.objectContaining({ field: 'created', by: null, byName: null, step: 'Create claim' })]);
  });

  it("stores the copy's coder beside the notebook, keeps the id on rename, and reads it after reopening", async () => {
    const h = nb.core.handlers;
    const ann = await h.setCoder({ name: '  Ann Analyst ' });
    expect(ann.name).toBe('Ann Analyst');
    expect(ann.id).toMatch(/^coder_/);
    const renamed = await h.setCoder({ name: 'Ann B. Analyst' });
    expect(renamed).toEqual({ id: ann.id, name: 'Ann B. Analyst' });
    const stored = JSON.parse(await readFile(path.join(nb.dir, LOCAL_SETTINGS_FILE), 'utf8'));
    expect(stored).toEqual({ schemaVersion: 1, coder: renamed });

    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    expect(await nb.core.handlers.getCoder({})).toEqual(renamed);
    await expect(nb.core.handlers.setCoder({ name: '   ' })).rejects.toThrow(/needs a name/);
  });

  it("lists the coders of every article, by the name each last had, with this copy's coder", async () => {
    const h = nb.core.handlers;
    await h.setCoder({ id: 'coder-dee', name: 'Dee' });
    await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding: {} });
    const { articleId: other } = await h.importText({ title: 'Second', text: 'Envoys met again in Oslo and agreed to keep talking next month.' });
    await h.setCoder({ id: 'coder-ann', name: 'Ann' });
    await h.createClaim({ articleId: other, start: 0, end: 20, coding: {} });
    await h.setCoder({ id: 'coder-bob', name: 'Bob' });
    await h.createClaim({ articleId: other, start: 21, end: 40, coding: {} });
    await h.setCoder({ id: 'coder-ann', name: 'Ann Lee' });
    await h.createClaim({ articleId: other, start: 41, end: 60, coding: {} });
    await h.setCoder({ id: 'coder-cy', name: 'Cy' });
    expect(await h.listCoders({})).toEqual([
      { id: 'coder-ann', name: 'Ann Lee' },
      { id: 'coder-bob', name: 'Bob' },
      { id: 'coder-cy', name: 'Cy' },
      { id: 'coder-dee', name: 'Dee' },
    ]);
  });

  it('records who changed which field from what to what; undo and redo append, never rewrite', async () => {
    const h = nb.core.handlers;
    const ann = await h.setCoder({ name: 'Ann' });
    const created = await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding: { note: 'first' } });
    expect(created.createdBy).toBe(ann.id);
    expect(created.updatedBy).toBe(ann.id);

    const bob = await h.setCoder({ name: 'Bob', id: 'coder-bob' });
    const edited = await h.updateClaim({
      articleId: nb.sampleId,
      id: created.id,
      patch: { stanceId: 'stance-supports', actorIds: ['actor-china'], note: 'second' },
    });
    expect(edited.createdBy).toBe(ann.id);
    expect(edited.updatedBy).toBe(bob.id);
    const changes = edited.history!.slice(1).map(({ by, byName, field, from, to, step }) => ({ by, byName, field, from, to, step }));
    expect(changes).toEqual([
      { by: 'coder-bob', byName: 'Bob', field: 'actorIds', from: [], to: ['actor-china'], step: 'Edit claim' },
      { by: 'coder-bob', byName: 'Bob', field: 'stanceId', from: null, to: 'stance-supports', step: 'Edit claim' },
      { by: 'coder-bob', byName: 'Bob', field: 'note', from: 'first', to: 'second', step: 'Edit claim' },
    ]);

    await h.undo({});
    let stored = (await nb.claims()).find((c) => c.id === created.id)!;
    expect(stored.stanceId).toBeNull();
    expect(stored.note).toBe('first');
    expect(stored.history).toHaveLength(7);
    expect(stored.history!.slice(4).map((e) => [e.field, e.from, e.to, e.step])).toEqual([
      ['actorIds', ['actor-china'], [], 'Undo: Edit claim'],
      ['stanceId', 'stance-supports', null, 'Undo: Edit claim'],
      ['note', 'second', 'first', 'Undo: Edit claim'],
    ]);

    await h.redo({});
    stored = (await nb.claims()).find((c) => c.id === created.id)!;
    expect(stored.stanceId).toBe('stance-supports');
    expect(stored.history).toHaveLength(10);
    expect(stored.history!.at(-1)!.step).toBe('Redo: Edit claim');

    // A deleted claim keeps its history in the trash; undoing the delete records the restore.
    await h.deleteClaim({ articleId: nb.sampleId, id: created.id });
    await h.undo({});
    stored = (await nb.claims()).find((c) => c.id === created.id)!;
    expect(stored.history).toHaveLength(11);
    expect(stored.history!.at(-1)).toEqual(expect.objectContaining({ field: 'restored', step: 'Undo: Delete claim', by: 'coder-bob' }));
  });

  it('records re-anchoring and confirmations as anchor changes, without making the coder the last editor', async () => {
    const h = nb.core.handlers;
    await h.setCoder({ name: 'Ann', id: 'coder-ann' });
    const claim = await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding: {} });
    await h.setCoder({ name: 'Rev', id: 'coder-rev' });
    const { article } = await h.getArticle({ id: nb.sampleId });
    await h.reviseArticleText({ articleId: nb.sampleId, text: `A new opening line.\n${article.text}` });
    const moved = (await nb.claims()).find((c) => c.id === claim.id)!;
    const last = moved.history!.at(-1)!;
    expect(last).toEqual(expect.objectContaining({ field: 'anchor', by: 'coder-rev', step: 'Edit article text' }));
    expect(String(last.from)).toMatch(/^placed \d+–\d+ “The first round/);
    expect(moved.updatedBy).toBe('coder-ann');
  });

  it('shows a blind article only with the coder’s own claims until they mark it done', async () => {
    const h = nb.core.handlers;
    const sampleClaims = (await nb.claims()).length;
    await h.setCoder({ name: 'Ann', id: 'coder-ann' });
    await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding: {} });
    await h.setCoder({ name: 'Bob', id: 'coder-bob' });
    const bobs = await h.createClaim({ ...(await range('The first round of talks was held')), coding: {} });

    await expect(h.markCodingDone({ articleId: nb.sampleId, done: true })).rejects.toThrow(/not marked for double coding/);
    expect((await h.setDoubleCoding({ articleId: nb.sampleId, blind: true })).doubleCoding).toEqual({ blind: true, done: [] });
    expect((await nb.claims()).map((c) => c.id)).toEqual([bobs.id]);

    await h.markCodingDone({ articleId: nb.sampleId, done: true });
    expect(await nb.claims()).toHaveLength(sampleClaims + 2);
    await h.setCoder({ name: 'Ann', id: 'coder-ann' });
    expect((await nb.claims()).map((c) => c.createdBy)).toEqual(['coder-ann']);

    await h.setDoubleCoding({ articleId: nb.sampleId, blind: false });
    expect(await nb.claims()).toHaveLength(sampleClaims + 2);
  });

  it('leaves others’ claims on a blind article out of the coder’s search until they are done', async () => {
    const h = nb.core.handlers;
    await h.setCoder({ name: 'Ann', id: 'coder-ann' });
    const anns = await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding: { note: 'zebracrossing' } });
    await h.setCoder({ name: 'Bob', id: 'coder-bob' });
    const bobs = await h.createClaim({ ...(await range('The first round of talks was held')), coding: { note: 'zebracrossing' } });
    const claimHits = async () => (await search(nb, { query: 'zebracrossing', filters: { kinds: ['claim'] } })).hits.map((hit) => hit.claimId).sort();
    expect(await claimHits()).toEqual([anns.id, bobs.id].sort());
    await h.setDoubleCoding({ articleId: nb.sampleId, blind: true });
    expect(await claimHits()).toEqual([bobs.id]);
    await h.markCodingDone({ articleId: nb.sampleId, done: true });
    expect(await claimHits()).toEqual([anns.id, bobs.id].sort());
  });

  it('shows positions per coder (coderId keeps only the claims that coder made), and hides others’ claims on a blind article', async () => {
    const h = nb.core.handlers;
    await h.setCoder({ name: 'Ann', id: 'coder-ann' });
    const coding = { actorIds: ['actor-russia'], issueId: 'issue-ai', proposition: 'AI talks', stanceId: 'stance-supports' };
    await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding });
    await h.setCoder({ name: 'Bob', id: 'coder-bob' });
    await h.createClaim({ ...(await range('The first round of talks was held')), coding: { ...coding, stanceId: 'stance-opposes' } });

    const cell = (map: Awaited<ReturnType<typeof h.getPositions>>) => map.cells.find((c) => c.actorId === 'actor-russia' && c.issueId === 'issue-ai');
    expect(cell(await h.getPositions({}))!.stanceCounts).toEqual({ 'stance-supports': 1, 'stance-opposes': 1 });
    const anns = await h.getPositions({ coderId: 'coder-ann' });
    expect(anns.claimCount).toBe(1);
    expect(cell(anns)!.stanceCounts).toEqual({ 'stance-supports': 1 });
    expect(cell(await h.getPositions({ coderId: 'coder-bob' }))!.stanceCounts).toEqual({ 'stance-opposes': 1 });
    // The sample's claims were made with no coder: nobody's.
    expect((await h.getPositions({ coderId: 'coder-nobody' })).cells).toEqual([]);
    const claims = await h.getPositionClaims({ coderId: 'coder-bob', issueId: 'issue-ai', actorId: 'actor-russia', limit: 10 });
    expect(claims.claims.map((c) => c.stanceId)).toEqual(['stance-opposes']);

    // Blind coding: Bob, not done with the article, counts only his own claims there.
    await h.setDoubleCoding({ articleId: nb.sampleId, blind: true });
    const blindMap = await h.getPositions({});
    expect(blindMap.claimCount).toBe(1);
    expect(cell(blindMap)!.stanceCounts).toEqual({ 'stance-opposes': 1 });
    const blindClaims = await h.getPositionClaims({ issueId: 'issue-ai', actorId: 'actor-russia', limit: 10 });
    expect(blindClaims.claims.map((c) => c.stanceId)).toEqual(['stance-opposes']);
    await h.markCodingDone({ articleId: nb.sampleId, done: true });
    expect((await h.getPositions({})).claimCount).toBe(12);
  });

  it("draws one coder's network, and an edge's claims are that coder's (the digest's claim order)", async () => {
    const h = nb.core.handlers;
    await h.setCoder({ name: 'Ann', id: 'coder-ann' });
    const coding = { issueId: 'issue-ai', proposition: 'AI chip exports' };
    const china = await h.createClaim({
      ...(await range('The first round of talks was held in Geneva')),
      coding: { ...coding, actorIds: ['actor-china'], stanceId: 'stance-supports' },
    });
    const us = await h.createClaim({
      ...(await range('Jake Sullivan')),
      coding: { ...coding, actorIds: ['actor-united-states'], stanceId: 'stance-opposes' },
    });
    await h.setCoder({ name: 'Bob', id: 'coder-bob' });
    // Bob's claim comes first in the text, so a claim index over all claims would point at it.
    await h.createClaim({ articleId: nb.sampleId, start: 0, end: 20, coding: { ...coding, actorIds: ['actor-russia'], stanceId: 'stance-opposes' } });
    const request = {
      type: 'conflict' as const,
      normalization: 'none' as const,
      duplicates: 'include' as const,
      maxEdges: 1000,
      coderId: 'coder-ann',
    };
    const network = await h.getNetwork(request);
    expect(network.edges.map((e) => [e.source, e.target].sort())).toEqual([['actor-china', 'actor-united-states']]);
    const claims = await h.getNetworkEdgeClaims({ ...request, edgeSource: 'actor-china', edgeTarget: 'actor-united-states' });
    expect(claims.map((c) => c.claimId).sort()).toEqual([china.id, us.id].sort());
  });

  it('a claim stored before histories existed gets one on its first change, starting with that change', async () => {
    const h = nb.core.handlers;
    const [old] = await nb.claims();
    const { history: _history, ...withoutHistory } = old!;
    await nb.core.store.putClaims(nb.sampleId, [withoutHistory]);
    await h.setCoder({ name: 'Ann', id: 'coder-ann' });
    const edited = await h.updateClaim({ articleId: nb.sampleId, id: old!.id, patch: { note: 'now audited' } });
    expect(edited.createdBy).toBeUndefined();
    expect(edited.updatedBy).toBe('coder-ann');
    expect(edited.history!.map((e) => [e.field, e.by])).toEqual([['note', 'coder-ann']]);
  });
});
