import approxSearch from 'approx-string-match';

/** A place in the normalised text where the quote may now be, with its edit errors. */
export interface RawCandidate {
  start: number;
  end: number;
  errors: number;
}

/** The most edit errors a fuzzy match may have, whatever the quote's length. */
export const MAX_FUZZY_ERRORS = 32;

/**
 * Edit errors allowed for a fuzzy match of a quote of `quoteLength` characters: a quarter of the
 * quote, at most {@link MAX_FUZZY_ERRORS}. Quotes under 4 characters get none (any fuzzy match of
 * "AI" is noise). The cap bounds the cost of Myers' algorithm, which grows with errors / 32.
 */
export function maxFuzzyErrors(quoteLength: number): number {
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(quoteLength / 4));
}

/**
 * Every occurrence of `quote` in `text`, overlapping ones included. O(text length) per call,
 * done by the engine's native `indexOf`.
 */
export function findExactOccurrences(text: string, quote: string): RawCandidate[] {
  const found: RawCandidate[] = [];
  if (quote.length === 0) return found;
  let from = text.indexOf(quote);
  while (from !== -1) {
    found.push({ start: from, end: from + quote.length, errors: 0 });
    from = text.indexOf(quote, from + 1);
  }
  return found;
}

/** How far either side of the recorded position the local fuzzy search looks, beyond the quote. */
const LOCAL_SLACK = 1024;

/**
 * Fuzzy candidates for `quote` in `text`: the best matches in the whole text, plus the best
 * matches near `hint` (a normalised offset). The local search is there because Myers' search
 * reports only the lowest-error matches: a look-alike sentence elsewhere with one error fewer
 * would otherwise hide the lightly edited original near its old place.
 *
 * Duplicates (the same start and end) are removed. Returns nothing if the quote is too short to
 * match fuzzily.
 */
export function findFuzzyCandidates(text: string, quote: string, hint: number): RawCandidate[] {
  const maxErrors = maxFuzzyErrors(quote.length);
  if (maxErrors === 0) return [];
  const found = approxSearch(text, quote, maxErrors).map((m) => ({ ...m }));

  const windowStart = Math.max(0, hint - quote.length - LOCAL_SLACK);
  const windowEnd = Math.min(text.length, hint + 2 * quote.length + LOCAL_SLACK);
  if (windowStart > 0 || windowEnd < text.length) {
    const local = approxSearch(text.slice(windowStart, windowEnd), quote, maxErrors);
    for (const match of local) {
      found.push({ start: match.start + windowStart, end: match.end + windowStart, errors: match.errors });
    }
  }
  return dedupe(found);
}

function dedupe(candidates: RawCandidate[]): RawCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    const key = `${candidate.start}:${candidate.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
