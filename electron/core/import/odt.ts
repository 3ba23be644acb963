import JSZip from 'jszip';
import { checkDocxComplexity } from './complexity-caps';
import { parseDate } from './dates';
import { checkDocxUnpackedSize } from './docx-zip-guard';
import { htmlFragmentToText } from './html';
import { liftTitleHeading, noTextError } from './office-text';
import { parseInertXml } from './safe-dom';
import { titleFromFileName, titleFromProse } from './titles';
import type { ImportedDocument } from './types';
import { ImportError } from './types';

const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OFFICE_NS = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface OdtWalk {
  html: string[];
  comments: string[];
  footnotes: number;
}

/** The visible text of an ODF paragraph's inline content: spans, links, spaces (text:s), tabs, breaks. */
function inlineText(node: Node, walk: OdtWalk): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      out += escapeHtml((child as Text).data);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    if (el.namespaceURI === OFFICE_NS && el.localName === 'annotation') {
      // A reviewer's comment: kept as a note on the article, not in the text.
      const body = Array.from(el.getElementsByTagNameNS(TEXT_NS, 'p'))
        .map((p) => p.textContent?.trim() ?? '')
        .filter(Boolean)
        .join(' ');
      const author = el.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]?.textContent?.trim();
      if (body) walk.comments.push(author ? `${author}: ${body}` : body);
      continue;
    }
    if (el.namespaceURI === TEXT_NS) {
      if (el.localName === 's') out += ' '.repeat(Math.max(1, Number(el.getAttributeNS(TEXT_NS, 'c') ?? 1) || 1));
      else if (el.localName === 'tab') out += '\t';
      else if (el.localName === 'line-break') out += '<br>';
      else if (el.localName === 'note')
        walk.footnotes += 1; // footnote bodies are left out; counted in the notes
      else if (
        el.localName === 'annotation-end' ||
        el.localName === 'bookmark' ||
        el.localName === 'bookmark-start' ||
        el.localName === 'bookmark-end'
      )
        continue;
      else out += inlineText(el, walk);
      continue;
    }
    out += inlineText(el, walk);
  }
  return out;
}

function walkBlocks(node: Node, walk: OdtWalk): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const ns = el.namespaceURI;
    const name = el.localName;
    if (ns === TEXT_NS && name === 'h') {
      const level = Math.min(6, Math.max(1, Number(el.getAttributeNS(TEXT_NS, 'outline-level') ?? 1) || 1));
      walk.html.push(`<h${level}>${inlineText(el, walk)}</h${level}>`);
    } else if (ns === TEXT_NS && name === 'p') {
      walk.html.push(`<p>${inlineText(el, walk)}</p>`);
    } else if (ns === TEXT_NS && name === 'list') {
      walk.html.push('<ul>');
      walkBlocks(el, walk);
      walk.html.push('</ul>');
    } else if (ns === TEXT_NS && (name === 'list-item' || name === 'list-header')) {
      walk.html.push('<li>');
      walkBlocks(el, walk);
      walk.html.push('</li>');
    } else if (ns === TABLE_NS && name === 'table') {
      walk.html.push('<table>');
      walkBlocks(el, walk);
      walk.html.push('</table>');
    } else if (ns === TABLE_NS && name === 'table-row') {
      walk.html.push('<tr>');
      walkBlocks(el, walk);
      walk.html.push('</tr>');
    } else if (ns === TABLE_NS && name === 'table-cell') {
      walk.html.push('<td>');
      walkBlocks(el, walk);
      walk.html.push('</td>');
    } else if (
      ns === TEXT_NS &&
      (name === 'sequence-decls' || name === 'variable-decls' || name === 'tracked-changes' || name === 'table-of-content')
    ) {
      // Declarations, change tracking and generated tables of contents are not the text.
    } else {
      walkBlocks(el, walk); // sections, table headers/row groups, frames' text boxes
    }
  }
}

function metaText(doc: Document | null, ns: string, name: string): string | null {
  const value = doc?.getElementsByTagNameNS(ns, name)[0]?.textContent?.replace(/\s+/g, ' ').trim();
  return value || null;
}

/**
 * Reads an OpenDocument text (.odt, as LibreOffice and Word save it): headings with their
 * outline level, paragraphs, lists, tables (rows and cells), from content.xml; title, author
 * and date from meta.xml. Reviewers' comments are kept as notes; footnotes are counted.
 *
 * @throws ImportError 'corrupt' when it is not a readable .odt, 'too-large' past the zip and
 *   complexity caps, 'empty' when it has no text (with OCR advice when it holds images).
 */
export async function importOdt(bytes: Uint8Array, name: string): Promise<ImportedDocument> {
  const contentXml = checkDocxUnpackedSize(bytes, name, { mainPart: 'content.xml', what: 'An OpenDocument file' });
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (cause) {
    throw new ImportError(
      'corrupt',
      `${name} is not a valid OpenDocument text (it may be damaged or only partly downloaded). Open it in LibreOffice or Word, save it again as .odt and import it again.`,
      { cause },
    );
  }
  const content = zip.file('content.xml');
  if (!content) {
    throw new ImportError(
      'corrupt',
      `${name} is a ZIP file but not an OpenDocument text (it has no content.xml). Check that you chose the right file and import it again.`,
    );
  }
  const xml = contentXml ?? (await content.async('string'));
  checkDocxComplexity(xml, name, 'text:p');
  const dom = parseInertXml(xml);
  const metaFile = zip.file('meta.xml');
  const metaDom = metaFile ? parseInertXml(await metaFile.async('string')) : null;
  try {
    const body = dom.window.document.getElementsByTagNameNS(OFFICE_NS, 'text')[0];
    if (!body)
      throw new ImportError('corrupt', `${name} has no text body (office:text); it may be a spreadsheet or a presentation. Import a text document.`);
    const walk: OdtWalk = { html: [], comments: [], footnotes: 0 };
    walkBlocks(body, walk);
    const metaDoc = metaDom?.window.document ?? null;
    const lifted = liftTitleHeading(htmlFragmentToText(walk.html.join('')), metaText(metaDoc, 'http://purl.org/dc/elements/1.1/', 'title'));
    const { text, blocks } = lifted;
    let title = lifted.title;
    if (blocks.length === 0)
      throw noTextError(
        name,
        Object.keys(zip.files).some((f) => f.startsWith('Pictures/')),
      );
    if (!title) {
      const para = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0]!;
      title = titleFromProse(text.slice(para.start, para.end)) || titleFromFileName(name);
    }
    const meta: ImportedDocument['meta'] = { title };
    const author =
      metaText(metaDoc, 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0', 'initial-creator') ??
      metaText(metaDoc, 'http://purl.org/dc/elements/1.1/', 'creator');
    if (author) meta.author = author;
    const created = parseDate(metaText(metaDoc, 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0', 'creation-date'));
    if (created) meta.publishedAt = created;
    const notes = walk.comments.map((c) => `Comment in the document: ${c}`);
    if (walk.footnotes) notes.push(`${walk.footnotes} footnote${walk.footnotes > 1 ? 's were' : ' was'} left out of the text.`);
    return { meta, text, blocks, normalisation: lifted.normalisation, origin: { kind: 'odt', name }, ...(notes.length ? { notes } : {}) };
  } finally {
    dom.window.close();
    metaDom?.window.close();
  }
}
