import type { AnchorStatus, ClaimTarget } from '../model/claim';
import { createAnchorer, toAnchorStatus, type AnchorerOptions } from './anchor-target';
import { describeRange } from './describe-range';

/** A claim's target after re-anchoring, with the status to store beside it. */
export interface ReanchoredTarget {
  /**
   * For `exact` and `relocated`: selectors rebuilt on the new text (fresh quote, prefix and
   * suffix). For `orphaned`: the old target unchanged, so nothing about the claim is lost.
   */
  target: ClaimTarget;
  /** Status and score; orphans carry `previous` (the old prefix, quote and suffix) for review. */
  anchor: AnchorStatus;
}

/**
 * Re-anchors every target against `newText` (typically a new revision of the article), in the
 * order given. The text is normalised at most once, and not at all when every quote is still in
 * place, so an unchanged article costs one string comparison per claim.
 *
 * Never throws: a target that cannot be placed is returned as orphaned.
 */
export function reanchorClaims(newText: string, targets: readonly ClaimTarget[], options: AnchorerOptions = {}): ReanchoredTarget[] {
  const anchorer = createAnchorer(newText, options);
  return targets.map((target) => {
    const result = anchorer.anchor(target);
    if (result.status === 'orphaned') return { target, anchor: toAnchorStatus(result, target) };
    const { prefix, suffix } = target.quote;
    const unchanged =
      result.status === 'exact' &&
      !result.review &&
      result.start === target.position.start &&
      result.end === target.position.end &&
      result.start >= prefix.length &&
      newText.startsWith(prefix, result.start - prefix.length) &&
      newText.startsWith(suffix, result.end);
    // Keep the same object when nothing changed, so callers can skip writing it back.
    if (unchanged) return { target, anchor: toAnchorStatus(result, target) };
    try {
      return { target: describeRange(newText, result.start, result.end), anchor: toAnchorStatus(result, target) };
    } catch {
      // The anchorer never returns an empty or whitespace-only range; if it somehow did, the
      // claim is better orphaned than lost.
      return { target, anchor: { status: 'orphaned', score: 0, previous: { ...pickQuote(target) } } };
    }
  });
}

function pickQuote(target: ClaimTarget): { prefix: string; exact: string; suffix: string } {
  const { prefix, exact, suffix } = target.quote;
  return { prefix, exact, suffix };
}
