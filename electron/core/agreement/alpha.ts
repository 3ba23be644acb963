/**
 * Krippendorff's alpha from the coincidence-matrix definition (Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011):
 *
 *   alpha = 1 - (n - 1) * Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
 *
 * where o_ck counts, within each unit with m_u ≥ 2 values, the ordered pairs of values (c, k)
 * from different coders, each weighted 1 / (m_u - 1); n_c = Σ_k o_ck and n = Σ_c n_c. Units with
 * fewer than two values are not pairable and count for nothing. Missing values are simply absent.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

/** One unit (a matched span): the values the coders gave it; missing values left out. */
export type AlphaUnit<V> = V[];

export interface AlphaResult {
  /** Null when there is nothing to measure: fewer than two pairable values, or no variation at all. */
  alpha: number | null;
  /** Pairable values (n in the formula). */
  pairable: number;
  /** Units with at least two values. */
  units: number;
  /** Observed and expected disagreement (D_o, D_e), for the report. */
  observed: number | null;
  expected: number | null;
}

/**
 * Alpha over `units` of values. For `ordinal`, `order` ranks every value that can occur (the
 * stance scale, most opposed first); values outside it are refused. For `interval`, values must be
 * numbers. Nominal values are compared with `===`.
 */
export function krippendorffAlpha<V extends string | number>(units: AlphaUnit<V>[], level: AlphaLevel, order?: readonly V[]): AlphaResult {
  const pairableUnits = units.filter((u) => u.length >= 2);
  const values = [...new Set(pairableUnits.flat())];
  if (level === 'ordinal') {
    if (!order) throw new Error('An ordinal alpha needs the order of the values.');
    for (const v of values) if (!order.includes(v)) throw new Error(`The value ${String(v)} is not on the ordinal scale.`);
    values.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  } else if (level === 'interval') {
    for (const v of values) if (typeof v !== 'number') throw new Error('An interval alpha needs numeric values.');
    values.sort((a, b) => (a as number) - (b as number));
  }
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const o = Array.from({ length: size }, () => new Float64Array(size));
  for (const unit of pairableUnits) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) o[index.get(unit[i]!)!]![index.get(unit[j]!)!]! += weight;
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const empty = { pairable: n, units: pairableUnits.length };
  if (n < 2) return { alpha: null, observed: null, expected: null, ...empty };

  const delta2 = distance(level, values, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta2(c, k);
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  const dObserved = observed / n;
  const dExpected = expected / (n * (n - 1));
  // No variation among the values at all: agreement is perfect but alpha is undefined.
  if (dExpected === 0) return { alpha: null, observed: dObserved, expected: 0, ...empty };
  return { alpha: 1 - dObserved / dExpected, observed: dObserved, expected: dExpected, ...empty };
}

/** δ² between the c-th and k-th value (in sorted order) for the level. */
function distance<V>(level: AlphaLevel, values: V[], nc: number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
  // Ordinal: (Σ_{g=c..k} n_g - (n_c + n_k) / 2)², over the ranks between c and k.
  const cumulative = [0];
  for (const count of nc) cumulative.push(cumulative.at(-1)! + count);
  return (c, k) => {
    if (c === k) return 0;
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    const between = cumulative[hi + 1]! - cumulative[lo]!;
    return (between - (nc[c]! + nc[k]!) / 2) ** 2;
  };
}
