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

/**
 * Whether some field of the record holds each phrase (all phrases need not share a field).
 * `fields` limits the check to the fields where the index matched the query's words, so a long
 * body is folded only when the words are in it.
 */
export function recordHasPhrases(record: SearchRecord, patterns: RegExp[], names: CodingNames, fields: Iterable<string> = SEARCH_FIELDS): boolean {
  const candidates = [...new Set(fields)] as SearchField[];
  const folded = new Map<SearchField, string>();
  return patterns.every((pattern) =>
    candidates.some((field) => {
      let text = folded.get(field);
      if (text === undefined) {
        text = foldText(fieldText(record, field, names)).text;
        folded.set(field, text);
      }
      pattern.lastIndex = 0;
      return text.length > 0 && pattern.test(text);
    }),
  );
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
