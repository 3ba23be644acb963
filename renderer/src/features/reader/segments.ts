import type { Block, Claim } from '../../../../shared/model';

/** A claim's range in the current text, the only part of a claim the reader's layout needs. */
export interface ClaimRange {
  id: string;
  start: number;
  end: number;
  /** Placed after an edit on doubtful evidence: drawn as unconfirmed until the analyst confirms it. */
  unconfirmed?: boolean;
}

/** A run of text covered by the same set of claims; `claimIds` innermost (shortest) first. */
export interface Segment {
  start: number;
  end: number;
  claimIds: string[];
}

/** Claims that can be drawn: orphans have no place in the current text. */
export function drawableRanges(claims: Claim[], textLength: number): ClaimRange[] {
  return claims
    .filter((c) => c.anchor.status !== 'orphaned')
    .map((c) => ({ id: c.id, start: c.target.position.start, end: c.target.position.end, ...(c.anchor.review ? { unconfirmed: true } : {}) }))
    .filter((r) => r.start < r.end && r.end <= textLength);
}

/**
 * The claims touching each block, in one pass: `result[i]` holds the ranges overlapping
 * `blocks[i]`, in the order they come in `ranges` (so ties keep their order, as segmentBlock
 * expects). Blocks must be in text order and not overlap, as an article's blocks are.
 * O(ranges × log blocks + output), where filtering every block by every claim was O(both).
 */
export function rangesByBlock(blocks: Pick<Block, 'start' | 'end'>[], ranges: ClaimRange[]): ClaimRange[][] {
  const result: ClaimRange[][] = blocks.map(() => []);
  for (const range of ranges) {
    // The first block ending after the range starts.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((blocks[mid] as Block).end > range.start) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < blocks.length && (blocks[i] as Block).start < range.end; i++) {
      if ((blocks[i] as Block).end > range.start) (result[i] as ClaimRange[]).push(range);
    }
  }
  return result;
}

/**
 * Splits a block into segments at every claim boundary inside it, so overlapping claims each
 * keep their own visible extent. Segments tile the block exactly: their text concatenates to
 * the block's text, which is what lets a DOM position map back to a canonical offset.
 */
export function segmentBlock(block: Pick<Block, 'start' | 'end'>, ranges: ClaimRange[]): Segment[] {
  const inside = ranges.filter((r) => r.start < block.end && r.end > block.start);
  const cuts = new Set<number>([block.start, block.end]);
  for (const r of inside) {
    cuts.add(Math.max(r.start, block.start));
    cuts.add(Math.min(r.end, block.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const covering = inside.filter((r) => r.start <= start && r.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
    segments.push({ start, end, claimIds: covering.map((r) => r.id) });
  }
  return segments;
}

/**
 * Gives each claim a margin lane so overlapping claims sit side by side: greedy interval
 * colouring in reading order, reusing the first lane that is free again.
 */
export function assignLanes(ranges: ClaimRange[]): { lanes: Map<string, number>; count: number } {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const r of sorted) {
    let lane = laneEnds.findIndex((end) => end <= r.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(r.end);
    } else {
      laneEnds[lane] = r.end;
    }
    lanes.set(r.id, lane);
  }
  return { lanes, count: laneEnds.length };
}
