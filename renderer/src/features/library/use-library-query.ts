import { useCallback, useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { LibraryFilters, LibraryPage, LibrarySort } from '../../../../shared/api/contract-library';
import type { ArticleSummary } from '../../../../shared/model';
import { api } from '../../api/client';
import { keys } from '../../app/queries';
import { LIBRARY_PAGE, pageOf, pagesFor } from './library-pages';

export interface LibraryView {
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  source: string;
  collection: string;
  tag: string;
  from: string;
  to: string;
  text: string;
}

export const DEFAULT_VIEW: LibraryView = { sort: 'added', direction: 'desc', source: '', collection: '', tag: '', from: '', to: '', text: '' };

export function isFiltered(view: LibraryView): boolean {
  return !!(view.source || view.collection || view.tag || view.from || view.to || view.text.trim());
}

function toFilters(view: LibraryView, text: string): LibraryFilters {
  return {
    ...(view.source ? { sources: [view.source] } : {}),
    ...(view.collection ? { collections: [view.collection] } : {}),
    ...(view.tag ? { tags: [view.tag] } : {}),
    ...(view.from ? { from: view.from } : {}),
    ...(view.to ? { to: view.to } : {}),
    ...(text.trim() ? { text: text.trim() } : {}),
  };
}

/** The request for one page of the library in `view` (its text filter as debounced). */
export function libraryPageRequest(view: LibraryView, text: string, page: number) {
  return { sort: view.sort, direction: view.direction, filters: toFilters(view, text), offset: page * LIBRARY_PAGE, limit: LIBRARY_PAGE };
}

/**
 * The library as the core sorts and filters it, fetched a page of 200 at a time where the list
 * is looked at: `show(first, last)` says which rows are on screen, `itemAt(i)` gives row i once
 * its page has arrived (undefined until then), `total` counts all matches. Scrolling straight to
 * row 9,000 fetches its page only, not the 45 before it. Each page is a query under the
 * `articles` key, so every change to the library refreshes the pages in view.
 */
export function useLibraryQuery(view: LibraryView) {
  const [text, setText] = useState(view.text);
  useEffect(() => {
    const timer = window.setTimeout(() => setText(view.text), 150);
    return () => window.clearTimeout(timer);
  }, [view.text]);
  const filters = useMemo(() => toFilters(view, text), [view, text]);
  const [shown, setShown] = useState<[number, number]>([0, 0]);
  const pageQuery = (page: number) => ({
    queryKey: [...keys.articles, 'library', view.sort, view.direction, filters, page],
    queryFn: () => api.queryLibrary(libraryPageRequest(view, text, page)),
  });

  // The first page: total and facets. While another sort or filter is asked, the old one stays.
  const first = useQuery({ ...pageQuery(0), placeholderData: keepPreviousData });
  const total = first.data?.total ?? 0;
  const wanted = pagesFor(shown[0], shown[1], total).filter((p) => p !== 0);
  const rest = useQueries({ queries: wanted.map((p) => pageQuery(p)) });

  const loaded = new Map<number, LibraryPage>();
  if (first.data) loaded.set(0, first.data);
  wanted.forEach((p, i) => {
    const data = rest[i]?.data;
    if (data) loaded.set(p, data);
  });
  const restError = rest.find((r) => r.error)?.error ?? null;

  return {
    total,
    facets: first.data?.facets ?? { sources: [], collections: [], tags: [] },
    isLoading: first.isLoading,
    error: first.error ?? restError,
    itemAt: (index: number): ArticleSummary | undefined => loaded.get(pageOf(index))?.items[index % LIBRARY_PAGE],
    /** Rows first..last are on screen (or about to be): their pages are fetched. */
    show: useCallback((from: number, to: number) => {
      setShown((current) => (pageOf(current[0]) === pageOf(from) && pageOf(current[1]) === pageOf(to) ? current : [from, to]));
    }, []),
  };
}
