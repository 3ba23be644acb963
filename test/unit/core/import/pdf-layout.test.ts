import { describe, expect, it } from 'vitest';
import { dropPageFurniture, joinLine, linesToBlockDrafts, pageLines, type PdfLine } from '../../../../electron/core/import/pdf-layout';

const line = (text: string, y: number, page = 0, size = 10, x = 50): PdfLine => ({ text, x, y, size, page });

describe('pageLines', () => {
  it('groups runs on a baseline into a line and adds missing word spaces', () => {
    const lines = pageLines(
      {
        height: 800,
        items: [
          { str: 'world', x: 82, y: 700, size: 10, width: 25 },
          { str: 'Hello', x: 50, y: 700.5, size: 10, width: 25 },
          { str: 'Next line', x: 50, y: 688, size: 10, width: 40 },
        ],
      },
      0,
    );
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'Next line']);
  });
});

describe('joinLine', () => {
  it.each([
    ['negoti-', 'ations began', 'negotiations began'],
    ['soft\u00ad', 'hyphen', 'softhyphen'],
    ['we can not hallow', '—this ground', 'we can not hallow—this ground'],
    ['Anglo-', 'French talks', 'Anglo-French talks'],
    ['ends here', 'next', 'ends here next'],
  ])('%s + %s', (a, b, expected) => {
    expect(joinLine(a, b)).toBe(expected);
  });
});

describe('dropPageFurniture', () => {
  it('drops lines repeated at the same height on most pages, and bare page numbers', () => {
    const pages = [0, 1, 2].map((p) => [
      line(`Quarterly Review ${2024}`, 770, p),
      line(`Body text of page ${p + 1}.`, 600, p),
      line(`Page ${p + 1} of 3`, 30, p),
    ]);
    pages[2]!.push(line('7', 20, 2));
    const kept = dropPageFurniture(pages, [800, 800, 800])
      .flat()
      .map((l) => l.text);
    expect(kept).toEqual(['Body text of page 1.', 'Body text of page 2.', 'Body text of page 3.']);
  });

  it('keeps everything but page numbers on a single page', () => {
    const kept = dropPageFurniture([[line('Only page heading', 770), line('3', 20)]], [800]).flat();
    expect(kept.map((l) => l.text)).toEqual(['Only page heading']);
  });
});

describe('linesToBlockDrafts', () => {
  it('starts paragraphs at larger gaps and font changes, mends hyphenated breaks', () => {
    const drafts = linesToBlockDrafts([
      line('A Heading', 760, 0, 18),
      line('The first paragraph runs over', 730),
      line('two lines with a hyphen-', 718),
      line('ated word.', 706),
      line('A second paragraph after a gap.', 686),
      line('It continues on the next', 674),
      line('page without a break.', 760, 1),
    ]);
    expect(drafts).toEqual([
      { kind: 'heading', level: 1, text: 'A Heading' },
      { kind: 'paragraph', text: 'The first paragraph runs over two lines with a hyphenated word.' },
      { kind: 'paragraph', text: 'A second paragraph after a gap. It continues on the next page without a break.' },
    ]);
  });

  it('starts a paragraph at an indented line after a finished sentence', () => {
    const drafts = linesToBlockDrafts([
      line('First paragraph ends here.', 700),
      line('Second starts indented', 688, 0, 10, 70),
      line('and goes on.', 676),
    ]);
    expect(drafts.map((d) => d.text)).toEqual(['First paragraph ends here.', 'Second starts indented and goes on.']);
  });
});
