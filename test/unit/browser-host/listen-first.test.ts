import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import type { NotebookCore } from '../../../electron/core';
import { NotebookLockedError } from '../../../electron/core';
import { runCli } from '../../../electron/cli/main';
import { cliIo } from '../cli/cli-harness';
import { openTempNotebook, tempDir, type TempNotebook } from '../helpers/temp-notebook';

/**
 * The browser host listens before the notebook is open (decision 0026): the page is served at
 * once, and API requests and the event stream wait for the open, then see the whole notebook, or
 * the open's error.
 */

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** Sends a request and resolves `sent` once its bytes are all written, `answer` with the response. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  let onSent!: () => void;
  const sent = new Promise<void>((resolve) => (onSent = resolve));
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.on('finish', onSent);
    req.end(options.body);
  });
  return { sent, answer };
}

function rendererDir(): string {
  const dir = path.join(tempDir(), 'renderer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Stancebook</title>');
  return dir;
}

/** A notebook core the test hands to the host when it chooses, or an open that fails. */
function pendingOpen() {
  let open!: (core: NotebookCore) => void;
  let fail!: (error: unknown) => void;
  const promise = new Promise<NotebookCore>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

describe('browser host: listening before the notebook is open', () => {
  let host: BrowserHost | null = null;
  let nb: TempNotebook | null = null;
  afterEach(async () => {
    await host?.close();
    await nb?.cleanup();
    host = null;
    nb = null;
  });
  const call = (method: string, body: unknown = {}) =>
    send(host!.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'content-type': 'application/json', 'x-stancebook-token': host!.token },
      body: JSON.stringify(body),
    });

  it('serves the page while the notebook opens; calls made meanwhile wait and then get the whole notebook', async () => {
    const opening = pendingOpen();
    host = await startBrowserHost({ core: opening.promise, rendererDir: rendererDir() });
    const page = await send(host.port, { path: `/?token=${host.token}` }).answer;
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Stancebook</title>');

    let answeredBeforeOpen = false;
    const info = call('getNotebookInfo');
    const list = call('queryLibrary', { offset: 0, limit: 5, sort: 'added', direction: 'desc' });
    void info.answer.then(() => (answeredBeforeOpen = !nb));
    await Promise.all([info.sent, list.sent]);
    nb = await openTempNotebook();
    opening.open(nb.core);

    const infoAnswer = await info.answer;
    expect(answeredBeforeOpen).toBe(false);
    expect(infoAnswer.status).toBe(200);
    expect(JSON.parse(infoAnswer.body)).toMatchObject({ ok: true, value: { articleCount: 1 } });
    expect(infoAnswer.headers['x-stancebook-changes']).toBe('0');
    const listAnswer = await list.answer;
    expect(listAnswer.status, listAnswer.body).toBe(200);
    expect(JSON.parse(listAnswer.body).ok).toBe(true);
  });

  it('still checks the token, the method and the body before waiting for the open', async () => {
    const opening = pendingOpen();
    host = await startBrowserHost({ core: opening.promise, rendererDir: rendererDir() });
    const wrongToken = send(host.port, {
      method: 'POST',
      path: '/api/getNotebookInfo',
      headers: { 'content-type': 'application/json', 'x-stancebook-token': 'guess' },
      body: '{}',
    });
    expect((await wrongToken.answer).status).toBe(401);
    const notJson = send(host.port, {
      method: 'POST',
      path: '/api/getNotebookInfo',
      headers: { 'content-type': 'application/json', 'x-stancebook-token': host.token },
      body: '{',
    });
    expect((await notJson.answer).status).toBe(400);
    // Answered without the notebook: the open never finished.
    opening.fail(new Error('never opened'));
  });

  it('gives a failed open to every call that waited for it, and to calls after it, with the error the open gave', async () => {
    const opening = pendingOpen();
    host = await startBrowserHost({ core: opening.promise, rendererDir: rendererDir() });
    const waiting = call('getNotebookInfo');
    const events = send(host.port, { path: `/api/events?token=${host.token}` });
    await Promise.all([waiting.sent, events.sent]);
    const locked = new NotebookLockedError(
      '/data/notebook',
      { pid: 4242, hostname: 'desk', startedAt: '2026-01-01T00:00:00.000Z' },
      '/data/notebook/.lock',
    );
    opening.fail(locked);

    for (const answer of [
      await waiting.answer,
      await call('queryLibrary', { offset: 0, limit: 5, sort: 'added', direction: 'desc' }).answer,
      await events.answer,
    ]) {
      expect(answer.status).toBe(423);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'locked', message: locked.message } });
    }
  });

  it('hides the internals of an unexpected open failure behind the usual sentence, with its message', async () => {
    const opening = pendingOpen();
    host = await startBrowserHost({ core: opening.promise, rendererDir: rendererDir() });
    opening.fail(new Error('EACCES: permission denied, open library.json'));
    const answer = await call('getNotebookInfo').answer;
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body).error.message).toBe('Something went wrong inside Stancebook: EACCES: permission denied, open library.json');
  });

  it("opens the event stream once the notebook is open, with the core's change count", async () => {
    const opening = pendingOpen();
    host = await startBrowserHost({ core: opening.promise, rendererDir: rendererDir() });
    const stream = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: host!.port, path: `/api/events?token=${host!.token}`, headers: { host: `127.0.0.1:${host!.port}` } },
        (res) => {
          let buffer = '';
          res.on('data', (chunk) => {
            buffer += chunk;
            if (buffer.includes('event: hello')) {
              req.destroy();
              resolve(buffer);
            }
          });
        },
      );
      req.on('error', reject);
      req.on('finish', () => {
        void openTempNotebook().then((opened) => {
          nb = opened;
          opening.open(opened.core);
        });
      });
    });
    expect(nb).not.toBeNull();
    expect(stream).toMatch(/^event: hello\ndata: \{"changes":0\}$/m);
  });
});

describe('stancebook serve: listening first', () => {
  it('prints its URL before the open, and when the open fails prints the error, stops listening and fails', async () => {
    const nb = await openTempNotebook();
    try {
      const io = { ...cliIo(path.dirname(nb.dir)), rendererDir: rendererDir() };
      // The notebook is held by this process's core: the serve's open fails on the lock.
      const code = await runCli(['serve', '--data', nb.dir], io);
      expect(code).toBe(1);
      const url = /on (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/.exec(io.stdout.join('\n'));
      expect(url).not.toBeNull();
      expect(io.stderr.join('\n')).toMatch(/is already open in another Stancebook/);
      expect(io.stdout.join('\n')).not.toMatch(/^notebook: /m);
      // Nothing listens on the port any more.
      await expect(send(Number(url![2]), { path: '/' }).answer).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await nb.cleanup();
    }
  });
});
