import { describe, expect, it } from 'vitest';
import { importPdf } from '../../../../electron/core/import/pdf';
import { blockTexts, fixtureBytes } from './fixtures';

describe('importPdf on a real two-page PDF printed by Chromium', async () => {
  const bytes = fixtureBytes('gettysburg-address.pdf');
  const copy = bytes.slice();
  const doc = await importPdf(bytes, 'gettysburg-address.pdf');

  it('reads the title and creation date from the information dictionary', () => {
    expect(doc.meta.title).toBe('The Gettysburg Address');
    // CreationDate of the fixture (printed 2026-11-28; see test/fixtures/import/README.md).
    expect(doc.meta.publishedAt).toBe('2026-11-28');
    expect(doc.origin).toEqual({ kind: 'pdf', name: 'gettysburg-address.pdf' });
  });

  it('rebuilds headings and paragraphs, joining a paragraph across the page break', () => {
    const texts = blockTexts(doc);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(texts[0]).toBe('Address Delivered at the Dedication of the Cemetery at Gettysburg');
    expect(texts[2]).toBe(
      'Four score and seven years ago our fathers brought forth on this continent, a new nation, conceived in Liberty, and dedicated to the proposition that all men are created equal.',
    );
    expect(texts).toHaveLength(5);
    expect(texts.at(-1)).toMatch(
      /^But, in a larger sense, we can not dedicate—we can not consecrate—we can not hallow—this ground\. .* It is for us the living, rather, to be dedicated here to the unfinished work .* shall not perish from the earth\.$/,
    );
  });

  it('drops the running header, footer and page numbers', () => {
    expect(doc.text).not.toMatch(/file:\/\/|\d\/2|PM|The Gettysburg Address/);
  });

  it("leaves the caller's bytes intact", () => {
    expect(bytes).toEqual(copy);
  });
});

describe('importPdf refusals', () => {
  it('refuses a password-protected PDF (encrypted with qpdf, AES-256)', async () => {
    await expect(importPdf(fixtureBytes('gettysburg-address-encrypted.pdf'), 'locked.pdf')).rejects.toMatchObject({
      code: 'encrypted',
      message: expect.stringMatching(/^locked\.pdf is password-protected\..*import that\.$/),
    });
  });

  it('refuses a truncated PDF as corrupt', async () => {
    await expect(importPdf(fixtureBytes('gettysburg-address-truncated.pdf'), 'cut.pdf')).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^cut\.pdf could not be read as a PDF .*import it again\.$/),
    });
  });
});
