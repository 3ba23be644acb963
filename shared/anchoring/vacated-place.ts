/**
 * Where a claim stood, found again by the text around it rather than by its own words: the
 * evidence that tells a claim deleted (its words perhaps quoted elsewhere) from a claim moved or
 * rewritten. Both texts are normalised (see normalize-text.ts).
 */
import type { TextRange } from './describe-range';

/** Size of the pieces of old surroundings looked for verbatim, and how many on each side. */
const PIECE = 24;
const PIECES = 10;
/** Characters of slack allowed beyond what stood between the pieces and the claim (a comma, spaces). */
const SLACK = 8;

interface Anchor {
  /** Offset in the new text (end of the piece before, start of the piece after). */
  at: number;
  /** Characters that stood between the piece and the claim in the old text. */
  gap: number;
}

/** The stretch of the new text between the nearest old surroundings of a claim that still stand, see {@link oldBracket}. */
export interface OldBracket extends TextRange {
  /** Characters that stood between the two pieces in the old text besides the claim. */
  gap: number;
  /** Of those, the characters between the piece before and the claim, and between the claim and the piece after. */
  before: number;
  after: number;
}

/**
 * The new text's stretch between the nearest 24-character piece of the old text before the claim
 * that stands exactly once in the new text, and the nearest such piece after it (looked for up to
 * 240 characters away on each side), when the two stand in order. Undefined when either side is
 * not found once. `edges` says whether the old text's start and end are the article's (they are
 * not when `old` is only the recorded context around the claim): only then may the text's edge
 * stand in for a piece.
 */
export function oldBracket(
  old: string,
  claim: TextRange,
  now: string,
  edges: { start: boolean; end: boolean } = { start: true, end: true },
): OldBracket | undefined {
  const once = (piece: string): number | undefined => {
    const at = now.indexOf(piece);
    return at !== -1 && now.indexOf(piece, at + 1) === -1 ? at : undefined;
  };
  let before: Anchor | undefined;
  let edge = false;
  for (let k = 0; k < PIECES && !before; k += 1) {
    const end = claim.start - k * PIECE;
    if (end - PIECE < 0) {
      edge = edges.start;
      break;
    }
    const piece = old.slice(end - PIECE, end);
    if (piece.trim().length < PIECE / 2) continue;
    const at = once(piece);
    if (at !== undefined) before = { at: at + PIECE, gap: k * PIECE };
  }
  // At the article's very start (end) the text's edge is the anchor when no piece nearer stands
  // (the pieces ran into the edge); on one side only, never both (a text rewritten throughout
  // would otherwise bracket anything).
  const fromEdge = !before && edge;
  if (fromEdge) before = { at: 0, gap: claim.start };
  if (!before) return undefined;
  let after: Anchor | undefined;
  edge = false;
  for (let k = 0; k < PIECES && !after; k += 1) {
    const start = claim.end + k * PIECE;
    if (start + PIECE > old.length) {
      edge = edges.end;
      break;
    }
    const piece = old.slice(start, start + PIECE);
    if (piece.trim().length < PIECE / 2) continue;
    const at = once(piece);
    if (at !== undefined) after = { at, gap: k * PIECE };
  }
  if (!after && edge && !fromEdge) after = { at: now.length, gap: old.length - claim.end };
  if (!after) return undefined;
  // The claim cut out with the space after it: the two pieces now share the space that stood on
  // each side of it.
  if (after.at < before.at && before.at - after.at <= 2 && now.slice(after.at, before.at).trim() === '') after.at = before.at;
  if (after.at < before.at) return undefined;
  return { start: before.at, end: after.at, gap: before.gap + after.gap, before: before.gap, after: after.gap };
}

/**
 * True if the claim's text was cut out of this bracket: it is no wider than what stood in it
 * besides the claim (plus a few characters), so it holds none of the claim's words. False when
 * there is room in it for the claim (kept, rewritten, or with new text added beside it).
 */
export function leftEmpty(bracket: OldBracket): boolean {
  return bracket.end - bracket.start <= bracket.gap + SLACK;
}

/** A sentence end: . ! ? (with closing quotes or brackets) before whitespace, or a line break. */
const SENTENCE_END = /[.!?]["'\u201D\u2019)\]]*(?=\s|$)/gu;

/**
 * The sentence (or sentences) of `text` that hold `range`, without surrounding whitespace: from
 * the end of the sentence before (or the line's start) to the first sentence end (or the line's
 * end) at or after the range's end.
 */
export function sentenceAround(text: string, range: TextRange): string {
  let start = text.lastIndexOf('\n', range.start - 1) + 1;
  SENTENCE_END.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = SENTENCE_END.exec(text)) !== null && match.index + match[0].length <= range.start) start = match.index + match[0].length;
  const lineEnd = text.indexOf('\n', range.end);
  let end = lineEnd === -1 ? text.length : lineEnd;
  SENTENCE_END.lastIndex = Math.max(start, range.end - 1);
  match = SENTENCE_END.exec(text);
  if (match && match.index + match[0].length <= end) end = match.index + match[0].length;
  return text.slice(start, end).trim();
}
