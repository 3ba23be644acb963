/**
 * Every place a claim could now be, before any is judged: the verbatim occurrences of its quote
 * (looked up in the revision's word-pair index), the places its quote's and context's word pairs
 * vote for, the stretches its recorded neighbours still enclose there, and a fuzzy (Myers) search
 * at each place. All offsets are in the normalised text (normalize-text.ts); nothing here scores.
 */
import { normalizeText, type NormalizedText } from './normalize-text';
import { buildTextIndex, tokenize, type TextIndex } from './text-index';
import { refineBoundaries } from './refine-boundaries';
import approxSearch from 'approx-string-match';

/** The revision the claims are looked for in: what is computed once per revision and shared by all its claims. */
export interface PreparedText {
  normalized: NormalizedText;
  index: () => TextIndex;
}

/**
 * The revision `text` prepared when first asked for: its normalised copy, then (when a claim
 * first needs it) the word-pair index of that copy; each built once.
 */
export function preparedText(text: string): () => PreparedText {
  let prepared: PreparedText | undefined;
  return (): PreparedText => {
    if (prepared) return prepared;
    const normalized = normalizeText(text);
    let index: TextIndex | undefined;
    prepared = { normalized, index: () => (index ??= buildTextIndex(normalized.text)) };
    return prepared;
  };
}

/** A stretch of the normalised text that may be the claim. */
export interface Candidate {
  start: number;
  end: number;
}

/** The claim's recorded quote and context, normalised, and where it started: what every place is measured against. */
export interface Recorded {
  exact: string;
  prefix: string;
  suffix: string;
  /** Normalised offset of the recorded start in the new text: a tie-breaker. */
  hint: number;
}

/** True if the recorded prefix and suffix stand, character for character, right around the candidate. */
export function inOldContext(text: string, candidate: Candidate, recorded: Recorded): boolean {
  const { prefix, suffix } = recorded;
  return candidate.start >= prefix.length && text.startsWith(prefix, candidate.start - prefix.length) && text.startsWith(suffix, candidate.end);
}

/** A letter or digit: what a word is made of. */
export const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Every verbatim occurrence of the quote in `text`. A quote with a whole word in it (two if it
 * has them) is looked up in the word index: every occurrence of the quote holds that word (pair)
 * at the same offset, which keeps 5,000 claims on a 500 kB article far from 5,000 scans of it.
 */
export function findVerbatim(text: string, recorded: Recorded, index: () => TextIndex): Candidate[] {
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
export function occurrences(text: string, needle: string, from = 0, to = text.length, limit = 20): number[] {
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
export function bracketed(text: string, recorded: Recorded, places: Place[]): Candidate[] {
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
export function likelyPlaces(text: string, recorded: Recorded, index: TextIndex, verbatim: Candidate[]): Place[] {
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
export function aligned(text: string, recorded: Recorded, places: Place[]): Candidate[] {
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
