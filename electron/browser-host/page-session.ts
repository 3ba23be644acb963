import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';

/**
 * The app page's session in the browser mode. The printed URL carries the launch token; the
 * renderer takes it out of the address bar, so a reload asks for `/` without it. The first
 * load with the token therefore sets a cookie (HttpOnly: no script reads it; SameSite=Strict:
 * no other site's page sends it; named after the port, as cookies are shared between the
 * ports of one host) that lets this browser load the page again. API calls still need the
 * token itself (the X-Stancebook-Token header), which the renderer keeps for the tab.
 */
export interface PageSession {
  /** The Set-Cookie header value for a load with the token. */
  setCookie(): string;
  /** Whether the request carries this launch's session cookie. */
  has(req: IncomingMessage): boolean;
}

export function createPageSession(port: number): PageSession {
  const name = `stancebook-session-${port}`;
  const value = randomBytes(24).toString('base64url');
  return {
    setCookie: () => `${name}=${value}; Path=/; HttpOnly; SameSite=Strict`,
    has: (req) => {
      for (const part of (req.headers.cookie ?? '').split(';')) {
        const eq = part.indexOf('=');
        if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
        const a = Buffer.from(part.slice(eq + 1).trim());
        const b = Buffer.from(value);
        if (a.length === b.length && timingSafeEqual(a, b)) return true;
      }
      return false;
    },
  };
}

/**
 * The path a request names once decoded and normalised as the static server resolves it
 * ("/%69ndex.html", "/./index.html", "//index.html" and "/a/../index.html" are all
 * "/index.html"; "/" is "/index.html"), or null when it cannot be decoded. Access decisions are
 * taken on this, never on the raw path.
 */
export function normalisedPath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const normal = path.posix.normalize(`/${decoded.replace(/\\/g, '/')}`).replace(/\/+/g, '/');
  return normal === '/' ? '/index.html' : normal;
}
