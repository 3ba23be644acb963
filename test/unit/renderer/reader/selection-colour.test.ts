import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodebookSchema } from '../../../../shared/model';
import { DISTINCT, colourDistance, selectionColourFor } from '../../../../renderer/src/features/reader/selection-colour';

const stances = CodebookSchema.parse(JSON.parse(readFileSync('resources/default-codebook.json', 'utf8'))).stances.map((s) => s.color);

describe('the selection colour', () => {
  it('differs from every stance colour of the default scale', () => {
    const colour = selectionColourFor(stances);
    for (const stance of stances) expect(colourDistance(colour, stance), `${colour} vs ${stance}`).toBeGreaterThanOrEqual(DISTINCT);
    // The old selection blue was close to "strongly supports": the reason for the change.
    expect(colourDistance('#1a66c2', '#2166ac')).toBeLessThan(DISTINCT);
  });

  it('is the stock green for the default scale, and moves away from a stance that uses green', () => {
    expect(selectionColourFor(stances)).toBe('#3fbf5f');
    const colour = selectionColourFor([...stances, '#40c060']);
    expect(colour).not.toBe('#3fbf5f');
    for (const stance of [...stances, '#40c060']) expect(colourDistance(colour, stance)).toBeGreaterThanOrEqual(DISTINCT);
  });

  it('measures equal colours as 0 and unreadable ones as infinitely far', () => {
    expect(colourDistance('#a3a3a3', '#A3A3A3')).toBe(0);
    expect(colourDistance('red', '#a3a3a3')).toBe(Infinity);
  });
});
