import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../../shared/api/content-types';

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
  createReadStream(file).pipe(res);
  return true;
}
