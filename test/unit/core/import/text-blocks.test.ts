import { describe, expect, it } from 'vitest';
import { BlockSchema } from '../../../../shared/model/article';
import { buildTextBlocks } from '../../../../electron/core/import/text-blocks';

describe('buildTextBlocks', () => {
  it('joins block texts with newlines and records each range', () => {
    const { text, blocks } = buildTextBlocks([
      { kind: 'heading', text: 'Talks', level: 1 },
      { kind: 'paragraph', text: 'First  paragraph\twith\nspaces. ' },
      { kind: 'list-item', text: 'item', level: 2, ordered: true },
    ]);
    expect(text).toBe('Talks\nFirst paragraph with spaces.\nitem');
    expect(blocks).toEqual([
      { kind: 'heading', start: 0, end: 5, level: 1 },
      { kind: 'paragraph', start: 6, end: 34 },
      { kind: 'list-item', start: 35, end: 39, level: 2, ordered: true },
    ]);
    for (const b of blocks) expect(BlockSchema.parse(b)).toEqual(b);
  });

  it('drops blocks that are empty after normalising and clamps levels to 1-6', () => {
    const { text, blocks } = buildTextBlocks([
      { kind: 'paragraph', text: ' \u00a0 \u200b' },
      { kind: 'heading', text: 'Deep', level: 9 },
      { kind: 'list-item', text: 'bullet' },
    ]);
    expect(text).toBe('Deep\nbullet');
    expect(blocks[0]).toMatchObject({ level: 6 });
    expect(blocks[1]).toMatchObject({ kind: 'list-item', ordered: false });
  });

  it('gives an empty text for no blocks', () => {
    expect(buildTextBlocks([])).toMatchObject({ text: '', blocks: [] });
  });
});

describe('faithful text and the normalisation record', () => {
  it('keeps runs of spaces in verbatim blocks, collapses them in layout blocks, and counts what changed', () => {
    const { text, normalisation } = buildTextBlocks([
      { kind: 'paragraph', text: 'Name    Votes\tShare', verbatim: true },
      { kind: 'paragraph', text: '  Laid   out\n  by\u00a0HTML ' },
      { kind: 'paragraph', text: 'zero\u200Bwidth, soft\u00ADhyphen, joiner: \u0646\u200C\u0645' },
    ]);
    expect(text).toBe('Name    Votes\tShare\nLaid out by HTML\nzerowidth, softhyphen, joiner: \u0646\u200C\u0645');
    expect(normalisation).toMatchObject({
      collapsedWhitespace: 4,
      trimmedWhitespace: 3,
      removedZeroWidth: 1,
      removedSoftHyphens: 1,
      replacedSpaces: 1,
      droppedEmptyBlocks: 0,
    });
  });

  it('maps every offset of the article back into the extracted text', () => {
    const drafts = [
      { kind: 'paragraph' as const, text: ' \u200B ' },
      { kind: 'paragraph' as const, text: '  The\u00ADtalks   resumed \u200Btoday. ' },
      { kind: 'paragraph' as const, text: 'Second\t\tparagraph.', verbatim: true },
      { kind: 'paragraph' as const, text: 'After two blank lines.', verbatim: true, blankLinesBefore: 2 },
    ];
    const extracted = drafts.map((d, i) => (i > 0 && d.blankLinesBefore ? '\n'.repeat(d.blankLinesBefore) : '') + d.text).join('\n');
    const { text, normalisation } = buildTextBlocks(drafts);
    const toSource = (offset: number) => offset + normalisation.removals.filter(([at]) => at <= offset).reduce((n, [, c]) => n + c, 0);
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i]!;
      const source = extracted[toSource(i)]!;
      // A kept character maps onto itself; a space may stand for a no-break space or a line break.
      if (ch === ' ') expect(/\s/.test(source), `offset ${i}`).toBe(true);
      else expect(source, `offset ${i} (${JSON.stringify(text.slice(i, i + 10))})`).toBe(ch);
    }
    expect(normalisation.collapsedBlankLines).toBe(2);
    expect(normalisation.droppedEmptyBlocks).toBe(1);
  });
});
