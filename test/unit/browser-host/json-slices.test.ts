import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../../electron/browser-host/json-slices';

describe('JSON answers in slices (the browser host)', () => {
  it('sends a small answer as one piece, exactly JSON.stringify', () => {
    const body = { ok: true, value: { title: 'Talks "resume"', n: [1, 2] } };
    expect([...jsonPieces(body, 16)]).toEqual([JSON.stringify(body)]);
  });

  it('cuts large strings into escaped slices that join into the same JSON, whatever is cut', () => {
    // Quotes, backslashes, line breaks, control characters, NULs, a pair of surrogates cut in half
    // at many slice edges, and text that looks like the placeholder.
    const awkward = 'a"b\\c\nd\r\te\u0000f\u0001 😀 ü ' + '\u0000placeholder-0\u0000';
    const content = awkward.repeat(40);
    const body = { ok: true, value: { filename: 'x.csv', content, encoding: 'utf8', more: [content.slice(3), 'short'] } };
    for (const slice of [7, 8, 33, 64]) {
      const pieces = [...jsonPieces(body, slice)];
      expect(pieces.length).toBeGreaterThan(10);
      const text = pieces.join('');
      expect(JSON.parse(text)).toEqual(body);
    }
  });

  it('keeps several large strings in their places', () => {
    const body = [{ a: 'x'.repeat(100) }, 'y'.repeat(250), { b: 'z'.repeat(99), c: 'short' }];
    const pieces = [...jsonPieces(body, 50)];
    expect(pieces.join('')).toBe(JSON.stringify(body));
  });
});
