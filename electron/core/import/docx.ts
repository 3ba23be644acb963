import JSZip from 'jszip';
import mammoth from 'mammoth';
import { checkDocxComplexity } from './complexity-caps';
import { isEncryptedOoxml, sniffBinary } from './detect';
import { readDocxCoreProps } from './docx-core-props';
import { checkDocxUnpackedSize } from './docx-zip-guard';
import { htmlFragmentToText } from './html';
import { liftTitleHeading, noTextError } from './office-text';
import { parseInertXml } from './safe-dom';
import { titleFromFileName, titleFromProse } from './titles';
import type { ImportedDocument } from './types';
import { ImportError } from './types';

/**
 * Word styles to HTML, on top of mammoth's defaults (which already map Heading 1-6 and
 * lists). Title becomes an h1 so it can be lifted into the metadata; quote styles
 * become blockquotes so they stay quotes in the model.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * What mammoth leaves out of the text, said in notes: reviewers' comments (kept, with their
 * author), and the page headers and footers (their text, once each).
 */
async function docxNotes(zip: JSZip): Promise<string[]> {
  const notes: string[] = [];
  const comments = zip.file('word/comments.xml');
  if (comments) {
    const dom = parseInertXml(await comments.async('string'));
    try {
      for (const comment of Array.from(dom.window.document.getElementsByTagNameNS(W_NS, 'comment'))) {
        const body = Array.from(comment.getElementsByTagNameNS(W_NS, 'p'))
          .map((p) =>
            Array.from(p.getElementsByTagNameNS(W_NS, 't'))
              .map((t) => t.textContent ?? '')
              .join('')
              .trim(),
          )
          .filter(Boolean)
          .join(' ');
        const author = comment.getAttributeNS(W_NS, 'author')?.trim();
        if (body) notes.push(`Comment in the document: ${author ? `${author}: ` : ''}${body}`);
      }
    } finally {
      dom.window.close();
    }
  }
  const furniture = new Set<string>();
  for (const part of Object.keys(zip.files)
    .filter((f) => /^word\/(header|footer)\d*\.xml$/.test(f))
    .sort()) {
    const xml = await zip.file(part)!.async('string');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    if (text)
      furniture.add(
        text
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      );
  }
  if (furniture.size) notes.push(`Page headers and footers were left out of the text: ${[...furniture].map((t) => `"${t}"`).join(', ')}.`);
  return notes;
}

/**
 * Reads a Word .docx: mammoth turns the body into HTML, which goes through the same
 * sanitise-and-walk path as web pages. Title, author and date come from the core
 * properties; without a title there, a leading Title/Heading 1 paragraph is the title.
 *
 * @throws ImportError 'encrypted' for a password-protected file, 'unsupported' for an
 *   old .doc, 'corrupt' when the file is not a readable .docx, 'empty' when it has no text,
 *   'too-large' when it would unpack to more than the caps in docx-zip-guard.ts or holds more
 *   paragraphs or elements than complexity-caps.ts allows.
 */
export async function importDocx(bytes: Uint8Array, name: string): Promise<ImportedDocument> {
  const sniffed = sniffBinary(bytes);
  if (sniffed?.kind === 'ole') {
    if (!isEncryptedOoxml(bytes) && Buffer.from(bytes).includes(Buffer.from('WordDocument', 'utf16le'))) {
      throw new ImportError(
        'unsupported',
        `${name} is an old Word 97-2003 document, not a .docx. Open it in Word and save it as .docx, then import it again.`,
      );
    }
    throw new ImportError(
      'encrypted',
      `${name} is password-protected. Open it in Word, remove the password (File > Info > Protect Document), save it and import it again.`,
    );
  }
  // Before anything is unpacked: a small file may hold gigabytes (a zip bomb).
  const documentXml = checkDocxUnpackedSize(bytes, name);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new ImportError(
      'corrupt',
      `${name} is not a valid Word document (it is not a .docx package; it may be damaged or only partly downloaded). Open it in Word, save it again as .docx and import it again.`,
      { cause },
    );
  }
  const body = zip.file('word/document.xml');
  if (!body) {
    throw new ImportError(
      'corrupt',
      `${name} is a ZIP file but not a Word document (it has no word/document.xml). Check that you chose the right file, or save it from Word as .docx and import it again.`,
    );
  }
  // Counted on the XML text (its size is capped above) before mammoth builds anything from it.
  checkDocxComplexity(documentXml ?? (await body.async('string')), name);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Never follow links to files outside the package, and do not inline images: only text is kept.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (cause) {
    throw new ImportError(
      'corrupt',
      `${name} could not be read: the Word document is damaged. Open it in Word, save it again as .docx and import it again.`,
      { cause },
    );
  }
  const props = await readDocxCoreProps(zip);
  const lifted = liftTitleHeading(htmlFragmentToText(html), props.title);
  const { text, blocks } = lifted;
  let title = lifted.title;
  if (blocks.length === 0)
    throw noTextError(
      name,
      Object.keys(zip.files).some((f) => f.startsWith('word/media/')),
    );
  const notes = await docxNotes(zip);
  if (!title) {
    const para = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0]!;
    title = titleFromProse(text.slice(para.start, para.end)) || titleFromFileName(name);
  }
  const meta: ImportedDocument['meta'] = { title };
  if (props.creator) meta.author = props.creator;
  if (props.created) meta.publishedAt = props.created;
  return { meta, text, blocks, normalisation: lifted.normalisation, origin: { kind: 'docx', name }, ...(notes.length ? { notes } : {}) };
}
