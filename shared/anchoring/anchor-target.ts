import type { AnchorStatus, ClaimTarget } from '../model/claim';
import type { TextRange } from './describe-range';
import { normalizeString } from './normalize-text';
import { leftEmpty, type OldBracket } from './vacated-place';
import { rewordedInPlace } from './edit-place';
import { previousRevision, type History } from './previous-revision';
import { wordsKept } from './word-similarity';
import { oldNeighboursAround, pullQuote, swappedWithin } from './moved-or-copied';
import {
  BRACKET_SPAN,
  MIN_WORDS_KEPT,
  REVIEW_MIN_QUOTE,
  REVIEW_MIN_SCORE,
  REWRITE_MIN_QUOTE,
  REWRITE_WIDTH,
  keptWithinBracket,
  rewrittenBetween,
  worthReviewing,
} from './review-evidence';
import { changedEdges, reviewEdges, toOriginalRange, toWords, withinSentence } from './placement-edges';
import { BRACKETING_CONTEXT, placeable, score, type Scored } from './candidate-score';
import {
  aligned,
  bracketed,
  findVerbatim,
  inOldContext,
  likelyPlaces,
  preparedText,
  type Candidate,
  type PreparedText,
  type Recorded,
} from './candidate-places';
import {
  AMBIGUITY_MARGIN,
  CONFIDENT_THRESHOLD,
  MIN_QUOTE_SIMILARITY,
  RELOCATE_THRESHOLD,
  orphan,
  type AnchorerOptions,
  type AnchorResult,
  type ReviewReason,
} from './anchor-types';

export {
  AMBIGUITY_MARGIN,
  CONFIDENT_THRESHOLD,
  MIN_QUOTE_SIMILARITY,
  RELOCATE_THRESHOLD,
  type AnchorEvidence,
  type AnchorerOptions,
  type AnchorResult,
  type ReviewReason,
} from './anchor-types';

/** Anchors many claims against one text, normalising and indexing the text at most once. */
export interface Anchorer {
  /** Same contract as {@link anchorTarget}. */
  anchor(target: ClaimTarget): AnchorResult;
}

/** Score bonus for the verbatim occurrence with the claim's old ordinal: a hint, below the ambiguity margin. */
const ORDINAL_WEIGHT = 0.03;

/**
 * Prepares `text` for anchoring claims. The normalised copy and the word-pair index are built
 * lazily, once, on the first claim that is not at its recorded place, so re-anchoring an
 * unchanged article costs only a string comparison per claim.
 */
export function createAnchorer(text: string, options: AnchorerOptions = {}): Anchorer {
  const prepare = preparedText(text);
  const history = previousRevision(text, options, prepare);
  return {
    anchor: (target) => {
      const result = anchorIn(text, prepare, target, options, history);
      // A placement the search trusts stands. Otherwise the edit itself is asked: where the diff
      // of the two revisions carried the claim's old stretch. When that is a rewording of it
      // (a quarter of its words kept, about its length, not verbatim) in what is recognisably
      // its old sentence still, the claim is there: a placement already asked about takes the
      // edit's edges (the search's words miss a reworded claim's edges), and an orphan is placed
      // there, asked (the analyst confirms or re-selects). Its words quoted in a sentence that is
      // new stay with the orphan review.
      if (result.status !== 'orphaned' && !result.review) return result;
      const place = history.byTheEdit(target);
      if (!place || !rewordedInPlace(place)) return result;
      const at = toOriginalRange(text, prepare().normalized, place);
      if (at.end <= at.start || history.newSentence(target, at)) return result;
      const review: ReviewReason[] = result.status === 'orphaned' ? ['quote-changed'] : (result.review ?? []);
      options.explain?.({
        quoteLength: target.quote.exact.length,
        best: { ...at, score: place.words, quote: place.words, prefix: 0, suffix: 0 },
        rival: result.status === 'orphaned' ? null : { start: result.start, end: result.end, score: result.score, quote: 0, prefix: 0, suffix: 0 },
        verbatim: 0,
        byTheEdit: true,
        review,
        status: 'relocated',
      });
      return result.status === 'orphaned' ? { status: 'relocated', ...at, score: place.words, review } : { ...result, start: at.start, end: at.end };
    },
  };
}

/**
 * Finds a claim's quote in `text` (the article, perhaps edited since the claim was made).
 *
 * `exact` (score 1) only when quote, prefix and suffix are all still at the recorded position,
 * character for character. Otherwise every place the claim could now be is gathered: each
 * verbatim occurrence of the quote, the stretch its recorded prefix and suffix still bracket, and
 * the places the quote's and context's word pairs point to, aligned fuzzily (so an untouched copy
 * of the old wording elsewhere cannot hide the lightly edited original). Each is scored on quote,
 * context and position, and the best is `relocated` when the evidence is strong and no other
 * place comes close, `relocated` with `review` reasons when it is weak or ambiguous, and
 * `orphaned` when nothing resembles the claim enough. Never throws.
 */
export function anchorTarget(text: string, target: ClaimTarget, options: AnchorerOptions = {}): AnchorResult {
  return createAnchorer(text, options).anchor(target);
}

/** A quote this long, with this share of its wider old surroundings on both sides and no rival, is trusted though reworded. */
const WIDE_MIN_QUOTE = 80;
const WIDE_MIN_SHARE = 0.3;
/** A quote rewritten past half its wording is trusted only with this share of its wider old surroundings on both sides (and both neighbours verbatim). */
const WIDE_INTACT = 0.9;

function anchorIn(text: string, prepare: () => PreparedText, target: ClaimTarget, options: AnchorerOptions, history: History): AnchorResult {
  const { ordinalOf } = history;
  const { exact, prefix, suffix } = target.quote;
  const { start } = target.position;
  const inPlace = standsAtRecordedPlace(text, target);
  // Quote and context untouched at the recorded place, and (in an edited text) no identical copy
  // of quote and context elsewhere: exact. The copy check costs one index lookup per claim.
  if (inPlace && !options.checkTwins) return { status: 'exact', start, end: start + exact.length, score: 1 };
  const { normalized, index } = prepare();
  const recorded: Recorded = {
    exact: normalizeString(exact),
    prefix: normalizeString(prefix),
    suffix: normalizeString(suffix),
    hint: normalized.toNormalizedOffset(start),
  };
  if (inPlace) {
    const twins = findVerbatim(normalized.text, recorded, index).filter((c) => inOldContext(normalized.text, c, recorded));
    if (twins.length <= 1) return { status: 'exact', start, end: start + exact.length, score: 1 };
    // Identical copies, context and all: position says which, but only the analyst can know.
    return { status: 'relocated', start, end: start + exact.length, score: 1, review: ['ambiguous'] };
  }
  if (recorded.exact.trim().length === 0) return orphan(0, null);
  const N = normalized.text;

  const scored: Scored[] = [];
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

  const verbatim = findVerbatim(N, recorded, index);
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
  if (scored.length === 0) return orphan(0, null);

  // A repeated quote: the occurrence with the claim's old ordinal gets a small lead.
  if (verbatim.length > 1) {
    const ordinal = ordinalOf(target, recorded.exact);
    const same = ordinal === undefined ? undefined : [...verbatim].sort((a, b) => a.start - b.start)[ordinal];
    const hinted = same && scored.find((c) => c.start === same.start && c.end === same.end);
    if (hinted) hinted.score = Math.min(1, hinted.score + ORDINAL_WEIGHT);
  }
  scored.sort((a, b) => b.score - a.score);
  // The claim's old place is known by the text around it and its text is gone from it (see
  // vacated-place.ts), and this candidate lies beside or away from that place.
  const outsideVacated = (c: Scored): boolean => {
    const place = history.bracket(target, normalized);
    return place !== undefined && leftEmpty(place) && (c.end <= place.start || c.start >= place.end);
  };
  // A changed stretch beside or away from the claim's old place, which is known to be empty of it,
  // keeping under three quarters of the quote or standing, as it is, elsewhere in the previous
  // revision: other text.
  const otherText = (c: Scored, stoodElsewhere: () => boolean): boolean =>
    c.quote < 1 &&
    outsideVacated(c) &&
    ((c.quote < OTHER_TEXT_QUOTE && !(c.quote >= MIN_QUOTE_SIMILARITY && history.keptSentence(target, toOriginalRange(text, normalized, c)))) ||
      stoodElsewhere());
  // A rewritten stretch standing among the other words of the claim's old sentence (reworded
  // perhaps, see keptSentence), keeping a fair part of the quote and a third of its words, with
  // no other place close in score and not known to be other text: the claim, rewritten with its
  // sentence and its 32-character neighbours; placed for review.
  const inOldSentence = (c: Scored, range: TextRange): boolean =>
    c.quote >= REVIEW_MIN_QUOTE &&
    wordsKept(recorded.exact, N.slice(c.start, c.end), MIN_WORDS_KEPT) >= MIN_WORDS_KEPT &&
    !scored.some((o) => o !== c && (o.end <= c.start || o.start >= c.end) && o.score >= c.score - AMBIGUITY_MARGIN) &&
    !otherText(c, () => history.existedElsewhere(target, N.slice(Math.max(0, c.start - PREEXISTING_MARGIN), c.end + PREEXISTING_MARGIN)) === true) &&
    history.keptSentence(target, range);
  // The best stretch of the claim's length at its old place: the candidates inside the bracket of
  // its old surroundings, and the stretch where it stood between them (as far from each as before).
  const atOldPlace = (place: OldBracket): Scored | undefined => {
    const length = recorded.exact.length;
    const plausible = (c: Candidate) => {
      const ratio = (c.end - c.start) / length;
      return ratio >= REWRITE_WIDTH[0] && ratio <= REWRITE_WIDTH[1];
    };
    const expected = withinSentence(N, toWords(N, { start: place.start + place.before, end: place.end - place.after }), recorded.exact);
    const inside = scored.filter((c) => c.start >= place.start && c.end <= place.end && plausible(c));
    if (expected && plausible(expected)) inside.push(score(N, expected, recorded));
    return inside.sort((a, b) => b.score - a.score)[0];
  };
  // The stretch of the claim's length as far from the piece before (after) as the claim stood,
  // the better-scoring of the two: for a bracket that text was added to.
  const besideOnePiece = (place: OldBracket): Scored | undefined => {
    const length = recorded.exact.length;
    const estimates = [
      { start: place.start + place.before, end: place.start + place.before + length },
      { start: place.end - place.after - length, end: place.end - place.after },
    ]
      .map((c) => withinSentence(N, toWords(N, c), recorded.exact))
      .filter((c): c is Candidate => c !== undefined && c.start >= place.start && c.end <= place.end);
    return estimates.map((c) => score(N, c, recorded)).sort((a, b) => b.score - a.score)[0];
  };
  // Only a candidate that keeps enough of the quote may be placed, however good its context.
  // An orphan offers the review the best-scoring place of all (often the stretch between its old
  // neighbours, rewritten).
  let best = scored.find(placeable);
  // A verbatim copy with none of the recorded neighbours (a pull-quote, a summary) against an
  // edited stretch still standing by its old neighbours: the claim is where its text was, edited.
  // Between both neighbours that is settled; beside one, the analyst is asked (`ambiguous`).
  let copyOrOriginal = false;
  let editedOverCopy = false;
  if (best && best.quote === 1 && Math.max(best.prefix, best.suffix) < 0.5) {
    const copy = best;
    const original = scored.find(
      (c) => c !== copy && (c.end <= copy.start || c.start >= copy.end) && c.quote >= MIN_QUOTE_SIMILARITY && Math.max(c.prefix, c.suffix) >= 0.95,
    );
    if (original) {
      best = original;
      copyOrOriginal = Math.min(original.prefix, original.suffix) < BRACKETING_CONTEXT;
    } else if (Math.max(copy.prefix, copy.suffix) < NO_NEIGHBOUR && !history.movedSentence(target, toOriginalRange(text, normalized, copy))) {
      // The copy has no trace of either old neighbour; an edited stretch has clearly more of
      // them: the claim is more likely where its surroundings are. Placed there, always asked.
      // (Not when the copy is the claim's whole old sentence moved, nor for a stretch known to be
      // other text: beside the claim's emptied place, it is the sentence the claim left.)
      const edited = scored.find(
        (c) =>
          c !== copy &&
          (c.end <= copy.start || c.start >= copy.end) &&
          c.quote >= REVIEW_MIN_QUOTE &&
          c.score >= REVIEW_MIN_SCORE &&
          c.prefix + c.suffix - copy.prefix - copy.suffix >= CONTEXT_LEAD &&
          !otherText(c, () => false),
      );
      if (edited) {
        best = edited;
        copyOrOriginal = true;
        editedOverCopy = true;
      }
    }
  }
  // The claim's own sentence: a close contender standing among the other words of the claim's
  // old sentence, where the best stands in a sentence that is new (a copy set down right before
  // the claim's old next sentence takes its recorded suffix along), is where the claim is.
  // Placed there, asked (`ambiguous`).
  // (Not for a best that stands between both its recorded neighbours: a copy has one at most.)
  if (best && !copyOrOriginal && best.score >= RELOCATE_THRESHOLD && Math.min(best.prefix, best.suffix) < BRACKETING_CONTEXT) {
    const current = best;
    const contenders = scored
      .filter(
        (c) =>
          c !== current &&
          (c.end <= current.start || c.start >= current.end) &&
          placeable(c) &&
          c.score >= Math.max(RELOCATE_THRESHOLD, current.score - SENTENCE_REACH),
      )
      .slice(0, MAX_CONTENDERS);
    if (contenders.length > 0 && options.previousText !== undefined) {
      const fit = (c: Scored) => history.sentence(target, toOriginalRange(text, normalized, c)) ?? 0;
      const fits = contenders.map((c) => ({ c, fit: fit(c) })).sort((a, b) => b.fit - a.fit);
      if (fits[0]!.fit - fit(current) >= SENTENCE_LEAD) {
        best = fits[0]!.c;
        copyOrOriginal = true;
      }
    }
  }
  if (!best || (best.score < RELOCATE_THRESHOLD && !editedOverCopy)) {
    let offered = scored[0]!;
    let range = toOriginalRange(text, normalized, offered);
    // Rather than orphan a claim whose text is still there, rewritten: a stretch keeping a fair
    // part of the quote, with a trace of both recorded neighbours and no other place close in
    // score, is placed for the analyst to check (`quote-changed`), never trusted.
    let review =
      range.end > range.start &&
      worthReviewing(offered, scored, prefix, suffix) &&
      !otherText(
        offered,
        () => history.existedElsewhere(target, N.slice(Math.max(0, offered.start - PREEXISTING_MARGIN), offered.end + PREEXISTING_MARGIN)) === true,
      );
    if (!review) {
      // The wider old surroundings still bracket a stretch of the claim's length: rewritten with its neighbours.
      const place = history.bracket(target, normalized);
      // (the best-scoring stretch if it lies there: its edges come from the search, not an estimate)
      const within = (c: Scored, p: OldBracket) => c.start >= p.start && c.end <= p.end;
      const inside = place && !leftEmpty(place) ? (within(offered, place) ? offered : atOldPlace(place)) : undefined;
      if (inside && rewrittenBetween(inside, scored, recorded, place)) {
        const at = toOriginalRange(text, normalized, inside);
        if (at.end > at.start) [offered, range, review] = [inside, at, true];
      } else if (place && range.end > range.start && keptWithinBracket(offered, scored, recorded, place, N)) {
        review = true;
      } else if (place && !leftEmpty(place)) {
        // Text was added beside the claim inside the bracket: where the claim stood as far from
        // one of the surviving pieces as it did before.
        const side = besideOnePiece(place);
        const at = side && keptWithinBracket(side, scored, recorded, place, N) ? toOriginalRange(text, normalized, side) : undefined;
        if (side && at && at.end > at.start) [offered, range, review] = [side, at, true];
      }
    }
    if (!review && range.end > range.start && inOldSentence(offered, range)) review = true;
    if (review) {
      options.explain?.({
        quoteLength: recorded.exact.length,
        best: { start: range.start, end: range.end, score: offered.score, quote: offered.quote, prefix: offered.prefix, suffix: offered.suffix },
        rival: null,
        verbatim: verbatim.length,
        review: ['quote-changed'],
        status: 'relocated',
      });
      return { status: 'relocated', ...reviewEdges(text, range, target.quote), score: offered.score, review: ['quote-changed'] };
    }
    options.explain?.({
      quoteLength: recorded.exact.length,
      best: { start: range.start, end: range.end, score: offered.score, quote: offered.quote, prefix: offered.prefix, suffix: offered.suffix },
      rival: null,
      verbatim: verbatim.length,
      review: null,
      status: 'orphaned',
    });
    if (range.end <= range.start) return orphan(0, null);
    return orphan(Math.min(offered.score, RELOCATE_THRESHOLD - 0.001), range);
  }
  const range = toOriginalRange(text, normalized, best);
  if (range.end <= range.start) return orphan(0, null);

  const reasons: ReviewReason[] = copyOrOriginal ? ['ambiguous'] : [];
  let existed: boolean | undefined | null = null;
  // (with a few characters either side: a short phrase alone stands in many places)
  const preexisting = (): boolean =>
    (existed ??= history.existedElsewhere(target, N.slice(Math.max(0, best.start - PREEXISTING_MARGIN), best.end + PREEXISTING_MARGIN))) === true;
  const pick = (c: Scored) => ({ score: c.score, quote: c.quote, prefix: c.prefix, suffix: c.suffix });
  // The edited original by a verbatim old neighbour has no rival in a verbatim copy that has none
  // of the old surroundings (a pull-quote): that copy is new text quoting the claim.
  const byNeighbour = best.quote < 1 && Math.max(best.prefix, best.suffix) >= 0.95;
  const contextFreeCopy = (c: Scored) => c.quote === 1 && Math.max(c.prefix, c.suffix) < 0.3;
  const rival = scored.find((c) => c !== best && (c.end <= best.start || c.start >= best.end) && !(byNeighbour && contextFreeCopy(c)));
  // The very words set as a paragraph of their own (a pull-quote, "Earlier: …"), where the claim
  // was not a paragraph of its own, against an edited stretch by an old neighbour: the claim is the
  // edited stretch. Placed there, asked.
  if (best.quote === 1 && rival && rival.quote >= MIN_QUOTE_SIMILARITY && rival.quote < 1 && Math.max(rival.prefix, rival.suffix) >= 0.95) {
    if (pullQuote(text, range, target)) {
      const at = toOriginalRange(text, normalized, rival);
      if (at.end > at.start) {
        options.explain?.({
          quoteLength: recorded.exact.length,
          best: { ...at, ...pick(rival) },
          rival: { ...range, ...pick(best) },
          verbatim: verbatim.length,
          review: ['ambiguous'],
          status: 'relocated',
        });
        return { status: 'relocated', ...at, score: rival.score, review: ['ambiguous'] };
      }
    }
  }
  // A rival close in score is no rival if the best alone still has its recorded neighbours.
  const contextLead = rival ? (best.prefix + best.suffix - rival.prefix - rival.suffix) / 2 : 1;
  if (copyOrOriginal) {
    // flagged above
  } else if (rival && rival.score >= best.score - AMBIGUITY_MARGIN && rival.quote >= MIN_QUOTE_SIMILARITY && contextLead < 0.3) {
    reasons.push('ambiguous');
  } else if (
    rival &&
    rival.quote >= 0.65 &&
    Math.min(best.prefix, best.suffix) < 0.5 &&
    best.quote - rival.quote < 0.35 &&
    rival.score >= best.score - 2 * AMBIGUITY_MARGIN
  ) {
    // The very words with only one old neighbour, and elsewhere a lightly edited version: a copy
    // placed next to the original takes one of its neighbours with it. Either may be the claim
    // (unless that version is far behind in score: a short phrase half-matches many a place).
    reasons.push('ambiguous');
  } else if (
    rival &&
    rival.quote >= MIN_QUOTE_SIMILARITY &&
    ((best.suffix >= 0.95 && best.prefix < 0.5 && rival.prefix >= 0.95) || (best.prefix >= 0.95 && best.suffix < 0.5 && rival.suffix >= 0.95))
  ) {
    // The evidence is split: this place has one old neighbour, another place the other one.
    reasons.push('ambiguous');
  }
  const alone = !rival || rival.score < best.score - 2 * AMBIGUITY_MARGIN;
  // A verbatim copy is another occurrence of the words, not the claim, when it stood in the
  // previous revision away from the claim (a twin already there), or when the claim's old place
  // is known by the text around it and the words are gone from it, and the copy is not the
  // claim's whole old sentence moved (a pull-quote, a summary: the words in a sentence that is new).
  // The stretch at the claim's old place (inside the bracket of its old surroundings, where the
  // claim stood between them), when a verbatim copy stands outside it in a sentence that is new.
  const originalInPlace = (copy: Scored): Scored | undefined => {
    const place = history.bracket(target, normalized);
    if (!place || leftEmpty(place) || (copy.end > place.start && copy.start < place.end)) return undefined;
    if (history.movedSentence(target, toOriginalRange(text, normalized, copy))) return undefined;
    const found = atOldPlace(place);
    return found && found.quote >= REWRITE_MIN_QUOTE ? found : undefined;
  };
  const otherOccurrence = (c: Scored): boolean =>
    preexisting() || (outsideVacated(c) && !history.movedSentence(target, toOriginalRange(text, normalized, c)));
  // A claim at the very start (end) of the article recorded no prefix (suffix); text there now
  // scores 0.5 (see textSimilarity), which ranks candidates but is no neighbour to trust.
  const bestPrefix = prefix === '' && best.prefix < 1 ? 0 : best.prefix;
  const bestSuffix = suffix === '' && best.suffix < 1 ? 0 : best.suffix;
  const context = Math.max(bestPrefix, bestSuffix);
  const bracket = Math.min(bestPrefix, bestSuffix);
  if (best.quote < 1) {
    // A changed quote is trusted where its recorded neighbours still stand around it.
    // Thresholds calibrated on the benchmark's calibration half (test/bench/anchor-bench.ts).
    const trusted =
      // both neighbours stand around it: a sentence reworded in place (rewritten past half its
      // wording, it is placed but the analyst should see what it says now)
      (bracket >= BRACKETING_CONTEXT && best.quote >= MIN_QUOTE_SIMILARITY) ||
      (best.quote >= 0.6 && bracket >= 0.6) ||
      (best.quote >= 0.9 && context >= 0.5) ||
      (best.quote >= 0.97 && bracket >= 0.3) ||
      // no rival: one neighbour verbatim and a trace of the other, half the quote kept
      (alone && best.quote >= 0.5 && context >= 0.95 && bracket >= 0.1) ||
      (alone && best.quote >= 0.6 && bracket >= 0.45) ||
      // no rival: most of the quote, and both neighbours partly there
      (alone && best.quote >= 0.75 && bracket >= 0.2 && (bestPrefix + bestSuffix) / 2 >= 0.45);
    // A long quote reworded with its sentence (its 32-character neighbours reworded too), no rival,
    // and the previous revision's wider surroundings still on both sides of it.
    const surrounded = (): boolean => {
      if (!alone || best.quote < MIN_QUOTE_SIMILARITY || recorded.exact.length < WIDE_MIN_QUOTE) return false;
      // Not where the claim's old place is known to be something else: in a short article the
      // wider surroundings reach a paraphrase a paragraph away too.
      const place = history.bracket(target, normalized);
      if (place && (best.start < place.start || best.end > place.end)) return false;
      const wide = history.surroundings(target, normalized, best);
      return wide !== undefined && Math.min(wide.before, wide.after) >= WIDE_MIN_SHARE;
    };
    // Rewritten past half its wording, but both recorded neighbours stand verbatim around it,
    // no other place comes close, and the previous revision's wider surroundings (240 characters
    // either side) are nearly all still there: the sentence was rewritten in place.
    const rewrittenInPlace = (): boolean => {
      if (bestPrefix < 1 || bestSuffix < 1 || (rival && rival.score >= best.score - AMBIGUITY_MARGIN)) return false;
      const wide = history.surroundings(target, normalized, best);
      return wide !== undefined && Math.min(wide.before, wide.after) >= WIDE_INTACT;
    };
    const doubtful = !trusted && !surrounded() && !rewrittenInPlace();
    if (doubtful && otherText(best, preexisting)) {
      // The claim's old place is known and its text is gone from it; this stretch, beside or away
      // from that place, keeps only part of the quote: other text (often the next sentence, which
      // shares a few words with it), not the claim. Offered to the orphan review.
      options.explain?.({
        quoteLength: recorded.exact.length,
        best: { start: range.start, end: range.end, ...pick(best) },
        rival: null,
        verbatim: verbatim.length,
        review: null,
        status: 'orphaned',
      });
      return orphan(Math.min(best.score, RELOCATE_THRESHOLD - 0.001), range);
    }
    if (doubtful && best.quote < OTHER_TEXT_QUOTE) {
      // A doubtful stretch away from the claim's old place, which still stands as wide as it was
      // and holds a stretch of the claim's length keeping part of its words: the claim is there,
      // rewritten; the stretch away is a similar sentence. Placed at the old place, asked.
      const place = history.bracket(target, normalized);
      const width = place ? (place.end - place.start) / (place.gap + recorded.exact.length) : 0;
      const away = place !== undefined && (best.end <= place.start || best.start >= place.end);
      const inside = place && away && !leftEmpty(place) && width >= REWRITE_WIDTH[0] && width <= REWRITE_WIDTH[1] ? atOldPlace(place) : undefined;
      const at =
        inside && inside.quote >= REWRITE_MIN_QUOTE && inside.score >= best.score - 2 * AMBIGUITY_MARGIN
          ? toOriginalRange(text, normalized, inside)
          : undefined;
      if (inside && at && at.end > at.start) {
        options.explain?.({
          quoteLength: recorded.exact.length,
          best: { ...at, ...pick(inside) },
          rival: { ...range, ...pick(best) },
          verbatim: verbatim.length,
          review: ['ambiguous'],
          status: 'relocated',
        });
        return { status: 'relocated', ...reviewEdges(text, at, target.quote), score: inside.score, review: ['ambiguous'] };
      }
    }
    if (doubtful) reasons.push(best.quote < 0.9 ? 'quote-changed' : 'context-changed');
    // A trusted stretch whose very text stood in the previous revision away from the claim is a
    // passage that was already there (a near-twin sentence), not the claim edited: asked.
    else if (preexisting()) reasons.push('ambiguous');
  } else {
    // The very words, elsewhere: trusted where the neighbours agree; a short phrase needs them
    // more. A neighbour across a paragraph break is weak evidence: a copy set as a paragraph of
    // its own before (or after) that paragraph gets it too.
    const prefixSide = /\n[^\p{L}\p{N}]*$/u.test(prefix) ? bestPrefix / 2 : bestPrefix;
    const suffixSide = /^[^\p{L}\p{N}]*\n/u.test(suffix) ? bestSuffix / 2 : bestSuffix;
    const side = Math.max(prefixSide, suffixSide);
    const average = (prefixSide + suffixSide) / 2;
    const trusted =
      side >= 0.8 ||
      average >= 0.5 ||
      (recorded.exact.length >= 40 && side >= 0.5) ||
      (alone && oldNeighboursAround(N, best, recorded) && swappedWithin(text, range, recorded)) ||
      (alone && history.movedParagraph(target, range));
    // A pull-quote: the very words set as a paragraph of their own (with a few characters of
    // quote marks or a label), where the claim was not one, with none of its old neighbours, and
    // not the claim's whole old sentence moved there: new text quoting the claim.
    const quotedAlone = (): boolean =>
      Math.max(bestPrefix, bestSuffix) < NO_NEIGHBOUR && pullQuote(text, range, target) && !history.movedSentence(target, range);
    // A quotation of the claim's words: none of its old neighbours and none of the rest of its
    // old sentence around them (", and <the claim's words>." after a sentence that is new), away
    // from the claim's old place.
    const quotedInNewSentence = (): boolean => {
      if (Math.max(bestPrefix, bestSuffix) >= NO_NEIGHBOUR || !history.newSentence(target, range)) return false;
      // (not at the claim's old place: a short quote kept there in new surroundings is the claim)
      const place = history.bracket(target, normalized);
      return place === undefined || best.start < place.start || best.end > place.end;
    };
    if (!trusted && (otherOccurrence(best) || quotedAlone() || quotedInNewSentence())) {
      // The very words with none of the claim's old neighbours, and they are another occurrence:
      // the claim is not there. It may still stand at its old place, rewritten (see
      // originalInPlace), or elsewhere, edited (moved with its sentence and reworded): the best
      // other stretch that could be placed on its own evidence. Either is placed, asked
      // (`ambiguous`). Else the claim is gone (deleted with its sentence), offered to the orphan review.
      const copy = best;
      const edited =
        originalInPlace(copy) ??
        scored.find(
          (c) =>
            c.quote < 1 &&
            placeable(c) &&
            c.score >= REVIEW_MIN_SCORE &&
            !verbatim.some((v) => c.end > v.start && c.start < v.end) &&
            !otherText(
              c,
              () => history.existedElsewhere(target, N.slice(Math.max(0, c.start - PREEXISTING_MARGIN), c.end + PREEXISTING_MARGIN)) === true,
            ),
        );
      const at = edited && toOriginalRange(text, normalized, edited);
      if (edited && at && at.end > at.start) {
        options.explain?.({
          quoteLength: recorded.exact.length,
          best: { ...at, ...pick(edited) },
          rival: { ...range, ...pick(copy) },
          verbatim: verbatim.length,
          review: ['ambiguous'],
          status: 'relocated',
        });
        return { status: 'relocated', ...reviewEdges(text, at, target.quote), score: edited.score, review: ['ambiguous'] };
      }
      options.explain?.({
        quoteLength: recorded.exact.length,
        best: { start: range.start, end: range.end, ...pick(best) },
        rival: null,
        verbatim: verbatim.length,
        preexisting: preexisting(),
        review: null,
        status: 'orphaned',
      });
      return orphan(Math.min(best.score, RELOCATE_THRESHOLD - 0.001), range);
    }
    const original = trusted || Math.max(bestPrefix, bestSuffix) >= 0.5 ? undefined : originalInPlace(best);
    if (original) {
      // The old words quoted in a sentence that is new, away from the claim's old place, and that
      // place still holds a stretch of the claim's length keeping part of its words: the claim is
      // there, rewritten. Placed there, asked.
      const at = toOriginalRange(text, normalized, original);
      if (at.end > at.start) {
        options.explain?.({
          quoteLength: recorded.exact.length,
          best: { start: at.start, end: at.end, ...pick(original) },
          rival: { ...range, ...pick(best) },
          verbatim: verbatim.length,
          review: ['ambiguous'],
          status: 'relocated',
        });
        return { status: 'relocated', ...reviewEdges(text, at, target.quote), score: original.score, review: ['ambiguous'] };
      }
    }
    if (!trusted) reasons.push('context-changed');
    // The very words, now set as a paragraph of their own in quote marks where the claim was
    // not one, next to an old neighbour: the claim moved into a pull-quote, or its sentence cut
    // and a pull-quote of it set in its place. The neighbour cannot tell which: asked.
    else if (pullQuote(text, range, target) && !history.movedSentence(target, range)) reasons.push('context-changed');
  }
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

/** Characters either side of a candidate that must have stood with it in the previous revision to call it a passage already there. */
const PREEXISTING_MARGIN = 16;

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

/** At most this many verbatim copies (the nearest to the old place) are scored when none is in its old context. */
const MAX_VERBATIM_SCORED = 12;

/** A contender this close in score, with this much more of the claim's old sentence around it, is preferred (asked). */
const SENTENCE_REACH = 2 * AMBIGUITY_MARGIN;
const SENTENCE_LEAD = 0.4;
/** At most this many contenders (the best-scoring) are read for their sentence. */
const MAX_CONTENDERS = 4;
/** A changed quote keeping less than this of the claim, beside or away from the claim's emptied place, is other text. */
const OTHER_TEXT_QUOTE = 0.75;
/** A verbatim copy with less than this of each recorded neighbour has none of its old surroundings. */
const NO_NEIGHBOUR = 0.2;
/** How much more of the recorded context (prefix + suffix) an edited stretch must have to be preferred to such a copy. */
const CONTEXT_LEAD = 0.3;

/** The stored form of a result, as `Claim.anchor` keeps it. */
export function toAnchorStatus(result: AnchorResult, target: ClaimTarget): AnchorStatus {
  if (result.status !== 'orphaned') {
    const status: AnchorStatus = { status: result.status, score: result.score };
    if (result.review) {
      const { prefix, exact, suffix } = target.quote;
      return { ...status, review: { reasons: result.review }, previous: { prefix, exact, suffix } };
    }
    return status;
  }
  const { prefix, exact, suffix } = target.quote;
  return { status: 'orphaned', score: result.score, previous: { prefix, exact, suffix } };
}
