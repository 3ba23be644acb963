// Issue 16: OpenDocument text is imported (it was refused as "a ZIP archive"), comments become
// notes, footnotes are reported, lists and table rows keep their items and cells, and an
// image-only document says it needs OCR. committee-minutes.odt is made by make/make-odt.py.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/import';
import { blockTexts, fixtureBytes } from './fixtures';

describe('importing .odt', () => {
  it('reads headings, paragraphs, lists and tables (cell by cell), metadata from meta.xml, comments as notes', async () => {
    const doc = await importFile({ name: 'committee-minutes.odt', bytes: fixtureBytes('committee-minutes.odt') });
    expect(doc.meta).toEqual({ title: 'Water committee minutes', author: 'Lena Ortiz', publishedAt: '2024-05-07' });
    expect(doc.origin).toEqual({ kind: 'odt', name: 'committee-minutes.odt' });
    expect(blockTexts(doc)).toEqual([
      'The committee met on Tuesday to review the river allocation. The chair opened the session.',
      'Delegates agreed to extend the monitoring mission by six months.',
      'Extend the mission.',
      'Publish the flow data weekly.',
      'Delegation',
      'Vote',
      'Note',
      'North',
      'For',
      'With reservations',
      'The next meeting is in June.',
    ]);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'list-item', 'list-item', ...Array(6).fill('table-cell'), 'paragraph']);
    expect(doc.blocks.slice(4, 10).map((b) => [b.table, b.row, b.col])).toEqual([
      [0, 0, 0],
      [0, 0, 1],
      [0, 0, 2],
      [0, 1, 0],
      [0, 1, 1],
      [0, 1, 2],
    ]);
    expect(doc.notes).toEqual(['Comment in the document: Sam Reviewer: Check the date of the meeting.', '1 footnote was left out of the text.']);
  });

  it('is recognised by its bytes without an extension', async () => {
    const doc = await importFile({ name: 'minutes', bytes: fixtureBytes('committee-minutes.odt') });
    expect(doc.origin.kind).toBe('odt');
  });

  it('says that a document holding only images needs OCR', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    zip.file(
      'content.xml',
      '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body><office:text><text:p><draw:frame><draw:image/></draw:frame></text:p></office:text></office:body></office:document-content>',
    );
    zip.file('Pictures/scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(importFile({ name: 'scan.odt', bytes })).rejects.toMatchObject({
      code: 'empty',
      message: expect.stringContaining('scan.odt holds only images, no text: it needs OCR'),
    });
  });
});
