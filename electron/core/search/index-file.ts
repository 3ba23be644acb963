import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { NotebookStore } from '../store/types';
import { isErrno, writeFileAtomic } from '../store/fs-durable';
import type { SerializedSearchIndex } from './search-index';

/** The index file's name in the notebook folder. It is a cache: deleting it only costs a rebuild. */
export const INDEX_FILE = 'search-index.json';
const FORMAT = 'stancebook-search-index';
/**
 * Bump when what is indexed or how (fields, tokenizer, folding, stop words, record shape)
 * changes: an index written by another version is then rebuilt instead of trusted.
 */
export const INDEX_SCHEMA_VERSION = 1;

/** The file's contents: the stamp that says what it was built from, then the index. */
interface IndexFileDoc extends SerializedSearchIndex {
  format: typeof FORMAT;
  schemaVersion: number;
  fingerprint: string;
  writtenAt: string;
}

export function indexFilePath(notebookDir: string): string {
  return path.join(notebookDir, INDEX_FILE);
}

/**
 * A hash of what the index is built from, cheap enough to compute on every open of 10,000
 * articles: each article's id, updatedAt and claim count (from the library summaries, no
 * article file read), the codebook and each brief's id and updatedAt. Edits it cannot see
 * (a claim's note changed in place) are covered by deleting the file on every change event.
 */
export function libraryFingerprint(store: NotebookStore): string {
  const hash = createHash('sha256');
  const articles = store.listArticles().map((a) => `${a.id}\u0000${a.updatedAt}\u0000${a.claimCount}`);
  articles.sort();
  for (const line of articles) hash.update(line).update('\n');
  hash.update('\u0001codebook').update(JSON.stringify(store.getCodebook()));
  const briefs = store.listBriefs().map((b) => `${b.id}\u0000${b.updatedAt}`);
  briefs.sort();
  hash.update('\u0001briefs');
  for (const line of briefs) hash.update(line).update('\n');
  return hash.digest('hex');
}

/**
 * Serialises the index with its stamp. Synchronous on purpose: the caller takes the stamp and
 * the snapshot in the same turn of the event loop, so no change can slip in between.
 */
export function serializeIndexFile(index: SerializedSearchIndex, fingerprint: string, now: Date): string {
  const doc: IndexFileDoc = { format: FORMAT, schemaVersion: INDEX_SCHEMA_VERSION, fingerprint, writtenAt: now.toISOString(), ...index };
  return JSON.stringify(doc);
}

/** Writes the file atomically (temp file, fsync, rename, fsync the folder). */
export async function writeIndexFile(notebookDir: string, contents: string): Promise<void> {
  await writeFileAtomic(indexFilePath(notebookDir), contents);
}

/** Deletes the file; a missing file is fine. */
export async function deleteIndexFile(notebookDir: string): Promise<void> {
  try {
    await unlink(indexFilePath(notebookDir));
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
}

/** What reading the file gave: the index when fresh, otherwise why it cannot be used. */
export type IndexFileRead = { ok: true; index: SerializedSearchIndex } | { ok: false; reason: string };

/**
 * Reads the file and checks its stamp against the notebook. Never throws: a missing, unreadable,
 * truncated, foreign, older or stale file is reported as a reason to rebuild.
 */
export async function readIndexFile(notebookDir: string, fingerprint: string): Promise<IndexFileRead> {
  let text: string;
  try {
    text = await readFile(indexFilePath(notebookDir), 'utf8');
  } catch (error) {
    return { ok: false, reason: isErrno(error, 'ENOENT') ? 'no index file' : `index file unreadable (${String(error)})` };
  }
  let doc: Partial<IndexFileDoc>;
  try {
    doc = JSON.parse(text) as Partial<IndexFileDoc>;
  } catch {
    return { ok: false, reason: 'index file is not valid JSON' };
  }
  if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT) return { ok: false, reason: 'not a search index file' };
  if (doc.schemaVersion !== INDEX_SCHEMA_VERSION) return { ok: false, reason: `index schema ${String(doc.schemaVersion)}, expected ${INDEX_SCHEMA_VERSION}` };
  if (doc.fingerprint !== fingerprint) return { ok: false, reason: 'index is stale (the notebook changed since it was written)' };
  if (!Array.isArray(doc.records) || typeof doc.index !== 'object' || doc.index === null) return { ok: false, reason: 'index file is incomplete' };
  return { ok: true, index: { records: doc.records, index: doc.index } };
}
