/**
 * The edges of a placement: a stretch estimated in the normalised text widened to whole words
 * and kept inside one sentence, mapped back to the article's own offsets, and the edges of a
 * changed quote moved onto the claim's recorded neighbours (word-edges.ts), its sentence or
 * clause boundaries (sentence-edges.ts) and its first and last words (edge-words.ts).
 */
import type { ClaimTarget } from '../model/claim';
import { WORD_CHARACTER, type Candidate } from './candidate-places';
import type { TextRange } from './describe-range';
import { takeEdgeWords } from './edge-words';
import type { NormalizedText } from './normalize-text';
import { snapToBoundaries } from './sentence-edges';
import { widenToNeighbours } from './word-edges';

/**
 * The edges of a placement the analyst is asked about, where the quote changed: moved by whole
 * words onto the recorded neighbours (word-edges.ts), then onto the sentence or clause boundary
 * the claim had (sentence-edges.ts).
 */
export function reviewEdges(text: string, range: TextRange, quote: ClaimTarget['quote']): TextRange {
  return changedEdges(text, widenToNeighbours(text, range, quote), quote);
}

/** The edges of any placement whose quote changed: onto the claim's boundaries, then onto its first and last words (edge-words.ts). */
export function changedEdges(text: string, range: TextRange, quote: ClaimTarget['quote']): TextRange {
  const snapped = snapToBoundaries(text, range, quote);
  return takeEdgeWords(text, snapped, quote);
}

/** A range widened to whole words and stripped of surrounding spaces; undefined if nothing is left. */
export function toWords(text: string, range: Candidate): Candidate | undefined {
  let { start, end } = range;
  if (end <= start) return undefined;
  while (start > 0 && WORD_CHARACTER.test(text.charAt(start - 1)) && WORD_CHARACTER.test(text.charAt(start))) start -= 1;
  while (end < text.length && WORD_CHARACTER.test(text.charAt(end)) && WORD_CHARACTER.test(text.charAt(end - 1))) end += 1;
  while (start < end && text.charAt(start) === ' ') start += 1;
  while (end > start && text.charAt(end - 1) === ' ') end -= 1;
  return end > start ? { start, end } : undefined;
}

/**
 * An estimated stretch for a quote that held no sentence break is kept inside one sentence: cut
 * before a sentence end in its second half, or after one in its first half.
 */
export function withinSentence(text: string, range: Candidate | undefined, quote: string): Candidate | undefined {
  if (!range || SENTENCE_END_IN.test(quote)) return range;
  let { start, end } = range;
  const body = text.slice(start, end);
  const breaks = [...body.matchAll(new RegExp(SENTENCE_END_IN.source, 'gu'))];
  for (const m of breaks) {
    const at = m.index;
    if (at >= body.length / 2) {
      end = Math.min(end, start + at + 1);
      break;
    }
  }
  for (const m of breaks.reverse()) {
    const after = m.index + m[0].length;
    if (m.index < body.length / 2) {
      start = range.start + after;
      break;
    }
  }
  return toWords(text, { start, end });
}

/** A sentence end inside a text: . ! ? (and closing quotes) followed by a space and a capital. */
const SENTENCE_END_IN = /[.!?]["'”’)]*(?= +["'“‘(]?\p{Lu})/u;

/** Maps a normalised candidate back to the article's offsets, without surrounding whitespace. */
export function toOriginalRange(text: string, normalized: NormalizedText, candidate: Candidate): TextRange {
  let start = normalized.toOriginalStart(candidate.start);
  let end = Math.max(start, normalized.toOriginalEnd(candidate.end));
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  // Nor may it cut an emoji or other astral character in half.
  if (isLowSurrogate(text, start)) start -= 1;
  if (isLowSurrogate(text, end)) end += 1;
  return { start, end };
}

/** True if the character at `offset` is the second half of an astral character (an emoji). */
function isLowSurrogate(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return offset > 0 && code >= 0xdc00 && code <= 0xdfff;
}
