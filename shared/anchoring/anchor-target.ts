import type { AnchorStatus, ClaimTarget } from '../model/claim';
import type { TextRange } from './describe-range';
import { editDistance } from './edit-distance';
import { normalizeString, normalizeText, type NormalizedText } from './normalize-text';
import { refineBoundaries } from './refine-boundaries';
import { buildTextIndex, tokenize, type TextIndex } from './text-index';
import { textSimilarity } from './text-similarity';
import { leftEmpty, oldBracket, sentenceAround, type OldBracket } from './vacated-place';
import { sentenceFit, sentenceSides } from './sentence-context';
import { snapToBoundaries } from './sentence-edges';
import { takeEdgeWords } from './edge-words';
import { widenToNeighbours } from './word-edges';
import { editPlace, rewordedInPlace, type EditPlace } from './edit-place';
import { revisionMap, type RevisionMap } from './revision-diff';
import { wordSimilarity, wordsKept } from './word-similarity';
import approxSearch from 'approx-string-match';

/**
 * The lowest score at which a claim is placed at all (as needs-review at least). Below it the
 * claim is `orphaned` and goes to the review: a wrong highlight is worse than a missing one.
 */
export const RELOCATE_THRESHOLD = 0.5;
/** The lowest score at which a relocation is trusted without asking the analyst. */
export const CONFIDENT_THRESHOLD = 0.55;
/**
 * A second place scoring within this margin of the best makes the placement ambiguous: it is
 * placed on the best but flagged for review.
 */
export const AMBIGUITY_MARGIN = 0.1;
/** A candidate must keep at least this share of the quote (1 − edit distance / length) to be placed. */
export const MIN_QUOTE_SIMILARITY = 0.5;

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
      /** Where that best candidate was, for a review that offers "is it here?". */
      bestCandidate: TextRange | null;
    };

/** Anchors many claims against one text, normalising and indexing the text at most once. */
export interface Anchorer {
  /** Same contract as {@link anchorTarget}. */
  anchor(target: ClaimTarget): AnchorResult;
}

/** What is computed once per revision and shared by all its claims. */
interface Prepared {
  normalized: NormalizedText;
  index: () => TextIndex;
}

/**
 * Prepares `text` for anchoring claims. The normalised copy and the word-pair index are built
 * lazily, once, on the first claim that is not at its recorded place, so re-anchoring an
 * unchanged article costs only a string comparison per claim.
 */
export interface AnchorerOptions {
  /**
   * The text is a new revision: a claim still in place, context and all, is checked for an
   * identical copy (quote and context) elsewhere, which makes it ambiguous rather than exact.
   * Leave it off for a text the claims were made on (nothing can have been copied since).
   */
  checkTwins?: boolean;
  /**
   * The text the claims' selectors were made on (the previous revision). When the quote occurs
   * several times, the claim's ordinal among those occurrences then is a hint to which
   * occurrence it is now (counted from the start: text added before all of them keeps it).
   */
  previousText?: string;
  /**
   * Called with the evidence behind each decision that was not settled in place (for the
   * benchmark's calibration and for debugging); never needed to anchor.
   */
  explain?: (evidence: AnchorEvidence) => void;
}

/** The evidence one relocation was decided on, as `explain` receives it. */
export interface AnchorEvidence {
  quoteLength: number;
  best: { start: number; end: number; score: number; quote: number; prefix: number; suffix: number } | null;
  rival: { start: number; end: number; score: number; quote: number; prefix: number; suffix: number } | null;
  verbatim: number;
  /** Placed where the diff of the two revisions carried the claim (edit-place.ts); `best` is that stretch, `rival` the search's. */
  byTheEdit?: boolean;
  /** The placed text stood in the previous revision, away from the claim. */
  preexisting?: boolean;
  wide?: { before: number; after: number } | undefined;
  review: ReviewReason[] | null;
  status: AnchorResult['status'];
}

/** A trusted placement is at least this share of the claim's length. */
const SHORTEST_TRUSTED = 0.5;

/** Overlap over union at which the search's placement and the edit's stretch are the same place. */
const SAME_PLACE = 0.8;

function overlap(a: TextRange, b: TextRange): number {
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union === 0 ? 0 : Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / union;
}

/** Score bonus for the verbatim occurrence with the claim's old ordinal: a hint, below the ambiguity margin. */
const ORDINAL_WEIGHT = 0.03;

export function createAnchorer(text: string, options: AnchorerOptions = {}): Anchorer {
  let prepared: Prepared | undefined;
  let previous: NormalizedText | undefined;
  const ordinalOf = (target: ClaimTarget, quote: string): number | undefined => {
    if (options.previousText === undefined) return undefined;
    previous ??= normalizeText(options.previousText);
    const before = previous.toNormalizedOffset(target.position.start);
    let ordinal = 0;
    for (let at = previous.text.indexOf(quote); at !== -1 && at < before; at = previous.text.indexOf(quote, at + 1)) ordinal += 1;
    return ordinal;
  };
  // A candidate whose very text stood in the previous revision, away from the claim, is another
  // passage that was already there (a similar sentence, a standing pull-quote), not the claim edited.
  const existedElsewhere = (target: ClaimTarget, candidate: string): boolean | undefined => {
    if (options.previousText === undefined || candidate.trim().length === 0) return undefined;
    previous ??= normalizeText(options.previousText);
    const claimStart = previous.toNormalizedOffset(target.position.start);
    const claimEnd = previous.toNormalizedOffset(target.position.end);
    for (let at = previous.text.indexOf(candidate); at !== -1; at = previous.text.indexOf(candidate, at + 1)) {
      if (at + candidate.length <= claimStart || at >= claimEnd) return true;
    }
    return false;
  };
  // The candidate's whole paragraph stood, character for character, as a paragraph of the
  // previous revision, and that paragraph held the claim: the paragraph was moved, not quoted
  // (a pull-quote or a summary sentence is a paragraph that did not exist before).
  const movedParagraph = (target: ClaimTarget, range: TextRange): boolean => {
    const old = options.previousText;
    if (old === undefined) return false;
    const paragraph = paragraphAround(text, range);
    if (paragraph.length === 0) return false;
    for (let at = old.indexOf(paragraph); at !== -1; at = old.indexOf(paragraph, at + 1)) {
      const whole = (at === 0 || old.charAt(at - 1) === '\n') && (at + paragraph.length === old.length || old.charAt(at + paragraph.length) === '\n');
      if (whole && at <= target.position.start && target.position.end <= at + paragraph.length) return true;
    }
    return false;
  };
  // How much of the previous revision's wider surroundings of the claim (beyond the recorded
  // 32-character neighbours, which a reworded sentence takes with it) still stands around a
  // candidate: the share of 24-character pieces of the old 240 characters before (after) the
  // claim found verbatim within 320 characters before (after) the candidate.
  const surroundings = (target: ClaimTarget, normalized: NormalizedText, candidate: Candidate): { before: number; after: number } | undefined => {
    if (options.previousText === undefined) return undefined;
    previous ??= normalizeText(options.previousText);
    const claimStart = previous.toNormalizedOffset(target.position.start);
    const claimEnd = previous.toNormalizedOffset(target.position.end);
    const share = (old: string, now: string): number => {
      const pieces = Math.floor(old.length / WIDE_PIECE);
      if (pieces === 0) return old.length === 0 && now.trim().length === 0 ? 1 : 0;
      let found = 0;
      for (let i = 0; i < pieces; i += 1) if (now.includes(old.slice(i * WIDE_PIECE, (i + 1) * WIDE_PIECE))) found += 1;
      return found / pieces;
    };
    const N = normalized.text;
    return {
      before: share(
        previous.text.slice(Math.max(0, claimStart - WIDE_CONTEXT), claimStart),
        N.slice(Math.max(0, candidate.start - WIDE_REACH), candidate.start),
      ),
      after: share(previous.text.slice(claimEnd, claimEnd + WIDE_CONTEXT), N.slice(candidate.end, candidate.end + WIDE_REACH)),
    };
  };
  // Where the claim stood, by the previous revision's text around it (or, without one, by the
  // recorded neighbours): the new text between its nearest old surroundings, see oldBracket.
  const bracket = (target: ClaimTarget, normalized: NormalizedText): OldBracket | undefined => {
    if (options.previousText === undefined) {
      const prefix = normalizeString(target.quote.prefix);
      const exact = normalizeString(target.quote.exact);
      const old = prefix + exact + normalizeString(target.quote.suffix);
      // (the recorded context's ends are the article's only where it recorded none)
      return oldBracket(old, { start: prefix.length, end: prefix.length + exact.length }, normalized.text, {
        start: target.quote.prefix === '',
        end: target.quote.suffix === '',
      });
    }
    previous ??= normalizeText(options.previousText);
    const claim = { start: previous.toNormalizedOffset(target.position.start), end: previous.toNormalizedOffset(target.position.end) };
    return oldBracket(previous.text, claim, normalized.text);
  };
  // The placed text's whole sentence was, word for word, the claim's sentence in the previous
  // revision: the sentence moved (a quote of the claim's words sits in a sentence that is new).
  // Without the previous revision the claim's old sentence is unknown: a quote that now stands as
  // a whole sentence, with nothing added around it, may be a sentence moved.
  const movedSentence = (target: ClaimTarget, range: TextRange): boolean => {
    const old = options.previousText;
    const before = normalizeString(
      old === undefined ? target.quote.exact : sentenceAround(old, { start: target.position.start, end: target.position.end }),
    ).trim();
    return before.length > 0 && before === normalizeString(sentenceAround(text, range)).trim();
  };
  const prepare = (): Prepared => {
    if (prepared) return prepared;
    const normalized = normalizeText(text);
    let index: TextIndex | undefined;
    prepared = { normalized, index: () => (index ??= buildTextIndex(normalized.text)) };
    return prepared;
  };
  // How much of the claim's old sentence (its other words) stands around a placed range now.
  const sentence = (target: ClaimTarget, range: TextRange): number | undefined =>
    options.previousText === undefined ? undefined : sentenceFit(options.previousText, target.position, text, range);
  // The claim's old sentence, its words on each side of the claim, stands around a placed range
  // now, reworded perhaps but recognisably: every side that had words keeps this share of them
  // (character likeness), and those sides held enough of the old sentence to tell it apart.
  const keptSentence = (target: ClaimTarget, range: TextRange): boolean => {
    if (options.previousText === undefined) return false;
    const sides = sentenceSides(options.previousText, target.position, text, range);
    const kept = [sides.before, sides.after].filter((x) => x !== null);
    return sides.read >= SENTENCE_READ && kept.every((x) => x >= SENTENCE_KEPT);
  };
  // None of the claim's old sentence stands around a placed range: every side of it that had
  // words (20 characters or more in all) is no more like the words there now than unrelated
  // prose is (SENTENCE_CHANCE).
  const newSentence = (target: ClaimTarget, range: TextRange): boolean => {
    if (options.previousText === undefined) return false;
    const sides = sentenceSides(options.previousText, target.position, text, range);
    const kept = [sides.before, sides.after].filter((x) => x !== null);
    return sides.read >= SENTENCE_READ && kept.every((x) => x < SENTENCE_CHANCE);
  };
  const history = { ordinalOf, existedElsewhere, surroundings, movedParagraph, bracket, movedSentence, sentence, keptSentence, newSentence };
  // The diff of the previous revision and this one, made once, when a claim first needs it (null:
  // it could not be made in its time budget).
  let revision: RevisionMap | null | undefined;
  const byTheEdit = (target: ClaimTarget): EditPlace | undefined => {
    if (options.previousText === undefined) return undefined;
    previous ??= normalizeText(options.previousText);
    const { normalized } = prepare();
    if (revision === undefined) revision = revisionMap(previous.text, normalized.text) ?? null;
    if (revision === null) return undefined;
    const claim = { start: previous.toNormalizedOffset(target.position.start), end: previous.toNormalizedOffset(target.position.end) };
    return editPlace(revision, previous, normalized, claim);
  };
  return {
    anchor: (target) => {
      const result = anchorIn(text, prepare, target, options, history);
      // The search's answer, checked against the edit itself: where the diff of the two revisions
      // carried the claim's old stretch (edit-place.ts). Untouched where the quote stands as it
      // was; otherwise, when the edit's stretch is a credible rewording of the claim (a quarter
      // of its words kept, about its length, not verbatim: rewordedInPlace), the claim is there:
      // - an orphan is placed there, asked (the analyst confirms or re-selects);
      // - a placement already asked about takes the edit's edges (the search's words miss a
      //   reworded claim's edges);
      // - a trusted placement of a changed quote that the edit puts elsewhere (most often a
      //   swapped edge word the search took in or left out) is asked, on the edit's stretch
      //   (or where it is, when the edit's stretch is not credible).
      if (result.status === 'exact' && !result.review) return result;
      // A trusted placement under half the claim's length holds a part of it at most (its other
      // words deleted, or moved away): asked.
      if (result.status === 'relocated' && !result.review && result.end - result.start < target.quote.exact.length * SHORTEST_TRUSTED)
        return { ...result, review: ['quote-changed'] };
      const trusted = result.status === 'relocated' && !result.review;
      if (trusted && normalizeString(text.slice(result.start, result.end)) === normalizeString(target.quote.exact)) return result;
      const place = byTheEdit(target);
      if (!place) return result;
      const at = toOriginalRange(text, prepare().normalized, place);
      if (at.end <= at.start) return result;
      if (result.status !== 'orphaned' && trusted && overlap(at, result) >= SAME_PLACE) return result;
      const credible = rewordedInPlace(place);
      if (!trusted && !credible) return result;
      const review: ReviewReason[] = result.status === 'orphaned' || trusted ? ['quote-changed'] : (result.review ?? []);
      const placed = credible || result.status === 'orphaned' ? at : { start: result.start, end: result.end };
      options.explain?.({
        quoteLength: target.quote.exact.length,
        best: { ...placed, score: place.words, quote: place.words, prefix: 0, suffix: 0 },
        rival: result.status === 'orphaned' ? null : { start: result.start, end: result.end, score: result.score, quote: 0, prefix: 0, suffix: 0 },
        verbatim: 0,
        byTheEdit: true,
        review,
        status: 'relocated',
      });
      return result.status === 'orphaned' ? { status: 'relocated', ...placed, score: place.words, review } : { ...result, ...placed, review };
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

interface Candidate {
  start: number;
  end: number;
}

interface Scored extends Candidate {
  score: number;
  quote: number;
  prefix: number;
  suffix: number;
}

/** What the previous revision (when given) tells about a claim and a candidate. */
interface History {
  ordinalOf(target: ClaimTarget, quote: string): number | undefined;
  /** True if the candidate's text stood in the previous revision away from the claim; undefined without one. */
  existedElsewhere(target: ClaimTarget, candidate: string): boolean | undefined;
  /** Share of the claim's wider old surroundings still around the candidate; undefined without a previous revision. */
  surroundings(target: ClaimTarget, normalized: NormalizedText, candidate: Candidate): { before: number; after: number } | undefined;
  /** True if the placed range's whole paragraph was, verbatim, the claim's paragraph in the previous revision. */
  movedParagraph(target: ClaimTarget, range: TextRange): boolean;
  /** The new text between the claim's nearest old surroundings that still stand, if both sides do. */
  bracket(target: ClaimTarget, normalized: NormalizedText): OldBracket | undefined;
  /** True if the placed range's whole sentence was, word for word, the claim's sentence in the previous revision. */
  movedSentence(target: ClaimTarget, range: TextRange): boolean;
  /** How much of the claim's old sentence besides it stands around the placed range in its sentence (see sentence-context.ts); undefined without a previous revision. */
  sentence(target: ClaimTarget, range: TextRange): number | undefined;
  /** True if the claim's old sentence, its words besides the claim, recognisably stands around the placed range (see keptSentence). */
  keptSentence(target: ClaimTarget, range: TextRange): boolean;
  /** True if none of the claim's old sentence, besides the claim, stands around the placed range (see newSentence). */
  newSentence(target: ClaimTarget, range: TextRange): boolean;
}

/** The paragraph (line) of `text` around a range, without surrounding whitespace. */
function paragraphAround(text: string, range: TextRange): string {
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const next = text.indexOf('\n', range.end);
  return text.slice(start, next === -1 ? text.length : next).trim();
}

/** The wider surroundings: how far the previous revision is read either side of the claim, in pieces of this size, looked for this far from a candidate. */
const WIDE_CONTEXT = 240;
const WIDE_PIECE = 24;
const WIDE_REACH = 320;
/** A quote this long, with this share of its wider old surroundings on both sides and no rival, is trusted though reworded. */
const WIDE_MIN_QUOTE = 80;
const WIDE_MIN_SHARE = 0.3;
/** A quote rewritten past half its wording is trusted only with this share of its wider old surroundings on both sides (and both neighbours verbatim). */
const WIDE_INTACT = 0.9;

interface Recorded {
  exact: string;
  prefix: string;
  suffix: string;
  /** Normalised offset of the recorded start in the new text: a tie-breaker. */
  hint: number;
}

function anchorIn(text: string, prepare: () => Prepared, target: ClaimTarget, options: AnchorerOptions, history: History): AnchorResult {
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

/**
 * The edges of a placement the analyst is asked about, where the quote changed: moved by whole
 * words onto the recorded neighbours (word-edges.ts), then onto the sentence or clause boundary
 * the claim had (sentence-edges.ts).
 */
function reviewEdges(text: string, range: TextRange, quote: ClaimTarget['quote']): TextRange {
  return changedEdges(text, widenToNeighbours(text, range, quote), quote);
}

/** The edges of any placement whose quote changed: onto the claim's boundaries, then onto its first and last words (edge-words.ts). */
function changedEdges(text: string, range: TextRange, quote: ClaimTarget['quote']): TextRange {
  const snapped = snapToBoundaries(text, range, quote);
  return takeEdgeWords(text, snapped, quote);
}

/**
 * True if the claim's sentence was swapped with a neighbour: its old prefix now ends just after
 * it (it moved up past that sentence) or its old suffix now starts just before it (it moved down),
 * and the other old neighbour is near too. A copy set down elsewhere has its old neighbours on
 * the sides they were, or far away.
 */
function oldNeighboursAround(text: string, candidate: Candidate, recorded: Recorded): boolean {
  // The whole recorded neighbours, not just their nearest words: a headline that happens to
  // repeat the words around the claim ("Blige sings … to Hillary") is not its old sentence.
  const tail = recorded.prefix.trim();
  const head = recorded.suffix.trim();
  if (tail.length < 6 || head.length < 6) return false;
  const reach = 110 + tail.length;
  // Only one sentence lies between the claim and the old neighbour it moved past: the neighbour
  // sentence it was swapped with (a copy set down a paragraph later has more in between).
  const oneSentence = (between: string): boolean => !SENTENCE_BREAK.test(between.trim().replace(/[.!?]["'”’)]*$/u, ''));
  const tailAfter = occurrences(text, tail, candidate.end, candidate.end + reach, 1)[0];
  const headAfter = occurrences(text, head, candidate.end, candidate.end + 2 * reach, 1)[0];
  const movedUp =
    tailAfter !== undefined && headAfter !== undefined && headAfter >= tailAfter && oneSentence(text.slice(candidate.end, tailAfter + tail.length));
  const headBefore = occurrences(text, head, candidate.start - reach, candidate.start, 1)[0];
  const tailBefore = occurrences(text, tail, candidate.start - 2 * reach, candidate.start, 1)[0];
  const movedDown =
    headBefore !== undefined && tailBefore !== undefined && tailBefore <= headBefore && oneSentence(text.slice(headBefore, candidate.start));
  return movedUp || movedDown;
}

/**
 * A sentence swapped with its neighbour stays in the neighbour's paragraph: the paragraph (between
 * blank lines) around the placed text holds the whole old prefix or suffix. A copy set down as a
 * paragraph of its own (a pull-quote) beside that neighbour does not.
 */
function swappedWithin(text: string, range: TextRange, recorded: Recorded): boolean {
  const paragraph = normalizeString(blockAround(text, range));
  const tail = recorded.prefix.trim();
  const head = recorded.suffix.trim();
  return (tail.length > 0 && paragraph.includes(tail)) || (head.length > 0 && paragraph.includes(head));
}

/** The paragraph of `text` (between blank lines, or the text's ends) around a range. */
function blockAround(text: string, range: TextRange): string {
  let start = 0;
  for (let at = text.lastIndexOf('\n', range.start - 1); at !== -1; at = text.lastIndexOf('\n', at - 1)) {
    const before = text.lastIndexOf('\n', at - 1);
    if (before !== -1 && text.slice(before + 1, at).trim() === '') {
      start = at + 1;
      break;
    }
  }
  let end = text.length;
  for (let at = text.indexOf('\n', range.end); at !== -1; at = text.indexOf('\n', at + 1)) {
    const next = text.indexOf('\n', at + 1);
    if (next !== -1 && text.slice(at + 1, next).trim() === '') {
      end = at;
      break;
    }
  }
  return text.slice(start, end);
}

/** Characters either side of a candidate that must have stood with it in the previous revision to call it a passage already there. */
const PREEXISTING_MARGIN = 16;

/** A sentence end followed by the start of another sentence. */
const SENTENCE_BREAK = /[.!?]["'”’)]* +["'“‘(]?\p{Lu}/u;

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

function inOldContext(text: string, candidate: Candidate, recorded: Recorded): boolean {
  const { prefix, suffix } = recorded;
  return candidate.start >= prefix.length && text.startsWith(prefix, candidate.start - prefix.length) && text.startsWith(suffix, candidate.end);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Every verbatim occurrence of the quote in `text`. A quote with a whole word in it (two if it
 * has them) is looked up in the word index: every occurrence of the quote holds that word (pair)
 * at the same offset, which keeps 5,000 claims on a 500 kB article far from 5,000 scans of it.
 */
function findVerbatim(text: string, recorded: Recorded, index: () => TextIndex): Candidate[] {
  const found: Candidate[] = [];
  const quote = recorded.exact;
  // A word touching the quote's edge is whole only if the recorded context does not continue it.
  const startsWhole = !WORD_CHARACTER.test(recorded.prefix.slice(-1));
  const endsWhole = !WORD_CHARACTER.test(recorded.suffix.charAt(0));
  const tokens = tokenize(quote).filter((t) => (t.start > 0 || startsWhole) && (t.end < quote.length || endsWhole));
  const verify = (at: number, offset: number): void => {
    const start = at - offset;
    if (start >= 0 && text.startsWith(quote, start)) found.push({ start, end: start + quote.length });
  };
  const a = tokens[0];
  const b = tokens[1];
  if (a && b && text.length > 4096) {
    const [first, second] = [a, b];
    // Only a pair of neighbouring words is indexed as a pair.
    if (/^[^\p{L}\p{N}]+$/u.test(quote.slice(first.end, second.start))) {
      for (const at of index().pairs(first.word, second.word)) verify(at, first.start);
      return found;
    }
  }
  if (a && text.length > 4096) {
    for (const at of index().word(a.word)) verify(at, a.start);
    return found;
  }
  let from = text.indexOf(quote);
  while (from !== -1) {
    found.push({ start: from, end: from + quote.length });
    from = text.indexOf(quote, from + 1);
  }
  return found;
}

/** How many characters of the recorded prefix (its end) and suffix (its start) must be found verbatim to bracket the quote. */
const BRACKET_LENGTH = 12;

/** Occurrences of `needle` in `text` within `[from, to)`, at most `limit`. */
function occurrences(text: string, needle: string, from = 0, to = text.length, limit = 20): number[] {
  const found: number[] = [];
  // Searched in the window only: an absent needle must not cost a scan of the rest of the text.
  const start = Math.max(0, from);
  const window = to >= text.length ? text : text.slice(start, Math.max(start, to));
  const offset = window === text ? 0 : start;
  let at = window.indexOf(needle, start - offset);
  while (at !== -1 && found.length < limit) {
    found.push(at + offset);
    at = window.indexOf(needle, at + 1);
  }
  return found;
}

/** A stretch of the text where the claim may now start, from the word-pair votes (or the old position). */
interface Place {
  at: number;
  weight: number;
  /** How far either side of `at` the start may be. */
  tolerance: number;
}

/**
 * The stretches that the recorded prefix's end and suffix's start still enclose near a likely
 * place: wherever both stand, at a distance the quote could have grown or shrunk to, what lies
 * between is the claim however much it was reworded.
 */
function bracketed(text: string, recorded: Recorded, places: Place[]): Candidate[] {
  const found: Candidate[] = [];
  const length = recorded.exact.length;
  const tail = recorded.prefix.slice(-BRACKET_LENGTH);
  const head = recorded.suffix.slice(0, BRACKET_LENGTH);
  if (tail.length < 6 || head.length < 6) return found;
  for (const place of places) {
    const from = place.at - place.tolerance - tail.length - 8;
    const to = place.at + place.tolerance + 8;
    for (const at of occurrences(text, tail, from, to, 3)) {
      const start = at + tail.length;
      for (const end of occurrences(text, head, start + Math.floor(length / 3), start + 2 * length + 40 + head.length, 3)) {
        found.push({ start, end });
      }
    }
  }
  return found;
}

/**
 * Where the claim may now be: each of the quote's (and its context's) word pairs found in the
 * text votes for the start it implies; the best-supported places, and the old position, are
 * returned. Verbatim copies of the quote are candidates already and get no place of their own,
 * so they cannot crowd out an edited original.
 */
function likelyPlaces(text: string, recorded: Recorded, index: TextIndex, verbatim: Candidate[]): Place[] {
  const { exact, prefix, suffix } = recorded;
  const length = exact.length;
  const votes: { at: number; weight: number }[] = [];
  const vote = (part: string, offset: number, weight: number): void => {
    const tokens = tokenize(part);
    for (let i = 0; i + 1 < tokens.length; i += 1) {
      const a = tokens[i]!;
      const b = tokens[i + 1]!;
      const hits = index.pairs(a.word, b.word);
      if (hits.length > 50) continue; // "of the": no evidence of place
      for (const hit of hits) votes.push({ at: hit - (offset + a.start), weight: weight / hits.length });
    }
  };
  vote(exact, 0, 1);
  vote(prefix, -prefix.length, 0.5);
  vote(suffix, length, 0.5);
  const tolerance = 16 + Math.floor(length / 3);
  const isVerbatim = (at: number) => verbatim.some((v) => Math.abs(v.start - at) <= 2);
  votes.sort((x, y) => x.at - y.at);
  const clusters: Place[] = [];
  for (let i = 0; i < votes.length;) {
    let j = i;
    let weight = 0;
    let sum = 0;
    while (j < votes.length && votes[j]!.at - votes[i]!.at <= tolerance) {
      weight += votes[j]!.weight;
      sum += votes[j]!.at * votes[j]!.weight;
      j += 1;
    }
    const at = Math.round(sum / weight);
    if (!isVerbatim(at) && weight >= 0.5) clusters.push({ at, weight, tolerance });
    i = j;
  }
  clusters.sort((x, y) => y.weight - x.weight);
  const places = clusters.slice(0, 3);
  if (!places.some((p) => Math.abs(p.at - recorded.hint) <= tolerance) && text.length > 0) {
    places.push({ at: recorded.hint, weight: 0, tolerance: tolerance + 64 });
  }
  return places;
}

/**
 * Candidates at each likely place: the quote searched with up to 60 % of its length in edit
 * errors (Myers, in a window of a few hundred characters), the match's edges moved onto the
 * recorded context.
 */
function aligned(text: string, recorded: Recorded, places: Place[]): Candidate[] {
  const { exact } = recorded;
  const length = exact.length;
  const found: Candidate[] = [];
  const maxErrors = Math.max(1, Math.floor(length * 0.6));
  for (const place of places) {
    const from = Math.max(0, place.at - place.tolerance - 8);
    const to = Math.min(text.length, place.at + length + place.tolerance + 8);
    const matches = approxSearch(text.slice(from, to), exact, maxErrors);
    for (const match of matches.slice(0, 3)) {
      const raw = { start: match.start + from, end: match.end + from, errors: match.errors };
      const refined = refineBoundaries(text, raw, exact, recorded, Math.ceil(length / 4) + 8);
      found.push({ start: refined.start, end: refined.end });
    }
  }
  return found;
}

/**
 * A candidate may be placed if it keeps half the quote, or, standing between both of its recorded
 * neighbours (each at least 80 % alike), this much of it: a sentence reworded in place.
 */
const BRACKETED_MIN_QUOTE_SIMILARITY = 0.35;
const BRACKETING_CONTEXT = 0.8;

function placeable(c: Scored): boolean {
  return c.quote >= MIN_QUOTE_SIMILARITY || (c.quote >= BRACKETED_MIN_QUOTE_SIMILARITY && Math.min(c.prefix, c.suffix) >= BRACKETING_CONTEXT);
}

/**
 * The evidence to place (for review) a claim that would otherwise be orphaned: the best-scoring
 * stretch of all keeps this share of the quote (character or word similarity), scores this much,
 * and has at least this trace of each recorded neighbour (an empty one, at the article's edge,
 * counts none). Calibrated on the benchmark's calibration half: most claims missed there were
 * rewritten past half their wording yet stood by their neighbours; a deleted claim's neighbours
 * rarely both stay.
 */
const REVIEW_MIN_QUOTE = 0.42;
const REVIEW_MIN_SCORE = 0.45;
const REVIEW_MIN_CONTEXT = 0.1;
/** A contender this close in score, with this much more of the claim's old sentence around it, is preferred (asked). */
const SENTENCE_REACH = 2 * AMBIGUITY_MARGIN;
const SENTENCE_LEAD = 0.4;
/** At most this many contenders (the best-scoring) are read for their sentence. */
const MAX_CONTENDERS = 4;
/** A placement keeping under this share of the claim's words (in order, typos allowed) is never trusted. */
const MIN_WORDS_KEPT = 1 / 3;
/** Likeness (characters) each side of the claim's old sentence keeps around a stretch that moved with its sentence. */
const SENTENCE_KEPT = 0.5;
/** ...when the claim's old sentence held at least this many characters besides it (a tag such as ", he said" matches by chance). */
const SENTENCE_READ = 20;
/** ...and a side less like the words there now than this says none of it stands (about chance for English prose). */
const SENTENCE_CHANCE = 0.3;
/** A changed quote keeping less than this of the claim, beside or away from the claim's emptied place, is other text. */
const OTHER_TEXT_QUOTE = 0.75;
/** A verbatim copy with less than this of each recorded neighbour has none of its old surroundings. */
const NO_NEIGHBOUR = 0.2;
/** How much more of the recorded context (prefix + suffix) an edited stretch must have to be preferred to such a copy. */
const CONTEXT_LEAD = 0.3;

function worthReviewing(offered: Scored, scored: Scored[], prefix: string, suffix: string): boolean {
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
const REWRITE_MIN_QUOTE = 0.3;
const REWRITE_WIDTH = [0.6, 1.6] as const;
const REWRITE_RIVAL_QUOTE = 0.75;

function rewrittenBetween(offered: Scored, scored: Scored[], recorded: Recorded, bracket: OldBracket | undefined): boolean {
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
const BRACKET_SPAN = 3;

function keptWithinBracket(offered: Scored, scored: Scored[], recorded: Recorded, bracket: OldBracket, text: string): boolean {
  if (leftEmpty(bracket) || offered.start < bracket.start || offered.end > bracket.end) return false;
  if (bracket.end - bracket.start > BRACKET_SPAN * (bracket.gap + recorded.exact.length)) return false;
  if (offered.quote < REVIEW_MIN_QUOTE || offered.score < REVIEW_MIN_SCORE) return false;
  if (wordsKept(recorded.exact, text.slice(offered.start, offered.end), MIN_WORDS_KEPT) < MIN_WORDS_KEPT) return false;
  return !scored.some((c) => c !== offered && (c.end <= offered.start || c.start >= offered.end) && c.score >= offered.score - AMBIGUITY_MARGIN);
}

/** At most this much besides the quote (quote marks, "Earlier: ") in a paragraph that is a pull-quote. */
const PULL_QUOTE_DECORATION = 12;

/**
 * True if the placed words stand as a paragraph of their own (with at most a few characters of
 * decoration) while the claim did not: its recorded neighbours did not both end and start a
 * paragraph.
 */
function pullQuote(text: string, range: TextRange, target: ClaimTarget): boolean {
  const paragraph = blockAround(text, range).trim();
  if (paragraph.length - (range.end - range.start) > PULL_QUOTE_DECORATION) return false;
  const { prefix, suffix } = target.quote;
  const ownParagraph =
    (prefix === '' || /\n[^\S\n]*\n[^\p{L}\p{N}]*$/u.test(prefix)) && (suffix === '' || /^[^\p{L}\p{N}]*\n[^\S\n]*\n/u.test(suffix));
  return !ownParagraph;
}

/** A range widened to whole words and stripped of surrounding spaces; undefined if nothing is left. */
function toWords(text: string, range: Candidate): Candidate | undefined {
  let { start, end } = range;
  if (end <= start) return undefined;
  while (start > 0 && WORD_CHARACTER.test(text.charAt(start - 1)) && WORD_CHARACTER.test(text.charAt(start))) start -= 1;
  while (end < text.length && WORD_CHARACTER.test(text.charAt(end)) && WORD_CHARACTER.test(text.charAt(end - 1))) end += 1;
  while (start < end && text.charAt(start) === ' ') start += 1;
  while (end > start && text.charAt(end - 1) === ' ') end -= 1;
  return end > start ? { start, end } : undefined;
}

/**
 * An estimated stretch for a quote that held no sentence break is kept inside one sentence: cut
 * before a sentence end in its second half, or after one in its first half.
 */
function withinSentence(text: string, range: Candidate | undefined, quote: string): Candidate | undefined {
  if (!range || SENTENCE_END_IN.test(quote)) return range;
  let { start, end } = range;
  const body = text.slice(start, end);
  const breaks = [...body.matchAll(new RegExp(SENTENCE_END_IN.source, 'gu'))];
  for (const m of breaks) {
    const at = m.index;
    if (at >= body.length / 2) {
      end = Math.min(end, start + at + 1);
      break;
    }
  }
  for (const m of breaks.reverse()) {
    const after = m.index + m[0].length;
    if (m.index < body.length / 2) {
      start = range.start + after;
      break;
    }
  }
  return toWords(text, { start, end });
}
/** A sentence end inside a text: . ! ? (and closing quotes) followed by a space and a capital. */
const SENTENCE_END_IN = /[.!?]["'”’)]*(?= +["'“‘(]?\p{Lu})/u;

/** Weight of the position evidence: only a tie-breaker between otherwise equal candidates. */
const POSITION_WEIGHT = 0.05;
/** How similar two unrelated 32-character stretches of English prose are by edit distance (median 0.28). */
const UNRELATED_CONTEXT_SIMILARITY = 0.3;

/** Quote weight by length: short quotes lean on context, long ones speak for themselves. */
function quoteWeight(length: number): number {
  return 0.45 + 0.3 * Math.min(1, length / 64);
}

function score(text: string, candidate: Candidate, recorded: Recorded): Scored {
  const { exact, prefix, suffix } = recorded;
  const actual = text.slice(candidate.start, candidate.end);
  const longer = Math.max(actual.length, exact.length);
  const before = text.slice(Math.max(0, candidate.start - Math.max(1, prefix.length)), candidate.start);
  const after = text.slice(candidate.end, candidate.end + Math.max(1, suffix.length));
  const prefixScore = contextEvidence(prefix, before);
  const suffixScore = contextEvidence(suffix, after);
  // Beyond what could still be placed (half the quote in edits; 65 % between both neighbours) the
  // candidate cannot be placed: no need to count further.
  const floor = Math.min(prefixScore, suffixScore) >= BRACKETING_CONTEXT ? BRACKETED_MIN_QUOTE_SIMILARITY : MIN_QUOTE_SIMILARITY;
  const characters = actual === exact ? 1 : 1 - editDistance(actual, exact, Math.ceil(longer * (1 - floor)) + 1) / longer;
  const quote = characters >= 0.9 ? characters : Math.max(characters, wordSimilarity(exact, actual));
  const wq = quoteWeight(exact.length);
  const wc = 1 - wq - POSITION_WEIGHT;
  const position = 1 - Math.min(1, Math.abs(candidate.start - recorded.hint) / Math.max(1, text.length));
  const total = wq * quote + wc * ((prefixScore + suffixScore) / 2) + POSITION_WEIGHT * position;
  return { ...candidate, score: Math.min(1, Math.max(0, total)), quote, prefix: prefixScore, suffix: suffixScore };
}

/** Similarity of a recorded context to the text now there, above chance, rescaled to 0..1. */
function contextEvidence(recorded: string, actual: string): number {
  if (recorded === actual) return 1;
  const similarity = textSimilarity(recorded, actual);
  if (recorded.length === 0) return similarity; // edge-of-article rule, see textSimilarity
  return Math.max(0, (similarity - UNRELATED_CONTEXT_SIMILARITY) / (1 - UNRELATED_CONTEXT_SIMILARITY));
}

/** Maps a normalised candidate back to the article's offsets, without surrounding whitespace. */
function toOriginalRange(text: string, normalized: NormalizedText, candidate: Candidate): TextRange {
  let start = normalized.toOriginalStart(candidate.start);
  let end = Math.max(start, normalized.toOriginalEnd(candidate.end));
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
  return { status: 'orphaned', start: null, end: null, score: Math.max(0, score), bestCandidate };
}

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
