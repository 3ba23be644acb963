import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/api';
import { openTempNotebook, RESOURCES, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';

const SAMPLE = readFileSync(path.join(RESOURCES, 'sample/us-china-talks-2024.txt'), 'utf8');
const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('importing a file as a new revision of an article', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  it('offers the duplicate, then takes a newer version of the file as revision 2 with its claims found again', async () => {
    const newer = SAMPLE.replace('which ended on August 28', 'which ended on Wednesday, August 28').replace(
      /Both sides agreed to maintain high-level exchanges[^.]*\./,
      'The two sides said little else.',
    );
    // The file is recognised as the article it is a version of... (same text: duplicate)
    const again = await nb.core.handlers.importFile({ name: 'us-china-talks-2024.txt', dataBase64: b64(SAMPLE) });
    expect(again).toMatchObject({ status: 'duplicate', articleId: nb.sampleId });

    // ...and the analyst chooses "new revision" for the newer file.
    const result = await nb.core.handlers.importFileAsRevision({ articleId: nb.sampleId, name: 'talks-updated.txt', dataBase64: b64(newer) });
    expect(result).toMatchObject({ rev: 2, changed: true });
    // The edit early in the text moves every later quote: found again (relocated), except the one removed.
    expect(result.counts.exact + result.counts.relocated).toBe(9);
    expect(result.counts.orphaned).toBe(1);
    expect(result.article.title).toBe(nb.core.store.listArticles().find((a) => a.id === nb.sampleId)!.title);
    const { article, claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(article.text).toContain('which ended on Wednesday, August 28');
    expect(article.revisions.map((r) => r.rev)).toEqual([1]);
    expect(claims.filter((c) => c.anchor.status === 'orphaned').map((c) => c.target.quote.exact)).toEqual([
      expect.stringMatching(/^Both sides agreed to maintain high-level exchanges/),
    ]);

    // One undo step takes it back.
    await nb.core.handlers.undo({});
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).article.rev).toBe(1);
  });

  it('writes nothing when the file holds the text the article already has', async () => {
    const before = snapshotFiles(nb.dir);
    const result = await nb.core.handlers.importFileAsRevision({ articleId: nb.sampleId, name: 'same.txt', dataBase64: b64(SAMPLE) });
    expect(result).toMatchObject({ rev: 1, changed: false, counts: { exact: 10, relocated: 0, orphaned: 0 } });
    expect(snapshotFiles(nb.dir)).toEqual(before);
  });

  it.each([
    ['an unknown article', { articleId: 'missing', name: 'a.txt', dataBase64: b64('Some text.') }, 'not-found', /no article with id "missing"/],
    ['an empty file', { name: 'empty.txt', dataBase64: '' }, 'import-failed', /empty/],
    ['a CSV file', { name: 'table.csv', dataBase64: b64('text\nhello') }, 'import-failed', /Import CSV/],
    [
      'a binary file named .txt',
      { name: 'photo.txt', dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64') },
      'import-failed',
      /PNG|not a text file/,
    ],
    ['data that is not base64', { name: 'a.txt', dataBase64: '***' }, 'invalid-request', /not base64/],
  ])('refuses %s and changes nothing', async (_label, request, code, message) => {
    const before = snapshotFiles(nb.dir);
    const result = await dispatch(nb.core.handlers, 'importFileAsRevision', { articleId: nb.sampleId, ...request });
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(snapshotFiles(nb.dir)).toEqual(before);
  });
});
