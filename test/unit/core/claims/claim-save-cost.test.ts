import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

/**
 * Saving one claim costs one claim: the core neither copies the whole article (its text and
 * blocks) or all its claims, nor lists the trash. Counted on the store's readers and on every
 * structuredClone made during the save.
 */
describe('what one claim save reads and copies', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
    // A full trash and many claims: a scan or a copy of them would show in the counts.
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    for (let i = 0; i < 30; i++) {
      const start = (i * 7) % (article.text.length - 20);
      const claim = await nb.core.handlers.createClaim({ articleId: nb.sampleId, start, end: start + 10, coding: {} });
      if (i % 2 === 0) await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    return nb.cleanup();
  });

  function watch() {
    const store = nb.core.store;
    const reads = {
      getArticle: vi.spyOn(store, 'getArticle'),
      getClaims: vi.spyOn(store, 'getClaims'),
      listTrash: vi.spyOn(store, 'listTrash'),
      listArticles: vi.spyOn(store, 'listArticles'),
    };
    const cloned: unknown[] = [];
    const clone = globalThis.structuredClone;
    vi.spyOn(globalThis, 'structuredClone').mockImplementation((value, options) => {
      cloned.push(value);
      return clone(value, options);
    });
    return {
      counts: () => Object.fromEntries(Object.entries(reads).map(([name, spy]) => [name, spy.mock.calls.length])),
      /** Copies of an article (anything with text and blocks) or of a list of claims (the one claim saved is copied, as a list of one). */
      bigCopies: () =>
        cloned.filter((v) => (Array.isArray(v) && v.length > 1) || (typeof v === 'object' && v !== null && 'text' in v && 'blocks' in v)).length,
    };
  }

  it('create, edit and delete read no article, no claim list and no trash list', async () => {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const start = article.text.indexOf('Taiwan');
    const w = watch();
    const claim = await nb.core.handlers.createClaim({ articleId: nb.sampleId, start, end: start + 6, coding: {} });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claim.id, patch: { note: 'checked' } });
    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    expect(w.counts()).toEqual({ getArticle: 0, getClaims: 0, listTrash: 0, listArticles: 0 });
    expect(w.bigCopies()).toBe(0);
  });

  it('undo and redo of a delete still bring the claim back from the trash and put it back', async () => {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const start = article.text.indexOf('Taiwan');
    const claim = await nb.core.handlers.createClaim({ articleId: nb.sampleId, start, end: start + 6, coding: {} });
    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    expect(nb.core.store.inTrash('claim', claim.id)).toBe(true);
    await nb.core.handlers.undo({});
    expect(nb.core.store.inTrash('claim', claim.id)).toBe(false);
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).claims.map((c) => c.id)).toContain(claim.id);
    await nb.core.handlers.redo({});
    expect(nb.core.store.inTrash('claim', claim.id)).toBe(true);
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).claims.map((c) => c.id)).not.toContain(claim.id);
  });

  it('a claim on a missing article or a missing claim still says what is wrong', async () => {
    await expect(nb.core.handlers.createClaim({ articleId: 'art_nope', start: 0, end: 5, coding: {} })).rejects.toThrow(
      /no article with id "art_nope"/,
    );
    await expect(nb.core.handlers.updateClaim({ articleId: 'art_nope', id: 'clm_x', patch: { note: 'x' } })).rejects.toThrow(
      /no article with id "art_nope"/,
    );
    await expect(nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: 'clm_x' })).rejects.toThrow(/no claim "clm_x" in this article/);
  });
});
