/**
 * What the previous revision (the text the claim's selectors were made on) tells about a claim
 * and a place it may now be: its ordinal among copies of its quote, whether a stretch stood there
 * already away from the claim, the claim's wider surroundings, its old paragraph and sentence, its
 * old place by the text around it (vacated-place.ts) and where the diff of the two revisions
 * carried it (edit-place.ts). Without a previous revision, each says so (undefined or false), or
 * reads the recorded quote and context instead where it can.
 */
import type { ClaimTarget } from '../model/claim';
import type { AnchorerOptions } from './anchor-types';
import type { Candidate, PreparedText } from './candidate-places';
import type { TextRange } from './describe-range';
import { editPlace, type EditPlace } from './edit-place';
import { normalizeString, normalizeText, type NormalizedText } from './normalize-text';
import { revisionMap, type RevisionMap } from './revision-diff';
import { sentenceFit, sentenceSides } from './sentence-context';
import { oldBracket, sentenceAround, type OldBracket } from './vacated-place';

/** What the previous revision (when given) tells about a claim and a candidate. */
export interface History {
  /** How many occurrences of the (normalised) quote stood before the claim in the previous revision; undefined without one. */
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
  /** Where the diff of the previous revision and this one carried the claim's old stretch (see edit-place.ts); undefined without a previous revision, or when the diff could not be made in its time budget. */
  byTheEdit(target: ClaimTarget): EditPlace | undefined;
}

/** The wider surroundings: how far the previous revision is read either side of the claim, in pieces of this size, looked for this far from a candidate. */
const WIDE_CONTEXT = 240;
const WIDE_PIECE = 24;
const WIDE_REACH = 320;
/** Likeness (characters) each side of the claim's old sentence keeps around a stretch that moved with its sentence. */
const SENTENCE_KEPT = 0.5;
/** ...when the claim's old sentence held at least this many characters besides it (a tag such as ", he said" matches by chance). */
const SENTENCE_READ = 20;
/** ...and a side less like the words there now than this says none of it stands (about chance for English prose). */
const SENTENCE_CHANCE = 0.3;

/**
 * The previous revision's evidence for claims anchored in `text` (the new revision, as `prepare`
 * gives it normalised). The previous revision is normalised, and the diff of the two made, once,
 * when a claim first needs them.
 */
export function previousRevision(text: string, options: AnchorerOptions, prepare: () => PreparedText): History {
  let previous: NormalizedText | undefined;
  // The previous revision normalised (once) and the claim's stretch in it, in its offsets.
  const oldClaim = (old: string, target: ClaimTarget): { previous: NormalizedText; claim: TextRange } => {
    previous ??= normalizeText(old);
    return { previous, claim: { start: previous.toNormalizedOffset(target.position.start), end: previous.toNormalizedOffset(target.position.end) } };
  };
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
    const { previous: old, claim } = oldClaim(options.previousText, target);
    for (let at = old.text.indexOf(candidate); at !== -1; at = old.text.indexOf(candidate, at + 1)) {
      if (at + candidate.length <= claim.start || at >= claim.end) return true;
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
    const { previous: old, claim } = oldClaim(options.previousText, target);
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
        old.text.slice(Math.max(0, claim.start - WIDE_CONTEXT), claim.start),
        N.slice(Math.max(0, candidate.start - WIDE_REACH), candidate.start),
      ),
      after: share(old.text.slice(claim.end, claim.end + WIDE_CONTEXT), N.slice(candidate.end, candidate.end + WIDE_REACH)),
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
    const { previous: old, claim } = oldClaim(options.previousText, target);
    return oldBracket(old.text, claim, normalized.text);
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
  // The diff of the previous revision and this one, made once, when a claim first needs it (null:
  // it could not be made in its time budget).
  let revision: RevisionMap | null | undefined;
  const byTheEdit = (target: ClaimTarget): EditPlace | undefined => {
    if (options.previousText === undefined) return undefined;
    const { previous: old, claim } = oldClaim(options.previousText, target);
    const { normalized } = prepare();
    if (revision === undefined) revision = revisionMap(old.text, normalized.text) ?? null;
    if (revision === null) return undefined;
    return editPlace(revision, old, normalized, claim);
  };
  return { ordinalOf, existedElsewhere, surroundings, movedParagraph, bracket, movedSentence, sentence, keptSentence, newSentence, byTheEdit };
}

/** The paragraph (line) of `text` around a range, without surrounding whitespace. */
function paragraphAround(text: string, range: TextRange): string {
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const next = text.indexOf('\n', range.end);
  return text.slice(start, next === -1 ? text.length : next).trim();
}
