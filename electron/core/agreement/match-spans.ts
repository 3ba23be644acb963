import type { Claim } from '../../../shared/model';

/** Two claims must overlap at least this much (character IoU) to count as the same span. */
export const MIN_SPAN_IOU = 0.5;

/** Intersection over union of two claims' character ranges [start, end). */
export function spanIou(a: Claim, b: Claim): number {
  const { start: as, end: ae } = a.target.position;
  const { start: bs, end: be } = b.target.position;
  const intersection = Math.max(0, Math.min(ae, be) - Math.max(as, bs));
  const union = Math.max(ae, be) - Math.min(as, bs);
  return union > 0 ? intersection / union : 0;
}

export interface MatchedSpans {
  /** Groups of claims taken to be one span, at most one claim per coder, two or more claims each. */
  units: { claims: Claim[]; overlap: number }[];
  /** Claims of coders no other coder's claim matched. */
  unmatched: Claim[];
}

/**
 * Matches one article's claims across coders (by `createdBy`; claims without one must be left out
 * by the caller). Best first: every pair of claims by different coders with IoU ≥ MIN_SPAN_IOU,
 * highest IoU first (ties: earlier text first), joins the two claims' groups unless that would
 * put two claims of one coder in a group. With two coders this is the greedy one-to-one matching
 * by IoU; with more it groups the spans every coder marked.
 */
export function matchSpans(claims: Claim[]): MatchedSpans {
  const pairs: { a: number; b: number; iou: number }[] = [];
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
      if (claims[i]!.createdBy === claims[j]!.createdBy) continue;
      const iou = spanIou(claims[i]!, claims[j]!);
      if (iou >= MIN_SPAN_IOU) pairs.push({ a: i, b: j, iou });
    }
  }
  const startOf = (p: { a: number; b: number }) => Math.min(claims[p.a]!.target.position.start, claims[p.b]!.target.position.start);
  pairs.sort((x, y) => y.iou - x.iou || startOf(x) - startOf(y) || x.a - y.a || x.b - y.b);

  const group = claims.map((_, i) => i);
  const members = new Map<number, number[]>(claims.map((_, i) => [i, [i]]));
  const overlap = new Map<number, number>();
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (const { a, b, iou } of pairs) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) continue;
    const left = members.get(ra)!;
    const right = members.get(rb)!;
    const codersLeft = new Set(left.map((i) => claims[i]!.createdBy));
    if (right.some((i) => codersLeft.has(claims[i]!.createdBy))) continue;
    group[rb] = ra;
    members.set(ra, [...left, ...right]);
    members.delete(rb);
    overlap.set(ra, Math.min(iou, overlap.get(ra) ?? 1, overlap.get(rb) ?? 1));
  }

  const units: MatchedSpans['units'] = [];
  const unmatched: Claim[] = [];
  for (const [rootIndex, indices] of members) {
    if (indices.length === 1) unmatched.push(claims[indices[0]!]!);
    else {
      const unitClaims = indices.map((i) => claims[i]!).sort((x, y) => x.target.position.start - y.target.position.start);
      units.push({ claims: unitClaims, overlap: overlap.get(rootIndex) ?? 1 });
    }
  }
  units.sort((x, y) => x.claims[0]!.target.position.start - y.claims[0]!.target.position.start);
  unmatched.sort((x, y) => x.target.position.start - y.target.position.start);
  return { units, unmatched };
}
