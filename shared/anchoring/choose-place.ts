/**
 * Choosing among a claim's scored candidates: the best that may be placed (a verbatim copy with
 * none of the old neighbours yields to an edited stretch by them; a close contender in the claim's
 * own old sentence is preferred), its rival (the best other place), and what that rival says
 * about the choice: a pull-quote yields to an edited original beside it, and a rival close in
 * score, or holding the neighbour the best lacks, makes the placement ambiguous.
 */
import { AMBIGUITY_MARGIN, MIN_QUOTE_SIMILARITY, RELOCATE_THRESHOLD, type AnchorResult, type ReviewReason } from './anchor-types';
import { BRACKETING_CONTEXT, placeable, type Scored } from './candidate-score';
import { otherText, pick, type ClaimSearch } from './claim-search';
import type { TextRange } from './describe-range';
import { pullQuote } from './moved-or-copied';
import { toOriginalRange } from './placement-edges';
import { REVIEW_MIN_QUOTE, REVIEW_MIN_SCORE } from './review-evidence';

/** A contender this close in score, with this much more of the claim's old sentence around it, is preferred (asked). */
const SENTENCE_REACH = 2 * AMBIGUITY_MARGIN;
const SENTENCE_LEAD = 0.4;
/** At most this many contenders (the best-scoring) are read for their sentence. */
const MAX_CONTENDERS = 4;
/** A verbatim copy with less than this of each recorded neighbour has none of its old surroundings. */
export const NO_NEIGHBOUR = 0.2;
/** How much more of the recorded context (prefix + suffix) an edited stretch must have to be preferred to such a copy. */
const CONTEXT_LEAD = 0.3;

/** The candidate chosen, if any may be placed, and how it was chosen. */
export interface Choice {
  best: Scored | undefined;
  /** Chosen over a verbatim copy, or over the best for the claim's own sentence: asked (`ambiguous`). */
  copyOrOriginal: boolean;
  /** An edited stretch chosen over a copy with no trace of either old neighbour: placed even below the threshold. */
  editedOverCopy: boolean;
}

/**
 * The best candidate that may be placed (`search.scored` is sorted, best first), then: a verbatim
 * copy with none of the recorded neighbours yields to an edited stretch by them, and a best that
 * stands in a sentence that is new yields to a close contender in the claim's own old sentence.
 */
export function chooseBest(search: ClaimSearch): Choice {
  const { text, normalized, target, history, options, scored } = search;
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
          !otherText(search, c, () => false),
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
  return { best, copyOrOriginal, editedOverCopy };
}

/**
 * The best-scoring candidate not overlapping `best`. The edited original by a verbatim old
 * neighbour has no rival in a verbatim copy that has none of the old surroundings (a pull-quote):
 * that copy is new text quoting the claim.
 */
export function rivalOf(scored: Scored[], best: Scored): Scored | undefined {
  const byNeighbour = best.quote < 1 && Math.max(best.prefix, best.suffix) >= 0.95;
  const contextFreeCopy = (c: Scored) => c.quote === 1 && Math.max(c.prefix, c.suffix) < 0.3;
  return scored.find((c) => c !== best && (c.end <= best.start || c.start >= best.end) && !(byNeighbour && contextFreeCopy(c)));
}

/**
 * The very words set as a paragraph of their own (a pull-quote, "Earlier: …"), where the claim
 * was not a paragraph of its own, against an edited stretch by an old neighbour: the claim is the
 * edited stretch. Placed there, asked; undefined when that is not the case.
 */
export function editedOverPullQuote(search: ClaimSearch, best: Scored, rival: Scored | undefined, range: TextRange): AnchorResult | undefined {
  const { text, normalized, target, recorded, options, verbatim } = search;
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
  return undefined;
}

/**
 * The review reasons the choice and its rival give: `ambiguous` when the best was chosen over a
 * copy or for its sentence, when a rival close in score keeps half the quote and the best has not
 * clearly more of the recorded context, when the best is the very words beside one old neighbour
 * and a lightly edited version elsewhere is near in score, or when the evidence is split (this
 * place has one old neighbour, the rival the other).
 */
export function rivalReasons(best: Scored, rival: Scored | undefined, copyOrOriginal: boolean): ReviewReason[] {
  const reasons: ReviewReason[] = copyOrOriginal ? ['ambiguous'] : [];
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
  return reasons;
}
