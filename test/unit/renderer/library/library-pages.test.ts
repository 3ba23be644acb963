import { describe, expect, it } from 'vitest';
import { pagesFor } from '../../../../renderer/src/features/library/library-pages';

describe('which library pages a scrolled list asks for', () => {
  it('asks for the first page (total and facets) and the pages holding the rows on screen, nothing between', () => {
    expect(pagesFor(0, 11, 10_000)).toEqual([0]);
    expect(pagesFor(190, 210, 10_000)).toEqual([0, 1]);
    // Straight to the end of 10,000 rows: page 49 only, not the 48 before it.
    expect(pagesFor(9_985, 9_999, 10_000)).toEqual([0, 49]);
  });

  it('asks for no page past the end, and only the first of an empty or not yet counted list', () => {
    expect(pagesFor(0, 20, 0)).toEqual([0]);
    expect(pagesFor(4_000, 4_020, 450)).toEqual([0]);
    expect(pagesFor(395, 420, 410)).toEqual([0, 1, 2]);
  });
});
