import {
  METHOD_NAMES,
  NotebookChangedSchema,
  type CallOptions,
  type CallResult,
  type NotebookChanged,
  type StancebookApi,
} from '../../../shared/api';
import { takeEarlyResponse } from './early-responses';
import { launchToken, TOKEN_KEY } from './launch-token';

/** Error thrown by API calls; `message` is written for the analyst. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads the launch token from the URL once, keeps it for reloads, and takes it out of the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return launchToken(url.href, sessionStorage);
}

/**
 * Builds the same `window.stancebook` object the Electron preload exposes, over the browser
 * host's HTTP API (calls) and Server-Sent Events (change events). One method per contract entry.
 */
export function createBrowserBridge(): StancebookApi {
  const token = takeToken();
  const listeners = new Set<(event: NotebookChanged) => void>();
  let source: EventSource | null = null;
  // Whether change events can reach us now, and the server's change count (X-Stancebook-Changes)
  // of the oldest answer that came while they could not: if the stream's hello says more changes
  // have been made since, that answer may be stale (a change made before the stream opened is not
  // replayed). An answer without the count is taken as possibly stale.
  let streamOpen = false;
  let oldestUnwatched: number | null = null;
  /** The change count the stream's last hello said. */
  let helloChanges = -1;

  const call = async (method: string, request: unknown, options?: CallOptions): Promise<unknown> => {
    let response: Response;
    const send = () =>
      fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Stancebook-Token': token,
          ...(options?.changeId !== undefined && { 'X-Stancebook-Change-Id': options.changeId }),
        },
        body: JSON.stringify(request ?? {}),
      });
    // The same call sent by the page's early entry (renderer/src/boot), taken once, before the stream opens; asked again if it failed.
    const early = options === undefined && !streamOpen ? takeEarlyResponse(method, request) : null;
    try {
      response = await (early ? early.catch(send) : send());
    } catch {
      throw new ApiError('Stancebook is not answering. Is the command that started it still running?', 'internal');
    }
    const count = Number(response.headers.get('X-Stancebook-Changes') ?? -1);
    if (!streamOpen) oldestUnwatched = Math.min(oldestUnwatched ?? Infinity, Number.isFinite(count) ? count : -1);
    // An early answer that arrives after the stream said hello: stale if a change came in between.
    else if (early && !(count >= helloChanges)) for (const l of listeners) l({ scope: 'notebook' });
    const result = (await response.json().catch(() => null)) as CallResult | null;
    if (!result) throw new ApiError(`Stancebook answered ${response.status} without a result.`, 'internal');
    if (!result.ok) throw new ApiError(result.error.message, result.error.code);
    return result.value;
  };

  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) api[name] = (request: unknown, options?: CallOptions) => call(name, request, options);
  api.onChanged = (listener: (event: NotebookChanged) => void) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      let opened = false;
      // The server's first event on every connection gives its change count.
      source.addEventListener('hello', (message) => {
        const changes = Number((JSON.parse((message as MessageEvent<string>).data) as { changes?: unknown }).changes);
        // EventSource reconnects by itself, but what changed while it was away is not replayed:
        // after a reconnect, or when an answer came before the first open and a change after it,
        // tell every listener that anything may have changed.
        const missed = opened || (oldestUnwatched !== null && !(oldestUnwatched >= changes));
        if (missed) for (const l of listeners) l({ scope: 'notebook' });
        opened = true;
        streamOpen = true;
        helloChanges = changes;
        oldestUnwatched = null;
      });
      source.addEventListener('error', () => {
        streamOpen = false;
      });
      source.addEventListener('notebook:changed', (message) => {
        const parsed = NotebookChangedSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
        if (parsed.success) for (const l of listeners) l(parsed.data);
      });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
  return api as StancebookApi;
}

/** Installs the bridge unless a host (the Electron preload) already provided the API. */
export function ensureStancebookApi(): StancebookApi {
  const w = window as unknown as { stancebook?: StancebookApi };
  if (!w.stancebook) w.stancebook = createBrowserBridge();
  return w.stancebook;
}
