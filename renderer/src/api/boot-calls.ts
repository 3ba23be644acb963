import type { MethodName, RequestOf } from '../../../shared/api';
import { LIBRARY_PAGE } from '../features/library/library-pages';

/*
 * The calls the app makes as it opens, and how two calls are known to be the same. Kept apart
 * and small (type imports and one constant): the page's early entry (renderer/src/boot) loads
 * it before the app's bundle.
 */

/** One contract call, as the app makes it. */
export interface EarlyCall<K extends MethodName = MethodName> {
  method: K;
  request: RequestOf<K>;
}
const early = <K extends MethodName>(method: K, request: RequestOf<K>): EarlyCall => ({ method, request }) as EarlyCall;

/** Where the open article is remembered across reloads (app/use-last-article.ts). */
export const LAST_ARTICLE_KEY = 'stancebook.lastArticle';

/**
 * The calls the app makes as it opens, exactly as its hooks make them (the unit tests hold them
 * to the hooks): the library's first page in its default view, the newest article (or the
 * remembered one and its text), the codebook, the notebook's name, collections, coder, history
 * and trash. Sent as the page's code starts, before React's first render asks for them.
 */
export function bootCalls(storage: Pick<Storage, 'getItem'> | null): EarlyCall[] {
  let remembered: string | null = null;
  try {
    remembered = storage?.getItem(LAST_ARTICLE_KEY) ?? null;
  } catch {
    // Storage can be unavailable (private mode): the newest article opens.
  }
  return [
    early('queryLibrary', { sort: 'added', direction: 'desc', filters: {}, offset: 0, limit: LIBRARY_PAGE }),
    ...(remembered
      ? [early('getArticleSummary', { id: remembered }), early('getArticle', { id: remembered })]
      : [early('queryLibrary', { sort: 'added', direction: 'desc', offset: 0, limit: 1 })]),
    early('getCodebook', {}),
    early('getNotebookInfo', {}),
    early('listCollections', {}),
    early('getCoder', {}),
    early('getHistory', {}),
    early('listTrash', {}),
  ];
}

/** JSON with the keys of every object sorted, so equal requests give equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? {}, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** One key per method and request, whatever the order of the request's keys. */
export const callKey = (method: string, request: unknown): string => `${method} ${canonicalJson(request)}`;
