import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../../../electron/core/import/docx';
import { MAX_DOCX_UNPACKED_BYTES, MAX_DOCX_XML_BYTES } from '../../../../electron/core/import/docx-zip-guard';
import { openTempNotebook } from '../../helpers/temp-notebook';
import { fixtureBytes } from './fixtures';

/** The real fixture with word/document.xml replaced by `size` bytes of spaces: tiny compressed. */
async function bombDocx(size: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fixtureBytes('briefing-note.docx'));
  zip.file('word/document.xml', new Uint8Array(size).fill(0x20));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Rewrites the sizes an entry's local header and central directory record declare. */
function declareSize(bytes: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = Buffer.from(bytes);
  const name = Buffer.from(entryName);
  for (let at = out.indexOf(name); at !== -1; at = out.indexOf(name, at + 1)) {
    if (at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50) out.writeUInt32LE(size, at - 46 + 24);
    else if (at >= 30 && out.readUInt32LE(at - 30) === 0x04034b50) out.writeUInt32LE(size, at - 30 + 22);
  }
  return new Uint8Array(out);
}

const bombMessage = (name: string, limit: number) =>
  expect.stringMatching(
    new RegExp(`^${name.replace('.', '\\.')} would unpack to .*; the limit is ${(limit / 2 ** 20).toFixed(1)} MB\\..*zip bomb.*import it again\\.$`),
  );

describe('importDocx: zip bombs', () => {
  it('refuses a small file whose document.xml unpacks past the limit, naming the file and the limit', async () => {
    const bytes = await bombDocx(MAX_DOCX_XML_BYTES + 1024);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await expect(importDocx(bytes, 'bomb.docx')).rejects.toMatchObject({ code: 'too-large', message: bombMessage('bomb.docx', MAX_DOCX_XML_BYTES) });
  });

  it('measures what the XML really unpacks to, whatever the zip directory claims', async () => {
    const lying = declareSize(await bombDocx(MAX_DOCX_XML_BYTES + 1024), 'word/document.xml', 1000);
    await expect(importDocx(lying, 'liar.docx')).rejects.toMatchObject({ code: 'too-large', message: bombMessage('liar.docx', MAX_DOCX_XML_BYTES) });
  });

  it('refuses a file whose entries together declare more than the limit', async () => {
    const zip = await JSZip.loadAsync(fixtureBytes('briefing-note.docx'));
    zip.file('word/media/image1.png', new Uint8Array(64));
    const bytes = declareSize(
      await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
      'word/media/image1.png',
      MAX_DOCX_UNPACKED_BYTES + 1,
    );
    await expect(importDocx(bytes, 'huge.docx')).rejects.toMatchObject({
      code: 'too-large',
      message: bombMessage('huge.docx', MAX_DOCX_UNPACKED_BYTES),
    });
  });

  it('still imports an ordinary .docx, and a refused one leaves the notebook as it was', async () => {
    await expect(importDocx(fixtureBytes('briefing-note.docx'), 'briefing-note.docx')).resolves.toMatchObject({ origin: { kind: 'docx' } });
    const nb = await openTempNotebook();
    try {
      const files = (): string[] =>
        readdirSync(nb.dir, { recursive: true, encoding: 'utf8' })
          .filter((f) => statSync(path.join(nb.dir, f)).isFile())
          .sort();
      const library = (): string => readFileSync(path.join(nb.dir, 'library.json'), 'utf8');
      // Settled first: the sample's claims may still be on their way to their shard.
      await nb.core.store.settle();
      const before = { articles: await nb.core.handlers.listArticles({}), files: files(), library: library() };
      const dataBase64 = Buffer.from(await bombDocx(MAX_DOCX_XML_BYTES + 1024)).toString('base64');
      await expect(nb.core.handlers.importFile({ name: 'bomb.docx', dataBase64 })).rejects.toMatchObject({
        code: 'import-failed',
        message: expect.stringContaining('bomb.docx would unpack'),
      });
      expect(await nb.core.handlers.listArticles({})).toEqual(before.articles);
      await nb.core.store.settle();
      expect(files()).toEqual(before.files);
      expect(library()).toBe(before.library);
    } finally {
      await nb.cleanup();
    }
  });
});
