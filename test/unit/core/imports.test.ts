import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api';
import { openTempNotebook, settledSnapshot, type TempNotebook } from '../helpers/temp-notebook';

const b64 = (data: Uint8Array | string) => Buffer.from(data).toString('base64');

describe('bringing articles in through the core', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  it('imports pasted text with date and title from its layout, and recognises it again as a duplicate', async () => {
    const text = 'Monday, March 3, 2025\nEU ministers agree on a new sanctions package\nThe ministers met in Brussels.\nThey agreed on new measures.';
    const first = await nb.core.handlers.importText({ text });
    expect(first.status).toBe('imported');
    const { article } = await nb.core.handlers.getArticle({ id: first.articleId });
    expect(article.publishedAt).toBe('2025-03-03');
    expect(article.text).toContain('They agreed on new measures.');

    // The same content with other quote marks and spacing is the same article.
    const again = await nb.core.handlers.importText({ text: text.replace('The ministers', 'The  ministers') });
    expect(again).toEqual({ status: 'duplicate', articleId: first.articleId, title: first.title });
    expect(await nb.core.handlers.listArticles({})).toHaveLength(2);
  });

  it('lets the analyst correct title, date and source', async () => {
    const summary = await nb.core.handlers.updateArticleMeta({
      id: nb.sampleId,
      patch: { title: 'Sullivan–Wang talks', source: 'Example Wire', publishedAt: '2024-08-28' },
    });
    expect(summary).toMatchObject({ title: 'Sullivan–Wang talks', source: 'Example Wire', publishedAt: '2024-08-28', claimCount: 10 });
    const bad = await dispatch(nb.core.handlers, 'updateArticleMeta', { id: nb.sampleId, patch: { publishedAt: '28/08/2024' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/publishedAt.*YYYY-MM-DD/);
  });

  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(0), /empty/i],
    ['a binary file named .txt', 'photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary|PNG|not text/i],
    ['text that is not UTF-8', 'latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), /UTF-8/],
    ['a file over 50 MB', 'huge.txt', new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61), /50 MB|too large|limit/i],
  ])('refuses %s with a clear reason and changes nothing', async (_label, name, bytes, reason) => {
    const before = await settledSnapshot(nb);
    const result = await dispatch(nb.core.handlers, 'importFile', { name, dataBase64: b64(bytes) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toMatch(/import-failed|invalid-request/);
      expect(result.error.message).toMatch(reason);
    }
    expect(await settledSnapshot(nb)).toEqual(before);
  });

  it('refuses empty pasted text', async () => {
    const result = await dispatch(nb.core.handlers, 'importText', { text: '   \n ' });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error.message).toMatch(/empty|no text/i);
  });
});
