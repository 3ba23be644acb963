import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../../electron/core/documents/escape';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

const HOSTILE_NOTE = 'See <script>alert(1)</script> and [click](javascript:alert(2)) <img src=x onerror=alert(3)>';

describe('annotated brief export', () => {
  let nb: TempNotebook;
  beforeAll(async () => {
    nb = await openTempNotebook();
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: claims[0]!.id, patch: { note: HOSTILE_NOTE } });
    await nb.core.handlers.updateArticleMeta({ id: nb.sampleId, patch: { url: 'javascript:alert(4)', source: '<b>Wire</b>' } });
  });
  afterAll(() => nb.cleanup());

  it('keeps hostile notes inert in HTML: no script, no handler, no javascript: link', async () => {
    const file = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'html' });
    const dom = new JSDOM(file.content);
    const doc = dom.window.document;
    expect(doc.querySelectorAll('script, img, iframe, object')).toHaveLength(0);
    expect([...doc.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect([...doc.querySelectorAll('a')].some((a) => a.getAttribute('href')?.startsWith('javascript:'))).toBe(false);
    expect(doc.body.textContent).toContain(HOSTILE_NOTE);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain("default-src 'none'");
  });

  it('keeps hostile notes inert in Markdown', async () => {
    const file = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'md' });
    expect(file.content).not.toMatch(/(^|[^\\])\[click(^|[^\\])\]\(/);
    expect(file.content).not.toMatch(/(^|[^\\])<script/);
    expect(file.content).not.toContain('javascript:alert(4)');
    expect(file.content).toContain('\\[click\\](javascript:alert(2))');
  });

  it('groups claims by issue, then actor, with stance and proposition', async () => {
    const file = await nb.core.handlers.exportDocument({ articleId: nb.sampleId, kind: 'brief', format: 'md' });
    const taiwan = file.content.indexOf('## Taiwan');
    expect(taiwan).toBeGreaterThan(-1);
    const section = file.content.slice(taiwan, file.content.indexOf('\n## ', taiwan + 1));
    expect(section).toContain('### China');
    expect(section).toContain('**strongly opposes** · Taiwan independence · speaker: Wang Yi');
    expect(section).toContain('### United States');
  });
});

describe('escapeMarkdown', () => {
  it('leaves ordinary prose verbatim', () => {
    const prose = 'Both sides agreed to maintain high-level exchanges, e.g. China-US talks (2024).';
    expect(escapeMarkdown(prose)).toBe(prose);
  });
  it('escapes markup and block markers at line start', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('*bold* _em_ `code` <b>')).toBe('\\*bold\\* \\_em\\_ \\`code\\` \\<b\\>');
  });
});
