/**
 * One claim's search, as the steps of its relocation share it (relocate-claim.ts): the article as
 * given and normalised, the claim's recorded quote and context, the previous revision's evidence,
 * every candidate scored and the verbatim copies of its quote; and the judgements about a stretch
 * that more than one step asks: is it other text beside the claim's emptied place, does it stand
 * in the claim's old sentence, what stands at the claim's old place now.
 */
import type { ClaimTarget } from '../model/claim';
import { AMBIGUITY_MARGIN, MIN_QUOTE_SIMILARITY, RELOCATE_THRESHOLD, orphan, type AnchorerOptions, type AnchorResult } from './anchor-types';
import type { Candidate, Recorded } from './candidate-places';
import { score, type Scored } from './candidate-score';
import type { TextRange } from './describe-range';
import type { NormalizedText } from './normalize-text';
import { reviewEdges, toOriginalRange, toWords, withinSentence } from './placement-edges';
import type { History } from './previous-revision';
import { MIN_WORDS_KEPT, REVIEW_MIN_QUOTE, REWRITE_MIN_QUOTE, REWRITE_WIDTH } from './review-evidence';
import { leftEmpty, type OldBracket } from './vacated-place';
import { wordsKept } from './word-similarity';

/** One claim's search in one revision. */
export interface ClaimSearch {
  /** The article as given (offsets of results are in it). */
  text: string;
  normalized: NormalizedText;
  target: ClaimTarget;
  recorded: Recorded;
  history: History;
  options: AnchorerOptions;
  /** Every candidate scored; best first once the candidates are gathered. */
  scored: Scored[];
  /** Every verbatim occurrence of the (normalised) quote. */
  verbatim: Candidate[];
}

/** The place chosen for a claim, and what it is weighed against. */
export interface Placement {
  best: Scored;
  /** `best` in the article's offsets. */
  range: TextRange;
  /** The best-scoring other candidate not overlapping `best` (see rivalOf in choose-place.ts). */
  rival: Scored | undefined;
  /** No rival within twice the ambiguity margin. */
  alone: boolean;
  /** `best`'s likeness to the recorded prefix (suffix); an empty one (the article's edge) counts none unless matched exactly. */
  prefix: number;
  suffix: number;
  /** True if `best`'s text, with a few characters either side, stood in the previous revision away from the claim (read once). */
  preexisting: () => boolean;
}

/** Characters either side of a candidate that must have stood with it in the previous revision to call it a passage already there. */
const PREEXISTING_MARGIN = 16;
/** A changed quote keeping less than this of the claim, beside or away from the claim's emptied place, is other text. */
export const OTHER_TEXT_QUOTE = 0.75;

/** A candidate's quote, context and score, as `explain` reports them. */
export function pick(c: Scored): { score: number; quote: number; prefix: number; suffix: number } {
  return { score: c.score, quote: c.quote, prefix: c.prefix, suffix: c.suffix };
}

/**
 * True if the stretch, with 16 characters either side (a short phrase alone stands in many
 * places), stood in the previous revision away from the claim: a passage already there.
 */
export function stoodElsewhere(search: ClaimSearch, c: Candidate): boolean {
  const N = search.normalized.text;
  return search.history.existedElsewhere(search.target, N.slice(Math.max(0, c.start - PREEXISTING_MARGIN), c.end + PREEXISTING_MARGIN)) === true;
}

/**
 * True if the claim's old place is known by the text around it and its text is gone from it (see
 * vacated-place.ts), and this candidate lies beside or away from that place.
 */
export function outsideVacated(search: ClaimSearch, c: Scored): boolean {
  const place = search.history.bracket(search.target, search.normalized);
  return place !== undefined && leftEmpty(place) && (c.end <= place.start || c.start >= place.end);
}

/**
 * True for a changed stretch beside or away from the claim's old place, which is known to be empty
 * of it, keeping under three quarters of the quote (and not half of it in the claim's kept old
 * sentence) or standing, as it is, elsewhere in the previous revision: other text.
 */
export function otherText(search: ClaimSearch, c: Scored, stoodElsewhere: () => boolean): boolean {
  const { text, normalized, target, history } = search;
  return (
    c.quote < 1 &&
    outsideVacated(search, c) &&
    ((c.quote < OTHER_TEXT_QUOTE && !(c.quote >= MIN_QUOTE_SIMILARITY && history.keptSentence(target, toOriginalRange(text, normalized, c)))) ||
      stoodElsewhere())
  );
}

/**
 * True for a rewritten stretch standing among the other words of the claim's old sentence
 * (reworded perhaps, see keptSentence in previous-revision.ts), keeping a fair part of the quote
 * and a third of its words, with no other place close in score and not known to be other text:
 * the claim, rewritten with its sentence and its 32-character neighbours; placed for review.
 */
export function inOldSentence(search: ClaimSearch, c: Scored, range: TextRange): boolean {
  const { target, recorded, history, scored } = search;
  const N = search.normalized.text;
  return (
    c.quote >= REVIEW_MIN_QUOTE &&
    wordsKept(recorded.exact, N.slice(c.start, c.end), MIN_WORDS_KEPT) >= MIN_WORDS_KEPT &&
    !scored.some((o) => o !== c && (o.end <= c.start || o.start >= c.end) && o.score >= c.score - AMBIGUITY_MARGIN) &&
    !otherText(search, c, () => stoodElsewhere(search, c)) &&
    history.keptSentence(target, range)
  );
}

/**
 * The best stretch of the claim's length at its old place: the candidates inside the bracket of
 * its old surroundings, and the stretch where it stood between them (as far from each as before).
 */
export function atOldPlace(search: ClaimSearch, place: OldBracket): Scored | undefined {
  const { recorded, scored } = search;
  const N = search.normalized.text;
  const length = recorded.exact.length;
  const plausible = (c: Candidate) => {
    const ratio = (c.end - c.start) / length;
    return ratio >= REWRITE_WIDTH[0] && ratio <= REWRITE_WIDTH[1];
  };
  const expected = withinSentence(N, toWords(N, { start: place.start + place.before, end: place.end - place.after }), recorded.exact);
  const inside = scored.filter((c) => c.start >= place.start && c.end <= place.end && plausible(c));
  if (expected && plausible(expected)) inside.push(score(N, expected, recorded));
  return inside.sort((a, b) => b.score - a.score)[0];
}

/**
 * The stretch of the claim's length as far from the piece before (after) as the claim stood, the
 * better-scoring of the two: for a bracket that text was added to.
 */
export function besideOnePiece(search: ClaimSearch, place: OldBracket): Scored | undefined {
  const { recorded } = search;
  const N = search.normalized.text;
  const length = recorded.exact.length;
  const estimates = [
    { start: place.start + place.before, end: place.start + place.before + length },
    { start: place.end - place.after - length, end: place.end - place.after },
  ]
    .map((c) => withinSentence(N, toWords(N, c), recorded.exact))
    .filter((c): c is Candidate => c !== undefined && c.start >= place.start && c.end <= place.end);
  return estimates.map((c) => score(N, c, recorded)).sort((a, b) => b.score - a.score)[0];
}

/**
 * The stretch at the claim's old place (inside the bracket of its old surroundings, where the
 * claim stood between them), when a verbatim copy stands outside it and is not the claim's whole
 * old sentence moved, and that stretch keeps part of the quote: the claim, rewritten in place.
 */
export function originalInPlace(search: ClaimSearch, copy: Scored): Scored | undefined {
  const { text, normalized, target, history } = search;
  const place = history.bracket(target, normalized);
  if (!place || leftEmpty(place) || (copy.end > place.start && copy.start < place.end)) return undefined;
  if (history.movedSentence(target, toOriginalRange(text, normalized, copy))) return undefined;
  const found = atOldPlace(search, place);
  return found && found.quote >= REWRITE_MIN_QUOTE ? found : undefined;
}

/**
 * The claim placed on `chosen` (at `at` in the article) rather than on `over` (at `range`), asked
 * (`ambiguous`), its edges moved as for any placement asked about; `explain` is told.
 */
export function placedInstead(search: ClaimSearch, chosen: Scored, at: TextRange, over: Scored, range: TextRange): AnchorResult {
  search.options.explain?.({
    quoteLength: search.recorded.exact.length,
    best: { ...at, ...pick(chosen) },
    rival: { ...range, ...pick(over) },
    verbatim: search.verbatim.length,
    review: ['ambiguous'],
    status: 'relocated',
  });
  return { status: 'relocated', ...reviewEdges(search.text, at, search.target.quote), score: chosen.score, review: ['ambiguous'] };
}

/**
 * The claim orphaned, `offered` (at `range`) offered to the review with a score below the
 * threshold; `explain` is told (with whether the stretch was already there, when given).
 */
export function orphanedOffering(search: ClaimSearch, offered: Scored, range: TextRange, preexisting?: boolean): AnchorResult {
  search.options.explain?.({
    quoteLength: search.recorded.exact.length,
    best: { start: range.start, end: range.end, ...pick(offered) },
    rival: null,
    verbatim: search.verbatim.length,
    ...(preexisting === undefined ? {} : { preexisting }),
    review: null,
    status: 'orphaned',
  });
  return orphan(Math.min(offered.score, RELOCATE_THRESHOLD - 0.001), range);
}
