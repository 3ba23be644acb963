// Issue 16: metadata that looks authoritative but is wrong is cleaned, or left empty.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/core/import';
import { cleanAuthor, cleanTitle } from '../../../../electron/core/import/meta-clean';

describe('cleanAuthor', () => {
  it.each([
    ['by Lucas Nolan22 Dec 2016651', null, 'Lucas Nolan'],
    ['By Ana Ruiz', null, 'Ana Ruiz'],
    ['Written by: Jane Doe, March 3, 2024', null, 'Jane Doe'],
    ['2024-08-29', null, null],
    ['22 Dec 2016', null, null],
    ['BBC News', 'BBC News', null],
    ['https://example.org/staff/x', null, null],
    ['J', null, null],
    ['Wang Yi and Jake Sullivan', null, 'Wang Yi and Jake Sullivan'],
  ])('%s (site %s) → %s', (raw, site, expected) => {
    expect(cleanAuthor(raw, site)).toBe(expected);
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Talks resume in Geneva - BBC News', null, 'Talks resume in Geneva'],
    ['Talks resume in Geneva | Field Notes Weekly', 'Field Notes Weekly', 'Talks resume in Geneva'],
    ['Rappler: Manila protests', 'Rappler', 'Manila protests'],
    ['47698', null, null],
    ['10811.exe', null, null],
    ['x', null, null],
    ['Ceasefire: what the deal says', null, 'Ceasefire: what the deal says'],
    ['Vote - and what comes next', null, 'Vote - and what comes next'],
  ])('%s (site %s) → %s', (raw, site, expected) => {
    expect(cleanTitle(raw, site)).toBe(expected);
  });
});

describe('importFile cleans what every importer found', () => {
  it('a page titled with the site suffix and a dated byline gets a clean title and author', async () => {
    const page = `<!doctype html><html><head><title>Monitors report calm - The Daily Star</title><meta name="author" content="By Ana Ruiz 3 Jun 2024"><meta property="og:site_name" content="The Daily Star"></head>
      <body><article><h1>Monitors report calm</h1><p>${'Monitors from the joint commission said the river line was quiet for a second week. '.repeat(6)}</p></article></body></html>`;
    const doc = await importFile({ name: 'page.html', bytes: new TextEncoder().encode(page) });
    expect(doc.meta).toMatchObject({ title: 'Monitors report calm', author: 'Ana Ruiz', source: 'The Daily Star' });
  });

  it('a junk title (a page number) gives way to the first sentence', async () => {
    const md = '---\ntitle: 47698\nauthor: 12 May 2024\n---\n\nThe ministers met on Monday. They agreed.\n';
    const doc = await importFile({ name: 'note.md', bytes: new TextEncoder().encode(md) });
    expect(doc.meta.title).toBe('The ministers met on Monday');
    expect(doc.meta.author).toBeUndefined();
  });
});
