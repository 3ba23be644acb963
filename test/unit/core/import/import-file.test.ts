import { describe, expect, it } from 'vitest';
import { ImportError, importFile, importPastedText, MAX_IMPORT_BYTES } from '../../../../electron/core/import';
import { fixtureBytes, fixtureText } from './fixtures';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Every refusal must name the file and end by saying what to do. */
async function refusal(name: string, bytes: Uint8Array, options?: { maxBytes?: number }): Promise<ImportError> {
  const error = await importFile({ name, bytes }, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  const importError = error as ImportError;
  expect(importError.message.startsWith(name)).toBe(true);
  expect(importError.message).toMatch(/(import it again|import that|Import CSV…|\.csv files|import the part you need)[^.]*\.?$/);
  return importError;
}

describe('importFile chooses the importer', () => {
  it.each([
    ['us-china-talks-2024.txt', 'text', '2024-12-21'],
    ['ceasefire-briefing.md', 'markdown', '2024-06-03'],
    ['us-china-talks-2024.html', 'html', '2024-08-29'],
    ['briefing-note.docx', 'docx', '2024-03-14'],
    ['gettysburg-address.pdf', 'pdf', '2026-11-28'],
  ])('%s → %s', async (name, kind, date) => {
    const doc = await importFile({ name, bytes: fixtureBytes(name) });
    expect(doc.origin).toEqual({ kind, name });
    expect(doc.meta.publishedAt).toBe(date);
    expect(doc.text.length).toBeGreaterThan(100);
  });

  it('trusts the magic bytes when the extension is unknown or missing', async () => {
    expect((await importFile({ name: 'download', bytes: fixtureBytes('gettysburg-address.pdf') })).origin.kind).toBe('pdf');
    expect((await importFile({ name: 'note.bin', bytes: fixtureBytes('briefing-note.docx') })).origin.kind).toBe('docx');
    expect((await importFile({ name: 'page', bytes: fixtureBytes('us-china-talks-2024.html') })).origin.kind).toBe('html');
    expect((await importFile({ name: 'article', bytes: fixtureBytes('us-china-talks-2024.txt') })).origin.kind).toBe('text');
  });

  it('strips a UTF-8 byte order mark', async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...fixtureBytes('us-china-talks-2024.txt')]);
    const doc = await importFile({ name: 'bom.txt', bytes: withBom });
    expect(doc.meta.publishedAt).toBe('2024-12-21');
    expect(doc.text.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('importFile refuses bad input with a code and a message that says what to do', () => {
  it('empty file', async () => {
    const e = await refusal('report.txt', new Uint8Array(0));
    expect(e.code).toBe('empty');
    expect(e.message).toBe('report.txt is empty (0 bytes). Check that it was saved or downloaded completely and import it again.');
  });

  it('a text file with only whitespace', async () => {
    expect((await refusal('blank.txt', utf8(' \n\n \t\n'))).code).toBe('empty');
  });

  it('too large', async () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    const e = await refusal('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('huge.txt is 50.0 MB; the limit is 50.0 MB. Split it into smaller files, or import the part you need.');
    expect((await refusal('small-limit.md', utf8('# Hi\n\ntext'), { maxBytes: 4 })).code).toBe('too-large');
  });

  it.each([
    ['report.txt', 'gettysburg-address.pdf', 'a PDF document'],
    ['notes.md', 'briefing-note.docx', 'a Word document (.docx)'],
    ['page.html', 'gettysburg-address.pdf', 'a PDF document'],
  ])('binary: %s holding %s', async (name, fixture, label) => {
    const e = await refusal(name, fixtureBytes(fixture));
    expect(e.code).toBe('binary');
    expect(e.message).toBe(`${name} is ${label}, not a text file. Give it its proper extension (or export it as text) and import it again.`);
  });

  it('binary: a PNG, and NUL bytes in a .txt', async () => {
    expect((await refusal('pic.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).message).toContain('is a PNG image');
    const e = await refusal('data.txt', utf8('abc\u0000def'));
    expect(e.code).toBe('binary');
    expect(e.message).toContain('a NUL byte at offset 3');
  });

  it('not UTF-8, with the offset of the bad byte', async () => {
    const latin1 = new Uint8Array([...utf8('x'.repeat(120)), 0xe9, ...utf8(' suite')]);
    const e = await refusal('report.txt', latin1);
    expect(e.code).toBe('not-utf8');
    expect(e.message).toBe('report.txt is not UTF-8 text (invalid byte at offset 120). Save it as UTF-8 and import it again.');
  });

  it('UTF-16 with its byte order mark (as Windows Notepad saves Unicode text) is read; broken UTF-16 is refused', async () => {
    const doc = await importFile({ name: 'notepad-unicode.txt', bytes: fixtureBytes('notepad-unicode.txt') });
    expect(doc.meta.title).toBe('Notes from the talks');
    expect(doc.text).toContain('Both sides said the talks were “candid”.');
    // An odd number of bytes after the mark cannot be UTF-16.
    const e = await refusal('wide.txt', new Uint8Array([0xff, 0xfe, ...Buffer.from('Hello', 'utf16le'), 0x41]));
    expect(e.code).toBe('not-utf8');
    expect(e.message).toContain('is not valid UTF-16');
    // UTF-32 starts with the same two bytes: named, not read as UTF-16 full of NULs.
    expect((await refusal('wide32.txt', new Uint8Array([0xff, 0xfe, 0, 0, 0x48, 0, 0, 0]))).message).toContain('is UTF-32 text');
  });

  it('a saved page in the legacy encoding its <meta> declares (GB2312, windows-1252) keeps every character', async () => {
    const chinese = await importFile({ name: 'legacy-gb2312.html', bytes: fixtureBytes('legacy-gb2312.html') });
    expect(chinese.meta.title).toBe('中美同意恢复两军高层沟通');
    expect(chinese.text).toContain('中方表示，“台独”是台海和平稳定的最大风险');
    expect(chinese.text).toContain('双方同意在毒品管制、执法合作和气候变化等领域继续合作。');
    expect(chinese.text).not.toContain('首页');
    // Without an extension the bytes say it is HTML, and the page says its encoding.
    const unnamed = await importFile({ name: 'saved-page', bytes: fixtureBytes('legacy-gb2312.html') });
    expect(unnamed.meta.title).toBe('中美同意恢复两军高层沟通');
    const french = await importFile({ name: 'legacy-windows-1252.html', bytes: fixtureBytes('legacy-windows-1252.html') });
    expect(french.meta.title).toBe('Café diplomacy in Genève');
    expect(french.text).toContain('“We are not there yet,” said the négociateur, “but we’re closer.”');
    expect(french.text).toContain('Talks resume in Zürich next week – both sides said so.');
  });

  it('refuses a page whose bytes are not what it declares, and names a missing declaration', async () => {
    const lying = new Uint8Array([
      ...utf8('<html><head><meta charset="shift_jis"><title>x</title></head><body><p>'),
      0x82,
      0x20,
      ...utf8('</p></body></html>'),
    ]);
    const e = await refusal('lying.html', lying);
    expect(e.code).toBe('not-utf8');
    expect(e.message).toBe(
      'lying.html says it is shift_jis text, but it is not valid shift_jis. Save the page again (or as UTF-8) and import it again.',
    );
    const undeclared = new Uint8Array([...utf8('<html><body><p>Caf'), 0xe9, ...utf8('</p></body></html>')]);
    const u = await refusal('old.html', undeclared);
    expect(u.message).toBe(
      'old.html is not UTF-8 text (invalid byte at offset 18), and it does not declare another encoding in a <meta charset> tag. Save it as UTF-8 and import it again.',
    );
    // A page cannot be UTF-16 if its <meta> is readable as ASCII: that declaration means UTF-8, so bad bytes are refused.
    const wide = new Uint8Array([...utf8('<html><head><meta charset="utf-16"></head><body><p>Caf'), 0xe9, ...utf8('x</p></body></html>')]);
    expect((await refusal('wide.html', wide)).message).toMatch(/^wide\.html is not UTF-8 text/);
    // Plain text never has its encoding guessed.
    expect((await refusal('old.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).code).toBe('not-utf8');
  });

  it('unsupported: an image with an unknown extension, and a CSV given to importFile', async () => {
    const e = await refusal('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('.txt, .md, .html, .docx, .odt, .pdf or .csv');
    const csv = await refusal('articles.csv', fixtureBytes('articles.csv'));
    expect(csv.code).toBe('unsupported');
  });

  it('corrupt: a .pdf that is not a PDF, a truncated PDF, a .docx that is not a zip', async () => {
    expect((await refusal('fake.pdf', utf8('hello'))).code).toBe('corrupt');
    expect((await refusal('cut.pdf', fixtureBytes('gettysburg-address-truncated.pdf'))).code).toBe('corrupt');
    expect((await refusal('fake.docx', utf8('hello'))).code).toBe('corrupt');
  });

  it('encrypted: a password-protected PDF and .docx', async () => {
    expect((await refusal('locked.pdf', fixtureBytes('gettysburg-address-encrypted.pdf'))).code).toBe('encrypted');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 512);
    expect((await refusal('locked.docx', ole)).code).toBe('encrypted');
  });
});

describe('importPastedText', () => {
  it('reads pasted text with the same layout rules as a .txt file', () => {
    const doc = importPastedText(fixtureText('us-china-talks-2024.txt'));
    expect(doc.origin).toEqual({ kind: 'paste', name: null });
    expect(doc.meta.publishedAt).toBe('2024-12-21');
    expect(doc.text.split('\n')).toHaveLength(10);
  });

  it('refuses empty pasted text with a message that says what to do', () => {
    expect(() => importPastedText('  \n ')).toThrow(
      expect.objectContaining({
        code: 'empty',
        message: expect.stringMatching(/^The pasted text has no text in it\. Copy the article again and paste it\.$/),
      }),
    );
  });

  it('refuses pasted text over the limit', () => {
    expect(() => importPastedText('x'.repeat(20), { maxBytes: 10 })).toThrow(expect.objectContaining({ code: 'too-large' }));
  });
});
