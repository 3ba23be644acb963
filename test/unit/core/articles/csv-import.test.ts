import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../shared/api';
import { openTempNotebook, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';

const b64 = (data: Uint8Array | string) => Buffer.from(data).toString('base64');

const CSV = [
  'Headline,Body,Date,Outlet,Extra',
  'Ministers meet in Brussels,"The ministers met.\nThey agreed on sanctions.",2025-03-03,Reuters,x',
  'Talks stall,,2025-03-04,Reuters,x',
  'Summit in Zürich,Leaders gathered in Zürich for two days.,4 March 2025,Le Monde,x',
  'Ministers meet again,"The ministers met.\nThey agreed on sanctions.",2025-03-05,AP,x',
  '',
  'No date,Nobody knows when this was written.,not a date,,x',
  'Six,Sixth article text here.,2025-03-06,AP,x',
  'Seven,Seventh article text here.,2025-03-07,AP,x',
].join('\n');
const MAPPING = { text: 'Body', title: 'Headline', date: 'Date', source: 'Outlet' };

describe('CSV import through the library API', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  it('previews columns, the first five rows, the suggested mapping and the row count', async () => {
    const preview = await nb.core.handlers.previewCsv({ name: 'news.csv', dataBase64: b64(CSV) });
    expect(preview.columns).toEqual(['Headline', 'Body', 'Date', 'Outlet', 'Extra']);
    expect(preview.sampleRows).toHaveLength(5);
    expect(preview.sampleRows[2]).toMatchObject({ Headline: 'Summit in Zürich', Outlet: 'Le Monde' });
    expect(preview.suggestedMapping).toEqual(MAPPING);
    expect(preview.rowCount).toBe(7);
  });

  it('imports row by row: a row without text or a duplicate does not stop the rest', async () => {
    const results = await nb.core.handlers.importCsv({ name: 'news.csv', dataBase64: b64(CSV), mapping: MAPPING });
    expect(results.map((r) => [r.row, r.status])).toEqual([
      [2, 'imported'],
      [3, 'error'],
      [4, 'imported'],
      [5, 'duplicate'],
      [6, 'imported'],
      [7, 'imported'],
      [8, 'imported'],
    ]);
    expect(results[1]!.message).toMatch(/Row 3 has no text in column "Body"/);
    // A later row with the same text points at the article an earlier row made.
    expect(results[3]).toMatchObject({ articleId: results[0]!.articleId, title: 'Ministers meet in Brussels' });

    const library = nb.core.store.listArticles();
    expect(library).toHaveLength(6);
    const zurich = library.find((a) => a.id === results[2]!.articleId)!;
    expect(zurich).toMatchObject({
      title: 'Summit in Zürich',
      source: 'Le Monde',
      publishedAt: '2025-03-04',
      importedFrom: { kind: 'csv', name: 'news.csv' },
    });
    const undated = library.find((a) => a.id === results[4]!.articleId)!;
    expect(undated).toMatchObject({ title: 'No date', publishedAt: null, source: null });
    const { article } = await nb.core.handlers.getArticle({ id: results[0]!.articleId! });
    expect(article.text).toBe('The ministers met.\nThey agreed on sanctions.');
  });

  it('reports a row whose text is already in the notebook as a duplicate of that article', async () => {
    const first = await nb.core.handlers.importText({ text: 'A short article about trade.' });
    const results = await nb.core.handlers.importCsv({
      name: 'again.csv',
      dataBase64: b64('text\nA short article about trade.\n'),
      mapping: { text: 'text' },
    });
    expect(results).toEqual([{ row: 2, status: 'duplicate', articleId: first.articleId, title: first.title }]);
  });

  describe('refuses a bad file or mapping before anything is stored', () => {
    it.each([
      ['an empty file', 'empty.csv', '', MAPPING, 'import-failed', /no rows of data/],
      ['a header without rows', 'header.csv', 'Headline,Body\n', MAPPING, 'import-failed', /only a header row/],
      ['an unclosed quote', 'quote.csv', 'Headline,Body\nA,"never closed\nB,text', MAPPING, 'import-failed', /quoted cell is not closed/],
      [
        'a row with more cells than the header',
        'wide.csv',
        'Headline,Body\nA,text,stray\n',
        { text: 'Body' },
        'import-failed',
        /more cells than header columns in row 2/,
      ],
      [
        'text that is not UTF-8',
        'latin1.csv',
        new Uint8Array([0x74, 0x65, 0x78, 0x74, 0x0a, 0x43, 0x61, 0x66, 0xe9]),
        { text: 'text' },
        'import-failed',
        /not UTF-8/,
      ],
      [
        'a mapping naming a missing column',
        'news.csv',
        CSV,
        { ...MAPPING, author: 'Byline' },
        'import-failed',
        /no column "Byline" \(chosen for the author\); its columns are "Headline", "Body"/,
      ],
      ['a mapping without a text column', 'news.csv', CSV, { title: 'Headline' }, 'invalid-request', /mapping\.text/],
      ['data that is not base64', 'news.csv', null, MAPPING, 'invalid-request', /not base64/],
    ] as const)('%s', async (label, name, data, mapping, code, message) => {
      const before = snapshotFiles(nb.dir);
      const dataBase64 = data === null ? '%%% not base64 %%%' : b64(data);
      const preview = await dispatch(nb.core.handlers, 'previewCsv', { name, dataBase64 });
      const result = await dispatch(nb.core.handlers, 'importCsv', { name, dataBase64, mapping });
      expect(result).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(message);
      // The file's own faults show at the preview already; a mapping is only checked on import.
      if (!/mapping/.test(label)) expect(preview).toMatchObject({ ok: false, error: { code } });
      expect(snapshotFiles(nb.dir)).toEqual(before);
    });
  });
});
