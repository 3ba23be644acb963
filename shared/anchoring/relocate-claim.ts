/**
 * Finding one claim again in a revision, as a short sequence of steps: still in place (exact,
 * unless an identical copy makes it ambiguous)? → every place it could be, scored
 * (candidate-places.ts, candidate-score.ts) → the best and its rival (choose-place.ts) → nothing
 * placeable: placed for review or orphaned (unplaced-claim.ts) → the verdict on an edited quote
 * (edited-quote.ts) or on the very words elsewhere (verbatim-quote.ts) → the last review reasons
 * and the result, its edges moved (placement-edges.ts). createAnchorer (anchor-target.ts) then
 * checks the answer against the edit itself (edit-place.ts).
 */
import type { ClaimTarget } from '../model/claim';
import {
  AMBIGUITY_MARGIN,
  CONFIDENT_THRESHOLD,
  RELOCATE_THRESHOLD,
  orphan,
  type AnchorerOptions,
  type AnchorResult,
  type ReviewReason,
} from './anchor-types';
import { aligned, bracketed, findVerbatim, inOldContext, likelyPlaces, type Candidate, type PreparedText, type Recorded } from './candidate-places';
import { placeable, score } from './candidate-score';
import { chooseBest, editedOverPullQuote, rivalOf, rivalReasons } from './choose-place';
import { pick, stoodElsewhere, type ClaimSearch, type Placement } from './claim-search';
import { judgeEditedQuote } from './edited-quote';
import { normalizeString, type NormalizedText } from './normalize-text';
import { changedEdges, reviewEdges, toOriginalRange } from './placement-edges';
import type { History } from './previous-revision';
import { BRACKET_SPAN, MIN_WORDS_KEPT } from './review-evidence';
import { placeForReviewOrOrphan } from './unplaced-claim';
import { judgeVerbatimQuote } from './verbatim-quote';
import { leftEmpty } from './vacated-place';
import { wordsKept } from './word-similarity';

/** At most this many verbatim copies (the nearest to the old place) are scored when none is in its old context. */
const MAX_VERBATIM_SCORED = 12;
/** Score bonus for the verbatim occurrence with the claim's old ordinal: a hint, below the ambiguity margin. */
const ORDINAL_WEIGHT = 0.03;

/**
 * Where a claim now stands in `text`, on the evidence of its recorded selectors and (through
 * `history`) of the previous revision; see anchorTarget in anchor-target.ts for the contract.
 */
export function anchorIn(text: string, prepare: () => PreparedText, target: ClaimTarget, options: AnchorerOptions, history: History): AnchorResult {
  const inPlace = standsAtRecordedPlace(text, target);
  // Quote and context untouched at the recorded place, and (in an edited text) no identical copy
  // of quote and context elsewhere: exact. The copy check costs one index lookup per claim.
  if (inPlace && !options.checkTwins) return exactly(target);
  const { normalized, index } = prepare();
  const recorded = recordedIn(normalized, target);
  if (inPlace) return twinsChecked(normalized, recorded, index, target);
  if (recorded.exact.trim().length === 0) return orphan(0, null);

  const search: ClaimSearch = {
    text,
    normalized,
    target,
    recorded,
    history,
    options,
    scored: [],
    verbatim: findVerbatim(normalized.text, recorded, index),
  };
  gatherCandidates(search, index);
  if (search.scored.length === 0) return orphan(0, null);
  hintOrdinal(search);
  search.scored.sort((a, b) => b.score - a.score);

  const { best, copyOrOriginal, editedOverCopy } = chooseBest(search);
  if (!best || (best.score < RELOCATE_THRESHOLD && !editedOverCopy)) return placeForReviewOrOrphan(search);
  const range = toOriginalRange(text, normalized, best);
  if (range.end <= range.start) return orphan(0, null);
  const rival = rivalOf(search.scored, best);
  const pullQuoteYields = editedOverPullQuote(search, best, rival, range);
  if (pullQuoteYields) return pullQuoteYields;

  const reasons = rivalReasons(best, rival, copyOrOriginal);
  const placement = placementOf(search, best, range, rival);
  const verdict = best.quote < 1 ? judgeEditedQuote(search, placement) : judgeVerbatimQuote(search, placement);
  if (!Array.isArray(verdict)) return verdict;
  reasons.push(...verdict);
  return placed(search, placement, reasons);
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

/** The claim at its recorded place, untouched: `exact`, score 1. */
function exactly(target: ClaimTarget): AnchorResult {
  const { start } = target.position;
  return { status: 'exact', start, end: start + target.quote.exact.length, score: 1 };
}

/** The claim's recorded quote and context, normalised, with its old start in the normalised text as a hint. */
function recordedIn(normalized: NormalizedText, target: ClaimTarget): Recorded {
  const { exact, prefix, suffix } = target.quote;
  return {
    exact: normalizeString(exact),
    prefix: normalizeString(prefix),
    suffix: normalizeString(suffix),
    hint: normalized.toNormalizedOffset(target.position.start),
  };
}

/**
 * A claim still in place in a new revision: `exact` unless another identical copy of quote and
 * context stands elsewhere, then `relocated` at its place, asked (`ambiguous`).
 */
function twinsChecked(normalized: NormalizedText, recorded: Recorded, index: PreparedText['index'], target: ClaimTarget): AnchorResult {
  const { start } = target.position;
  const twins = findVerbatim(normalized.text, recorded, index).filter((c) => inOldContext(normalized.text, c, recorded));
  if (twins.length <= 1) return exactly(target);
  // Identical copies, context and all: position says which, but only the analyst can know.
  return { status: 'relocated', start, end: start + target.quote.exact.length, score: 1, review: ['ambiguous'] };
}

/**
 * Every place the claim could be, scored into `search.scored` (each stretch once, trimmed of
 * spaces): a verbatim copy in its old context settles it; otherwise the copies nearest the old
 * place, the stretches the recorded neighbours enclose, the fuzzy alignments at the likely places,
 * and, when nothing but copies with none of the old neighbours could be placed, the claim's old
 * place by the text around it.
 */
function gatherCandidates(search: ClaimSearch, index: PreparedText['index']): void {
  const { target, recorded, history, normalized, scored, verbatim } = search;
  const N = normalized.text;
  const seen = new Set<string>();
  const consider = (candidate: Candidate): void => {
    let { start: s, end: e } = candidate;
    while (s < e && N.charAt(s) === ' ') s += 1;
    while (e > s && N.charAt(e - 1) === ' ') e -= 1;
    if (e <= s) return;
    const key = `${s}:${e}`;
    if (seen.has(key)) return;
    seen.add(key);
    scored.push(score(N, { start: s, end: e }, recorded));
  };

  // A verbatim copy in its old context settles it (several such copies: all are scored, and
  // the ambiguity rule flags the placement). Otherwise the copies nearest the old place are
  // scored and the original is looked for elsewhere too: it may have been edited.
  const perfect = verbatim.filter((c) => inOldContext(N, c, recorded));
  const settled = perfect.length > 0;
  if (settled) {
    for (const candidate of perfect) consider(candidate);
  } else {
    const nearest = [...verbatim].sort((a, b) => Math.abs(a.start - recorded.hint) - Math.abs(b.start - recorded.hint));
    for (const candidate of nearest.slice(0, MAX_VERBATIM_SCORED)) consider(candidate);
  }
  if (!settled) {
    const places = likelyPlaces(N, recorded, index(), verbatim);
    for (const candidate of bracketed(N, recorded, places)) consider(candidate);
    // A stretch still enclosed by the recorded neighbours and keeping most of the quote is the
    // claim; the fuzzy alignment elsewhere could only find weaker places.
    const enclosed = scored.some((c) => c.quote >= 0.8 && c.prefix === 1 && c.suffix === 1);
    if (!enclosed) for (const candidate of aligned(N, recorded, places)) consider(candidate);
  }
  // Nothing but verbatim copies with none of the old neighbours (if that) could be placed: the words and context found no
  // other place: the claim's old place, by the text around it, is searched too (its quote and
  // neighbours may both have been reworded there, leaving no word pair to vote for it).
  if (!settled && !scored.some((c) => placeable(c) && c.score >= RELOCATE_THRESHOLD && (c.quote < 1 || Math.max(c.prefix, c.suffix) >= 0.5))) {
    const place = history.bracket(target, normalized);
    const width = place ? place.end - place.start : 0;
    if (place && !leftEmpty(place) && width <= BRACKET_SPAN * (place.gap + recorded.exact.length)) {
      const room = Math.max(16, width - place.gap - recorded.exact.length);
      for (const candidate of aligned(N, recorded, [{ at: place.start + place.before, weight: 0, tolerance: room }])) consider(candidate);
    }
  }
}

/** A repeated quote: the occurrence with the claim's old ordinal (in the previous revision) gets a small lead. */
function hintOrdinal(search: ClaimSearch): void {
  const { target, recorded, history, scored, verbatim } = search;
  if (verbatim.length > 1) {
    const ordinal = history.ordinalOf(target, recorded.exact);
    const same = ordinal === undefined ? undefined : [...verbatim].sort((a, b) => a.start - b.start)[ordinal];
    const hinted = same && scored.find((c) => c.start === same.start && c.end === same.end);
    if (hinted) hinted.score = Math.min(1, hinted.score + ORDINAL_WEIGHT);
  }
}

/** The chosen place with what the verdicts weigh: its rival, whether it is alone, its trusted context, whether it stood there before. */
function placementOf(search: ClaimSearch, best: Placement['best'], range: Placement['range'], rival: Placement['rival']): Placement {
  const { prefix, suffix } = search.target.quote;
  let existed: boolean | undefined;
  return {
    best,
    range,
    rival,
    alone: !rival || rival.score < best.score - 2 * AMBIGUITY_MARGIN,
    // A claim at the very start (end) of the article recorded no prefix (suffix); text there now
    // scores 0.5 (see textSimilarity), which ranks candidates but is no neighbour to trust.
    prefix: prefix === '' && best.prefix < 1 ? 0 : best.prefix,
    suffix: suffix === '' && best.suffix < 1 ? 0 : best.suffix,
    preexisting: () => (existed ??= stoodElsewhere(search, best)),
  };
}

/**
 * The claim placed on `best` with the review reasons found so far, and the last two: a stretch
 * keeping under a third of the claim's words, and a score under `CONFIDENT_THRESHOLD`. A changed
 * placement's edges are moved (onto the neighbours as well, when it is asked about and kept under
 * 90 % of the quote); `explain` is told.
 */
function placed(search: ClaimSearch, placement: Placement, reasons: ReviewReason[]): AnchorResult {
  const { text, normalized, target, recorded, history, options, verbatim } = search;
  const N = normalized.text;
  const { best, range, rival, preexisting } = placement;
  // Whatever speaks for the place, a stretch keeping under a third of the claim's words is not
  // the claim as the analyst coded it: placed, asked.
  if (reasons.length === 0 && best.quote < 1 && wordsKept(recorded.exact, N.slice(best.start, best.end), MIN_WORDS_KEPT) < MIN_WORDS_KEPT)
    reasons.push('quote-changed');
  if (reasons.length === 0 && best.score < CONFIDENT_THRESHOLD) reasons.push('weak-evidence');
  options.explain?.({
    quoteLength: recorded.exact.length,
    best: { start: range.start, end: range.end, ...pick(best) },
    rival: rival ? { ...toOriginalRange(text, normalized, rival), ...pick(rival) } : null,
    verbatim: verbatim.length,
    preexisting: preexisting(),
    wide: history.surroundings(target, normalized, best),
    review: reasons.length > 0 ? reasons : null,
    status: 'relocated',
  });
  return reasons.length > 0
    ? {
        status: 'relocated',
        ...(best.quote < 0.9 ? reviewEdges(text, range, target.quote) : best.quote < 1 ? changedEdges(text, range, target.quote) : range),
        score: best.score,
        review: reasons,
      }
    : { status: 'relocated', ...(best.quote < 1 ? changedEdges(text, range, target.quote) : range), score: best.score };
}
