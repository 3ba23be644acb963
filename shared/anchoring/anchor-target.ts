import type { AnchorStatus, ClaimTarget } from '../model/claim';
import type { TextRange } from './describe-range';
import {
  findExactOccurrences,
  findFuzzyCandidates,
  maxFuzzyErrors,
  type RawCandidate,
} from './find-candidates';
import { normalizeString, normalizeText, type NormalizedText } from './normalize-text';
import { refineBoundaries } from './refine-boundaries';
import { scoreCandidate, type RecordedQuote } from './score-candidate';

/**
 * The lowest score at which a claim is moved to a new place (`relocated`). Below it the claim is
 * `orphaned` and goes to the orphans review: a wrong highlight is worse than a missing one.
 */
export const RELOCATE_THRESHOLD = 0.75;

/** Why a placement needs the analyst's review. */
export type ReviewReason = 'ambiguous' | 'quote-changed' | 'context-changed' | 'weak-evidence';

/** Where a claim now stands in the text: found (with offsets in the text as given) or orphaned. */
export type AnchorResult =
  | {
      status: 'exact' | 'relocated';
      /** Start of the quote in the new text, in its own (not normalised) UTF-16 offsets. */
      start: number;
      end: number;
      /** 0..1; 1 for an untouched quote in an untouched context. */
      score: number;
      /** Present when the placement is doubtful: why the analyst should check it. */
      review?: ReviewReason[];
    }
  | {
      status: 'orphaned';
      start: null;
      end: null;
      /** The best candidate's score (0 when nothing resembled the quote), always below the threshold. */
      score: number;
      /** Where that best candidate was, for an orphans review that offers "is it here?". */
      bestCandidate: TextRange | null;
    };

/** Anchors many claims against one text, normalising the text at most once. */
export interface Anchorer {
  /** Same contract as {@link anchorTarget}. */
  anchor(target: ClaimTarget): AnchorResult;
}

/**
 * Prepares `text` for anchoring claims. The normalised copy is built lazily, on the first claim
 * that is not at its recorded place, so re-anchoring an unchanged article costs only a string
 * comparison per claim.
 */
export function createAnchorer(text: string): Anchorer {
  let normalized: NormalizedText | undefined;
  const prepared = (): NormalizedText => (normalized ??= normalizeText(text));
  return { anchor: (target) => anchorIn(text, prepared, target) };
}

/**
 * Finds a claim's quote in `text` (the article, perhaps edited since the claim was made):
 *
 * 1. `exact`, score 1: the quote and its context are still at the recorded position (O(quote));
 * 2. otherwise every verbatim occurrence of the quote (ignoring quote style, dashes and
 *    whitespace) is scored on context and closeness to the old position, so a repeated phrase
 *    goes to the occurrence whose neighbours match;
 * 3. if none scores {@link RELOCATE_THRESHOLD}, fuzzy matches (up to a quarter of the quote in
 *    edit errors, at most 32) are scored on quote similarity, context and position too.
 *
 * The best candidate at or above the threshold is returned as `relocated` (or `exact` when it is
 * the recorded range with the very same characters); otherwise `orphaned` with its score.
 * Never throws for any target or text.
 */
export function anchorTarget(text: string, target: ClaimTarget): AnchorResult {
  return createAnchorer(text).anchor(target);
}

function anchorIn(text: string, prepared: () => NormalizedText, target: ClaimTarget): AnchorResult {
  const { exact, prefix, suffix } = target.quote;
  const { start } = target.position;
  if (standsAtRecordedPlace(text, target)) {
    return { status: 'exact', start, end: start + exact.length, score: 1 };
  }

  const normalizedText = prepared();
  const recorded: RecordedQuote = {
    exact: normalizeString(exact),
    prefix: normalizeString(prefix),
    suffix: normalizeString(suffix),
    start,
  };
  if (recorded.exact.trim().length === 0) return orphan(0, null);

  let best = bestOf(normalizedText, findExactOccurrences(normalizedText.text, recorded.exact), recorded);
  if (!best || best.score < RELOCATE_THRESHOLD) {
    const hint = normalizedText.toNormalizedOffset(start);
    const slack = maxFuzzyErrors(recorded.exact.length);
    const candidates = findFuzzyCandidates(normalizedText.text, recorded.exact, hint).map((candidate) =>
      refineBoundaries(normalizedText.text, candidate, recorded.exact, recorded, slack),
    );
    const fuzzy = bestOf(normalizedText, candidates, recorded);
    if (fuzzy && (!best || fuzzy.score > best.score)) best = fuzzy;
  }
  if (!best) return orphan(0, null);

  const range = toOriginalRange(text, normalizedText, best);
  if (range.end <= range.start) return orphan(0, null);
  if (best.score < RELOCATE_THRESHOLD) return orphan(best.score, range);
  const unchanged = range.start === start && text.slice(range.start, range.end) === exact;
  return { status: unchanged ? 'exact' : 'relocated', ...range, score: best.score };
}

/** True if quote, prefix and suffix are all still there, character for character. */
function standsAtRecordedPlace(text: string, target: ClaimTarget): boolean {
  const { exact, prefix, suffix } = target.quote;
  const { start } = target.position;
  return (
    start >= prefix.length &&
    text.startsWith(exact, start) &&
    text.startsWith(prefix, start - prefix.length) &&
    text.startsWith(suffix, start + exact.length)
  );
}

interface ScoredCandidate extends RawCandidate {
  score: number;
}

function bestOf(
  normalized: NormalizedText,
  candidates: RawCandidate[],
  recorded: RecordedQuote,
): ScoredCandidate | undefined {
  let best: ScoredCandidate | undefined;
  for (const candidate of candidates) {
    const originalStart = normalized.toOriginalStart(candidate.start);
    const score = scoreCandidate(
      normalized.text,
      { ...candidate, originalStart },
      recorded,
      normalized.originalLength,
    );
    if (!best || score > best.score) best = { ...candidate, score };
  }
  return best;
}

/** Maps a normalised candidate back to the article's offsets, without surrounding whitespace. */
function toOriginalRange(text: string, normalized: NormalizedText, candidate: RawCandidate): TextRange {
  let start = normalized.toOriginalStart(candidate.start);
  let end = Math.max(start, normalized.toOriginalEnd(candidate.end));
  // A fuzzy match may begin or end on a space it swallowed; the quote should not.
  while (start < end && /\s/.test(text.charAt(start))) start += 1;
  while (end > start && /\s/.test(text.charAt(end - 1))) end -= 1;
  // Nor may it cut an emoji or other astral character in half.
  if (isLowSurrogate(text, start)) start -= 1;
  if (isLowSurrogate(text, end)) end += 1;
  return { start, end };
}

function isLowSurrogate(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return offset > 0 && code >= 0xdc00 && code <= 0xdfff;
}

function orphan(score: number, bestCandidate: TextRange | null): AnchorResult {
  return { status: 'orphaned', start: null, end: null, score, bestCandidate };
}

/** The stored form of a result, as `Claim.anchor` keeps it. */
export function toAnchorStatus(result: AnchorResult, target: ClaimTarget): AnchorStatus {
  if (result.status !== 'orphaned') return { status: result.status, score: result.score };
  const { prefix, exact, suffix } = target.quote;
  return { status: 'orphaned', score: result.score, previous: { prefix, exact, suffix } };
}
