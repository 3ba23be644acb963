import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { openTempNotebook, tempDir, type TempNotebook } from '../helpers/temp-notebook';

/** A raw request, so Host and Origin can be set to anything (fetch forbids that). */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host', () => {
  let nb: TempNotebook;
  let host: BrowserHost;
  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    request(host.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'content-type': 'application/json', 'x-stancebook-token': host.token, ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    nb = await openTempNotebook();
    const rendererDir = path.join(tempDir(), 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stancebook</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startBrowserHost({ core: nb.core, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await nb.cleanup();
  });

  it('listens on 127.0.0.1 with a long random token in the URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('serves the app page only with the token, under a strict CSP', async () => {
    expect((await request(host.port, { path: '/' })).status).toBe(401);
    const page = await request(host.port, { path: `/?token=${host.token}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect((await request(host.port, { path: '/assets/app.js' })).status).toBe(200);
  });

  it('answers API calls with the token', async () => {
    const res = await api('listArticles', {});
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(true);
    expect(body.value).toHaveLength(1);
  });

  it('refuses calls without the token, or with a wrong one', async () => {
    expect((await api('listArticles', {}, { 'x-stancebook-token': '' })).status).toBe(401);
    expect((await api('listArticles', {}, { 'x-stancebook-token': 'guess' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site calls)', async () => {
    const rebound = await api('listArticles', {}, { host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(421);
    const crossSite = await api('listArticles', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await api('listArticles', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(sameOrigin.status).toBe(200);
  });

  it('explains a bad request and stores nothing', async () => {
    const res = await api('createClaim', { articleId: nb.sampleId, start: 'x' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toMatch(/start:/);
    const notJson = await request(host.port, {
      method: 'POST',
      path: '/api/listArticles',
      headers: { 'content-type': 'application/json', 'x-stancebook-token': host.token },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    expect(nb.core.store.listArticles()[0]?.claimCount).toBe(10);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/../../notebook/notebook.json']) {
      expect((await request(host.port, { path: p })).status, p).toBe(404);
    }
  });

  /**
   * Opens the event stream, runs `act` once it is connected, and resolves with the stream's text
   * once `done` says it holds what the test waits for.
   */
  const events = (act: () => Promise<unknown>, done: (buffer: string) => boolean) =>
    new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { host: `127.0.0.1:${host.port}` } },
        (res) => {
          let buffer = '';
          let acted = false;
          res.on('data', (chunk) => {
            buffer += chunk;
            if (done(buffer)) {
              req.destroy();
              resolve(buffer);
            } else if (!acted && buffer.includes(': connected')) {
              acted = true;
              void act();
            }
          });
        },
      );
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
    });
  const dataLines = (buffer: string) =>
    [...buffer.matchAll(/^event: notebook:changed\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as { changeId?: string });
  const helloCount = (buffer: string) => (JSON.parse(/^event: hello\ndata: (.*)$/m.exec(buffer)![1]!) as { changes: number }).changes;

  it("says the core's change count on every answer and in the stream's hello, so a page knows whether an answer it got before the stream opened is stale", async () => {
    const before = await api('listArticles', {});
    const counted = Number(before.headers['x-stancebook-changes']);
    expect(Number.isInteger(counted)).toBe(true);
    // No change since: the stream's hello says the same count.
    expect(
      helloCount(
        await events(
          async () => undefined,
          (buffer) => buffer.includes('event: hello'),
        ),
      ),
    ).toBe(counted);
    // A change made while no stream is open moves the count, for the next answer and the next hello.
    await api('updateArticleMeta', { id: nb.sampleId, patch: { source: 'Counted' } });
    expect(
      helloCount(
        await events(
          async () => undefined,
          (buffer) => buffer.includes('event: hello'),
        ),
      ),
    ).toBe(counted + 1);
    expect(Number((await api('listArticles', {})).headers['x-stancebook-changes'])).toBe(counted + 1);
  });

  it('pushes notebook:changed events to subscribers', async () => {
    const received = await events(
      () => api('updateArticleMeta', { id: nb.sampleId, patch: { source: 'Wire' } }),
      (buffer) => buffer.includes('event: notebook:changed'),
    );
    expect(received).toContain(`"articleId":"${nb.sampleId}"`);
  });

  it('echoes the X-Stancebook-Change-Id of a call on the events it causes, and refuses a malformed one', async () => {
    // One call without an id, then one with: only the second event carries it.
    const received = await events(
      async () => {
        await api('updateArticleMeta', { id: nb.sampleId, patch: { source: 'Plain' } });
        await api('updateArticleMeta', { id: nb.sampleId, patch: { source: 'Mine' } }, { 'x-stancebook-change-id': 'tab-1_change-7' });
      },
      (buffer) => dataLines(buffer).length >= 2,
    );
    const [first, second] = dataLines(received);
    expect(first).not.toHaveProperty('changeId');
    expect(second).toMatchObject({ scope: 'articles', articleId: nb.sampleId, changeId: 'tab-1_change-7' });

    const bad = await api('updateArticleMeta', { id: nb.sampleId, patch: { source: 'Never' } }, { 'x-stancebook-change-id': 'no spaces!' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toMatch(
      /options of the call to updateArticleMeta were not valid: changeId: a change id is 1 to 100 letters/,
    );
    expect((await nb.core.handlers.getArticle({ id: nb.sampleId })).article.source).toBe('Mine');
  });
});
