/**
 * Which links may leave the app for the user's browser: absolute http(s) addresses without
 * credentials in them. Pure (no Electron import): the window asks the user, naming the host,
 * before `shell.openExternal` is called with what this returns.
 */
export function externalLink(url: string): { url: string; host: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  return { url: parsed.href, host: parsed.hostname };
}
