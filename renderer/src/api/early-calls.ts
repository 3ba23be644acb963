import type { CallOptions, MethodName, NotebookChanged, RequestOf, StancebookApi } from '../../../shared/api';
import { LIBRARY_PAGE } from '../features/library/library-pages';

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

/**
 * The API with `calls` sent at once, so the page's first requests leave as its code starts rather
 * than after React's first render (decision 0025). The first call the app makes with the same
 * method and request takes the answer already on its way, once; any later call asks the core
 * again. Every change event (and a reconnect that may have missed some: the bridge says
 * `{ scope: 'notebook' }`) drops the answers not yet taken, which may be stale, so the app asks
 * again. Calls with options (a change id: writes) always go through.
 */
export function withEarlyCalls(api: StancebookApi, calls: EarlyCall[]): StancebookApi {
  const waiting = new Map<string, Promise<unknown>>();
  const keyOf = (method: string, request: unknown) => `${method} ${canonicalJson(request)}`;
  const invoke = (method: string, request: unknown, options?: CallOptions) =>
    (api[method as MethodName] as (request: unknown, options?: CallOptions) => Promise<unknown>)(request, options);
  if (calls.length > 0) {
    try {
      api.onChanged((_event: NotebookChanged) => waiting.clear());
    } catch {
      return api; // No change events: answers sent early could not be known to be current.
    }
  }
  for (const { method, request } of calls) {
    // A host that throws or answers without a promise cannot stop the page from starting.
    let answer: Promise<unknown>;
    try {
      answer = Promise.resolve(invoke(method, request));
    } catch (error) {
      answer = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    // Not a loss: the error goes to the caller that takes this answer, who would have had it too.
    answer.catch(() => undefined);
    waiting.set(keyOf(method, request), answer);
  }
  const wrapped: Record<string, unknown> = { ...api };
  for (const method of Object.keys(api)) {
    if (method === 'onChanged' || typeof api[method as keyof StancebookApi] !== 'function') continue;
    wrapped[method] = (request: unknown, options?: CallOptions) => {
      if (options === undefined && waiting.size > 0) {
        const key = keyOf(method, request);
        const answer = waiting.get(key);
        if (answer) {
          waiting.delete(key);
          return answer;
        }
      }
      return invoke(method, request, options);
    };
  }
  return wrapped as unknown as StancebookApi;
}
