import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { LibraryFilters, LibrarySort } from '../../../../shared/api/contract-library';
import { api } from '../../api/client';
import { keys } from '../../app/queries';

const PAGE = 200;

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

/**
 * The library as the core sorts and filters it, a page of 200 at a time: `items` holds what
 * has been loaded, `total` all matches, and `loadMore` asks for the next page. Under the
 * `articles` key, so every change to the library refreshes it.
 */
export function useLibraryQuery(view: LibraryView) {
  const [text, setText] = useState(view.text);
  useEffect(() => {
    const timer = window.setTimeout(() => setText(view.text), 150);
    return () => window.clearTimeout(timer);
  }, [view.text]);
  const filters = useMemo(() => toFilters(view, text), [view, text]);

  const query = useInfiniteQuery({
    queryKey: [...keys.articles, 'library', view.sort, view.direction, filters],
    queryFn: ({ pageParam }) => api.queryLibrary({ sort: view.sort, direction: view.direction, filters, offset: pageParam, limit: PAGE }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });

  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const first = query.data?.pages[0];
  return {
    items,
    total: first?.total ?? 0,
    facets: first?.facets ?? { sources: [], collections: [], tags: [] },
    isLoading: query.isLoading,
    error: query.error,
    loadMore: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  };
}
