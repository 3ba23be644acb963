import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotebookChanged } from '../../../../shared/api';
import { createBrowserBridge } from '../../../../renderer/src/host/browser-bridge';

/** Just enough of EventSource to fire its events by hand. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly handlers = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, handler: (event: unknown) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }
  fire(type: string, event: unknown = {}): void {
    for (const handler of this.handlers.get(type) ?? []) handler(event);
  }
  close(): void {}
}

describe('the browser bridge', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('passes change events on, and after a reconnect says that anything may have changed', () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:5000/?token=t0k' }, history: { replaceState: () => undefined } });
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = createBrowserBridge();
    const seen: NotebookChanged[] = [];
    api.onChanged((event) => seen.push(event));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events?token=t0k');

    source.fire('open');
    source.fire('notebook:changed', { data: JSON.stringify({ scope: 'claims', articleId: 'a1' }) });
    expect(seen).toEqual([{ scope: 'claims', articleId: 'a1' }]);
    // The connection drops and EventSource opens it again: events sent meanwhile are lost.
    source.fire('error');
    source.fire('open');
    expect(seen).toEqual([{ scope: 'claims', articleId: 'a1' }, { scope: 'notebook' }]);
  });

  it('says that anything may have changed when an answer came before the stream first opened, and only then', async () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:5000/?token=t0k' }, history: { replaceState: () => undefined } });
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ok: true, value: [] })));

    // No answer before the stream opens: nothing to refresh.
    const quiet = createBrowserBridge();
    const quietSeen: NotebookChanged[] = [];
    quiet.onChanged((event) => quietSeen.push(event));
    FakeEventSource.last!.fire('open');
    expect(quietSeen).toEqual([]);

    // The library answered before the stream opened; an import made in between sent its event
    // to no one, so the first open refreshes.
    const api = createBrowserBridge();
    const seen: NotebookChanged[] = [];
    api.onChanged((event) => seen.push(event));
    await (api as unknown as { listArticles: (r: object) => Promise<unknown> }).listArticles({});
    FakeEventSource.last!.fire('open');
    expect(seen).toEqual([{ scope: 'notebook' }]);
    // Answers while the stream is open need nothing more.
    await (api as unknown as { listArticles: (r: object) => Promise<unknown> }).listArticles({});
    expect(seen).toEqual([{ scope: 'notebook' }]);
  });
});
