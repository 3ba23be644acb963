import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CallResult } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/content-security-policy';
import { toErrorPayload } from '../../shared/api/errors';
import type { NotebookCore } from '../core';
import { createGuard, hostAllowed, originAllowed, tokenMatches, type Guard } from './guard';
import { sendJsonInSlices } from './json-slices';
import { createPageSession, normalisedPath, type PageSession } from './page-session';
import { serveStatic } from './static-files';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The largest API request body accepted: a 50 MB file as base64 plus the JSON around it. */
const MAX_BODY_BYTES = 72 * 1024 * 1024;

export interface BrowserHostOptions {
  /**
   * The open notebook, or the promise of it while it opens: the host listens and serves the page
   * at once, and API requests (and the event stream) wait for the promise. They never see a
   * half-open notebook; if the open fails, each of them gets its error (toErrorPayload).
   */
  core: NotebookCore | Promise<NotebookCore>;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Record<string, number> = {
  'invalid-request': 400,
  'not-found': 404,
  conflict: 409,
  'import-failed': 422,
  'anchoring-failed': 422,
  locked: 423,
  internal: 500,
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'invalid-request', message } } satisfies CallResult);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too-large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * How many change events the core has sent since the host started. Every answer carries the
 * count as it was when the call began (CHANGES_HEADER), and the event stream opens with the count
 * now (a `hello` event): a page that got answers before its stream opened refreshes them only if
 * a change came in between, instead of fetching everything twice on every open.
 */
interface ChangeCount {
  count: number;
}
const CHANGES_HEADER = 'X-Stancebook-Changes';

function openEventStream(core: NotebookCore, changes: ChangeCount, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  // Subscribed before the count is read: a change after this line reaches the page as an event.
  const unsubscribe = core.onChanged((event) => res.write(`event: notebook:changed\ndata: ${JSON.stringify(event)}\n\n`));
  res.write(`event: hello\ndata: ${JSON.stringify({ changes: changes.count })}\n\n`);
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/**
 * The contract's dispatcher, loaded with the first API request rather than before the host listens:
 * the contract's schemas are not needed to serve the page (see decision 0026).
 */
const loadDispatch = () => import('../../shared/api/dispatch').then((m) => m.dispatch);

/**
 * The requests that waited for the open go on one per turn of the event loop, in the order they
 * came: they all wake at once when the notebook opens (the page's first calls are ~8), and their
 * work back to back held the loop ~130 ms, with the page's files and the search warm-up waiting.
 */
let releaseTurn: Promise<void> = Promise.resolve();
const nextReleaseTurn = (): Promise<void> => (releaseTurn = releaseTurn.then(() => new Promise<void>((resolve) => setImmediate(resolve))));

/** The notebook once it is open, or null after answering the request with the open's error. */
async function openedCore(ready: Promise<NotebookCore> & { settled?: boolean }, res: ServerResponse): Promise<NotebookCore | null> {
  try {
    const waited = !ready.settled;
    const core = await ready;
    if (waited) await nextReleaseTurn();
    return core;
  } catch (error) {
    const payload = toErrorPayload(error);
    sendJson(res, STATUS_BY_CODE[payload.code] ?? 500, { ok: false, error: payload } satisfies CallResult);
    return null;
  }
}

async function handleApi(
  ready: Promise<NotebookCore> & { settled?: boolean },
  changes: ChangeCount,
  guard: Guard,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  if (url.pathname === '/api/events' && req.method === 'GET') {
    if (!tokenMatches(guard, url.searchParams.get('token'))) return refuse(res, 401, 'Missing or wrong token.');
    const core = await openedCore(ready, res);
    return core && openEventStream(core, changes, req, res);
  }
  res.setHeader(CHANGES_HEADER, String(changes.count));
  if (!tokenMatches(guard, req.headers['x-stancebook-token'] as string | undefined)) {
    return refuse(res, 401, 'Missing or wrong token: open the URL Stancebook printed when it started.');
  }
  if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST requests.');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return refuse(res, 415, 'API calls carry JSON (Content-Type: application/json).');
  }
  let request: unknown;
  try {
    const body = await readBody(req);
    request = body ? JSON.parse(body) : {};
  } catch (error) {
    const tooLarge = error instanceof Error && error.message === 'too-large';
    return refuse(res, tooLarge ? 413 : 400, tooLarge ? 'The request is larger than 50 MB of file data.' : 'The request body is not valid JSON.');
  }
  const [core, dispatch] = await Promise.all([openedCore(ready, res), loadDispatch()]);
  if (!core) return;
  // Read again once the notebook is open, before the call: a change made while it runs may or may not be in its answer.
  res.setHeader(CHANGES_HEADER, String(changes.count));
  // The caller's change id rides in a header, beside the request (CallOptions), and comes back on the events the call causes.
  const changeId = req.headers['x-stancebook-change-id'];
  const options = changeId === undefined ? {} : { changeId };
  const result = await dispatch(core.handlers, url.pathname.slice('/api/'.length), request, { options, withChange: core.withChange });
  // Large answers (exported files) are written in slices: see json-slices.ts.
  await sendJsonInSlices(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500), result);
}

/**
 * Serves the renderer and the API on 127.0.0.1. Only requests with an allowed Host, no foreign
 * Origin, and (for the API and the app page) the launch token are answered.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = path.resolve(options.rendererDir);
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${path.join(rendererDir, 'index.html')}). Run "npm run build" first.`);
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  let guard = createGuard(token, 0);
  let session: PageSession = createPageSession(0);
  const changes: ChangeCount = { count: 0 };
  // Counting starts as the notebook is open, before any request waiting for it goes on.
  let stopCounting = () => {};
  const ready: Promise<NotebookCore> & { settled?: boolean } = Promise.resolve(options.core).then((core) => {
    stopCounting = core.onChanged(() => void changes.count++);
    return core;
  });
  // A failed open is answered to each request (openedCore); the host itself does not fail.
  ready.then(
    () => (ready.settled = true),
    () => (ready.settled = true),
  );

  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!hostAllowed(guard, req)) return refuse(res, 421, 'Wrong Host header: Stancebook answers only on 127.0.0.1 and localhost.');
    if (!originAllowed(guard, req)) return refuse(res, 403, 'Requests from other sites are refused.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/api/')
      ? handleApi(ready, changes, guard, req, res, url)
      : (async () => {
          // Gated on the path as the file server resolves it, so /%69ndex.html is the page too.
          const file = normalisedPath(url.pathname);
          if (file === null) return refuse(res, 400, 'The path cannot be decoded.');
          if (file === '/index.html') {
            if (tokenMatches(guard, url.searchParams.get('token'))) res.setHeader('Set-Cookie', session.setCookie());
            else if (!session.has(req)) {
              res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
              return void res.end('Stancebook: open the full URL printed in the terminal (it carries a per-launch token).\n');
            }
          }
          if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here.');
          if (!(await serveStatic(rendererDir, file, res))) {
            res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
            res.end('Not found.\n');
          }
        })();
    work.catch((error) => {
      if (!res.headersSent) refuse(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}`);
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard = createGuard(token, port);
  session = createPageSession(port);
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        stopCounting();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
