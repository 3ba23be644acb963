import { describe, expect, it } from 'vitest';
import { rebuildBlocks } from '../../../../electron/core/articles/rebuild-blocks';
import { importMarkdown } from '../../../../electron/core/import/markdown';
import { importPlainText } from '../../../../electron/core/import/plain-text';

describe('rebuildBlocks keeps what an edit did not touch', () => {
  it('keeps table cells (table, row, column, header) on unchanged lines', () => {
    const doc = importMarkdown('Votes on the allocation.\n\n| Delegation | Vote |\n| --- | --- |\n| North | For |\n', 'votes.md');
    const edited = doc.text.replace('Votes on the allocation.', 'Votes on the river allocation.');
    const { blocks } = rebuildBlocks(doc, edited);
    expect(blocks.map((b) => [b.kind, b.table ?? null, b.row ?? null, b.col ?? null, b.header ?? false])).toEqual([
      ['paragraph', null, null, null, false],
      ['table-cell', 0, 0, 0, true],
      ['table-cell', 0, 0, 1, true],
      ['table-cell', 0, 1, 0, false],
      ['table-cell', 0, 1, 1, false],
    ]);
  });

  it('keeps runs of spaces and line breaks of unchanged plain-text lines, and normalises a changed line', () => {
    const doc = importPlainText(
      'The count ended at midnight, officials said after checking the ballots.\n\nNorth    412\nSouth    388\n',
      'votes.txt',
    );
    const edited = doc.text.replace('The count ended at midnight,', 'The  count   ended at one,');
    const rebuilt = rebuildBlocks(doc, edited);
    expect(rebuilt.text).toBe('The count ended at one, officials said after checking the ballots.\nNorth    412\nSouth    388');
    expect(rebuilt.blocks.map((b) => b.lineBreak ?? false)).toEqual([false, false, true]);
  });
});
