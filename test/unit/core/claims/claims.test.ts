import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/api';
import { openTempNotebook, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';

describe('claims', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  async function sentence(): Promise<{ start: number; end: number; text: string }> {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const text = 'The first round of talks was held in Geneva in May 2024.';
    const start = article.text.indexOf(text);
    return { start, end: start + text.length, text };
  }

  it('creates, updates and deletes a claim, and each change survives a reopen', async () => {
    const { start, end, text } = await sentence();
    const claim = await nb.core.handlers.createClaim({
      articleId: nb.sampleId,
      start,
      end,
      coding: { actorIds: ['actor-china'], issueId: 'issue-ai', stanceId: 'stance-neutral', note: 'Context only.' },
    });
    expect(claim.target.quote.exact).toBe(text);
    expect(claim.target.quote.prefix.length).toBeLessThanOrEqual(32);
    expect(claim.target.position).toEqual({ type: 'TextPositionSelector', start, end });

    const updated = await nb.core.handlers.updateClaim({
      articleId: nb.sampleId,
      id: claim.id,
      patch: { note: 'Revised.', tags: ['geneva', 'geneva'] },
    });
    expect(updated).toMatchObject({ note: 'Revised.', tags: ['geneva'] });

    const { RESOURCES } = await import('../../helpers/temp-notebook');
    const { openNotebookCore } = await import('../../../../electron/core/bootstrap');
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    let claims = (await nb.core.handlers.getArticle({ id: nb.sampleId })).claims;
    expect(claims.find((c) => c.id === claim.id)?.note).toBe('Revised.');

    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    claims = (await nb.core.handlers.getArticle({ id: nb.sampleId })).claims;
    expect(claims.some((c) => c.id === claim.id)).toBe(false);
    expect(claims).toHaveLength(10);
  });

  it.each([
    ['past the end of the article', 10, 1_000_000, /end|past|outside|beyond/i],
    ['empty', 50, 50, /empty/i],
    ['reversed', 60, 50, /./],
    ['negative', -5, 10, /./],
  ])('refuses a range %s with a clear message and stores nothing', async (_label, start, end, message) => {
    const before = snapshotFiles(nb.dir);
    const result = await dispatch(nb.core.handlers, 'createClaim', { articleId: nb.sampleId, start, end, coding: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(snapshotFiles(nb.dir)).toEqual(before);
  });

  it('refuses unknown actor, issue and stance ids, naming them, and stores nothing', async () => {
    const { start, end } = await sentence();
    const before = snapshotFiles(nb.dir);
    for (const coding of [{ actorIds: ['actor-atlantis'] }, { issueId: 'issue-nowhere' }, { stanceId: 'stance-maybe' }]) {
      const result = await dispatch(nb.core.handlers, 'createClaim', { articleId: nb.sampleId, start, end, coding });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/atlantis|nowhere|maybe/);
    }
    expect(snapshotFiles(nb.dir)).toEqual(before);
  });

  it('says which claim or article is missing', async () => {
    const missing = await dispatch(nb.core.handlers, 'updateClaim', { articleId: nb.sampleId, id: 'clm_nope', patch: { note: 'x' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const noArticle = await dispatch(nb.core.handlers, 'getArticle', { id: 'art_nope' });
    expect(noArticle).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
