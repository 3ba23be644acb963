import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter, defaultChromiumPath } from '../../../../electron/core/documents/chromium-printer';
import { exportDocument } from '../../../../electron/core/documents/export-document';
import { existsSync } from 'node:fs';
import { goldClaims, openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { docxToPdf, hasTool, pdfText, squash } from '../exchange/tools';

const HOSTILE_NOTE = 'See <script>alert(1)</script> and [x](javascript:alert(1)) <img src=x onerror=alert(3)>';
const HAS_CHROMIUM = existsSync(defaultChromiumPath());
const HAS_LIBREOFFICE = hasTool('libreoffice');

/** Word splits text into runs; joining every w:t of a document gives its text back. */
async function docxText(base64: string): Promise<{ xml: string; text: string }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
  return { xml, text };
}

describe('brief and annotated article documents', () => {
  let nb: TempNotebook;
  const quotes = goldClaims().map((g) => g.exact);
  beforeAll(async () => {
    nb = await openTempNotebook();
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: HOSTILE_NOTE } });
    await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { url: 'https://example.org/talks', source: 'Wire <b>service</b>' } });
  });
  afterAll(() => nb.cleanup());

  it('DOCX brief: every quote in Quote style, citations as footnotes with source, date and URL', async () => {
    const file = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'docx' });
    expect(file).toMatchObject({ encoding: 'base64', filename: expect.stringMatching(/-brief\.docx$/) });
    const { xml, text } = await docxText(file.content);
    for (const quote of quotes) expect(text).toContain(quote);
    expect(xml.match(/<w:pStyle w:val="Quote"\/>/g)?.length).toBe(quotes.length);
    expect(xml.match(/<w:footnoteReference /g)?.length).toBe(quotes.length);
    const zip = await JSZip.loadAsync(Buffer.from(file.content, 'base64'));
    const footnotes = await zip.file('word/footnotes.xml')!.async('string');
    expect(footnotes).toContain('2024-12-21');
    expect(footnotes).toContain('https://example.org/talks');
    expect(text).toContain(HOSTILE_NOTE); // as text, escaped by the XML writer
    expect(xml).not.toContain('<script>');
  });

  it('DOCX article: the text with shaded claims and numbered notes', async () => {
    const file = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'article', format: 'docx' });
    const { xml, text } = await docxText(file.content);
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(squash(text)).toContain(squash(article.text.slice(0, 200)));
    for (const quote of quotes) expect(text).toContain(quote);
    for (let n = 1; n <= quotes.length; n += 1) expect(text).toContain(`[${n}]`);
    expect(xml).toMatch(/<w:shd [^>]*w:fill="[0-9A-F]{6}"/);
  });

  it.skipIf(!HAS_LIBREOFFICE)(
    'DOCX opens in LibreOffice and every quote survives into its PDF (skipped without libreoffice)',
    async () => {
      for (const kind of ['brief', 'article'] as const) {
        const file = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind, format: 'docx' });
        const text = pdfText(docxToPdf(new Uint8Array(Buffer.from(file.content, 'base64'))));
        for (const quote of quotes) expect(text, `${kind}: ${quote}`).toContain(squash(quote));
      }
    },
    240_000,
  );

  it.skipIf(!HAS_CHROMIUM)(
    'PDF brief and article: pdftotext finds every quote (skipped without Chromium)',
    async () => {
      const printer = createChromiumPrinter();
      for (const kind of ['brief', 'article'] as const) {
        const file = await exportDocument(nb.core.context, { articleId: nb.sampleId, kind, format: 'pdf' }, printer);
        expect(file.mimeType).toBe('application/pdf');
        const bytes = new Uint8Array(Buffer.from(file.content, 'base64'));
        expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
        const text = pdfText(bytes);
        for (const quote of quotes) expect(text, `${kind}: ${quote}`).toContain(squash(quote));
        // The hostile note is printed as the characters the analyst typed.
        expect(text).toContain(squash(HOSTILE_NOTE));
      }
    },
    120_000,
  );

  it('PDF without a printer says so instead of failing obscurely', async () => {
    await expect(nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'pdf' })).rejects.toThrow(/no PDF printer/);
  });

  it('HTML and Markdown of the annotated article keep hostile notes inert', async () => {
    const html = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'article', format: 'html' });
    const doc = new JSDOM(html.content).window.document;
    expect(doc.querySelectorAll('script, img, iframe, object')).toHaveLength(0);
    expect([...doc.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect([...doc.querySelectorAll('a')].every((a) => !a.getAttribute('href')?.startsWith('javascript:'))).toBe(true);
    expect(doc.body.textContent).toContain(HOSTILE_NOTE);
    expect(doc.querySelectorAll('mark.claim').length).toBeGreaterThanOrEqual(quotes.length);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");

    const md = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'article', format: 'md' });
    expect(md.content).not.toMatch(/<script>/);
    expect(md.content).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md.content).toContain('\\<script\\>');
    const brief = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'md' });
    expect(brief.content).not.toMatch(/(?<!\\)\]\(javascript:/);
  });
});
