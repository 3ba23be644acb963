import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real Git server on loopback for the sync tests: Debian's `git http-backend` behind a tiny
 * CGI shim, serving one bare repository (receive-pack enabled) from a temp folder, with basic
 * auth checking a token when one is given. Started by a test on 127.0.0.1:0, stopped after.
 */

export const GIT_HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

export interface GitServer {
  url: string;
  /** The bare repository's folder. */
  repo: string;
  /** Requests served, e.g. "POST /notebook.git/git-receive-pack". */
  requests: string[];
  /**
   * Runs before each request is served; a test may move the remote there (push from another
   * copy) or answer `'drop'` to cut the connection (a network failure mid-sync).
   */
  before: ((request: { method: string; url: string }) => Promise<'drop' | void> | 'drop' | void) | null;
  /** The bare repository's head commit, via the git binary (the test's independent view). */
  head(): string | null;
  stop(): Promise<void>;
}

export async function startGitServer(options: { token?: string; username?: string } = {}): Promise<GitServer> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'stancebook-git-server-'));
  const repo = path.join(root, 'notebook.git');
  execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', repo]);
  execFileSync('git', ['-C', repo, 'config', 'http.receivepack', 'true']);
  const expectedAuth = options.token ? `Basic ${Buffer.from(`${options.username ?? 'token'}:${options.token}`).toString('base64')}` : null;

  const server: GitServer = {
    url: '',
    repo,
    requests: [],
    before: null,
    head: () => {
      try {
        return execFileSync('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', 'refs/heads/main'], { encoding: 'utf8' }).trim() || null;
      } catch {
        return null;
      }
    },
    stop: async () => {
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };

  const httpServer = http.createServer((req, res) => {
    void serve(req, res);
  });
  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    server.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (server.before && (await server.before({ method: req.method ?? 'GET', url: `${url.pathname}${url.search}` })) === 'drop') {
      req.socket.destroy();
      return;
    }
    if (expectedAuth && req.headers.authorization !== expectedAuth) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="stancebook-test"' });
      res.end('authentication required');
      return;
    }
    const child = spawn(GIT_HTTP_BACKEND, [], {
      env: {
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: 'tester',
        REMOTE_ADDR: '127.0.0.1',
        PATH: process.env.PATH ?? '/usr/bin:/bin',
      },
    });
    req.pipe(child.stdin);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      const split = out.indexOf('\r\n\r\n') >= 0 ? out.indexOf('\r\n\r\n') : out.indexOf('\n\n');
      const sepLength = out.indexOf('\r\n\r\n') >= 0 ? 4 : 2;
      const head = out.subarray(0, split).toString('latin1');
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const name = line.slice(0, i).trim();
        const value = line.slice(i + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      res.end(out.subarray(split + sepLength));
    });
  }

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
  const { port } = httpServer.address() as AddressInfo;
  server.url = `http://127.0.0.1:${port}/notebook.git`;
  return server;
}
