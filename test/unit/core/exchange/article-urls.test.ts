import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notebookMethods } from '../../../../shared/api';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

/** Addresses an article must not carry, each with a part of it no export would otherwise write. */
const HOSTILE: [string, string][] = [
  ['javascript:alert(1)', 'alert(1)'],
  ['data:text/html,<script>alert(2)</script>', 'alert(2)'],
  ['JaVaScRiPt:alert(3)', 'alert(3)'],
  ['file:///etc/passwd', 'etc/passwd'],
  ['vbscript:x', 'vbscript:'],
  ['mailto:a@b.example', 'a@b.example'],
];

describe('article URLs are http(s) only', () => {
  let nb: TempNotebook;
  beforeAll(async () => {
    nb = await openTempNotebook();
  });
  afterAll(() => nb.cleanup());

  it('the API refuses anything but an http(s) address, saying what to type', () => {
    const request = notebookMethods.updateArticleMeta.request;
    for (const [url] of HOSTILE) {
      const parsed = request.safeParse({ id: 'a', patch: { url } });
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/must be a web address starting with http:\/\/ or https:\/\//);
    }
    for (const url of ['https://news.example/a?b=1', 'http://x.example/'])
      expect(request.safeParse({ id: 'a', patch: { url } }).success, url).toBe(true);
    expect(request.safeParse({ id: 'a', patch: { url: null } }).success).toBe(true);
  });

  it('an import never keeps one (a crafted HTML page naming a script URL as its address)', async () => {
    const html =
      '<html><head><title>Crafted</title><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x"></head><body><article><p>The minister said the plan would go ahead. Critics said it would not.</p></article></body></html>';
    const { articleId } = await nb.core.handlers.importFile({ name: 'crafted.html', dataBase64: Buffer.from(html).toString('base64') });
    expect((await nb.core.handlers.getArticle({ id: articleId })).article.url).toBeNull();
  });

  it('every export drops a stored URL that is not http(s) (a notebook from before this check)', async () => {
    for (const [url, marker] of HOSTILE) {
      const article = (await nb.core.store.getArticle(nb.sampleId))!;
      await nb.core.store.putArticle({ ...article, url });
      const texts: [string, string][] = [];
      const csv = await nb.core.handlers.exportAnnotations({ format: 'csv' });
      texts.push(['csv', csv.content]);
      texts.push(['w3c', (await nb.core.handlers.exportAnnotations({ format: 'w3c' })).content]);
      const qdpx = await nb.core.handlers.exportAnnotations({ format: 'qdpx' });
      const zip = await JSZip.loadAsync(Buffer.from(qdpx.content, 'base64'));
      texts.push(['qdpx', await zip.file('project.qde')!.async('string')]);
      for (const kind of ['brief', 'article'] as const) {
        for (const format of ['md', 'html'] as const) {
          texts.push([`${kind}.${format}`, (await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind, format })).content]);
        }
        const docx = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind, format: 'docx' });
        const docxZip = await JSZip.loadAsync(Buffer.from(docx.content, 'base64'));
        texts.push([
          `${kind}.docx`,
          (await docxZip.file('word/document.xml')!.async('string')) + ((await docxZip.file('word/_rels/document.xml.rels')?.async('string')) ?? ''),
        ]);
      }
      for (const [what, text] of texts) expect(text.includes(marker), `${what} holds ${url}`).toBe(false);
    }
  });
});
