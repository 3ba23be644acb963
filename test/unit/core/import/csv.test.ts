import { describe, expect, it } from 'vitest';
import { importCsv, previewCsv } from '../../../../electron/core/import/csv';
import { fixtureBytes } from './fixtures';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('previewCsv', () => {
  it('lists columns, sample rows and a mapping suggested by header names', () => {
    const preview = previewCsv(fixtureBytes('articles.csv'), 'articles.csv');
    expect(preview.columns).toEqual(['Headline', 'Published', 'Outlet', 'Byline', 'Link', 'Body']);
    expect(preview.sampleRows).toHaveLength(3);
    expect(preview.sampleRows[1]).toMatchObject({ Headline: 'Library extends opening hours', Published: 'May 7, 2024' });
    expect(preview.suggestedMapping).toEqual({ text: 'Body', title: 'Headline', date: 'Published', source: 'Outlet', author: 'Byline', url: 'Link' });
  });
});

describe('importCsv', () => {
  const mapping = { text: 'Body', title: 'Headline', date: 'Published', source: 'Outlet', author: 'Byline', url: 'Link' };

  it('makes one article per row, with multi-paragraph cells split into blocks', () => {
    const docs = importCsv(fixtureBytes('articles.csv'), mapping, 'articles.csv');
    expect(docs).toHaveLength(3);
    expect(docs[0]!.meta).toEqual({
      title: 'Ferry operator adds early crossings',
      publishedAt: '2024-05-06',
      source: 'Harbour Gazette',
      author: 'Tom Reyes',
      url: 'https://gazette.example.org/ferry',
    });
    expect(docs[0]!.text).toBe(
      'The ferry operator will add two early crossings on weekdays from June.\nCommuters had asked for the change for two years.',
    );
    expect(docs[0]!.blocks).toHaveLength(2);
    expect(docs.map((d) => d.meta.publishedAt)).toEqual(['2024-05-06', '2024-05-07', '2024-05-07']);
    expect(docs[2]!.meta.author).toBeUndefined();
    expect(docs[2]!.text).toBe(
      'The council postponed its vote on parking charges to July, citing the need for more consultation, "in fairness to residents".',
    );
    expect(docs[2]!.origin).toEqual({ kind: 'csv', name: 'articles.csv' });
  });

  it('derives a title from the text when no title column is mapped', () => {
    const [doc] = importCsv(bytes('text\n"Talks resumed on Monday. Both sides attended."\n'), { text: 'text' }, 'one.csv');
    expect(doc!.meta.title).toBe('Talks resumed on Monday');
  });
});

describe('CSV errors name the file, the rows and what to do', () => {
  it('refuses a file with only a header as empty', () => {
    expect(() => previewCsv(bytes('title,text\n'), 'header-only.csv')).toThrow(
      expect.objectContaining({
        code: 'empty',
        message: expect.stringMatching(/^header-only\.csv has no rows of data, only a header row\..*import it again\.$/),
      }),
    );
  });

  it('refuses an unclosed quote as malformed, with its row', () => {
    expect(() => previewCsv(fixtureBytes('malformed-quotes.csv'), 'malformed-quotes.csv')).toThrow(
      expect.objectContaining({
        code: 'malformed',
        message: expect.stringMatching(/^malformed-quotes\.csv is not valid CSV.*row 2\. Fix the quotes.*import it again\.$/),
      }),
    );
  });

  it('refuses rows with more cells than the header, listing them', () => {
    expect(() => previewCsv(bytes('title,text\na,b\nc,d,e\nf,g\nh,i,j\n'), 'extra.csv')).toThrow(
      expect.objectContaining({
        code: 'malformed',
        message: expect.stringMatching(/^extra\.csv has more cells than header columns in rows 3, 5, so/),
      }),
    );
  });

  it('refuses a mapping to a column that does not exist', () => {
    expect(() => importCsv(fixtureBytes('articles.csv'), { text: 'Story' }, 'articles.csv')).toThrow(
      expect.objectContaining({
        code: 'malformed',
        message: expect.stringMatching(
          /^articles\.csv has no column "Story" \(chosen for the text\); its columns are "Headline",.*Choose one of those/,
        ),
      }),
    );
  });

  it('refuses a missing text mapping', () => {
    expect(() => importCsv(fixtureBytes('articles.csv'), { text: '' }, 'articles.csv')).toThrow(
      expect.objectContaining({ code: 'malformed', message: expect.stringContaining('Choose the column that holds the text') }),
    );
  });

  it('refuses rows without text, naming them', () => {
    expect(() => importCsv(bytes('title,text\na,Some text\nb,\nc,  \n'), { text: 'text' }, 'gaps.csv')).toThrow(
      expect.objectContaining({
        code: 'malformed',
        message: 'gaps.csv has no text in column "text" in rows 3, 4. Fill in or delete those rows and import it again.',
      }),
    );
  });

  it('refuses a CSV that is not UTF-8', () => {
    expect(() => previewCsv(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x78, 0x0a]), 'latin1.csv')).toThrow(
      expect.objectContaining({
        code: 'not-utf8',
        message: 'latin1.csv is not UTF-8 text (invalid byte at offset 4). Save it as UTF-8 and import it again.',
      }),
    );
  });
});
