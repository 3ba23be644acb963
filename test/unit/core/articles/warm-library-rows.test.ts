import { describe, expect, it } from 'vitest';
import { queryLibrarySummaries } from '../../../../electron/core/articles/library-query';
import { warmLibraryRows } from '../../../../electron/core/articles/library-rows';
import { syntheticSummaries } from './synthetic-library';

const query = { sort: 'title', direction: 'asc', offset: 0, limit: 500, filters: { text: 'zurich' } } as const;

describe('warming the library rows after open', () => {
  it('lets the event loop turn between slices, so other requests are answered meanwhile', async () => {
    const library = syntheticSummaries(2_000, 7);
    let warmed = false;
    const warming = warmLibraryRows(library, 100).then(() => (warmed = true));
    // A request arriving after the first slice runs before the warm-up is over.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warmed).toBe(false);
    await warming;
    expect(warmed).toBe(true);
  });

  it('answers queries exactly as a library that was never warmed (folded keys, order, facets)', async () => {
    const cold = queryLibrarySummaries(syntheticSummaries(3_000, 11), query);
    const library = syntheticSummaries(3_000, 11);
    await warmLibraryRows(library, 250);
    const warm = queryLibrarySummaries(library, query);
    expect(warm.total).toBeGreaterThan(0);
    expect(warm.items.map((a) => a.id)).toEqual(cold.items.map((a) => a.id));
    expect(warm.facets).toEqual(cold.facets);
    expect(warm.total).toBe(cold.total);
  });

  it('a query during the warm-up folds the rest itself and gets the same answer', async () => {
    const expected = queryLibrarySummaries(syntheticSummaries(3_000, 13), query);
    const library = syntheticSummaries(3_000, 13);
    const warming = warmLibraryRows(library, 250);
    await new Promise((resolve) => setImmediate(resolve));
    const during = queryLibrarySummaries(library, query);
    await warming;
    expect(during.items.map((a) => a.id)).toEqual(expected.items.map((a) => a.id));
    expect(during.total).toBe(expected.total);
  });
});
