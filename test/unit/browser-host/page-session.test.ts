import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisedPath } from '../../../electron/browser-host/page-session';
import { startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { openTempNotebook, tempDir, type TempNotebook } from '../helpers/temp-notebook';

function get(
  port: number,
  requestPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: requestPath, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode: the page session and the normalised path', () => {
  let nb: TempNotebook;
  let host: BrowserHost;
  beforeAll(async () => {
    nb = await openTempNotebook();
    const rendererDir = path.join(tempDir(), 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stancebook page</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startBrowserHost({ core: nb.core, rendererDir });
  });
  afterAll(async () => {
    await host.close();
    await nb.cleanup();
  });

  it('never serves the page without the token, however its path is spelled', async () => {
    for (const spelling of [
      '/',
      '/index.html',
      '/%69ndex.html',
      '/%69%6e%64%65%78.html',
      '/./index.html',
      '//index.html',
      '/assets/../index.html',
      '/%2e/index.html',
      '/assets/%2e%2e/index.html',
      '/assets%2f..%2findex.html',
      '/%5cindex.html',
    ]) {
      const res = await get(host.port, spelling);
      expect(res.status, spelling).toBe(401);
      expect(res.body, spelling).not.toContain('Stancebook page');
    }
    // Decoded once only: this names a file called "%69ndex.html", which does not exist.
    expect((await get(host.port, '/%2569ndex.html')).status).toBe(404);
    expect((await get(host.port, '/%E0%A4%A')).status).toBe(400);
    // Assets need no token (they hold nothing of the notebook).
    expect((await get(host.port, '/assets/app.js')).status).toBe(200);
  });

  it('the first load with the token sets an HttpOnly, SameSite=Strict cookie that keeps the page on reload', async () => {
    const first = await get(host.port, `/?token=${host.token}`);
    expect(first.status).toBe(200);
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^stancebook-session-${host.port}=[\\w-]{32}; Path=/; HttpOnly; SameSite=Strict$`));
    const pair = cookie.split(';')[0]!;
    const reload = await get(host.port, '/', { cookie: `other=1; ${pair}` });
    expect(reload.status).toBe(200);
    expect(reload.body).toContain('Stancebook page');
    expect((await get(host.port, '/%69ndex.html', { cookie: pair })).status).toBe(200);
    // A wrong value, or another port's cookie, is not a session.
    expect((await get(host.port, '/', { cookie: `${pair.slice(0, -1)}x` })).status).toBe(401);
    expect((await get(host.port, '/', { cookie: pair.replace(String(host.port), String(host.port + 1)) })).status).toBe(401);
    // The cookie opens the page only; API calls still need the token.
    const api = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/getNotebookInfo',
          headers: { host: `127.0.0.1:${host.port}`, cookie: pair, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(api).toBe(401);
  });

  it('normalises as the file server resolves', () => {
    expect(normalisedPath('/')).toBe('/index.html');
    expect(normalisedPath('/a/../b//c/./d.js')).toBe('/b/c/d.js');
    expect(normalisedPath('/../../etc/passwd')).toBe('/etc/passwd');
    expect(normalisedPath('/a%00b')).toBeNull();
  });
});
