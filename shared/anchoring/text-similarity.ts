import approxSearch from 'approx-string-match';

/**
 * How closely `actual` matches `expected`, from 0 (nothing in common) to 1 (identical), as
 * 1 - (edit errors / expected length). `expected` is matched anywhere inside `actual`
 * (Myers' algorithm), so a window one character longer or shorter costs about one error.
 *
 * An empty `expected` means the quote sat at the start (prefix) or end (suffix) of the article:
 * it scores 1 if `actual` is empty too and 0.5 otherwise, since text added at the edge is weak
 * evidence either way.
 */
export function textSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0.5;
  if (actual.length === 0) return 0;
  if (expected === actual) return 1;
  const matches = approxSearch(actual, expected, expected.length);
  const best = matches.reduce((lowest, match) => Math.min(lowest, match.errors), expected.length);
  return 1 - best / expected.length;
}
