import { describe, expect, it } from 'vitest';
import { importHtml } from '../../../../electron/core/import/html';
import { blockTexts, fixtureText } from './fixtures';

describe('importHtml on a saved news page', () => {
  const article = fixtureText('us-china-talks-2024.txt').split('\n');
  const doc = importHtml(fixtureText('us-china-talks-2024.html'), 'us-china-talks-2024.html');

  it('reads metadata from Open Graph, meta tags, canonical link, lang and JSON-LD', () => {
    expect(doc.meta).toEqual({
      title: 'US and China agree to expand military contact and hold second round of AI talks',
      author: 'Lin Hart and Daniel Osei',
      source: 'The Example Herald',
      publishedAt: '2024-08-29',
      url: 'https://news.example.org/world/asia/us-china-talks-ai-military-contact',
      language: 'en-GB',
      standfirst: article[1],
    });
    expect(doc.origin).toEqual({ kind: 'html', name: 'us-china-talks-2024.html' });
  });

  it('extracts exactly the body paragraphs, verbatim', () => {
    const texts = blockTexts(doc);
    expect(texts).toEqual(article.slice(2, 11));
    expect(texts[0]).toBe(article[2]);
    expect(texts.at(-1)).toBe(article[10]);
  });

  it('leaves out navigation, ads, related links, newsletter, comments and footer', () => {
    for (const furniture of [
      'Skip to content',
      'Advertisement',
      'Related',
      'Taiwan Strait drills',
      'Sign up',
      'reader_71',
      'Most read',
      'cookies',
      'All rights reserved',
      'Breaking',
    ]) {
      expect(doc.text).not.toContain(furniture);
    }
  });
});

describe('importHtml structure and fallbacks', () => {
  it('maps headings, quotes and lists, with nesting and numbering', () => {
    const html = `<html><head><title>Plan</title></head><body><article>
      <h2>Background</h2><p>${'Long enough paragraph of article text. '.repeat(8)}</p>
      <blockquote><p>We will hold the line.</p></blockquote>
      <ol><li>First step<ul><li>detail</li></ul></li><li>Second step</li></ol>
    </article></body></html>`;
    const doc = importHtml(html, 'plan.html');
    expect(doc.meta.title).toBe('Plan');
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.ordered ?? null])).toEqual([
      ['heading', 2, null],
      ['paragraph', null, null],
      ['quote', null, null],
      ['list-item', 1, true],
      ['list-item', 2, false],
      ['list-item', 1, true],
    ]);
    expect(blockTexts(doc).slice(2)).toEqual(['We will hold the line.', 'First step', 'detail', 'Second step']);
  });

  it('takes the body of a short page Readability declines', () => {
    const doc = importHtml('<p>Just one line.</p>', 'short.html');
    expect(doc.text).toBe('Just one line.');
    expect(doc.meta.title).toBe('Just one line');
  });

  it('refuses a page with no text', () => {
    expect(() => importHtml('<html><body><img src="a.png"><script>x()</script></body></html>', 'blank.html')).toThrow(
      expect.objectContaining({ code: 'empty', message: expect.stringMatching(/^blank\.html .*import it again\.$/) }),
    );
  });
});
