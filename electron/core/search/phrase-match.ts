import { foldText, originalOffset } from './fold-text';
import type { QueryPhrase } from './query-parser';
import { fieldText, SEARCH_FIELDS, type CodingNames, type SearchField } from './search-fields';
import type { SearchRecord } from './search-records';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * A pattern finding a phrase in folded text: its words in order, separated by anything that is
 * not a letter or digit (spaces, punctuation, line breaks), whole words only, except that the
 * last word of a phrase still being typed may be a prefix. MiniSearch has no positions, so a
 * phrase is matched word by word in the index and then confirmed with this pattern.
 */
export function phrasePattern(phrase: QueryPhrase): RegExp {
  // Words come from the tokenizer: only letters and digits, nothing to escape.
  const body = phrase.words.join('[^\\p{L}\\p{N}]+');
  return new RegExp(`${NOT_WORD_BEFORE}${body}${phrase.lastIsPrefix ? '' : NOT_WORD_AFTER}`, 'gu');
}

const NON_ASCII = /[\u0080-\uffff]/;
/** Characters kept either side of a raw match when it is confirmed on folded text. */
const CONFIRM_MARGIN = 8;
/** Raw matches confirmed before folding the whole text instead. */
const MAX_CONFIRMS = 3;
/** How far a window may widen to reach a word edge. */
const MAX_WIDEN = 64;
/**
 * Whether a window edge next to this character (undefined: the text's own edge) is a word edge
 * either way: ASCII punctuation, space or control folds to itself and is no part of a word.
 */
const safeEdge = (char: string | undefined): boolean => {
  if (char === undefined) return true;
  const code = char.charCodeAt(0);
  return code < 0x80 && !((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
};

/** The same pattern, case-insensitive, to run on unfolded text (cached per pattern). */
const rawPatterns = new WeakMap<RegExp, RegExp>();
function rawPattern(pattern: RegExp): RegExp {
  let raw = rawPatterns.get(pattern);
  if (!raw) rawPatterns.set(pattern, (raw = new RegExp(pattern.source, 'giu')));
  return raw;
}

/**
 * Whether the folded text holds the pattern, folding only when it must. Plain ASCII text: a
 * case-insensitive match on the text itself is the same test. Otherwise a case-insensitive
 * match on the text, confirmed by folding a few characters around it, proves a match; only
 * when that fails is the whole text folded (accented words the raw pattern cannot see).
 */
function textHasPattern(text: string, pattern: RegExp): boolean {
  if (!text) return false;
  // Case-insensitive matching maps a few non-ASCII letters to ASCII ones (ſ → s): only for ASCII words.
  if (NON_ASCII.test(pattern.source)) {
    pattern.lastIndex = 0;
    return pattern.test(foldText(text).text);
  }
  const raw = rawPattern(pattern);
  if (!NON_ASCII.test(text)) {
    raw.lastIndex = 0;
    return raw.test(text);
  }
  raw.lastIndex = 0;
  let tries = 0;
  for (const match of text.matchAll(raw)) {
    if (++tries > MAX_CONFIRMS) break;
    // Folded on its own, the window must see the same word edges as the whole text would:
    // widen it to ASCII non-word characters (or the text's edges).
    let from = Math.max(0, match.index - CONFIRM_MARGIN);
    let to = Math.min(text.length, match.index + match[0].length + CONFIRM_MARGIN);
    const floor = Math.max(0, from - MAX_WIDEN);
    const ceiling = Math.min(text.length, to + MAX_WIDEN);
    while (from > floor && !safeEdge(text[from - 1])) from--;
    while (to < ceiling && !safeEdge(text[to])) to++;
    if (!safeEdge(text[from - 1]) || !safeEdge(text[to])) continue;
    pattern.lastIndex = 0;
    if (pattern.test(foldText(text.slice(from, to)).text)) return true;
  }
  pattern.lastIndex = 0;
  return pattern.test(foldText(text).text);
}

/**
 * Whether some field of the record holds each phrase (all phrases need not share a field).
 * `fields` limits the check to the fields where the index matched the query's words, so a long
 * body is checked only when the words are in it.
 */
export function recordHasPhrases(record: SearchRecord, patterns: RegExp[], names: CodingNames, fields: Iterable<string> = SEARCH_FIELDS): boolean {
  const candidates = [...new Set(fields)] as SearchField[];
  return patterns.every((pattern) => candidates.some((field) => textHasPattern(fieldText(record, field, names), pattern)));
}

/** Every match of the patterns in a field's original text, as [start, end) ranges there. */
export function phraseRanges(text: string, patterns: RegExp[]): [number, number][] {
  if (patterns.length === 0 || !text) return [];
  const folded = foldText(text);
  const ranges: [number, number][] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const match of folded.text.matchAll(pattern)) {
      ranges.push([originalOffset(folded, match.index), originalOffset(folded, match.index + match[0].length)]);
    }
  }
  return ranges;
}
