import type { SearchSnippet } from '../../../shared/api/contract-search';
import { foldText, originalOffset } from './fold-text';
import { phraseRanges } from './phrase-match';
import type { QueryTerm } from './query-parser';
import type { SearchField } from './search-fields';

/** Longest snippet cut from a long field, in characters (about two lines of a results list). */
export const SNIPPET_CHARS = 220;
/** Most snippets per hit: the best fields only, so a results list stays readable. */
const MAX_SNIPPETS = 2;

/** Which fields to show first, by kind: what the analyst recognises a hit by. */
const FIELD_ORDER: Record<'article' | 'claim' | 'brief', SearchField[]> = {
  article: ['title', 'text', 'meta', 'tags'],
  claim: ['quote', 'note', 'coding', 'tags'],
  brief: ['title', 'text'],
};

/** What a query matched, for highlighting: its words (folded; a prefix highlights the words it starts) and phrase patterns. */
export interface MatchedTerms {
  terms: Iterable<QueryTerm>;
  phrases: RegExp[];
}

/** Sorts ranges and merges those that overlap or touch. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the code point starting at `i` is a letter or digit. */
function wordCharAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** Whether the code point ending just before `i` is a letter or digit. */
function wordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const unit = text.charCodeAt(i - 1);
  const isLowSurrogate = unit >= 0xdc00 && unit <= 0xdfff;
  return wordCharAt(text, isLowSurrogate && i >= 2 ? i - 2 : i - 1);
}

/** Where the run of letters and digits that holds `i` ends. */
function wordEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length && wordCharAt(text, end)) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  return end;
}

/**
 * Ranges of the field's original text to highlight: matched words and phrases. Each word is
 * looked up with indexOf and kept where it starts a word (a maximal run of letters and digits, as
 * the tokenizer cuts them) and, unless it is a prefix, ends one; a prefix highlights the whole
 * word it starts. Walking every word of a long body cost more.
 */
export function highlightRanges(text: string, matched: MatchedTerms): [number, number][] {
  const folded = foldText(text);
  const ranges: [number, number][] = [];
  for (const { word, prefix } of matched.terms) {
    if (!word) continue;
    for (let at = folded.text.indexOf(word); at !== -1; at = folded.text.indexOf(word, at + 1)) {
      if (wordCharBefore(folded.text, at)) continue;
      let end = at + word.length;
      if (prefix) end = wordEnd(folded.text, end);
      else if (wordCharAt(folded.text, end)) continue;
      ranges.push([originalOffset(folded, at), originalOffset(folded, end)]);
    }
  }
  return mergeRanges([...ranges, ...phraseRanges(text, matched.phrases)]);
}

/** The window of at most SNIPPET_CHARS holding the most highlights, snapped to word edges. */
function bestWindow(text: string, ranges: [number, number][]): [number, number] {
  if (text.length <= SNIPPET_CHARS) return [0, text.length];
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]?.[0] ?? 0;
    let count = 0;
    for (let j = i; j < ranges.length && (ranges[j]?.[1] ?? 0) <= start + SNIPPET_CHARS; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Some context before the first highlight, so the hit reads as part of a sentence.
  let start = Math.max(0, best - Math.floor(SNIPPET_CHARS / 4));
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  start = Math.max(0, end - SNIPPET_CHARS);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < best) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return [start, end];
}

/**
 * Snippets for a hit: the matched fields in the kind's order, each cut around its best cluster
 * of highlights, with highlight ranges relative to the snippet text.
 */
export function buildSnippets(
  kind: 'article' | 'claim' | 'brief',
  fieldText: (field: SearchField) => string,
  matched: MatchedTerms,
): SearchSnippet[] {
  const snippets: SearchSnippet[] = [];
  for (const field of FIELD_ORDER[kind]) {
    if (snippets.length >= MAX_SNIPPETS) break;
    const text = fieldText(field);
    if (!text) continue;
    const ranges = highlightRanges(text, matched);
    if (ranges.length === 0) continue;
    const [start, end] = bestWindow(text, ranges);
    snippets.push({
      field,
      text: text.slice(start, end),
      offset: start,
      highlights: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start] as [number, number]),
      clippedStart: start > 0,
      clippedEnd: end < text.length,
    });
  }
  return snippets;
}
