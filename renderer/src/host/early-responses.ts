import { callKey, type EarlyCall } from '../api/boot-calls';

/**
 * Responses to the app's first calls, asked for by the page's early entry (renderer/src/boot)
 * while the app's bundle still loads, and taken by the browser bridge when the app makes the same
 * call: once each, and only by a call without options (decision 0026). Kept on the global object,
 * which the early entry and the app's bundle share whatever their chunks.
 */
interface EarlyResponses {
  __stancebookEarlyResponses?: Map<string, Promise<Response>>;
}
const holder = globalThis as EarlyResponses;

/** Sends `calls` to the browser host now, as the bridge would send them. */
export function sendEarlyRequests(calls: EarlyCall[], token: string, send: typeof fetch = fetch): void {
  const responses = (holder.__stancebookEarlyResponses ??= new Map());
  for (const { method, request } of calls) {
    const response = send(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Stancebook-Token': token },
      body: JSON.stringify(request ?? {}),
    });
    // A failure is the bridge's to handle: it asks again.
    response.catch(() => undefined);
    responses.set(callKey(method, request), response);
  }
}

/** The early response to this call, once; null when there is none (or it was taken). */
export function takeEarlyResponse(method: string, request: unknown): Promise<Response> | null {
  const responses = holder.__stancebookEarlyResponses;
  if (!responses || responses.size === 0) return null;
  const key = callKey(method, request);
  const response = responses.get(key) ?? null;
  responses.delete(key);
  return response;
}
