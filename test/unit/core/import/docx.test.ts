import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../../../electron/core/import/docx';
import { blockTexts, fixtureBytes } from './fixtures';

describe('importDocx on a real Word document', async () => {
  const doc = await importDocx(fixtureBytes('briefing-note.docx'), 'briefing-note.docx');

  it('reads title, author and date from the core properties', () => {
    expect(doc.meta).toEqual({ title: 'Port access talks: where the parties stand', author: 'Mira Okafor', publishedAt: '2024-03-14' });
    expect(doc.origin).toEqual({ kind: 'docx', name: 'briefing-note.docx' });
  });

  it('keeps the text, with the Title paragraph lifted out, and maps styles to blocks', () => {
    const texts = blockTexts(doc);
    expect(texts[0]).toBe(
      'Negotiators from the two coastal states met for a third round on Tuesday and agreed to keep the northern channel open to fishing fleets while the talks continue.',
    );
    expect(texts.at(-1)).toBe('A fourth round is planned for the spring, after the patrol schedule has been agreed.');
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.ordered ?? null])).toEqual([
      ['paragraph', null, null],
      ['heading', 1, null],
      ['paragraph', null, null],
      ['quote', null, null],
      ['list-item', 1, false],
      ['list-item', 1, false],
      ['heading', 2, null],
      ['list-item', 1, true],
      ['list-item', 1, true],
      ['paragraph', null, null],
    ]);
    expect(texts[3]).toBe('We will not reopen the berths until patrols are in place.');
  });
});

describe('importDocx refusals', () => {
  it('refuses a password-protected file (an OLE compound file with an EncryptedPackage stream)', async () => {
    // The first sector of a compound file: its signature, then a directory entry name in UTF-16LE.
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 512);
    await expect(importDocx(bytes, 'secret.docx')).rejects.toMatchObject({
      code: 'encrypted',
      message: expect.stringMatching(/^secret\.docx is password-protected\..*remove the password.*import it again\.$/),
    });
  });

  it('calls an old Word 97-2003 file unsupported, and says to save it as .docx', async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(new Uint8Array(Buffer.from('WordDocument', 'utf16le')), 512);
    await expect(importDocx(bytes, 'old.docx')).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('save it as .docx') });
  });

  it('refuses bytes that are not a zip as corrupt', async () => {
    await expect(importDocx(new TextEncoder().encode('not a zip at all'), 'broken.docx')).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^broken\.docx is not a valid Word document.*import it again\.$/),
    });
  });

  it('refuses a zip without word/document.xml as corrupt', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(importDocx(bytes, 'archive.docx')).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('archive.docx is a ZIP file but not a Word document'),
    });
  });

  it('refuses a truncated .docx as corrupt', async () => {
    const bytes = fixtureBytes('briefing-note.docx');
    await expect(importDocx(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.docx')).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('importDocx: what Word keeps beside the text (issue 16)', () => {
  it('keeps comments as notes with their author and reports headers and footers; says an image-only document needs OCR', async () => {
    const { default: JSZipLib } = await import('jszip');
    const { docxWithBody } = await import('./hostile-files');
    const zip = await JSZipLib.loadAsync(
      await docxWithBody(
        '<w:p><w:r><w:t>The ministers met on Monday.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">They agreed on a date. </w:t></w:r></w:p>',
      ),
    );
    zip.file(
      'word/comments.xml',
      '<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Ana Ruiz"><w:p><w:r><w:t>Source? Check with the ministry.</w:t></w:r></w:p></w:comment></w:comments>',
    );
    zip.file(
      'word/header1.xml',
      '<?xml version="1.0"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>CONFIDENTIAL &amp; DRAFT</w:t></w:r></w:p></w:hdr>',
    );
    zip.file(
      'word/footer1.xml',
      '<?xml version="1.0"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>Ministry briefing</w:t></w:r></w:p></w:ftr>',
    );
    const doc = await importDocx(await zip.generateAsync({ type: 'uint8array' }), 'commented.docx');
    expect(doc.text).toBe('The ministers met on Monday.\nThey agreed on a date.');
    expect(doc.notes).toEqual([
      'Comment in the document: Ana Ruiz: Source? Check with the ministry.',
      'Page headers and footers were left out of the text: "Ministry briefing", "CONFIDENTIAL & DRAFT".',
    ]);

    const pictures = await JSZipLib.loadAsync(await docxWithBody('<w:p><w:r><w:drawing/></w:r></w:p>'));
    pictures.file('word/media/image1.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await expect(importDocx(await pictures.generateAsync({ type: 'uint8array' }), 'scan.docx')).rejects.toMatchObject({
      code: 'empty',
      message: expect.stringContaining('scan.docx holds only images, no text: it needs OCR'),
    });
  });
});
