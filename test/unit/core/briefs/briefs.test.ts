import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type NotebookChanged } from '../../../../shared/api';
import type { FoundCitation } from '../../../../shared/api/contract-briefs';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { openTempNotebook, RESOURCES, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';

function citeDoc(...cites: { claimId: string; articleId?: string }[]) {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Talks' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Where they stand.', marks: [{ type: 'bold' }] }] },
      ...cites.map((attrs) => ({ type: 'claimCitation', attrs })),
    ],
  };
}

describe('briefs', () => {
  let nb: TempNotebook;
  let events: NotebookChanged[];
  beforeEach(async () => {
    nb = await openTempNotebook();
    events = [];
    nb.core.onChanged((e) => events.push(e));
  });
  afterEach(() => nb.cleanup());

  const claims = async () => (await nb.core.handlers.getArticle({ id: nb.sampleId })).claims;

  it('creates, lists, saves, reads back after a reopen and deletes to the trash', async () => {
    const created = await nb.core.handlers.createBrief({ title: '  Week 35  ' });
    expect(created.title).toBe('Week 35');
    expect(created.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(events).toEqual([{ scope: 'briefs' }]);

    const [first] = await claims();
    const saved = await nb.core.handlers.saveBrief({
      id: created.id,
      title: 'Week 35 talks',
      doc: citeDoc({ claimId: first!.id, articleId: nb.sampleId }),
    });
    expect(saved.title).toBe('Week 35 talks');
    expect(events).toHaveLength(2);

    const list = await nb.core.handlers.listBriefs({});
    expect(list).toEqual([expect.objectContaining({ id: created.id, title: 'Week 35 talks', citationCount: 1 })]);

    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    const reread = await nb.core.handlers.getBrief({ id: created.id });
    expect(reread.brief.doc).toEqual(saved.doc);
    expect(reread.citations).toHaveLength(1);

    await nb.core.handlers.deleteBrief({ id: created.id });
    expect(await nb.core.handlers.listBriefs({})).toEqual([]);
    expect(nb.core.store.listTrash()).toEqual([expect.objectContaining({ id: created.id, kind: 'brief' })]);
    await nb.core.store.restoreFromTrash(created.id);
    expect((await nb.core.handlers.getBrief({ id: created.id })).brief.title).toBe('Week 35 talks');
  });

  it('resolves citations to the claim as it is now, with names, stance, article and anchor', async () => {
    const taiwan = (await claims()).find((c) => c.proposition === 'Taiwan independence')!;
    const brief = await nb.core.handlers.createBrief({ title: 'Taiwan', doc: citeDoc({ claimId: taiwan.id, articleId: nb.sampleId }) });
    const [cited] = (await nb.core.handlers.getBrief({ id: brief.id })).citations as FoundCitation[];
    expect(cited).toMatchObject({
      claimId: taiwan.id,
      state: 'found',
      quote: 'Taiwan independence is the biggest risk to peace and stability in the Taiwan Strait',
      actors: [{ id: 'actor-china', name: 'China', color: '#b5452b' }],
      speaker: 'Wang Yi',
      issue: { id: 'issue-taiwan', name: 'Taiwan', path: 'Taiwan' },
      proposition: 'Taiwan independence',
      stance: { label: 'strongly opposes', color: '#b2182b', value: -2 },
      anchor: { status: 'exact' },
      article: { id: nb.sampleId },
    });
    expect(cited!.article.title).toBeTruthy();

    // A change to the claim shows at the next resolution: citations are live, not copies.
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: taiwan.id, patch: { stanceId: 'stance-opposes', note: 'Softer?' } });
    const [again] = await nb.core.handlers.resolveCitations({ citations: [{ claimId: taiwan.id, articleId: nb.sampleId }] });
    expect(again).toMatchObject({ state: 'found', note: 'Softer?', stance: { label: 'opposes' } });
  });

  it('marks a deleted claim missing, with or without the article id, and finds claims without one', async () => {
    const [a, b] = await claims();
    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: a!.id });
    const resolved = await nb.core.handlers.resolveCitations({
      citations: [{ claimId: a!.id, articleId: nb.sampleId }],
      claimIds: [b!.id, a!.id, 'clm_never'],
    });
    expect(resolved.map((r) => [r.claimId, r.state])).toEqual([
      [a!.id, 'missing'],
      [b!.id, 'found'],
      ['clm_never', 'missing'],
    ]);
    expect(resolved[0]).toMatchObject({ reason: expect.stringMatching(/deleted.*trash/i) });
    expect(resolved[2]).toMatchObject({ reason: expect.stringMatching(/no longer in the notebook/i) });
  });

  it('marks citations missing when their article is deleted', async () => {
    const [a] = await claims();
    const brief = await nb.core.handlers.createBrief({ title: 'T', doc: citeDoc({ claimId: a!.id, articleId: nb.sampleId }) });
    await nb.core.handlers.deleteArticle({ id: nb.sampleId });
    const { citations } = await nb.core.handlers.getBrief({ id: brief.id });
    expect(citations).toEqual([expect.objectContaining({ state: 'missing', reason: expect.stringMatching(/article was deleted/i) })]);
  });

  it('reports an orphaned claim as orphaned', async () => {
    const [a] = await claims();
    await nb.core.store.putClaim({ ...a!, anchor: { status: 'orphaned' } });
    const [cited] = await nb.core.handlers.resolveCitations({ claimIds: [a!.id] });
    expect(cited).toMatchObject({ state: 'found', anchor: { status: 'orphaned' } });
  });

  it.each([
    ['unknown brief (get)', 'getBrief', { id: 'brf_nope' }, 'not-found'],
    ['unknown brief (save)', 'saveBrief', { id: 'brf_nope', doc: { type: 'doc', content: [] } }, 'not-found'],
    ['unknown brief (delete)', 'deleteBrief', { id: 'brf_nope' }, 'not-found'],
    ['empty title', 'createBrief', { title: '   ' }, 'invalid-request'],
    ['not a doc', 'createBrief', { title: 'x', doc: { type: 'paragraph' } }, 'invalid-request'],
    ['doc as an array', 'createBrief', { title: 'x', doc: [] }, 'invalid-request'],
    ['content not a list', 'createBrief', { title: 'x', doc: { type: 'doc', content: 'hi' } }, 'invalid-request'],
    [
      'text without text',
      'createBrief',
      { title: 'x', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text' }] }] } },
      'invalid-request',
    ],
    [
      'citation without claim id',
      'createBrief',
      { title: 'x', doc: { type: 'doc', content: [{ type: 'claimCitation', attrs: {} }] } },
      'invalid-request',
    ],
    [
      'javascript: link',
      'createBrief',
      {
        title: 'x',
        doc: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
        },
      },
      'invalid-request',
    ],
    [
      'too large',
      'createBrief',
      { title: 'x', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a'.repeat(2_100_000) }] }] } },
      'invalid-request',
    ],
    ['unknown field', 'createBrief', { title: 'x', colour: 'red' }, 'invalid-request'],
    ['generate from nothing', 'generateBrief', {}, 'invalid-request'],
    ['generate from an unknown article', 'generateBrief', { articleIds: ['art_nope'] }, 'not-found'],
    ['generate from an unknown claim', 'generateBrief', { claimIds: ['clm_nope'] }, 'not-found'],
  ])('refuses %s and stores nothing', async (_label, method, request, code) => {
    const before = snapshotFiles(nb.dir);
    const result = await dispatch(nb.core.handlers, method, request);
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
    expect(snapshotFiles(nb.dir)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('refuses a deeply nested document', async () => {
    let node: Record<string, unknown> = { type: 'paragraph' };
    for (let i = 0; i < 100; i++) node = { type: 'blockquote', content: [node] };
    const result = await dispatch(nb.core.handlers, 'createBrief', { title: 'x', doc: { type: 'doc', content: [node] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/nests deeper/) } });
  });
});

describe('findClaimsToCite', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  it('finds claims by every word across quote, actor aliases, issue and proposition, in text order, up to the limit', async () => {
    const all = await nb.core.handlers.findClaimsToCite({ query: '', limit: 50 });
    expect(all).toHaveLength(10);
    expect(all[0]!.quote).toMatch(/^Both sides agreed to maintain high-level exchanges/);

    const byAlias = await nb.core.handlers.findClaimsToCite({ query: 'wang taiwan', limit: 50 });
    expect(byAlias.map((c) => c.proposition)).toEqual(['Taiwan independence']);
    const byIssue = await nb.core.handlers.findClaimsToCite({ query: 'south china sea', limit: 50, preferArticleId: nb.sampleId });
    expect(byIssue.map((c) => c.actors[0]!.name)).toEqual(['China', 'United States']);
    expect(await nb.core.handlers.findClaimsToCite({ query: '', limit: 3 })).toHaveLength(3);
    expect(await nb.core.handlers.findClaimsToCite({ query: 'zebra', limit: 50 })).toEqual([]);
  });
});
