import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../../electron/core/agreement/alpha';

/*
 * The worked example with missing data in Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011): 4 observers (A-D), 12 units, values 1-5; null = no value.
 * Published: nominal 0.743, ordinal 0.815, interval 0.849.
 */
const observers: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const units = observers[0]!.map((_, u) => observers.map((row) => row[u]).filter((v): v is number => v !== null));

describe("Krippendorff's alpha", () => {
  it('gives the published nominal value for the example with missing data (0.743)', () => {
    const result = krippendorffAlpha(units, 'nominal');
    expect(result.alpha!.toFixed(3)).toBe('0.743');
    // Unit 12 has one value only: not pairable. 40 values in pairable units.
    expect(result.pairable).toBe(40);
    expect(result.units).toBe(11);
  });

  it('gives the published ordinal value (0.815)', () => {
    expect(krippendorffAlpha(units, 'ordinal', [1, 2, 3, 4, 5]).alpha!.toFixed(3)).toBe('0.815');
  });

  it('gives the published interval value (0.849)', () => {
    expect(krippendorffAlpha(units, 'interval').alpha!.toFixed(3)).toBe('0.849');
  });

  it('ordinal uses the given order, not the values: labels on a scale give the same figure', () => {
    const labels = ['strongly opposes', 'opposes', 'neutral', 'supports', 'strongly supports'];
    const labelled = units.map((u) => u.map((v) => labels[v - 1]!));
    expect(krippendorffAlpha(labelled, 'ordinal', labels).alpha!.toFixed(3)).toBe('0.815');
    // Nominal does not care about the names either.
    expect(krippendorffAlpha(labelled, 'nominal').alpha!.toFixed(3)).toBe('0.743');
  });

  it('is 1 for perfect agreement with variation, and undefined (null) without variation or pairs', () => {
    expect(
      krippendorffAlpha(
        [
          ['a', 'a'],
          ['b', 'b'],
        ],
        'nominal',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          ['a', 'a'],
          ['a', 'a'],
        ],
        'nominal',
      ).alpha,
    ).toBeNull();
    expect(krippendorffAlpha([['a'], ['b']], 'nominal').alpha).toBeNull();
  });

  it('is below 0 for systematic disagreement', () => {
    expect(
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['b', 'a'],
        ],
        'nominal',
      ).alpha!,
    ).toBeLessThan(0);
  });

  it('refuses an ordinal value that is not on the scale', () => {
    expect(() => krippendorffAlpha([['x', 'y']], 'ordinal', ['x'])).toThrow(/not on the ordinal scale/);
  });
});
