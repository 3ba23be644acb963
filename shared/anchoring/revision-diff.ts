/**
 * Where the previous revision's text went in the new one, by a diff of the two: the evidence of
 * the edit itself, not only of the text before and after it. A claim's old stretch is carried
 * through the diff's kept runs character for character, and through a run that was replaced
 * (words swapped for others) in proportion, the way an editor's rewording leaves a sentence where
 * it was. A stretch that was deleted maps to nothing; a paragraph that was moved shows as deleted
 * here (the verbatim search finds it). Both texts are normalised (see normalize-text.ts).
 *
 * The diff is over tokens (words, runs of spaces, single punctuation marks), each coded as one
 * character for Google's diff-match-patch, so a 500 kB article is a diff of ~200,000 symbols;
 * a time budget bounds it, and a diff that ran out of time is not used.
 */
import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, diffMain, resolveOptions } from 'diff-match-patch-es';
import type { TextRange } from './describe-range';

/** A run of the old text and what it became: kept as is, or replaced by the new run (empty when deleted). */
interface Segment {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
  kept: boolean;
}

/** Where an old stretch is now, see {@link RevisionMap.map}. */
export interface MappedRange extends TextRange {
  /** Share of the old stretch's characters that stand unchanged (in kept runs) in the new one. */
  kept: number;
}

export interface RevisionMap {
  /**
   * The new text's stretch that the old `[start, end)` became: from the first to the last new
   * character carried from it (kept, or swapped in for its characters), or null when every
   * character of it was deleted. Offsets are normalised ones, old and new.
   */
  map(start: number, end: number): MappedRange | null;
}

/**
 * Seconds the diff may take before it is given up. A 500 kB article with one word in a hundred
 * changed takes ~0.1 s; one in twenty ~0.25 s; past that (a rewrite of the whole article) the
 * diff is dropped and claims the search cannot find stay orphaned, as they would without it.
 * On a machine too busy to finish in time the same happens: the diff only ever adds placements
 * for review, so the outcome is never a wrong placement, only one fewer suggestion.
 */
const DIFF_BUDGET_SECONDS = 0.3;
/** Distinct tokens that can be coded as one UTF-16 unit each, avoiding the surrogate range. */
const MAX_SYMBOLS = 0xd800 - 1;
/** Words, runs of whitespace, and every other character on its own. */
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]/gu;

/**
 * The map from `old` to `now` (both normalised), or undefined when the two have more distinct
 * tokens than can be coded or the diff runs out of its time budget.
 */
export function revisionMap(old: string, now: string): RevisionMap | undefined {
  const codes = new Map<string, string>();
  const lengths: number[] = [0];
  const encode = (text: string): string | undefined => {
    const out: string[] = [];
    for (const match of text.matchAll(TOKEN)) {
      const token = match[0];
      let code = codes.get(token);
      if (code === undefined) {
        if (codes.size >= MAX_SYMBOLS) return undefined;
        code = String.fromCharCode(codes.size + 1);
        codes.set(token, code);
        lengths.push(token.length);
      }
      out.push(code);
    }
    return out.join('');
  };
  const a = encode(old);
  const b = encode(now);
  if (a === undefined || b === undefined) return undefined;
  const options = resolveOptions({ diffTimeout: DIFF_BUDGET_SECONDS });
  const started = Date.now();
  const diffs = diffMain(a, b, options);
  // diff-match-patch answers a timed-out diff with a coarse one (all deleted, all inserted) rather
  // than failing; such a diff tells nothing about where a claim went.
  if (Date.now() - started >= DIFF_BUDGET_SECONDS * 1000) return undefined;
  const width = (coded: string): number => {
    let sum = 0;
    for (let i = 0; i < coded.length; i += 1) sum += lengths[coded.charCodeAt(i)]!;
    return sum;
  };
  const segments: Segment[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (let i = 0; i < diffs.length; i += 1) {
    const [op, coded] = diffs[i]!;
    if (op === DIFF_EQUAL) {
      const n = width(coded);
      segments.push({ oldStart: oldAt, oldEnd: oldAt + n, newStart: newAt, newEnd: newAt + n, kept: true });
      oldAt += n;
      newAt += n;
      continue;
    }
    // A deletion and an insertion side by side (in either order) are one replaced run.
    let removed = 0;
    let added = 0;
    let j = i;
    for (; j < diffs.length && diffs[j]![0] !== DIFF_EQUAL; j += 1) {
      const w = width(diffs[j]![1]);
      if (diffs[j]![0] === DIFF_DELETE) removed += w;
      else if (diffs[j]![0] === DIFF_INSERT) added += w;
    }
    if (removed > 0) segments.push({ oldStart: oldAt, oldEnd: oldAt + removed, newStart: newAt, newEnd: newAt + added, kept: false });
    oldAt += removed;
    newAt += added;
    i = j - 1;
  }
  return { map: (start, end) => mapThrough(segments, start, end) };
}

function mapThrough(segments: readonly Segment[], start: number, end: number): MappedRange | null {
  // The first segment ending after `start` (segments cover the old text in order).
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (segments[middle]!.oldEnd <= start) low = middle + 1;
    else high = middle;
  }
  let first = -1;
  let last = -1;
  let kept = 0;
  for (let k = low; k < segments.length && segments[k]!.oldStart < end; k += 1) {
    const s = segments[k]!;
    const from = Math.max(start, s.oldStart);
    const to = Math.min(end, s.oldEnd);
    if (to <= from || s.newEnd === s.newStart) continue;
    let newFrom: number;
    let newTo: number;
    if (s.kept) {
      newFrom = s.newStart + (from - s.oldStart);
      newTo = s.newStart + (to - s.oldStart);
      kept += to - from;
    } else {
      // In proportion: the replaced run's new characters spread over its old ones.
      const scale = (s.newEnd - s.newStart) / (s.oldEnd - s.oldStart);
      newFrom = s.newStart + Math.floor((from - s.oldStart) * scale);
      newTo = s.newStart + Math.ceil((to - s.oldStart) * scale);
    }
    if (newTo <= newFrom) continue;
    if (first === -1) first = newFrom;
    last = newTo;
  }
  if (first === -1) return null;
  return { start: first, end: last, kept: kept / Math.max(1, end - start) };
}
