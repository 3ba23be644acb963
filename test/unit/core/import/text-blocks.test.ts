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
    expect(buildTextBlocks([])).toEqual({ text: '', blocks: [] });
  });
});
