import type { LibraryQuery } from '../../../shared/api/contract-library';
import type { LibraryRow } from './library-rows';

type Compare = (a: LibraryRow, b: LibraryRow) => number;

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares values that may be missing: missing ones go last whichever the direction. */
function missingLast<T>(get: (row: LibraryRow) => T | null, compare: (a: T, b: T) => number, sign: number): Compare {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * compare(x, y);
  };
}

/**
 * The library order. Ties fall back to the row's rank (title, then time added, then id; see
 * libraryRows) in the chosen direction, so the order is total and a window fetched later lines
 * up with the one before. Folded keys are compared by code unit rather than with a collator:
 * on 10,000 rows that is several times faster, and after folding case and accents it orders
 * Latin text the same.
 */
export function libraryComparator(sort: LibraryQuery['sort'], direction: LibraryQuery['direction']): Compare {
  const sign = direction === 'asc' ? 1 : -1;
  const primary: Compare | null = (() => {
    switch (sort) {
      case 'published':
        return missingLast((r) => r.summary.publishedAt, byString, sign);
      case 'title':
        return null;
      case 'source':
        return missingLast((r) => r.sourceKey, byString, sign);
      case 'claims':
        return (a, b) => sign * (a.summary.claimCount - b.summary.claimCount);
      case 'added':
        return (a, b) => sign * byString(a.summary.createdAt, b.summary.createdAt);
    }
  })();
  if (!primary) return (a, b) => sign * (a.rank - b.rank);
  return (a, b) => primary(a, b) || sign * (a.rank - b.rank);
}
