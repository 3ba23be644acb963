import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/import';
import { readHtmlMetaWithSources } from '../../../../electron/core/import/html-meta';
import { parseInertHtml } from '../../../../electron/core/import/safe-dom';

function metaOf(head: string, body = ''): ReturnType<typeof readHtmlMetaWithSources> {
  const dom = parseInertHtml(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`);
  try {
    return readHtmlMetaWithSources(dom.window.document);
  } finally {
    dom.window.close();
  }
}

const ld = (article: Record<string, unknown>) =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...article })}</script>`;

describe('competing metadata sources on a page', () => {
  it('prefers JSON-LD NewsArticle author and date over meta tags and the byline, and says where they disagree', () => {
    const { meta, notes } = metaOf(
      `${ld({
        headline: 'Council keeps library open',
        author: [
          { '@type': 'Person', name: 'Ana Ruiz' },
          { '@type': 'Person', name: 'Tom Lee' },
        ],
        datePublished: '2024-03-05T09:00:00Z',
      })}
       <meta name="author" content="Web Desk"><meta property="article:published_time" content="2024-03-06T10:00:00Z">
       <meta property="og:site_name" content="The Example Gazette">`,
      '<p class="byline">By Ana Ruiz and Tom Lee</p>',
    );
    expect(meta).toMatchObject({
      author: 'Ana Ruiz and Tom Lee',
      publishedAt: '2024-03-05',
      title: 'Council keeps library open',
      source: 'The Example Gazette',
    });
    expect(notes).toEqual([
      "The page's sources disagree on the author: kept “Ana Ruiz and Tom Lee” (JSON-LD author); meta author says “Web Desk”.",
      "The page's sources disagree on the publication date: kept “2024-03-05” (JSON-LD datePublished); article:published_time says “2024-03-06”.",
    ]);
  });

  it('skips a source whose value is junk and takes the next: a date as author, the site as author, a page number as title', () => {
    const { meta, notes } = metaOf(
      `${ld({ headline: '47698', author: { '@type': 'Organization', name: 'The Example Gazette' }, datePublished: 'yesterday' })}
       <meta name="author" content="22 Dec 2016"><meta property="og:site_name" content="The Example Gazette">
       <meta property="og:title" content="Port strike enters second week - The Example Gazette">
       <meta name="date" content="2016-12-22">`,
      '<div class="byline">by Lucas Nolan22 Dec 2016651</div>',
    );
    expect(meta).toMatchObject({ author: 'Lucas Nolan', title: 'Port strike enters second week', publishedAt: '2016-12-22' });
    // Junk never counts as a disagreeing source.
    expect(notes).toEqual([]);
  });

  it('falls back to <title> without the site suffix, and to the first <time> on the page for the date', () => {
    const { meta } = metaOf(
      '<title>Floods close the ring road | Example News</title>',
      '<article><time datetime="2025-01-14">14 January</time></article>',
    );
    expect(meta).toMatchObject({ title: 'Floods close the ring road', publishedAt: '2025-01-14' });
    expect(meta.author).toBeUndefined();
  });

  it('takes the byline element when the head names no author; rel=author links are joined as a byline', () => {
    expect(
      metaOf('<title>Talks</title>', '<div><a rel="author" href="/a">Lin Hart</a> and <a rel="author" href="/b">Daniel Osei</a></div>').meta.author,
    ).toBe('Lin Hart and Daniel Osei');
    expect(metaOf('<title>Talks</title>', '<span itemprop="author"><span itemprop="name">Maria Okafor</span></span>').meta.author).toBe(
      'Maria Okafor',
    );
  });

  it('keeps the disagreement as an import note on the article', async () => {
    const page = `<!doctype html><html><head><title>Library vote</title>${ld({ headline: 'Library vote', author: 'Ana Ruiz' })}<meta name="author" content="Tom Lee"></head>
      <body><article><p>${'The council voted to keep the library open on Sundays after a long meeting. '.repeat(5)}</p></article></body></html>`;
    const doc = await importFile({ name: 'vote.html', bytes: new TextEncoder().encode(page) });
    expect(doc.meta.author).toBe('Ana Ruiz');
    expect(doc.notes).toEqual(["The page's sources disagree on the author: kept “Ana Ruiz” (JSON-LD author); meta author says “Tom Lee”."]);
  });
});
