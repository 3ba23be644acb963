import {
  METHOD_NAMES,
  NotebookChangedSchema,
  type CallOptions,
  type CallResult,
  type NotebookChanged,
  type StancebookApi,
} from '../../../shared/api';

const TOKEN_KEY = 'stancebook.token';

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
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
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

  const call = async (method: string, request: unknown, options?: CallOptions): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Stancebook-Token': token,
          ...(options?.changeId !== undefined && { 'X-Stancebook-Change-Id': options.changeId }),
        },
        body: JSON.stringify(request ?? {}),
      });
    } catch {
      throw new ApiError('Stancebook is not answering. Is the command that started it still running?', 'internal');
    }
    if (!streamOpen) {
      const count = Number(response.headers.get('X-Stancebook-Changes') ?? -1);
      oldestUnwatched = Math.min(oldestUnwatched ?? Infinity, Number.isFinite(count) ? count : -1);
    }
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
