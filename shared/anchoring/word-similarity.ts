import { editDistance } from './edit-distance';
import { tokenize } from './text-index';

/**
 * How much of a quote's wording survives in `actual`, word by word: 1 − (word-level Levenshtein
 * distance / the longer one's word count), words compared without case. A reworded quote (a
 * quarter of its words swapped for others) keeps about 0.75 of its words, though a swapped long
 * word costs many character edits; character similarity undersells that, word similarity
 * undersells a typo. The anchoring takes the better of the two.
 */
export function wordSimilarity(expected: string, actual: string): number {
  const a = tokenize(expected).map((t) => t.word);
  const b = tokenize(actual).map((t) => t.word);
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return expected === actual ? 1 : 0;
  if (a.length === 0 || b.length === 0) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return 1 - previous[b.length]! / longer;
}

/**
 * The share of `expected`'s words that still stand, in order, in `actual` (the longest common
 * subsequence of the two texts' words, over `expected`'s word count). Words are compared without
 * case, and a copy-editor's change still counts as the word (one edit; two in a word of six
 * letters or more). Under a third means the claim's wording is gone from the stretch, whatever
 * else speaks for its place. With `enough`, a share of at least `enough` may be reported as the
 * share of words kept verbatim (a lower bound), which is cheaper.
 */
export function wordsKept(expected: string, actual: string, enough = 1): number {
  const a = tokenize(expected).map((t) => t.word);
  const b = tokenize(actual).map((t) => t.word);
  if (a.length === 0) return expected.trim() === actual.trim() ? 1 : 0;
  // The words kept verbatim are a lower bound: when they reach `enough` (all a caller asks, e.g.
  // "a third?"), the typo-tolerant count, a word pair at a time, is not needed.
  const verbatim = commonWords(a, b, (x, y) => x === y) / a.length;
  return verbatim >= enough ? verbatim : commonWords(a, b, sameWord) / a.length;
}

/** The longest common subsequence of two word lists, words matched by `same`. */
function commonWords(a: string[], b: string[], same: (x: string, y: string) => boolean): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  let current = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    current[0] = 0;
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = same(word, b[j - 1]!) ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 3 || Math.abs(a.length - b.length) > 2) return false;
  return editDistance(a, b, 2) <= (shorter >= 6 ? 2 : 1);
}
