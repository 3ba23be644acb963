import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotateFixture, withoutAudit, type AnnotateFixture } from '../history/annotate-fixture';

/*
 * Codes created where you code (issue 11): a claim saved with new actors, a new issue, a new
 * proposition or new tags puts them into the codebook, and one undo takes back both.
 */
describe('claims coded with new codes', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  const at = async (quote: string) => {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const start = article.text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    return { articleId: nb.sampleId, start, end: start + quote.length };
  };

  it('creates a new actor, issue (under a parent), proposition and tag with the claim, and one undo removes them all', async () => {
    const h = nb.core.handlers;
    const codebookBefore = await h.getCodebook({});
    const claimsBefore = await nb.claims();
    const claim = await h.createClaim({
      ...(await at('The first round of talks was held in Geneva')),
      coding: { actorIds: ['actor-china'], proposition: 'Talks should move to Geneva', tags: ['venue', 'Venue '], stanceId: 'stance-supports' },
      newCodes: { actors: ['Switzerland'], issue: { name: 'Talks venue', parentId: 'issue-bilateral-relationship' } },
    });
    const codebook = await h.getCodebook({});
    const actor = codebook.actors.find((a) => a.name === 'Switzerland');
    const issue = codebook.issues.find((i) => i.name === 'Talks venue');
    expect(actor).toBeDefined();
    expect(issue).toMatchObject({ parentId: 'issue-bilateral-relationship', propositions: ['Talks should move to Geneva'] });
    expect(codebook.tags.map((t) => t.name)).toEqual(['venue']);
    expect(claim).toMatchObject({
      actorIds: ['actor-china', actor!.id],
      issueId: issue!.id,
      proposition: 'Talks should move to Geneva',
      tags: ['venue'],
    });
    expect(nb.events).toContainEqual({ scope: 'codebook' });

    const history = await h.getHistory({});
    expect(history.undoLabel).toBe(
      'Create claim with actor “Switzerland”, issue “Talks venue”, proposition “Talks should move to Geneva”, tag “venue”',
    );
    await h.undo({});
    expect(await h.getCodebook({})).toEqual(codebookBefore);
    expect(withoutAudit(await nb.claims())).toEqual(withoutAudit(claimsBefore));
    await h.redo({});
    expect(await h.getCodebook({})).toEqual(codebook);
    expect(withoutAudit((await nb.claims()).find((c) => c.id === claim.id))).toEqual(withoutAudit(claim));
  });

  it('reuses an actor the name or an alias already means, and an existing proposition in its own wording', async () => {
    const h = nb.core.handlers;
    const before = await h.getCodebook({});
    const claim = await h.createClaim({
      ...(await at('The first round of talks was held in Geneva')),
      coding: { issueId: 'issue-taiwan', proposition: 'taiwan independence' },
      newCodes: { actors: ['beijing', 'United States'] },
    });
    expect(claim.actorIds).toEqual(['actor-china', 'actor-united-states']);
    expect(claim.proposition).toBe('Taiwan independence');
    expect(await h.getCodebook({})).toEqual(before);
    expect((await h.getHistory({})).undoLabel).toBe('Create claim');
  });

  it('an edit adds the proposition and tags it sets, and leaves the codebook alone for fields it does not set', async () => {
    const h = nb.core.handlers;
    const claim = await nb.claimByQuote('China is firmly');
    await h.updateClaim({ articleId: nb.sampleId, id: claim.id, patch: { proposition: 'A new wording', tags: ['red line'] } });
    const codebook = await h.getCodebook({});
    expect(codebook.issues.find((i) => i.id === claim.issueId)?.propositions).toContain('A new wording');
    expect(codebook.tags.map((t) => t.name)).toEqual(['red line']);
    expect((await h.getHistory({})).undoLabel).toBe('Edit claim with proposition “A new wording”, tag “red line”');

    // The note alone: nothing reaches the codebook, even though the claim carries codes.
    await h.updateClaim({ articleId: nb.sampleId, id: claim.id, patch: { note: 'n' } });
    expect(await h.getCodebook({})).toEqual(codebook);

    await h.undo({});
    await h.undo({});
    expect((await h.getCodebook({})).tags).toEqual([]);
  });

  it('refuses a new issue under a parent that is not there, writing nothing', async () => {
    await nb.refuses(
      'createClaim',
      { ...(await at('The first round of talks was held in Geneva')), coding: {}, newCodes: { issue: { name: 'Orphan', parentId: 'issue-gone' } } },
      /no issue "issue-gone"/,
    );
    await nb.refuses(
      'createClaim',
      { ...(await at('The first round of talks was held in Geneva')), coding: {}, newCodes: { actors: ['  '] } },
      /actor name cannot be empty/,
    );
  });
});
