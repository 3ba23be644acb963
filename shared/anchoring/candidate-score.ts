/**
 * How much of the claim a candidate holds: its quote (character or word likeness to the recorded
 * quote), its context (the recorded prefix and suffix against the text now around it, above what
 * unrelated prose shares by chance) and, as a tie-breaker, its distance from the old position;
 * and whether a candidate keeps enough of the quote to be placed at all.
 */
import { MIN_QUOTE_SIMILARITY } from './anchor-types';
import type { Candidate, Recorded } from './candidate-places';
import { editDistance } from './edit-distance';
import { textSimilarity } from './text-similarity';
import { wordSimilarity } from './word-similarity';

/** A candidate with its evidence: the score, and the quote, prefix and suffix likeness it was made of (each 0..1). */
export interface Scored extends Candidate {
  score: number;
  quote: number;
  prefix: number;
  suffix: number;
}

/**
 * A candidate may be placed if it keeps half the quote, or, standing between both of its recorded
 * neighbours (each at least 80 % alike), this much of it: a sentence reworded in place.
 */
const BRACKETED_MIN_QUOTE_SIMILARITY = 0.35;
export const BRACKETING_CONTEXT = 0.8;

/** True if the candidate keeps enough of the quote to be placed (see above). */
export function placeable(c: Scored): boolean {
  return c.quote >= MIN_QUOTE_SIMILARITY || (c.quote >= BRACKETED_MIN_QUOTE_SIMILARITY && Math.min(c.prefix, c.suffix) >= BRACKETING_CONTEXT);
}

/** Weight of the position evidence: only a tie-breaker between otherwise equal candidates. */
const POSITION_WEIGHT = 0.05;
/** How similar two unrelated 32-character stretches of English prose are by edit distance (median 0.28). */
const UNRELATED_CONTEXT_SIMILARITY = 0.3;

/** Quote weight by length: short quotes lean on context, long ones speak for themselves. */
function quoteWeight(length: number): number {
  return 0.45 + 0.3 * Math.min(1, length / 64);
}

/**
 * A candidate's score: `wq·quote + wc·(prefix + suffix)/2 + 0.05·position`, with the quote's
 * weight `wq` growing with its length (quoteWeight) and `wc` the rest.
 */
export function score(text: string, candidate: Candidate, recorded: Recorded): Scored {
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
