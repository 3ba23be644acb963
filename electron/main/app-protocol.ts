import path from 'node:path';

/**
 * The renderer is served from `app://stancebook/…`, a custom privileged scheme, not file://:
 * a file: page could read any file: URL, and Electron gives file: extra privileges (the
 * GrantFileProtocolExtraPrivileges fuse, turned off at packaging). This module is the pure
 * part (no Electron import), so plain Node tests can pin which URLs map to which files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stancebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Whether `url` is one of the app's own pages or files (exactly this origin). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file under `rendererRoot` an app:// URL names, or null when it names anything else:
 * another host, a path that cannot be decoded, or one that would leave the renderer folder.
 */
export function rendererFileFor(rendererRoot: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const normal = path.posix.normalize(`/${decoded.replace(/\\/g, '/')}`);
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, ...(normal === '/' ? ['index.html'] : normal.split('/').filter(Boolean)));
  return file.startsWith(root + path.sep) ? file : null;
}
