import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { SUGGESTER_VERSION } from '../../../../electron/core/suggest/suggest';
import { getPositions } from '../../../../electron/core/positions/positions';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';
import { RESOURCES } from '../../helpers/temp-notebook';

describe('claim suggestions in a notebook', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
    // Free Wang Yi's two statements, coded in the sample, so they are suggested.
    for (const quote of ['China is firmly committed', 'Taiwan independence is the biggest risk']) {
      const claim = (await nb.claims()).find((c) => c.target.quote.exact.includes(quote));
      if (!claim) throw new Error(`the sample has no claim with ${quote}`);
      await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    }
    // Reopen, so the store's background shard writes are done before any test compares files.
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
  });
  afterEach(() => nb.cleanup());

  const pending = () => nb.core.handlers.getSuggestions({ articleId: nb.sampleId });

  it('are made on first ask, stored apart from the claims under the suggester coder, and coded from the codebook', async () => {
    const result = await pending();
    expect(result).toMatchObject({ coder: 'suggester', version: SUGGESTER_VERSION, rejectedCount: 0 });
    const wang = result.suggestions.filter((s) => s.speaker === 'Wang Yi');
    expect(wang.map((s) => s.quote.slice(0, 30))).toEqual(['"China is firmly committed to ', 'Taiwan independence is the big']);
    // Actor by the alias "Wang Yi"; issue by its name ("South China Sea") or a proposition ("Taiwan independence").
    expect(wang.map((s) => [s.actorIds, s.issueId])).toEqual([
      [['actor-china'], 'issue-south-china-sea'],
      [['actor-china'], 'issue-taiwan'],
    ]);
    // Spans the sample already codes as claims are not proposed.
    const claims = await nb.claims();
    for (const s of result.suggestions)
      expect(claims.some((c) => c.target.position.start === s.content.start && c.target.position.end === s.content.end)).toBe(false);
    const file = JSON.parse(readFileSync(path.join(nb.dir, 'suggestions', `${encodeURIComponent(nb.sampleId)}.json`), 'utf8'));
    expect(file).toMatchObject({ coder: 'suggester', version: SUGGESTER_VERSION, articleId: nb.sampleId });
    // Never counted as claims: not in the article's claims, not in positions.
    const before = await getPositions(nb.core.context, {});
    expect(before.claimCount).toBe(claims.length);
  });

  it('accept makes claims (speaker, actor, issue; no stance) in one undo step', async () => {
    const { suggestions } = await pending();
    const wang = suggestions.filter((s) => s.speaker === 'Wang Yi');
    const countBefore = (await nb.claims()).length;
    const { claims } = await nb.core.handlers.acceptSuggestions({ articleId: nb.sampleId, suggestionIds: wang.map((s) => s.id) });
    expect(claims.map((c) => ({ speaker: c.speaker, actorIds: c.actorIds, issueId: c.issueId, stanceId: c.stanceId }))).toEqual([
      { speaker: 'Wang Yi', actorIds: ['actor-china'], issueId: 'issue-south-china-sea', stanceId: null },
      { speaker: 'Wang Yi', actorIds: ['actor-china'], issueId: 'issue-taiwan', stanceId: null },
    ]);
    expect((await nb.claims()).length).toBe(countBefore + 2);
    expect((await pending()).suggestions.some((s) => s.speaker === 'Wang Yi')).toBe(false);
    // Counted once accepted.
    expect((await getPositions(nb.core.context, {})).claimCount).toBe(countBefore + 2);

    await nb.core.handlers.undo({});
    expect((await nb.claims()).length).toBe(countBefore);
    expect((await pending()).suggestions.filter((s) => s.speaker === 'Wang Yi')).toHaveLength(2);
  });

  it('an unknown speaker becomes a new actor in the same step as the claim', async () => {
    const text = 'The Philippine coast guard said Chinese vessels had fired water cannon at a supply boat.';
    const { articleId } = await nb.core.handlers.importText({ text, title: 'Coast guard' });
    const [s] = (await nb.core.handlers.getSuggestions({ articleId })).suggestions;
    expect(s).toMatchObject({ speaker: 'Philippine coast guard', actorIds: [] });
    const { claims } = await nb.core.handlers.acceptSuggestions({ articleId, suggestionIds: [s!.id], newActor: { name: 'Philippine Coast Guard' } });
    const actor = nb.core.store.getCodebook().actors.find((a) => a.name === 'Philippine Coast Guard');
    expect(actor).toBeDefined();
    expect(claims[0]!.actorIds).toEqual([actor!.id]);
    await nb.core.handlers.undo({});
    expect(nb.core.store.getCodebook().actors.some((a) => a.name === 'Philippine Coast Guard')).toBe(false);
    expect((await nb.core.handlers.getArticle({ id: articleId })).claims).toHaveLength(0);
  });

  it('a new actor under a name the codebook already has is refused, nothing written', async () => {
    const { suggestions } = await pending();
    await nb.refuses(
      'acceptSuggestions',
      { articleId: nb.sampleId, suggestionIds: [suggestions[0]!.id], newActor: { name: 'beijing' } },
      /"beijing" is already the actor "China"/,
    );
  });

  it('unknown or no longer pending suggestions are refused with what to do', async () => {
    await pending();
    await nb.refuses('acceptSuggestions', { articleId: nb.sampleId, suggestionIds: ['sug-1-2'] }, /no longer pending.*Reload the suggestions/);
    await nb.refuses('rejectSuggestions', { articleId: nb.sampleId, suggestionIds: [] }, /pick at least one suggestion/);
    await nb.refuses('getSuggestions', { articleId: 'art_nope' }, /art_nope/);
  });

  it('a rejection is remembered across a re-run of the suggester and a reopen of the notebook', async () => {
    const { suggestions } = await pending();
    const target = suggestions.find((s) => s.quote.startsWith('Taiwan independence'))!;
    expect(await nb.core.handlers.rejectSuggestions({ articleId: nb.sampleId, suggestionIds: [target.id] })).toEqual({ rejected: 1 });
    const rerun = await nb.core.handlers.runSuggester({ articleId: nb.sampleId });
    expect(rerun.rejectedCount).toBe(1);
    expect(rerun.suggestions.some((s) => s.quote === target.quote)).toBe(false);
    expect(rerun.suggestions.length).toBe(suggestions.length - 1);
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    const reopened = await nb.core.handlers.runSuggester({ articleId: nb.sampleId });
    expect(reopened.rejectedCount).toBe(1);
    expect(reopened.suggestions.some((s) => s.quote === target.quote)).toBe(false);
  });

  it('a text revision makes the suggestions stale; they are made again for the new text', async () => {
    const status = async () => (await nb.core.handlers.listSuggestionStatus({})).find((s) => s.articleId === nb.sampleId)?.state;
    expect(await status()).toBe('none');
    await pending();
    expect(await status()).toBe('current');
    const article = (await nb.core.handlers.getArticle({ id: nb.sampleId })).article;
    const added = '\n\n"We will keep talking," Sullivan told reporters.';
    await nb.core.handlers.reviseArticleText({ articleId: nb.sampleId, text: article.text + added });
    expect(await status()).toBe('stale');
    const again = await pending();
    expect(again.suggestions.some((s) => s.quote === '"We will keep talking,"' && s.speaker === 'Sullivan')).toBe(true);
    expect(await status()).toBe('current');
  });
});
