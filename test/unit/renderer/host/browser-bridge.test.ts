import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotebookChanged } from '../../../../shared/api';
import { createBrowserBridge } from '../../../../renderer/src/host/browser-bridge';
import { sendEarlyRequests } from '../../../../renderer/src/host/early-responses';

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

    source.fire('hello', hello(0));
    source.fire('notebook:changed', { data: JSON.stringify({ scope: 'claims', articleId: 'a1' }) });
    expect(seen).toEqual([{ scope: 'claims', articleId: 'a1' }]);
    // The connection drops and EventSource opens it again: events sent meanwhile are lost.
    source.fire('error');
    source.fire('hello', hello(1));
    expect(seen).toEqual([{ scope: 'claims', articleId: 'a1' }, { scope: 'notebook' }]);
  });

  it('says that anything may have changed when an answer came before the stream first opened and a change after it, and only then', async () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:5000/?token=t0k' }, history: { replaceState: () => undefined } });
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    vi.stubGlobal('EventSource', FakeEventSource);
    // The server's change count when each answer was made (X-Stancebook-Changes), or none.
    let changesHeader: string | null = '3';
    vi.stubGlobal('fetch', async () => {
      const headers = changesHeader === null ? undefined : { 'X-Stancebook-Changes': changesHeader };
      return new Response(JSON.stringify({ ok: true, value: [] }), { headers });
    });
    /** A bridge that answered one listArticles before its stream said hello with `changes`. */
    async function firstOpen(changes: number): Promise<NotebookChanged[]> {
      const api = createBrowserBridge();
      const seen: NotebookChanged[] = [];
      api.onChanged((event) => seen.push(event));
      await (api as unknown as { listArticles: (r: object) => Promise<unknown> }).listArticles({});
      FakeEventSource.last!.fire('hello', hello(changes));
      // Answers while the stream is open need nothing more.
      await (api as unknown as { listArticles: (r: object) => Promise<unknown> }).listArticles({});
      return seen;
    }

    // No answer before the stream opens: nothing to refresh.
    const quiet = createBrowserBridge();
    const quietSeen: NotebookChanged[] = [];
    quiet.onChanged((event) => quietSeen.push(event));
    FakeEventSource.last!.fire('hello', hello(7));
    expect(quietSeen).toEqual([]);

    // The library answered at change 3 and nothing changed before the stream opened: no refresh
    // (the page would otherwise fetch everything twice on every open).
    expect(await firstOpen(3)).toEqual([]);
    // An import made in between sent its event to no one: the first open refreshes.
    expect(await firstOpen(4)).toEqual([{ scope: 'notebook' }]);
    // A server that does not say its count: refresh, to be safe.
    changesHeader = null;
    expect(await firstOpen(0)).toEqual([{ scope: 'notebook' }]);
  });
});

describe("the browser bridge and the page's early requests", () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A page whose early entry sent getCodebook (answered at change `changes`), and a bridge over it. */
  function pageWithEarlyCodebook(changes: number) {
    const storage = new Map<string, string>();
    vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:5000/?token=t0k' }, history: { replaceState: () => undefined } });
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    vi.stubGlobal('EventSource', FakeEventSource);
    const sent: { url: string; init: RequestInit }[] = [];
    let answerEarly!: () => void;
    const early = new Promise<Response>((resolve) => {
      answerEarly = () =>
        resolve(new Response(JSON.stringify({ ok: true, value: { early: true } }), { headers: { 'X-Stancebook-Changes': String(changes) } }));
    });
    sendEarlyRequests([{ method: 'getCodebook', request: {} }], 't0k', (async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return early;
    }) as unknown as typeof fetch);
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(JSON.stringify({ ok: true, value: { early: false } }), { headers: { 'X-Stancebook-Changes': String(changes) } });
    });
    const api = createBrowserBridge() as unknown as {
      getCodebook: (r: object) => Promise<unknown>;
      onChanged: (l: (e: NotebookChanged) => void) => void;
    };
    const seen: NotebookChanged[] = [];
    api.onChanged((event) => seen.push(event));
    return { api, sent, seen, answerEarly, source: FakeEventSource.last! };
  }

  it('sends them as the bridge would, and the first same call takes the answer, once', async () => {
    const page = pageWithEarlyCodebook(2);
    expect(page.sent).toEqual([
      { url: '/api/getCodebook', init: { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Stancebook-Token': 't0k' }, body: '{}' } },
    ]);
    page.answerEarly();
    expect(await page.api.getCodebook({})).toEqual({ early: true });
    expect(page.sent).toHaveLength(1);
    // Its change count counts as any answer's from before the stream: no change since, no refresh.
    page.source.fire('hello', hello(2));
    expect(page.seen).toEqual([]);
    expect(await page.api.getCodebook({})).toEqual({ early: false });
    expect(page.sent).toHaveLength(2);
  });

  it('says anything may have changed when a change came between the early answer and the stream', async () => {
    const page = pageWithEarlyCodebook(2);
    page.answerEarly();
    await page.api.getCodebook({});
    page.source.fire('hello', hello(3));
    expect(page.seen).toEqual([{ scope: 'notebook' }]);
  });

  it('says so too when the early answer, older than the stream, arrives after its hello', async () => {
    const page = pageWithEarlyCodebook(2);
    const taken = page.api.getCodebook({});
    page.source.fire('hello', hello(3));
    page.answerEarly();
    expect(await taken).toEqual({ early: true });
    expect(page.seen).toEqual([{ scope: 'notebook' }]);
  });
});

/** The server's first event on a connection: its change count. */
function hello(changes: number): { data: string } {
  return { data: JSON.stringify({ changes }) };
}
