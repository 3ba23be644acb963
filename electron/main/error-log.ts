import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Errors of the main process and the renderer, one entry each, in `stancebook.log` in the app's
 * data folder, rotated when it passes `maxBytes` (`stancebook.log.1` … `.keep`, oldest
 * dropped), so a crash loop cannot fill the disk. Plain Node (no Electron import).
 */
export interface ErrorLog {
  readonly file: string;
  /** Appends one entry; resolves once written (never rejects: a log that fails is not an error to report). */
  write(source: string, error: unknown): Promise<void>;
}

export function createErrorLog(dir: string, options: { maxBytes?: number; keep?: number; now?: () => Date } = {}): ErrorLog {
  const file = path.join(dir, 'stancebook.log');
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const now = options.now ?? (() => new Date());
  let queue: Promise<void> = Promise.resolve();

  async function rotate(): Promise<void> {
    await rm(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) await rename(`${file}.${n}`, `${file}.${n + 1}`).catch(() => undefined);
    await rename(file, `${file}.1`).catch(() => undefined);
  }

  async function append(source: string, error: unknown): Promise<void> {
    const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    const entry = `${now().toISOString()} [${source}] ${detail.replace(/\n/g, '\n    ')}\n`;
    await mkdir(dir, { recursive: true });
    const size = (await stat(file).catch(() => null))?.size ?? 0;
    if (size > 0 && size + Buffer.byteLength(entry) > maxBytes) await rotate();
    await appendFile(file, entry);
  }

  return {
    file,
    write(source, error) {
      queue = queue.then(() => append(source, error)).catch(() => undefined);
      return queue;
    },
  };
}
