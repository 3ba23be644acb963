/**
 * Levenshtein distance between two whole strings (insertions, deletions and substitutions each
 * cost 1), symmetric in its arguments. Two rows of the classic table, O(|a|·|b|) time.
 *
 * With `limit`, only the diagonal band of width `limit` is computed (Ukkonen): O(limit·|a|), and
 * any distance above the limit is reported as `limit + 1`. Anchoring asks only whether a
 * candidate keeps half of a quote, so it never pays for the whole table.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m === 0) return Math.min(n, limit + 1);
  if (n - m > limit) return limit + 1;
  const band = Math.min(n, Number.isFinite(limit) ? Math.floor(limit) : n);
  const big = n + m + 1;
  let previous = new Int32Array(m + 1).fill(big);
  let current = new Int32Array(m + 1).fill(big);
  for (let j = 0; j <= Math.min(m, band); j += 1) previous[j] = j;
  for (let i = 1; i <= n; i += 1) {
    const from = Math.max(1, i - band);
    const to = Math.min(m, i + band);
    current[from - 1] = from === 1 && i <= band ? i : big;
    let rowMin = big;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      let best = substitution < deletion ? substitution : deletion;
      if (insertion < best) best = insertion;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (to < m) current[to + 1] = big;
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  const result = previous[m]!;
  return result > limit ? limit + 1 : result;
}

/** 1 − distance / length of the longer string: 1 for identical strings, 0 for nothing in common. */
export function stringSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - editDistance(a, b) / longer;
}
