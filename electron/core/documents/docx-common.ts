import { Document, ExternalHyperlink, Packer, Paragraph, TextRun, type IPropertiesOptions } from 'docx';
import { safeArticleUrl } from './escape';

/**
 * Paragraph styles the Word exports share. "Quote" is Word's own built-in style id, so a
 * reader's template restyles quotes as it would any other quotation.
 */
export const DOCX_STYLES: IPropertiesOptions['styles'] = {
  default: { document: { run: { font: 'Georgia', size: 22 } } },
  paragraphStyles: [
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '333333' },
      paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 80, after: 120 } },
    },
    {
      id: 'ClaimFacts',
      name: 'Claim facts',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: 'Arial', size: 18, color: '444444' },
      paragraph: { spacing: { before: 160, after: 40 } },
    },
    {
      id: 'ClaimNote',
      name: 'Claim note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: 'Arial', size: 18 },
      paragraph: { indent: { left: 567 }, spacing: { after: 120 } },
    },
  ],
};

/** Text runs for a string that may hold line breaks (Word needs explicit breaks). */
export function runsOf(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, ...options }));
}

/** The source line under a title: source, author, date and a link when the URL is safe. */
export function metaParagraph(meta: {
  source: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}): Paragraph | null {
  const parts = [meta.source, meta.author ? `by ${meta.author}` : null, meta.publishedAt].filter((p): p is string => Boolean(p));
  const url = safeArticleUrl(meta.url);
  if (!parts.length && !url) return null;
  const children: (TextRun | ExternalHyperlink)[] = [new TextRun({ text: parts.join(' · '), color: '555555' })];
  if (url) {
    children.push(new TextRun({ text: parts.length ? ' · ' : '', color: '555555' }));
    children.push(new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink' })] }));
  }
  return new Paragraph({ children, spacing: { after: 200 } });
}

/** The citation a footnote gives for a quote: where it was published, when, and its address. */
export function citationText(meta: { title: string; source: string | null; publishedAt: string | null; url: string | null }): string {
  return [`“${meta.title}”`, meta.source, meta.publishedAt, safeArticleUrl(meta.url)].filter(Boolean).join(', ') + '.';
}

/** Packs a document to bytes. */
export async function packDocx(options: IPropertiesOptions): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document(options)));
}
