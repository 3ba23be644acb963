import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

describe('codebook: actors', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  it('merges a "Washington"-like actor into the United States: claims follow, once, and names become aliases', async () => {
    const h = nb.core.handlers;
    const usGov = await h.createActor({ name: 'US administration', aliases: ['White House', 'white house', 'US administration'] });
    expect(usGov.aliases).toEqual(['White House']);
    const sullivan = await nb.claimByQuote('Sullivan expressed');
    const joint = await nb.claimByQuote('Both sides agreed');
    await h.updateClaim({ articleId: nb.sampleId, id: sullivan.id, patch: { actorIds: [usGov.id] } });
    await h.updateClaim({ articleId: nb.sampleId, id: joint.id, patch: { actorIds: [usGov.id, 'actor-china', 'actor-united-states'] } });
    nb.events.length = 0;

    const result = await h.mergeActors({ fromId: usGov.id, intoId: 'actor-united-states' });
    expect(result.claimsChanged).toBe(2);
    expect(result.codebook.actors.some((a) => a.id === usGov.id)).toBe(false);
    const us = result.codebook.actors.find((a) => a.id === 'actor-united-states')!;
    expect(us.aliases).toEqual(expect.arrayContaining(['Washington', 'US administration', 'White House']));
    expect((await nb.claimByQuote('Sullivan expressed')).actorIds).toEqual(['actor-united-states']);
    expect((await nb.claimByQuote('Both sides agreed')).actorIds).toEqual(['actor-united-states', 'actor-china']);
    expect(await h.getCodebook({})).toEqual(result.codebook);
    expect(nb.events).toEqual([{ scope: 'codebook' }, { scope: 'claims', articleId: nb.sampleId }]);
  });

  it('renames, recolours and re-aliases an actor; claims keep pointing at it', async () => {
    const actor = await nb.core.handlers.updateActor({ id: 'actor-china', patch: { name: 'PRC', color: '#ff0000', aliases: ['Beijing', 'PRC'] } });
    expect(actor).toEqual({ id: 'actor-china', name: 'PRC', aliases: ['Beijing'], color: '#ff0000' });
    expect((await nb.claimByQuote('China is firmly')).actorIds).toEqual(['actor-china']);
  });

  it('refuses a delete while claims use the actor, with the count; with reassignTo the claims follow', async () => {
    await nb.refuses('deleteActor', { id: 'actor-china' }, /6 claims use the actor "China"/);
    const result = await nb.core.handlers.deleteActor({ id: 'actor-experts', reassignTo: 'actor-china' });
    expect(result.claimsChanged).toBe(1);
    expect((await nb.claimByQuote('the US and China remain')).actorIds).toEqual(['actor-china']);
    const cleared = await nb.core.handlers.deleteActor({ id: 'actor-china', reassignTo: null });
    expect(cleared.claimsChanged).toBe(7);
    expect((await nb.claims()).some((c) => c.actorIds.includes('actor-china'))).toBe(false);
    expect((await nb.claimByQuote('Both sides agreed')).actorIds).toEqual(['actor-united-states']);
    // Unused actors go without a word.
    expect((await nb.core.handlers.deleteActor({ id: 'actor-russia' })).claimsChanged).toBe(0);
  });

  it('refuses duplicate names and aliases, unknown ids and self-merges, storing nothing', async () => {
    await nb.refuses('createActor', { name: 'china' }, /"china" is the name of the actor "China"/);
    await nb.refuses('createActor', { name: 'Washington' }, /alias of the actor "United States"/);
    await nb.refuses('createActor', { name: 'Hanoi', aliases: ['Beijing'] }, /"Beijing" is an alias of the actor "China"/);
    await nb.refuses('createActor', { name: '   ' }, /name/);
    await nb.refuses('updateActor', { id: 'actor-russia', patch: { name: 'CHINA' } }, /name of the actor "China"/);
    await nb.refuses('updateActor', { id: 'actor-nope', patch: { name: 'X' } }, /no actor "actor-nope"/);
    await nb.refuses('updateActor', { id: 'actor-russia', patch: { color: 'red' } }, /#rrggbb/);
    await nb.refuses('mergeActors', { fromId: 'actor-china', intoId: 'actor-china' }, /cannot be merged into itself/);
    await nb.refuses('mergeActors', { fromId: 'actor-nope', intoId: 'actor-china' }, /no actor "actor-nope"/);
    await nb.refuses('deleteActor', { id: 'actor-china', reassignTo: 'actor-nope' }, /no actor "actor-nope"/);
  });
});

describe('codebook: issues', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  it('creates nested issues and edits their propositions', async () => {
    const h = nb.core.handlers;
    const fentanyl = await h.createIssue({
      name: 'Fentanyl',
      parentId: 'issue-bilateral-cooperation',
      propositions: ['Joint action on precursors', 'joint action on precursors'],
    });
    expect(fentanyl).toMatchObject({ parentId: 'issue-bilateral-cooperation', propositions: ['Joint action on precursors'] });
    const edited = await h.updateIssue({
      id: fentanyl.id,
      patch: { propositions: ['Joint action on precursors', 'Scheduling of analogues'], parentId: null },
    });
    expect(edited).toMatchObject({ parentId: null, propositions: ['Joint action on precursors', 'Scheduling of analogues'] });
  });

  it('refuses cycles, unknown parents and duplicate names, storing nothing', async () => {
    await nb.refuses('updateIssue', { id: 'issue-bilateral-relationship', patch: { parentId: 'issue-bilateral-cooperation' } }, /loop/);
    await nb.refuses('updateIssue', { id: 'issue-taiwan', patch: { parentId: 'issue-taiwan' } }, /its own parent/);
    await nb.refuses('updateIssue', { id: 'issue-taiwan', patch: { parentId: 'issue-nowhere' } }, /no issue "issue-nowhere"/);
    await nb.refuses('createIssue', { name: 'Orphan', parentId: 'issue-nowhere' }, /no issue "issue-nowhere"/);
    await nb.refuses('createIssue', { name: 'south china sea' }, /already an issue called "South China Sea"/);
    await nb.refuses('updateIssue', { id: 'issue-trade', patch: { name: 'TAIWAN' } }, /already an issue/);
  });

  it('refuses to delete an issue in use (with the count) or with sub-issues, unless told where they go', async () => {
    await nb.refuses('deleteIssue', { id: 'issue-taiwan' }, /2 claims use the issue "Taiwan"/);
    await nb.refuses('deleteIssue', { id: 'issue-bilateral-relationship', reassignTo: 'issue-ai' }, /1 sub-issue \("Bilateral cooperation"\)/);
    await nb.refuses(
      'deleteIssue',
      { id: 'issue-bilateral-relationship', reassignTo: 'issue-ai', childrenTo: 'issue-bilateral-cooperation' },
      /inside it/,
    );

    const result = await nb.core.handlers.deleteIssue({ id: 'issue-bilateral-relationship', reassignTo: 'issue-ai', childrenTo: 'issue-taiwan' });
    expect(result.claimsChanged).toBe(2);
    expect(result.codebook.issues.find((i) => i.id === 'issue-bilateral-cooperation')!.parentId).toBe('issue-taiwan');
    expect((await nb.claimByQuote('the US and China remain')).issueId).toBe('issue-ai');
    // Proposition text is the analyst's own wording on the claim; it stays.
    expect((await nb.claimByQuote('the US and China remain')).proposition).toBe('The talks narrowed the core disagreements');

    const cleared = await nb.core.handlers.deleteIssue({ id: 'issue-trade', reassignTo: null });
    expect(cleared.claimsChanged).toBe(1);
    expect((await nb.claimByQuote('"unfair trade')).issueId).toBeNull();
  });

  it('merges an issue into its own sub-issue without making a loop; claims and propositions follow', async () => {
    const result = await nb.core.handlers.mergeIssues({ fromId: 'issue-bilateral-relationship', intoId: 'issue-bilateral-cooperation' });
    expect(result.claimsChanged).toBe(2);
    const into = result.codebook.issues.find((i) => i.id === 'issue-bilateral-cooperation')!;
    expect(into.parentId).toBeNull();
    expect(into.propositions).toEqual(
      expect.arrayContaining([
        'The talks were constructive',
        'Continued cooperation on drug control, law enforcement, climate change and repatriation',
      ]),
    );
    expect((await nb.claims()).filter((c) => c.issueId === 'issue-bilateral-cooperation')).toHaveLength(3);
  });

  it('moves sub-issues to the merged issue', async () => {
    const result = await nb.core.handlers.mergeIssues({ fromId: 'issue-bilateral-relationship', intoId: 'issue-trade' });
    expect(result.codebook.issues.find((i) => i.id === 'issue-bilateral-cooperation')!.parentId).toBe('issue-trade');
  });
});

describe('codebook: propositions', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  it('rewords a proposition and the claims on that issue that use it', async () => {
    const result = await nb.core.handlers.renameProposition({
      issueId: 'issue-taiwan',
      from: 'taiwan independence',
      to: 'Formal independence for Taiwan',
    });
    expect(result.claimsChanged).toBe(1);
    expect(result.codebook.issues.find((i) => i.id === 'issue-taiwan')!.propositions[0]).toBe('Formal independence for Taiwan');
    expect((await nb.claimByQuote('Taiwan independence is')).proposition).toBe('Formal independence for Taiwan');
    await nb.core.handlers.undo({});
    expect((await nb.claimByQuote('Taiwan independence is')).proposition).toBe('Taiwan independence');
  });

  it('refuses a proposition the issue does not list', async () => {
    await nb.refuses('renameProposition', { issueId: 'issue-taiwan', from: 'Reunification', to: 'X' }, /no proposition "Reunification"/);
    await nb.refuses('renameProposition', { issueId: 'issue-taiwan', from: 'Taiwan independence', to: '  ' }, /empty/);
  });
});
