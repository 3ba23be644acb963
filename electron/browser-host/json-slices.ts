import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Strings longer than this are escaped and written a slice at a time. */
export const SLICE_CHARS = 1 << 20;

/**
 * The JSON text of `body` in pieces: strings longer than `sliceChars` (an exported file's content,
 * tens of MB for a notebook's claims or archive) are cut into slices escaped one by one. Writing
 * the pieces with a turn of the event loop between them keeps a large answer from holding the
 * process: JSON.stringify of a 37 MB string and its conversion to bytes took 1.3 s at once.
 * Cutting between the two halves of a surrogate pair is harmless: JSON.stringify escapes each half
 * as \uXXXX and JSON.parse joins the two escapes again.
 */
export function* jsonPieces(body: unknown, sliceChars = SLICE_CHARS): Generator<string> {
  const marker = `\u0000${randomUUID()}\u0000`;
  const large: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (typeof value !== 'string' || value.length <= sliceChars) return value;
    large.push(value);
    return `${marker}${large.length - 1}`;
  });
  const escapedMarker = JSON.stringify(marker).slice(1, -1);
  let from = 0;
  for (let i = 0; i < large.length; i++) {
    const placeholder = `"${escapedMarker}${i}"`;
    const at = text.indexOf(placeholder, from);
    yield `${text.slice(from, at)}"`;
    const value = large[i]!;
    // Escaped when asked for, so the work is spread over the writes.
    for (let start = 0; start < value.length; start += sliceChars) yield JSON.stringify(value.slice(start, start + sliceChars)).slice(1, -1);
    yield '"';
    from = at + placeholder.length;
  }
  yield text.slice(from);
}

/**
 * Sends `body` as JSON, a piece at a time: each large string's slices are escaped just before
 * they are written, the event loop turns between them, and a slow reader is waited for (drain)
 * instead of buffering the whole answer again.
 */
export async function sendJsonInSlices(res: ServerResponse, status: number, body: unknown): Promise<void> {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  const pieces = jsonPieces(body);
  const first = pieces.next();
  const second = pieces.next();
  // The usual small answer: one piece, sent whole (with its length).
  if (second.done) return void res.end(first.done ? '' : first.value);
  res.write(first.done ? '' : first.value);
  let piece: IteratorResult<string> = second;
  while (!piece.done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (res.destroyed) return; // the page went away: nothing more to send
    if (!res.write(piece.value)) await drained(res);
    piece = pieces.next();
  }
  res.end();
}

/** Resolves when a response's buffer has drained, or it closed. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}
