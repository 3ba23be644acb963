import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../../shared/api/content-types';

/**
 * Files up to this size are read whole and sent in one write: the page's scripts (~1 MB in all)
 * arrive while the host is still loading the core and opening the notebook (decision 0025), and a
 * stream needs a turn of that busy event loop for every 64 kB.
 */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Serves a file from `root` for a path already decoded and normalised by `normalisedPath` (the
 * one the access checks saw: it is not decoded again), refusing anything outside `root`.
 * Returns false when there is no such file, so the caller can answer 404.
 */
export async function serveStatic(root: string, normalPath: string, res: ServerResponse): Promise<boolean> {
  const file = path.resolve(root, ...normalPath.split('/').filter(Boolean));
  if (file !== root && !file.startsWith(root + path.sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  if (info.size <= WHOLE_FILE_BYTES) res.end(await readFile(file));
  else createReadStream(file).pipe(res);
  return true;
}
