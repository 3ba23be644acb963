/**
 * The evidence to place, for the analyst's review, a claim the search would otherwise orphan:
 * the best stretch of all keeps a fair part of the quote with a trace of both recorded
 * neighbours; or it lies between the claim's wider old surroundings (vacated-place.ts), as wide
 * as it was, or with text added beside it. Each says no when another place comes close in score:
 * the analyst would be offered a coin toss.
 */
import { AMBIGUITY_MARGIN } from './anchor-types';
import type { Recorded } from './candidate-places';
import type { Scored } from './candidate-score';
import { leftEmpty, type OldBracket } from './vacated-place';
import { wordsKept } from './word-similarity';

/** A placement keeping under this share of the claim's words (in order, typos allowed) is never trusted. */
export const MIN_WORDS_KEPT = 1 / 3;

/**
 * The evidence to place (for review) a claim that would otherwise be orphaned: the best-scoring
 * stretch of all keeps this share of the quote (character or word similarity), scores this much,
 * and has at least this trace of each recorded neighbour (an empty one, at the article's edge,
 * counts none). Calibrated on the benchmark's calibration half: most claims missed there were
 * rewritten past half their wording yet stood by their neighbours; a deleted claim's neighbours
 * rarely both stay.
 */
export const REVIEW_MIN_QUOTE = 0.42;
export const REVIEW_MIN_SCORE = 0.45;
const REVIEW_MIN_CONTEXT = 0.1;

/** True if the offered stretch has that evidence and no other place (not overlapping it) comes close in score. */
export function worthReviewing(offered: Scored, scored: Scored[], prefix: string, suffix: string): boolean {
  const before = prefix === '' && offered.prefix < 1 ? 0 : offered.prefix;
  const after = suffix === '' && offered.suffix < 1 ? 0 : offered.suffix;
  if (offered.quote < REVIEW_MIN_QUOTE || offered.score < REVIEW_MIN_SCORE || Math.min(before, after) < REVIEW_MIN_CONTEXT) return false;
  // Another place close in score: the analyst would be offered a coin toss; left to the orphan review.
  return !scored.some((c) => c !== offered && (c.end <= offered.start || c.start >= offered.end) && c.score >= offered.score - AMBIGUITY_MARGIN);
}

/**
 * A claim rewritten past what its recorded neighbours can vouch for (they were reworded with its
 * sentence) is still placed for review when the wider old surroundings bracket it: the stretch
 * lies between the nearest pieces of the old text before and after the claim that still stand,
 * the bracket is as wide as it was (within these ratios, so there is room for the claim and no
 * more than a rewording adds), the stretch keeps this share of the quote and is about as long
 * as it, and no place outside the bracket that keeps most of the quote comes close in score.
 */
export const REWRITE_MIN_QUOTE = 0.3;
export const REWRITE_WIDTH = [0.6, 1.6] as const;
const REWRITE_RIVAL_QUOTE = 0.75;

/** True if the offered stretch is such a rewriting between the claim's old surroundings (see above). */
export function rewrittenBetween(offered: Scored, scored: Scored[], recorded: Recorded, bracket: OldBracket | undefined): boolean {
  if (!bracket || leftEmpty(bracket) || offered.start < bracket.start || offered.end > bracket.end) return false;
  if (scored.some((c) => c.quote === 1 && (c.end <= bracket.start || c.start >= bracket.end))) return false; // a verbatim copy: see originalInPlace
  const length = recorded.exact.length;
  const width = (bracket.end - bracket.start) / (bracket.gap + length);
  const own = (offered.end - offered.start) / length;
  if (width < REWRITE_WIDTH[0] || width > REWRITE_WIDTH[1] || own < REWRITE_WIDTH[0] || own > REWRITE_WIDTH[1]) return false;
  if (offered.quote < REWRITE_MIN_QUOTE) return false;
  // A rival is a place outside the bracket close in score that keeps most of the quote; a short
  // quote's words half-match many a phrase by chance, which the bracket outweighs.
  return !scored.some(
    (c) => (c.end <= bracket.start || c.start >= bracket.end) && c.score >= offered.score - AMBIGUITY_MARGIN && c.quote >= REWRITE_RIVAL_QUOTE,
  );
}

/**
 * The best stretch of all lies where the claim stood, between its old surroundings (a bracket
 * with room for it, at most this many times as wide as the claim and what stood beside it:
 * text was added there too), keeps a fair part of the quote (and a third of its words), scores
 * as {@link worthReviewing} asks, and no other place comes close: the claim is most likely
 * there, rewritten, though its recorded neighbours were rewritten too. Placed, asked.
 */
export const BRACKET_SPAN = 3;

/** True if the offered stretch is so kept within the claim's old place (see above). */
export function keptWithinBracket(offered: Scored, scored: Scored[], recorded: Recorded, bracket: OldBracket, text: string): boolean {
  if (leftEmpty(bracket) || offered.start < bracket.start || offered.end > bracket.end) return false;
  if (bracket.end - bracket.start > BRACKET_SPAN * (bracket.gap + recorded.exact.length)) return false;
  if (offered.quote < REVIEW_MIN_QUOTE || offered.score < REVIEW_MIN_SCORE) return false;
  if (wordsKept(recorded.exact, text.slice(offered.start, offered.end), MIN_WORDS_KEPT) < MIN_WORDS_KEPT) return false;
  return !scored.some((c) => c !== offered && (c.end <= offered.start || c.start >= offered.end) && c.score >= offered.score - AMBIGUITY_MARGIN);
}
