/**
 * A typographically normalised copy of a text with a map back to the original offsets, so that
 * matching can ignore curly vs straight quotes, dash variants and whitespace runs while results
 * are still reported in the article's own offsets.
 */
export interface NormalizedText {
  /** The normalised copy. */
  readonly text: string;
  /** Length of the text the copy was made from. */
  readonly originalLength: number;
  /** Original offset where the normalised character at `offset` came from (`text.length` maps to the original length). */
  toOriginalStart(offset: number): number;
  /** Original offset just after the normalised character at `offset - 1`, for half-open range ends. */
  toOriginalEnd(offset: number): number;
  /** Normalised offset of the character at original `offset` (or of the next kept character). */
  toNormalizedOffset(offset: number): number;
}

const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC']);
const DOUBLE_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB']);
// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign.
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
// Soft hyphen, zero-width space/joiners, byte order mark: invisible, so an edit adding or
// removing them must not move or break a claim.
const INVISIBLE = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);
const WHITESPACE = /\s/;

/**
 * Maps one character to its normalised spelling: `''` drops it, `' '` marks whitespace (runs of
 * which collapse to one space). Exported so quotes and context use the very same rules as text.
 */
export function normalizeChar(char: string): string {
  if (SINGLE_QUOTES.has(char)) return "'";
  if (DOUBLE_QUOTES.has(char)) return '"';
  if (DASHES.has(char)) return '-';
  if (INVISIBLE.has(char)) return '';
  if (char === '\u2026') return '...';
  if (WHITESPACE.test(char)) return ' ';
  return char;
}

/**
 * Normalises `text` for matching: curly quotes become straight, dash variants become `-`, the
 * ellipsis becomes `...`, invisible characters go, and every run of whitespace (spaces, tabs,
 * newlines, no-break spaces) becomes one space. Letter case is kept: case changes are real
 * edits. Runs in one pass, O(n) time and memory.
 */
export function normalizeText(text: string): NormalizedText {
  const parts: string[] = [];
  // map[i] is the original offset of normalised character i; an Int32Array keeps 600 KB texts
  // at a few MB rather than a boxed-number array.
  let map = new Int32Array(text.length + 1);
  let length = 0;
  let previousWasSpace = false;

  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Printable ASCII never changes; skipping the lookups keeps large articles cheap.
    const replacement = code > 32 && code < 127 ? text.charAt(i) : normalizeChar(text.charAt(i));
    if (replacement === '') continue;
    if (replacement === ' ') {
      if (previousWasSpace) continue;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
    }
    if (length + replacement.length > map.length) {
      const grown = new Int32Array(map.length * 2 + replacement.length);
      grown.set(map);
      map = grown;
    }
    for (let k = 0; k < replacement.length; k += 1) {
      map[length] = i;
      length += 1;
    }
    parts.push(replacement);
  }

  const normalized = parts.join('');
  const originalLength = text.length;
  const finalMap = map;

  return {
    text: normalized,
    originalLength,
    toOriginalStart(offset) {
      if (offset >= length) return originalLength;
      return finalMap[Math.max(0, offset)] ?? originalLength;
    },
    toOriginalEnd(offset) {
      if (offset <= 0) return finalMap[0] ?? 0;
      if (offset > length) return originalLength;
      return (finalMap[offset - 1] ?? originalLength - 1) + 1;
    },
    toNormalizedOffset(offset) {
      // The map is non-decreasing, so a binary search finds the first kept character at or
      // after `offset`.
      let low = 0;
      let high = length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((finalMap[middle] ?? originalLength) < offset) low = middle + 1;
        else high = middle;
      }
      return low;
    },
  };
}

/** The normalised spelling of a short string such as a quote or its context. */
export function normalizeString(value: string): string {
  return normalizeText(value).text;
}
