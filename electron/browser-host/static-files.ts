import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../../shared/api/content-types';

/**
 * Files up to this size (every script, style sheet and the page of the built renderer) are read
 * at once; larger ones (source maps of several MB) are streamed.
 */
const READ_AT_ONCE_BYTES = 4 * 1024 * 1024;

/**
 * Serves a file from `root` for a path already decoded and normalised by `normalisedPath` (the
 * one the access checks saw: it is not decoded again), refusing anything outside `root`.
 * Returns false when there is no such file, so the caller can answer 404.
 *
 * The renderer's own files are small and local, and are read and answered in one turn of the
 * event loop: streamed, a 450 kB script took ten turns (stat, open, seven reads, close), and
 * while the core worked out a network (in slices of tens of ms) each turn waited behind a slice,
 * so the Networks view's code took ~200 ms to arrive instead of ~10 ms.
 */
export async function serveStatic(root: string, normalPath: string, res: ServerResponse): Promise<boolean> {
  const file = path.resolve(root, ...normalPath.split('/').filter(Boolean));
  if (file !== root && !file.startsWith(root + path.sep)) return false;
  const info = statSync(file, { throwIfNoEntry: false });
  if (!info?.isFile()) return false;
  const body = info.size <= READ_AT_ONCE_BYTES ? readFileSync(file) : null;
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': body ? body.length : info.size,
    'Cache-Control': 'no-cache',
  });
  if (body) res.end(body);
  else createReadStream(file).pipe(res);
  return true;
}
