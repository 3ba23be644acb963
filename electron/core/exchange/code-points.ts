/**
 * Conversions between JavaScript string offsets (UTF-16 code units, what the store keeps) and
 * Unicode code point offsets (what W3C TextPositionSelector and REFI-QDA positions count).
 * They differ after every astral character, such as an emoji, which is two code units.
 */

/** The code point offset of a UTF-16 offset. An offset inside a surrogate pair counts as after it. */
export function toCodePointOffset(text: string, utf16Offset: number): number {
  let points = 0;
  for (let i = 0; i < utf16Offset && i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point: count it once, at the low half.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
      }
    }
    points += 1;
  }
  return points;
}

/** The UTF-16 offset of a code point offset; past the end gives the text's length. */
export function fromCodePointOffset(text: string, codePointOffset: number): number {
  let offset = 0;
  for (let points = 0; points < codePointOffset && offset < text.length; points += 1) {
    const code = text.codePointAt(offset) ?? 0;
    offset += code > 0xffff ? 2 : 1;
  }
  return offset;
}
