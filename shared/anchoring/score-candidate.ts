import { textSimilarity } from './text-similarity';

/** The parts a candidate location is judged on, each 0..1. */
export interface CandidateEvidence {
  /** 1 - errors / quote length: how much of the quote is still there. */
  quote: number;
  /** Similarity of the text before the candidate to the recorded prefix. */
  prefix: number;
  /** Similarity of the text after the candidate to the recorded suffix. */
  suffix: number;
  /** 1 - distance from the recorded position / text length. */
  position: number;
}

/** Weight of the position evidence: only a tie-breaker between otherwise equal candidates. */
const POSITION_WEIGHT = 0.05;
/** Quote weight for a very short quote; context carries the rest. */
const MIN_QUOTE_WEIGHT = 0.4;
/**
 * How similar two unrelated 32-character stretches of English prose are by edit distance
 * (measured on the fixture article: median 0.28, 90th percentile 0.34). Context similarity is
 * counted only above this, or any short phrase found elsewhere would ride on shared spaces and
 * "the"s into a relocation.
 */
export const UNRELATED_CONTEXT_SIMILARITY = 0.3;
/** Quote weight once the quote is {@link SELF_EVIDENT_QUOTE_LENGTH} characters or longer. */
const MAX_QUOTE_WEIGHT = 0.8;
/** From this length a quote is distinctive enough to outweigh a changed context. */
const SELF_EVIDENT_QUOTE_LENGTH = 64;

/**
 * The weights of quote, context and position for a quote of `quoteLength` characters. Long
 * quotes speak for themselves (a 100-character sentence found verbatim after its paragraph moved
 * is right even though its neighbours changed); short quotes ("Taiwan Strait") lean on their
 * context, so a lone word found elsewhere with different neighbours is not accepted.
 */
export function evidenceWeights(quoteLength: number): { quote: number; context: number; position: number } {
  const share = Math.min(1, quoteLength / SELF_EVIDENT_QUOTE_LENGTH);
  const quote = MIN_QUOTE_WEIGHT + (MAX_QUOTE_WEIGHT - MIN_QUOTE_WEIGHT) * share;
  return { quote, context: 1 - quote - POSITION_WEIGHT, position: POSITION_WEIGHT };
}

/** Combines the evidence for a candidate into one 0..1 score (1: same quote, context and place). */
export function combineEvidence(quoteLength: number, evidence: CandidateEvidence): number {
  const weights = evidenceWeights(quoteLength);
  const context = (evidence.prefix + evidence.suffix) / 2;
  const score =
    weights.quote * evidence.quote + weights.context * context + weights.position * evidence.position;
  return Math.min(1, Math.max(0, score));
}

/** What a candidate is compared against: the recorded selectors, normalised. */
export interface RecordedQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** Recorded start, in original offsets of the new text (a hint: the text may have shifted). */
  start: number;
}

/**
 * Scores the candidate `[start, end)` of the normalised text `normalized`, found with `errors`
 * edit errors. `originalStart` and `originalLength` place it in the article for the position
 * evidence.
 */
export function scoreCandidate(
  normalized: string,
  candidate: { start: number; end: number; errors: number; originalStart: number },
  recorded: RecordedQuote,
  originalLength: number,
): number {
  const quoteLength = recorded.exact.length;
  // An empty recorded context means the quote touched the edge of the article; look at one
  // character so that a candidate away from that edge is told apart from one still on it.
  const prefixWindow = Math.max(1, recorded.prefix.length);
  const suffixWindow = Math.max(1, recorded.suffix.length);
  const before = normalized.slice(Math.max(0, candidate.start - prefixWindow), candidate.start);
  const after = normalized.slice(candidate.end, candidate.end + suffixWindow);
  const distance = Math.abs(candidate.originalStart - recorded.start);
  return combineEvidence(quoteLength, {
    quote: Math.max(0, 1 - candidate.errors / quoteLength),
    prefix: contextEvidence(recorded.prefix, before),
    suffix: contextEvidence(recorded.suffix, after),
    position: 1 - Math.min(1, distance / Math.max(1, originalLength)),
  });
}

/** Similarity of a recorded context to the text now there, above chance, rescaled to 0..1. */
function contextEvidence(recorded: string, actual: string): number {
  const similarity = textSimilarity(recorded, actual);
  if (recorded.length === 0) return similarity; // edge-of-article rule, see textSimilarity
  return Math.max(0, (similarity - UNRELATED_CONTEXT_SIMILARITY) / (1 - UNRELATED_CONTEXT_SIMILARITY));
}
