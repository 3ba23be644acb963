import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one step yields at most ~17 MB. */
const STEP_BYTES = 16 * 1024;

export interface UnzipLimits {
  /** Most bytes all entries together may really inflate to. */
  maxTotalBytes: number;
  /** Most bytes any one entry may really inflate to (each is parsed whole, so this caps a JSON file before parsing). */
  maxEntryBytes: number;
}

/** Why an archive was refused while unpacking; the caller words it for the user. */
export class UnzipRefusal extends Error {}

function megabytes(n: number): string {
  return `${Math.round(n / 1024 ** 2).toLocaleString('en')} MB`;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Unpacks the entries of a zip whose names `wanted` accepts, counting the bytes the inflater
 * really produces (never the sizes the zip declares, which a crafted file can fake or overflow),
 * per entry and in total, and stopping at the first byte over a limit. An entry whose declared
 * size (ZIP64 included) is already over the limit is refused before anything is inflated.
 * The compressed bytes are fed in small steps with a turn of the event loop between them, so
 * other requests are answered while a large or hostile archive is unpacked or refused.
 *
 * @returns the wanted entries' bytes by name (folders and unwanted entries are skipped unread),
 *   or null when the bytes hold no zip entry at all.
 * @throws UnzipRefusal naming the entry and the limit, or the damage found.
 */
export async function unzipWithinLimits(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: UnzipLimits,
): Promise<Map<string, Uint8Array> | null> {
  const files = new Map<string, Uint8Array>();
  let seen = 0;
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    seen += 1;
    if (failure || file.name.endsWith('/') || !wanted(file.name)) return;
    const { name } = file;
    if (files.has(name)) {
      failure = new UnzipRefusal(`it holds ${name} twice.`);
      return;
    }
    if (file.originalSize !== undefined && file.originalSize > limits.maxEntryBytes) {
      failure = new UnzipRefusal(
        `${name} declares ${megabytes(file.originalSize)} unpacked; one file may hold at most ${megabytes(limits.maxEntryBytes)}.`,
      );
      return;
    }
    if (file.compression !== 0 && file.compression !== 8) {
      failure = new UnzipRefusal(`${name} is compressed with method ${file.compression}; Stancebook archives use deflate.`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, data, final) => {
      if (failure) return;
      if (error) {
        failure = new UnzipRefusal(`${name} is damaged (${error.message}).`);
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limits.maxEntryBytes) {
        failure = new UnzipRefusal(`${name} unpacks to more than ${megabytes(limits.maxEntryBytes)}, the most one file may hold.`);
        return;
      }
      if (total > limits.maxTotalBytes) {
        failure = new UnzipRefusal(`it unpacks to more than ${megabytes(limits.maxTotalBytes)}.`);
        return;
      }
      if (data.length) chunks.push(data);
      if (final) files.set(name, concat(chunks, size));
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length; at += STEP_BYTES) {
      const end = Math.min(bytes.length, at + STEP_BYTES);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
      if (failure) throw failure;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    if (error instanceof UnzipRefusal) throw error;
    throw new UnzipRefusal(`it is damaged (${(error as Error).message}).`);
  }
  if (failure) throw failure;
  return seen === 0 ? null : files;
}
