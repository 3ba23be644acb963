/**
 * Levenshtein distance between two whole strings (insertions, deletions and substitutions each
 * cost 1), symmetric in its arguments. Two rows of the classic table, O(|a|·|b|) time and
 * O(min) memory; anchoring calls it on a quote and one candidate at a time.
 *
 * With `limit`, stops early and returns `limit + 1` once the distance is sure to exceed it
 * (only the diagonal band of width `limit` can hold a cheaper path).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m === 0) return n;
  if (n - m > limit) return limit + 1;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j += 1) previous[j] = j;
  for (let i = 1; i <= n; i += 1) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j += 1) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      const best = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[m]!;
}

/** 1 − distance / length of the longer string: 1 for identical strings, 0 for nothing in common. */
export function stringSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}
