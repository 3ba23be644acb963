/**
 * Case and accent folding shared by the index, the query and phrase checks, so that "Zürich",
 * "ZURICH" and "zurich" are one word everywhere. Folding is NFD, combining marks removed,
 * lower case, done code point by code point so that positions in the folded text can be
 * mapped back to the original (for highlights).
 */

/** Text folded for matching, with the way back to original positions. */
export interface FoldedText {
  text: string;
  /**
   * For each index of `text` (and one past its end), the index in the original; null when
   * folding kept every position (the common case), so indices are the same in both.
   */
  map: Int32Array | null;
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
const COMBINING_MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Folded forms of the non-ASCII code points seen so far: few distinct ones recur a lot. */
const foldCache = new Map<string, string>();

function foldCodePoint(cp: string): string {
  let folded = foldCache.get(cp);
  if (folded === undefined) {
    folded = cp.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
    foldCache.set(cp, folded);
  }
  return folded;
}

/** Folds text, keeping a position map only when some code point changed length. */
export function foldText(text: string): FoldedText {
  // Plain ASCII (most English text): lower case keeps every position.
  if (!NON_ASCII.test(text)) return { text: text.toLowerCase(), map: null };
  // Next most common: a few accented letters and typographic quotes, each folding to one unit.
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    let sameLength = true;
    const folded = lower.replace(NON_ASCII_ALL, (unit) => {
      const f = foldCodePoint(unit);
      if (f.length !== 1) sameLength = false;
      return f;
    });
    if (sameLength) return { text: folded, map: null };
  }
  return foldWithMap(text);
}

/** The general case (decomposed input, letters that fold to more or fewer units): map every position. */
function foldWithMap(text: string): FoldedText {
  const parts: string[] = [];
  const offsets: number[] = [];
  let i = 0;
  for (const cp of text) {
    const folded = cp.charCodeAt(0) < 0x80 ? cp.toLowerCase() : foldCodePoint(cp);
    parts.push(folded);
    for (let k = 0; k < folded.length; k++) offsets.push(i);
    i += cp.length;
  }
  offsets.push(text.length);
  return { text: parts.join(''), map: Int32Array.from(offsets) };
}

/** Folds a word or phrase for comparison (no position map). */
export function foldTerm(term: string): string {
  return foldText(term).text;
}

/** The original position of a position in folded text. */
export function originalOffset(folded: FoldedText, index: number): number {
  if (!folded.map) return index;
  return folded.map[Math.min(index, folded.map.length - 1)] ?? index;
}

/**
 * Splits text into folded words: runs of letters and digits; everything else separates.
 * The index and the query use this same tokenizer, so they always agree on what a word is.
 */
export function tokenize(text: string): string[] {
  return foldText(text).text.match(WORD) ?? [];
}
