import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS as PRODUCT_CHROMIUM_ARGS } from '../../electron/core/documents/chromium-printer';

/** The product's own Chromium flags (root in a container, off the closed network). */
export const CHROMIUM_ARGS = [...PRODUCT_CHROMIUM_ARGS, '--disable-quic'];

/**
 * The Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else undefined
 * (Playwright's own download, which scripts/ensure-test-tools.mjs fetches where no system one exists).
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
