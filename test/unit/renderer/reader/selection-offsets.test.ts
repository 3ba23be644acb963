// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { offsetToPoint, pointToOffset, textPoints } from '../../../../renderer/src/features/reader/selection-offsets';

/**
 * An article body as ArticleBody draws it: blocks of segments, each segment one element with
 * data-seg, data-start and data-end around its text; text between blocks (the newline) is in none.
 */
function body(blocks: Array<Array<[number, number]>>, text: string): HTMLElement {
  const root = document.createElement('div');
  for (const segments of blocks) {
    const p = document.createElement('p');
    for (const [start, end] of segments) {
      const seg = document.createElement(segments.length > 1 ? 'mark' : 'span');
      seg.setAttribute('data-seg', '');
      seg.dataset.start = String(start);
      seg.dataset.end = String(end);
      seg.textContent = text.slice(start, end);
      p.append(seg);
    }
    root.append(p);
  }
  document.body.replaceChildren(root);
  return root;
}

const TEXT = 'First block of text.\nSecond block, cut in three.\nThird.';
//            0                   20 21                        48 49   55
const BLOCKS: Array<Array<[number, number]>> = [
  [[0, 20]],
  [
    [21, 27],
    [27, 34],
    [34, 48],
  ],
  [[49, 55]],
];

/** The old walk over every segment, as the reference. */
function walk(
  root: HTMLElement,
  offset: number,
  segments = root.querySelectorAll<HTMLElement>('[data-seg]'),
): { text: string; offset: number } | null {
  for (const seg of segments) {
    const start = Number(seg.dataset.start);
    if (offset >= start && offset <= Number(seg.dataset.end)) return { text: seg.textContent ?? '', offset: offset - start };
  }
  return null;
}

describe('textPoints', () => {
  it('finds every offset of the text where a walk over all segments finds it', () => {
    const root = body(BLOCKS, TEXT);
    const pointAt = textPoints(root);
    for (let offset = 0; offset <= TEXT.length + 2; offset++) {
      const point = pointAt(offset);
      const expected = walk(root, offset);
      expect(point && { text: point.node.textContent, offset: point.offset }, `offset ${offset}`).toEqual(expected);
    }
  });

  it('puts a boundary between two segments at the end of the first, and the text there reads on', () => {
    const root = body(BLOCKS, TEXT);
    const point = offsetToPoint(root, 27);
    expect(point?.node.textContent).toBe('Second');
    expect(point?.offset).toBe(6);
    expect(offsetToPoint(root, 28)?.node.textContent).toBe(' block,');
  });

  it('gives no point between blocks or past the text', () => {
    const pointAt = textPoints(body([[[0, 20]], [[21, 48]], [[51, 57]]], 'First block of text.\nSecond block, cut in three.\n\n\nThird.'));
    expect(pointAt(49)).toBeNull();
    expect(pointAt(50)).toBeNull();
    expect(pointAt(51)?.node.textContent).toBe('Third.');
    expect(pointAt(100)).toBeNull();
  });

  it('still finds offsets when segments are not in text order (a walk is the fallback)', () => {
    const text = 'abcdefghij';
    const root = body([[[5, 10]], [[0, 5]]], text);
    expect(offsetToPoint(root, 2)).toMatchObject({ offset: 2 });
    expect(offsetToPoint(root, 2)?.node.textContent).toBe('abcde');
    expect(offsetToPoint(root, 7)?.node.textContent).toBe('fghij');
  });

  it('agrees with the walk on a long article of many segments', () => {
    let text = '';
    const blocks: Array<Array<[number, number]>> = [];
    for (let b = 0; b < 120; b++) {
      const start = text.length;
      const words = Array.from({ length: 5 + (b % 7) }, (_, i) => `w${b}x${i}`).join(' ');
      text += `${words}\n`;
      const cuts = [start, start + 3, start + 3 + (b % 5), start + words.length].filter((c, i, all) => i === 0 || c > all[i - 1]!);
      blocks.push(cuts.slice(1).map((end, i) => [cuts[i]!, end]));
    }
    const root = body(blocks, text);
    const pointAt = textPoints(root);
    const segments = root.querySelectorAll<HTMLElement>('[data-seg]');
    for (let offset = 0; offset < text.length; offset += 7) {
      const point = pointAt(offset);
      expect(point && { text: point.node.textContent, offset: point.offset }, `offset ${offset}`).toEqual(walk(root, offset, segments));
    }
  });
});

describe('pointToOffset', () => {
  it('maps a point in a segment’s text to its canonical offset', () => {
    const root = body(BLOCKS, TEXT);
    const seg = root.querySelectorAll('[data-seg]')[2]!;
    expect(pointToOffset(root, seg.firstChild!, 3)).toBe(30);
  });

  it('maps an element boundary to the first segment after it, and past the end to the end', () => {
    const root = body(BLOCKS, TEXT);
    const [first, second, third] = [...root.querySelectorAll('p')];
    expect(pointToOffset(root, second!, 0)).toBe(21);
    expect(pointToOffset(root, second!, 2)).toBe(34);
    expect(pointToOffset(root, first!, 1)).toBe(21);
    expect(pointToOffset(root, third!, 1)).toBe(55);
    expect(pointToOffset(root, root, 0)).toBe(0);
  });
});
