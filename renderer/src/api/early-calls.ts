import type { CallOptions, MethodName, NotebookChanged, StancebookApi } from '../../../shared/api';
import { callKey, type EarlyCall } from './boot-calls';

/**
 * The API with `calls` sent at once, so the page's first requests leave as its code starts rather
 * than after React's first render (decision 0026). The first call the app makes with the same
 * method and request takes the answer already on its way, once; any later call asks the core
 * again. Every change event (and a reconnect that may have missed some: the bridge says
 * `{ scope: 'notebook' }`) drops the answers not yet taken, which may be stale, so the app asks
 * again. Calls with options (a change id: writes) always go through.
 */
export function withEarlyCalls(api: StancebookApi, calls: EarlyCall[]): StancebookApi {
  const waiting = new Map<string, Promise<unknown>>();
  const keyOf = callKey;
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
