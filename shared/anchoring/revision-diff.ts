/**
 * Where the previous revision's text went in the new one, by a diff of the two: the evidence of
 * the edit itself, not only of the text before and after it. A claim's old stretch is carried
 * through the diff's kept runs character for character, and through a run that was replaced
 * (words swapped for others) in proportion, the way an editor's rewording leaves a sentence where
 * it was. A stretch that was deleted maps to nothing; a paragraph that was moved shows as deleted
 * in one place and inserted in another, and `mapMoved` looks for where it went. Both texts are
 * normalised (see normalize-text.ts).
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
  /**
   * The same for a claim whose run the diff shows replaced, when that run went elsewhere (moved,
   * and perhaps reworded): see movedRuns. Null when no new run holds two fifths of the words
   * around it.
   */
  mapMoved(start: number, end: number): MappedRange | null;
}

/**
 * Seconds the diff may take before it is given up. A 500 kB article with one word in a hundred
 * changed takes ~0.1 s; one in twenty ~0.25 s; past that (a rewrite of the whole article) the
 * diff is dropped and each claim is where the search alone puts it (as before the diff was
 * used). On a machine too busy to finish in time the same happens: the diff only ever places a
 * claim for review or asks about a placement, never trusts one, so a dropped diff means fewer
 * placements offered for review, not a wrong placement that was not there before.
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
  const deadline = Date.now() + DIFF_BUDGET_SECONDS * 1000;
  const segments = diffSegments(old, now, deadline);
  if (!segments) return undefined;
  const moved = movedRuns(old, now, segments);
  return {
    map: (start, end) => mapThrough(segments, start, end),
    mapMoved: (start, end) => moved(start, end),
  };
}

/** The diff of `old` and `now` as segments covering both in order, or undefined (see revisionMap). */
function diffSegments(old: string, now: string, deadline: number): Segment[] | undefined {
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
  const seconds = (deadline - Date.now()) / 1000;
  if (seconds <= 0) return undefined;
  const diffs = diffMain(a, b, resolveOptions({ diffTimeout: seconds }));
  // diff-match-patch answers a timed-out diff with a coarse one (all deleted, all inserted) rather
  // than failing; such a diff tells nothing about where a claim went.
  if (Date.now() >= deadline) return undefined;
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
    segments.push({ oldStart: oldAt, oldEnd: oldAt + removed, newStart: newAt, newEnd: newAt + added, kept: false });
    oldAt += removed;
    newAt += added;
    i = j - 1;
  }
  return segments;
}

/** How far either side of a claim its old run is read to recognise the run where it went. */
const MOVE_WINDOW = 200;
/** Share of those words (counted with repeats) that must stand in a new run for it to be where the claim's run went. */
const MOVE_MIN_SHARE = 0.4;
/** New runs shorter than this are not looked at as where a run went. */
const MOVE_MIN_LENGTH = 20;
/** Budget for the small diffs between a claim's old run and the run it went to. */
const MOVE_DIFF_SECONDS = 0.05;
const WORDS = /[\p{L}\p{N}]+/gu;

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(WORDS)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  return counts;
}

/**
 * Where a claim went whose run of the old text the diff shows replaced (a paragraph moved, or
 * two sentences swapped, shows as deleted in one place and inserted in another; reworded on the
 * way, it is not found verbatim either): the new run, anywhere, holding the most (two fifths at
 * least) of the words around the claim in its old run, and within it the claim by a small diff
 * of the two runs.
 */
function movedRuns(old: string, now: string, segments: readonly Segment[]): (start: number, end: number) => MappedRange | null {
  const inserted = segments.filter((s) => !s.kept && s.newEnd - s.newStart >= MOVE_MIN_LENGTH);
  const counts = new Map<Segment, Map<string, number>>();
  const countsOf = (s: Segment) => {
    let c = counts.get(s);
    if (!c) counts.set(s, (c = wordCounts(now.slice(s.newStart, s.newEnd))));
    return c;
  };
  return (start, end) => {
    const replaced = segments.filter((s) => !s.kept && s.oldEnd > start && s.oldStart < end);
    if (replaced.length === 0) return null;
    const run = { start: replaced[0]!.oldStart, end: replaced[replaced.length - 1]!.oldEnd };
    const window = wordCounts(old.slice(Math.max(run.start, start - MOVE_WINDOW), Math.min(run.end, end + MOVE_WINDOW)));
    let total = 0;
    for (const n of window.values()) total += n;
    if (total === 0) return null;
    let best: Segment | undefined;
    let bestShare = MOVE_MIN_SHARE;
    for (const s of inserted) {
      if (s.newEnd - s.newStart < (end - start) / 2) continue;
      const there = countsOf(s);
      let shared = 0;
      for (const [word, n] of window) shared += Math.min(n, there.get(word) ?? 0);
      if (shared / total >= bestShare) {
        best = s;
        bestShare = shared / total;
      }
    }
    if (!best) return null;
    const local = diffSegments(old.slice(run.start, run.end), now.slice(best.newStart, best.newEnd), Date.now() + MOVE_DIFF_SECONDS * 1000);
    if (!local) return null;
    const mapped = mapThrough(local, start - run.start, end - run.start);
    return mapped && { ...mapped, start: mapped.start + best.newStart, end: mapped.end + best.newStart };
  };
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
