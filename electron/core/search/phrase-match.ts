import { foldText, originalOffset, tokenize } from './fold-text';
import type { QueryPhrase } from './query-parser';
import { fieldText, SEARCH_FIELDS, type CodingNames, type SearchField } from './search-fields';
import type { SearchRecord } from './search-records';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/** What a phrase pattern was made from, for the fast ASCII check. */
interface PhraseInfo {
  words: string[];
  lastIsPrefix: boolean;
  /**
   * The same phrase over unfolded text, ASCII case-insensitive, with ASCII word edges; null when
   * a word is not plain ASCII. See textHasPattern for why its misses are conclusive.
   */
  ascii: RegExp | null;
}
const phraseInfo = new WeakMap<RegExp, PhraseInfo>();
const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * A pattern finding a phrase in folded text: its words in order, separated by anything that is
 * not a letter or digit (spaces, punctuation, line breaks), whole words only, except that the
 * last word of a phrase still being typed may be a prefix. MiniSearch has no positions, so a
 * phrase is matched word by word in the index and then confirmed with this pattern.
 */
export function phrasePattern(phrase: QueryPhrase): RegExp {
  // Words come from the tokenizer: only letters and digits, nothing to escape.
  const body = phrase.words.join('[^\\p{L}\\p{N}]+');
  const pattern = new RegExp(`${NOT_WORD_BEFORE}${body}${phrase.lastIsPrefix ? '' : NOT_WORD_AFTER}`, 'gu');
  const ascii = phrase.words.every((w) => ASCII_WORD.test(w))
    ? new RegExp(`(?<![A-Za-z0-9])${phrase.words.join('[^A-Za-z0-9]+')}${phrase.lastIsPrefix ? '' : '(?![A-Za-z0-9])'}`, 'gi')
    : null;
  phraseInfo.set(pattern, { words: phrase.words, lastIsPrefix: phrase.lastIsPrefix, ascii });
  return pattern;
}

const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;
/** Characters kept either side of a raw match when it is confirmed on folded text. */
const CONFIRM_MARGIN = 8;
/** Raw matches confirmed before folding the whole text instead. */
const MAX_CONFIRMS = 3;
/** How far a window may widen to reach a word edge. */
const MAX_WIDEN = 64;
/** Texts this long or longer keep their accented words cached (see accentedWords). */
const CACHE_FROM_CHARS = 1000;
/**
 * Whether a window edge next to this character (undefined: the text's own edge) is a word edge
 * either way: ASCII punctuation, space or control folds to itself and is no part of a word.
 */
const safeEdge = (char: string | undefined): boolean => {
  if (char === undefined) return true;
  const code = char.charCodeAt(0);
  return code < 0x80 && !((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
};

/**
 * The folded words of a text that hold a non-ASCII character in the original ("zurich" for
 * "Zürich", "foreign" for a decomposed "foreigñ"): the only words an ASCII match on the
 * unfolded text can miss. Each non-ASCII character is widened to the nearest ASCII non-word
 * characters (which fold to themselves), so the window's words are the whole text's words.
 */
function accentedWords(text: string): Set<string> {
  const words = new Set<string>();
  NON_ASCII_ALL.lastIndex = 0;
  for (let m = NON_ASCII_ALL.exec(text); m; m = NON_ASCII_ALL.exec(text)) {
    let from = m.index;
    let to = m.index + 1;
    while (from > 0 && !safeEdge(text[from - 1])) from--;
    while (to < text.length && !safeEdge(text[to])) to++;
    for (const word of tokenize(text.slice(from, to))) words.add(word);
    NON_ASCII_ALL.lastIndex = to;
  }
  return words;
}

/** Accented words of long fields, by record: each is worked out once (the same bodies are checked query after query). */
const accentedCache = new WeakMap<SearchRecord, Map<SearchField, Set<string>>>();
function accentedWordsOf(text: string, record: SearchRecord | null, field: SearchField): Set<string> {
  if (!record || text.length < CACHE_FROM_CHARS) return accentedWords(text);
  let fields = accentedCache.get(record);
  if (!fields) accentedCache.set(record, (fields = new Map()));
  let words = fields.get(field);
  if (!words) fields.set(field, (words = accentedWords(text)));
  return words;
}

/**
 * Works out a long article body's accented words ahead of the first phrase query (about 20 µs
 * for 6 KB), so that query does not pay for thousands of candidates at once.
 */
export function prepareAccentedWords(record: SearchRecord): void {
  if (record.kind === 'article') accentedWordsOf(record.text, record, 'text');
}

/** Whether one of the phrase's words may hide behind accents in a text with these accented words. */
function mayHideBehindAccents(info: PhraseInfo, accented: Set<string>): boolean {
  if (accented.size === 0) return false;
  const last = info.words.length - 1;
  return info.words.some((word, i) => {
    if (accented.has(word)) return true;
    if (i === last && info.lastIsPrefix) for (const a of accented) if (a.startsWith(word)) return true;
    return false;
  });
}

/** Whether a raw match, folded with a few characters around it, holds the pattern. */
function confirmWindow(text: string, at: number, length: number, pattern: RegExp): boolean {
  // Folded on its own, the window must see the same word edges as the whole text would:
  // widen it to ASCII non-word characters (or the text's edges).
  let from = Math.max(0, at - CONFIRM_MARGIN);
  let to = Math.min(text.length, at + length + CONFIRM_MARGIN);
  const floor = Math.max(0, from - MAX_WIDEN);
  const ceiling = Math.min(text.length, to + MAX_WIDEN);
  while (from > floor && !safeEdge(text[from - 1])) from--;
  while (to < ceiling && !safeEdge(text[to])) to++;
  if (!safeEdge(text[from - 1]) || !safeEdge(text[to])) return false;
  pattern.lastIndex = 0;
  return pattern.test(foldText(text.slice(from, to)).text);
}

/**
 * Whether the folded text holds the pattern, folding only when it must.
 *
 * For a phrase of ASCII words, the ASCII pattern (case-insensitive, ASCII word edges) runs on
 * the text as it is. In plain ASCII text that is the same test. In other text it finds every
 * place the folded text matches, unless one of the phrase's words comes from a word with a
 * non-ASCII letter (accentedWords; then the whole text is folded): each of those words is
 * ASCII in the original, and what separates or borders them is no ASCII letter or digit. It may
 * find more (a non-ASCII letter read as a separator), so a match is confirmed by folding a few
 * words around it; a miss needs no folding at all.
 */
function textHasPattern(text: string, pattern: RegExp, record: SearchRecord | null = null, field: SearchField = 'text'): boolean {
  if (!text) return false;
  const info = phraseInfo.get(pattern);
  const ascii = info?.ascii;
  if (!info || !ascii) {
    pattern.lastIndex = 0;
    return pattern.test(foldText(text).text);
  }
  ascii.lastIndex = 0;
  if (!NON_ASCII.test(text)) return ascii.test(text);
  if (mayHideBehindAccents(info, accentedWordsOf(text, record, field))) {
    pattern.lastIndex = 0;
    return pattern.test(foldText(text).text);
  }
  let tries = 0;
  for (const match of text.matchAll(ascii)) {
    if (confirmWindow(text, match.index, match[0].length, pattern)) return true;
    if (++tries >= MAX_CONFIRMS) break;
  }
  if (tries === 0) return false;
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
  return patterns.every((pattern) => candidates.some((field) => textHasPattern(fieldText(record, field, names), pattern, record, field)));
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
