import { existsSync } from 'node:fs';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumPrinter, defaultChromiumPath } from '../../../../electron/core/documents/chromium-printer';
import { exportBriefDocument } from '../../../../electron/core/documents/export-document';
import { buildComposedBrief } from '../../../../electron/core/documents';
import type { Claim } from '../../../../shared/model';
import { openTempNotebook, snapshotFiles, type TempNotebook } from '../../helpers/temp-notebook';
import { docxToPdf, hasTool, pdfText, squash } from '../exchange/tools';

const HAS_CHROMIUM = existsSync(defaultChromiumPath());
const HAS_LIBREOFFICE = hasTool('libreoffice');
const HOSTILE = 'Beware <script>alert(1)</script> and [x](javascript:alert(2)) <img src=x onerror=alert(3)>';

const text = (value: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const cite = (claim: Claim) => ({ type: 'claimCitation', attrs: { claimId: claim.id, articleId: claim.articleId, quote: claim.target.quote.exact } });

async function docxXml(base64: string): Promise<{ document: string; footnotes: string; numbering: string; text: string }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const document = await read('word/document.xml');
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join('');
  return { document, footnotes: await read('word/footnotes.xml'), numbering: await read('word/numbering.xml'), text };
}

describe('exporting a brief written in the editor', () => {
  let nb: TempNotebook;
  let claims: Claim[];
  let briefId: string;
  let deleted: Claim;

  beforeAll(async () => {
    nb = await openTempNotebook();
    await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { url: 'https://example.org/talks' } });
    claims = (await nb.core.handlers.getArticle({ id: nb.sampleId })).claims;
    // A note the export must not show as markup; then a claim that will be deleted after citing.
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: HOSTILE } });
    deleted = claims[claims.length - 1]!;
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Where Washington and Beijing stand')] },
        para(
          text('The talks were '),
          text('tense', [{ type: 'bold' }]),
          text(' but '),
          text('orderly', [{ type: 'italic' }]),
          text('; see '),
          text('the readout', [{ type: 'link', attrs: { href: 'https://example.org/readout' } }]),
          text('.'),
        ),
        para(text(HOSTILE)),
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [para(text('First point')), { type: 'orderedList', content: [{ type: 'listItem', content: [para(text('Nested step'))] }] }],
            },
            { type: 'listItem', content: [para(text('Second point'))] },
          ],
        },
        { type: 'blockquote', content: [para(text('An aside the analyst quoted.'))] },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            { type: 'listItem', content: [para(text('Third step'))] },
            { type: 'listItem', content: [para(text('Fourth step'))] },
          ],
        },
        { type: 'heading', attrs: { level: 2 }, content: [text('Positions')] },
        ...claims.map(cite),
        { type: 'horizontalRule' },
        para(text('End of brief.')),
      ],
    };
    briefId = (await nb.core.handlers.createBrief({ title: 'US–China talks: positions', doc })).id;
    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: deleted.id });
  });
  afterAll(() => nb.cleanup());

  const kept = () => claims.filter((c) => c.id !== deleted.id);

  it('Markdown: structure, every live quote with a numbered source note, the deleted claim marked, user text inert', async () => {
    const file = await nb.core.handlers.exportBriefDocument({ briefId, format: 'md' });
    expect(file).toMatchObject({ filename: 'us-china-talks-positions.md', encoding: 'utf8' });
    const md = file.content;
    expect(md.startsWith('# US–China talks: positions\n')).toBe(true);
    expect(md).toContain('## Where Washington and Beijing stand');
    expect(md).toContain('**tense**');
    expect(md).toContain('*orderly*');
    expect(md).toContain('[the readout](https://example.org/readout)');
    expect(md).toMatch(/^- First point\n\n {2}1\. Nested step/m);
    expect(md).toContain('> An aside the analyst quoted.');
    expect(md).toContain('3. Third step\n4. Fourth step');
    expect(md).toContain('\n---\n');
    for (const [i, claim] of claims.entries()) {
      if (claim.id === deleted.id) continue;
      expect(md).toContain(`[^${i + 1}]`);
    }
    expect(md).toMatch(/\[\^1\]: “.+”, .*2024-12-21, <https:\/\/example\.org\/talks>\./);
    expect(md).toMatch(/\*Citation unavailable:\* This claim was deleted\./);
    // The hostile text stays characters: no raw tag and no live link.
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/); // the brackets are escaped, so no link forms
  });

  it('HTML: self-contained, citations link to their notes, nothing user-written runs', async () => {
    const file = await nb.core.handlers.exportBriefDocument({ briefId, format: 'html' });
    const dom = new JSDOM(file.content);
    const doc = dom.window.document;
    expect(doc.querySelector('h1')?.textContent).toBe('US–China talks: positions');
    expect(doc.querySelector('h2')?.textContent).toBe('Where Washington and Beijing stand');
    expect(doc.querySelectorAll('script, iframe, img, link[rel="stylesheet"]')).toHaveLength(0);
    expect([...doc.querySelectorAll('a[href]')].every((a) => /^(#|https:|mailto:)/.test(a.getAttribute('href')!))).toBe(true);
    expect(doc.querySelectorAll('[onerror], [onclick]')).toHaveLength(0);
    const figures = [...doc.querySelectorAll('figure.citation:not(.citation--missing)')];
    expect(figures).toHaveLength(kept().length);
    for (const claim of kept()) expect(squash(doc.body.textContent!)).toContain(squash(claim.target.quote.exact));
    for (const figure of figures) {
      const href = figure.querySelector('sup a')!.getAttribute('href')!;
      expect(doc.querySelector(href)?.textContent).toMatch(/2024-12-21, https:\/\/example\.org\/talks\./);
    }
    expect(doc.querySelector('.citation--missing')?.textContent).toMatch(/Citation unavailable: This claim was deleted/);
    expect(doc.body.textContent).toContain(HOSTILE);
    expect(doc.querySelectorAll('ul > li > ol > li')).toHaveLength(1);
  });

  it('DOCX: Word headings, lists, Quote-style citations with footnotes giving source, date and URL', async () => {
    const file = await nb.core.handlers.exportBriefDocument({ briefId, format: 'docx' });
    expect(file).toMatchObject({ encoding: 'base64', filename: 'us-china-talks-positions.docx' });
    const { document, footnotes, numbering, text: body } = await docxXml(file.content);
    for (const claim of kept()) expect(body).toContain(claim.target.quote.exact);
    expect(document).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(document.match(/<w:footnoteReference /g)?.length).toBe(claims.length);
    expect(footnotes).toContain('2024-12-21');
    expect(footnotes).toContain('https://example.org/talks');
    expect(footnotes).toContain('This claim was deleted.');
    expect(numbering).toContain('w:numFmt w:val="decimal"');
    // A list that starts at 3 counts from 3 in Word too.
    expect(numbering).toContain('<w:start w:val="3"/>');
    expect(document).toMatch(/<w:numPr>/);
    expect(body).toContain(HOSTILE);
    expect(document).not.toContain('<script>');
  });

  it.skipIf(!HAS_LIBREOFFICE)(
    'DOCX opens in LibreOffice and every live quote survives into its PDF (skipped without libreoffice)',
    async () => {
      const file = await nb.core.handlers.exportBriefDocument({ briefId, format: 'docx' });
      const pdf = pdfText(docxToPdf(new Uint8Array(Buffer.from(file.content, 'base64'))));
      expect(pdf).toContain('Where Washington and Beijing stand');
      for (const claim of kept()) expect(pdf).toContain(squash(claim.target.quote.exact));
      expect(pdf).toMatch(/3\.\s*Third step\s*4\.\s*Fourth step/);
    },
    240_000,
  );

  it.skipIf(!HAS_CHROMIUM)(
    'PDF: selectable text with every live quote and the hostile text as characters (skipped without Chromium)',
    async () => {
      const file = await exportBriefDocument(nb.core.context, { briefId, format: 'pdf' }, createChromiumPrinter());
      const bytes = new Uint8Array(Buffer.from(file.content, 'base64'));
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const pdf = pdfText(bytes);
      for (const claim of kept()) expect(pdf).toContain(squash(claim.target.quote.exact));
      expect(pdf).toContain(squash(HOSTILE));
    },
    120_000,
  );

  it('an edited claim shows its new coding in the next export: citations stay live', async () => {
    const target = kept()[1]!;
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: target.id, patch: { speaker: 'A renamed speaker' } });
    const md = (await nb.core.handlers.exportBriefDocument({ briefId, format: 'md' })).content;
    expect(md).toContain('(A renamed speaker)');
  });

  it('refuses an unknown brief, and PDF without a printer, changing nothing', async () => {
    const before = snapshotFiles(nb.dir);
    await expect(nb.core.handlers.exportBriefDocument({ briefId: 'brf_nope', format: 'md' })).rejects.toThrow(/brief/i);
    await expect(exportBriefDocument(nb.core.context, { briefId, format: 'pdf' }, undefined)).rejects.toThrow(/no PDF printer/);
    expect(snapshotFiles(nb.dir)).toEqual(before);
  });

  it('drops links with unsafe schemes and unknown nodes keep their words', () => {
    const composed = buildComposedBrief(
      {
        id: 'brf_x',
        title: 'T',
        createdAt: '2024-01-01T00:00:00Z',
        updatedAt: '2024-01-01T00:00:00Z',
        doc: {
          type: 'doc',
          content: [
            para(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
            { type: 'futureWidget', content: [text('kept words')] },
          ],
        },
      },
      [],
    );
    expect(composed.blocks).toEqual([
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'click' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'kept words' }] },
    ]);
  });

  it('Markdown stays inert in a real CommonMark renderer: hostile article URLs, tilde fences, breaks in headings, multi-line lost quotes', async () => {
    const md = new MarkdownIt({ html: true, linkify: false });
    const rendered = async (url: string, quote: string) => {
      await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { url } });
      const doc = {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [text('Head'), { type: 'hardBreak' }, text('tail')] },
          para(text('line one'), { type: 'hardBreak' }, text('~~~'), { type: 'hardBreak' }, text('more')),
          para(text('mail', [{ type: 'link', attrs: { href: 'mailto:x\\' } }])),
          cite(kept()[0]!),
          {
            type: 'bulletList',
            content: [{ type: 'listItem', content: [{ type: 'claimCitation', attrs: { claimId: 'clm_gone', articleId: nb.sampleId, quote } }] }],
          },
        ],
      };
      const id = (await nb.core.handlers.createBrief({ title: 'Hostile', doc })).id;
      const source = (await nb.core.handlers.exportBriefDocument({ briefId: id, format: 'md' })).content;
      return { source, dom: new JSDOM(md.render(source)).window.document };
    };

    for (const url of ['javascript:alert(1)', 'https://ok.example/> <img src=x onerror=alert(2)>', 'mailto:a> <img src=x onerror=alert(3)>']) {
      const { source, dom } = await rendered(url, 'first line\n\nsecond line');
      expect(dom.querySelector('img, script'), `${url}\n${source}`).toBeNull();
      expect([...dom.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
      for (const a of dom.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').toMatch(/^(https?:|mailto:|#)/);
      // The fence line is text: the citation and the sources after it are not swallowed by a code block.
      expect(dom.querySelector('pre')).toBeNull();
      expect(dom.body.textContent).toContain('~~~');
      // A hard break keeps the heading whole.
      expect(dom.querySelector('h3')?.textContent).toBe('Head tail');
      // The lost claim's two-line quote stays inside its list item's block quote.
      const item = dom.querySelector('ul > li');
      expect(item?.querySelector('blockquote')?.textContent).toContain('second line');
      // The mailto link ending in a backslash is still a link.
      expect([...dom.querySelectorAll('a')].some((a) => a.textContent === 'mail' && a.getAttribute('href') === 'mailto:x%5C')).toBe(true);
    }
    const { source } = await rendered('javascript:alert(1)', 'q');
    expect(source).not.toContain('javascript:');
    await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { url: 'https://example.org/talks' } });
  });
});

describe('a cited claim whose quote an edit lost', () => {
  it('is exported with its last quote and marked in Markdown, HTML and DOCX', async () => {
    const nb = await openTempNotebook();
    try {
      const { article, claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
      const [lost, kept] = claims;
      const doc = { type: 'doc', content: [cite(lost!), cite(kept!)] };
      const briefId = (await nb.core.handlers.createBrief({ title: 'Orphans', doc })).id;
      // Rewrite the lost claim's quote beyond recognition: it is orphaned, the other stays exact.
      const text = article.text.replace(lost!.target.quote.exact, 'Something else entirely was said here about other matters.');
      await nb.core.handlers.reviseArticleText({ articleId: nb.sampleId, text });
      expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).claims.find((c) => c.id === lost!.id)?.anchor.status).toBe('orphaned');

      const md = (await nb.core.handlers.exportBriefDocument({ briefId, format: 'md' })).content;
      expect(md).toContain(lost!.target.quote.exact.slice(0, 40));
      expect(md.match(/quote no longer found in the article’s current text/g)).toHaveLength(1);
      const html = (await nb.core.handlers.exportBriefDocument({ briefId, format: 'html' })).content;
      expect(new JSDOM(html).window.document.querySelectorAll('.citation .orphaned')).toHaveLength(1);
      const docx = await docxXml((await nb.core.handlers.exportBriefDocument({ briefId, format: 'docx' })).content);
      expect(docx.text).toContain('quote no longer found in the article’s current text');
    } finally {
      await nb.cleanup();
    }
  });
});
