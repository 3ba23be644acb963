/* Which pages of the library list to fetch for the rows on screen (pure, for the hook and its tests). */

/** Articles per request: a screenful is ~12, so one page covers many scrolls. */
export const LIBRARY_PAGE = 200;

/** The page a row index falls in. */
export const pageOf = (index: number) => Math.floor(index / LIBRARY_PAGE);

/**
 * The pages to have for rows [first, last] on screen: those pages and the first (which holds
 * the total and facets), without the ones past the end.
 */
export function pagesFor(first: number, last: number, total: number): number[] {
  const end = Math.min(pageOf(Math.max(first, last)), Math.max(0, pageOf(Math.max(0, total - 1))));
  const pages = new Set([0]);
  for (let p = pageOf(Math.max(0, first)); p <= end; p++) pages.add(p);
  return [...pages];
}
