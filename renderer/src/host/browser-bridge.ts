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
  // Whether change events can reach us now, and whether an answer came while they could not:
  // such an answer may already be stale (a change made before the stream opened is not replayed).
  let streamOpen = false;
  let answeredUnwatched = false;

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
    if (!streamOpen) answeredUnwatched = true;
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
      source.addEventListener('open', () => {
        // EventSource reconnects by itself, but what changed while it was away is not replayed:
        // after a reconnect, or when answers came before the first open, tell every listener that
        // anything may have changed.
        if (opened || answeredUnwatched) for (const l of listeners) l({ scope: 'notebook' });
        opened = true;
        streamOpen = true;
        answeredUnwatched = false;
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
