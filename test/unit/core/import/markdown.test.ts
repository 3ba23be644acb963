import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../../../electron/core/import/markdown';
import { stripInlineMarkdown } from '../../../../electron/core/import/markdown-inline';
import { blockTexts, fixtureText } from './fixtures';

describe('importMarkdown on a real briefing', () => {
  const doc = importMarkdown(fixtureText('ceasefire-briefing.md'), 'ceasefire-briefing.md');

  it('reads front matter into the metadata', () => {
    expect(doc.meta).toEqual({
      title: 'Ceasefire monitors report calm along the river line',
      publishedAt: '2024-06-03',
      source: 'Field Notes Weekly',
      author: 'Ana Ruiz',
      url: 'https://fieldnotes.example.org/2024/06/river-line',
    });
  });

  it('lifts the leading heading that repeats the title out of the text', () => {
    expect(doc.text.startsWith('Monitors from the joint commission said the river line was quiet for a second week')).toBe(true);
  });

  it('strips inline markup and keeps headings, quotes and nested lists', () => {
    const texts = blockTexts(doc);
    expect(texts[0]).toBe(
      'Monitors from the joint commission said the river line was quiet for a second week, with no shelling reported near the old bridge.',
    );
    expect(texts.at(-1)).toBe('Both delegations will meet again in two weeks, the commission said in a statement.');
    expect(doc.blocks.map((b) => [b.kind, b.level ?? null, b.ordered ?? null])).toEqual([
      ['paragraph', null, null],
      ['heading', 2, null],
      ['quote', null, null],
      ['paragraph', null, null],
      ['list-item', 1, false],
      ['list-item', 1, false],
      ['list-item', 2, false],
      ['list-item', 1, true],
      ['list-item', 1, true],
      ['paragraph', null, null],
    ]);
    // A wrapped paragraph is one block.
    expect(texts[3]).toBe("The northern council wants the commission's mandate extended; the southern authority wants it reviewed first.");
    expect(doc.text).not.toMatch(/[*_#>[\]]/);
  });
});

describe('importMarkdown without front matter', () => {
  it('uses a leading level-1 heading as the title', () => {
    const doc = importMarkdown('# Talks resume\n\nThe talks resumed on Monday.\n\nBoth sides attended.', 'talks.md');
    expect(doc.meta.title).toBe('Talks resume');
    expect(doc.text).toBe('The talks resumed on Monday.\nBoth sides attended.');
  });
});

describe('stripInlineMarkdown', () => {
  it.each([
    ['**bold** and *em* and __b__ and _i_', 'bold and em and b and i'],
    ['see [the report](https://x.example/a_(b)) now', 'see the report now'],
    ['![a chart](chart.png) shows', 'a chart shows'],
    ['`a*b*c` stays', 'a*b*c stays'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['2 \\* 3 &amp; <span>x</span>', '2 * 3 & x'],
    ['~~old~~ new <https://x.example>', 'old new https://x.example'],
  ])('%s', (input, expected) => {
    expect(stripInlineMarkdown(input)).toBe(expected);
  });
});

describe('importMarkdown through markdown-it (issue 15)', () => {
  it('turns character references into characters, as a Markdown reader shows them', () => {
    const doc = importMarkdown('Talks resumed &mdash; briefly &#8212; on Monday, &ldquo;quietly&rdquo; &amp; calmly.\n', 'refs.md');
    expect(doc.text).toBe('Talks resumed — briefly — on Monday, “quietly” & calmly.');
  });

  it('keeps tables cell by cell, code lines verbatim (runs of spaces too), and the text of HTML blocks without their tags', () => {
    const source = [
      '| Actor | Stance |',
      '| --- | --- |',
      '| China | *opposes* |',
      '| United States | supports |',
      '',
      '```',
      'a  *  b',
      '```',
      '',
      '<div class="note"><p>Note from the <b>editor</b>.</p></div>',
      '',
      '> 1. quoted item',
    ].join('\n');
    const doc = importMarkdown(source, 'table.md');
    expect(blockTexts(doc)).toEqual([
      'Actor',
      'Stance',
      'China',
      'opposes',
      'United States',
      'supports',
      'a  *  b',
      'Note from the editor.',
      'quoted item',
    ]);
    expect(doc.blocks.slice(0, 6).map((b) => [b.kind, b.table, b.row, b.col, b.header ?? false])).toEqual([
      ['table-cell', 0, 0, 0, true],
      ['table-cell', 0, 0, 1, true],
      ['table-cell', 0, 1, 0, false],
      ['table-cell', 0, 1, 1, false],
      ['table-cell', 0, 2, 0, false],
      ['table-cell', 0, 2, 1, false],
    ]);
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'list-item', level: 1, ordered: true });
  });
});
