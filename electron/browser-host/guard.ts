import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Request checks for the loopback server. A page on another site can make a browser send
 * requests to 127.0.0.1; the Host check defeats DNS rebinding, the Origin check cross-site
 * calls, and the per-launch token anything that has not seen the printed URL.
 */
export interface Guard {
  token: string;
  /** Host header values accepted, e.g. "127.0.0.1:43123" and "localhost:43123". */
  allowedHosts: Set<string>;
}

export function createGuard(token: string, port: number): Guard {
  return { token, allowedHosts: new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) };
}

export function hostAllowed(guard: Guard, req: IncomingMessage): boolean {
  return typeof req.headers.host === 'string' && guard.allowedHosts.has(req.headers.host.toLowerCase());
}

/** A missing Origin is fine (same-origin GETs, command-line clients); a foreign one is not. */
export function originAllowed(guard: Guard, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && guard.allowedHosts.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}

export function tokenMatches(guard: Guard, candidate: string | null | undefined): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(guard.token);
  return a.length === b.length && timingSafeEqual(a, b);
}
