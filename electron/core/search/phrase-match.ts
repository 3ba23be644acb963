import { foldText, originalOffset } from './fold-text';
import type { QueryPhrase } from './query-parser';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';

/**
 * A pattern finding a phrase in folded text, for highlighting it where FTS5 matched it: its
 * words in order, separated by anything that is not a letter or digit (spaces, punctuation, line
 * breaks), whole words only, except that the last word of a phrase still being typed may be a prefix.
 */
export function phrasePattern(phrase: QueryPhrase): RegExp {
  // Words come from the tokenizer: only letters and digits, nothing to escape.
  const body = phrase.words.join('[^\\p{L}\\p{N}]+');
  return new RegExp(`${NOT_WORD_BEFORE}${body}${phrase.lastIsPrefix ? '' : NOT_WORD_AFTER}`, 'gu');
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
