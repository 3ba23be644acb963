import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type NotebookChanged } from '../../../shared/api';
import { openTempNotebook, type TempNotebook } from '../helpers/temp-notebook';

/** A caller's change id goes from the call to every change event the call causes, in every host (they all go through dispatch). */
describe('change ids from call to event', () => {
  let nb: TempNotebook;
  let events: NotebookChanged[];
  beforeEach(async () => {
    nb = await openTempNotebook();
    events = [];
    nb.core.onChanged((event) => events.push(event));
  });
  afterEach(() => nb.cleanup());

  const claimRequest = async () => {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const start = article.text.indexOf('Taiwan');
    return { articleId: nb.sampleId, start, end: start + 'Taiwan'.length, coding: {} };
  };

  it('puts the id on the events of that call only, through dispatch as the hosts call it', async () => {
    const created = await dispatch(nb.core.handlers, 'createClaim', await claimRequest(), {
      options: { changeId: 'win-a-1' },
      withChange: nb.core.withChange,
    });
    expect(created.ok).toBe(true);
    expect(events).toEqual([{ scope: 'claims', articleId: nb.sampleId, changeId: 'win-a-1' }]);

    events.length = 0;
    await dispatch(nb.core.handlers, 'updateArticleMeta', { id: nb.sampleId, patch: { source: 'Wire' } }, { withChange: nb.core.withChange });
    expect(events).toEqual([{ scope: 'articles', articleId: nb.sampleId }]);
  });

  it('keeps the ids of calls running at the same time apart', async () => {
    const request = await claimRequest();
    const calls = ['a', 'b', 'c', 'd'].map((id) =>
      dispatch(nb.core.handlers, 'createClaim', request, { options: { changeId: id }, withChange: nb.core.withChange }),
    );
    const plain = nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { author: 'Someone' } });
    await Promise.all([...calls, plain]);
    expect(
      events
        .filter((e) => e.scope === 'claims')
        .map((e) => e.changeId)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'd']);
    expect(events.filter((e) => e.scope === 'articles')).toEqual([{ scope: 'articles', articleId: nb.sampleId }]);
  });

  it('in process: withChange marks the events of the work it runs; undo is a change of its own', async () => {
    const claim = await nb.core.withChange('cli-7', async () => nb.core.handlers.createClaim(await claimRequest()));
    expect(events.at(-1)).toEqual({ scope: 'claims', articleId: claim.articleId, changeId: 'cli-7' });
    await nb.core.withChange('cli-8', () => nb.core.handlers.undo({}));
    expect(events.at(-1)).toEqual({ scope: 'claims', articleId: claim.articleId, changeId: 'cli-8' });
  });

  it.each([
    ['an empty id', { changeId: '' }],
    ['spaces', { changeId: 'my change' }],
    ['a number', { changeId: 7 }],
    ['an unknown option', { colour: 'red' }],
  ])('refuses %s, changing nothing', async (_label, options) => {
    const before = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const result = await dispatch(nb.core.handlers, 'createClaim', await claimRequest(), { options, withChange: nb.core.withChange });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/^The options of the call to createClaim were not valid: /) },
    });
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).claims).toEqual(before.claims);
    expect(events).toEqual([]);
  });
});
