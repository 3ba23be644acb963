import { createHash } from 'node:crypto';
import { appendFile, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CodebookSchema, type Codebook } from '../../../shared/model';
import type { NotebookStore } from '../store/types';
import { isErrno, writeFileAtomic } from '../store/fs-durable';
import type { SerializedSearchIndex } from './search-index';

/** The index file's name in the notebook folder. It is a cache: deleting it only costs a rebuild. */
export const INDEX_FILE = 'search-index.json';
/**
 * Beside it, the changes made since it was written, one per line (`article ID`, `codebook`,
 * `briefs`): the next load re-reads just those instead of rebuilding everything.
 */
export const JOURNAL_FILE = 'search-index.changes';
const FORMAT = 'stancebook-search-index';
/**
 * Bump when what is indexed or how (fields, tokenizer, folding, stop words, record shape)
 * changes: an index written by another version is then rebuilt instead of trusted.
 */
export const INDEX_SCHEMA_VERSION = 2;

/**
 * What the index was built from, cheap enough to take on every open of 10,000 articles: each
 * article's updatedAt and claim count (from the library summaries, no article file read), a
 * hash of the codebook and of the briefs' ids and updatedAt.
 * The storage revision sees in-place claim edits; the journal covers a change whose file write
 * raced a crash of this process.
 */
export interface NotebookStamp {
  /** Article id → `updatedAt|claimCount|storage revision` (the revision sees in-place claim edits). */
  articles: Record<string, string>;
  codebook: string;
  briefs: string;
}

/** The file's contents: the stamp that says what it was built from, then the index. */
interface IndexFileDoc extends SerializedSearchIndex {
  format: typeof FORMAT;
  schemaVersion: number;
  stamp: NotebookStamp;
  /** The codebook the claims' names were indexed with, so a changed name can be found on load. */
  codebook: Codebook;
  writtenAt: string;
}

export function indexFilePath(notebookDir: string): string {
  return path.join(notebookDir, INDEX_FILE);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function notebookStamp(store: NotebookStore): NotebookStamp {
  const articles: Record<string, string> = {};
  for (const a of store.listArticles()) articles[a.id] = `${a.updatedAt}|${a.claimCount}|${store.articleRevision(a.id)}`;
  const codebook = sha256(JSON.stringify(store.getCodebook()));
  const briefs = sha256(
    store
      .listBriefs()
      .map((b) => `${b.id}\u0000${b.updatedAt}`)
      .sort()
      .join('\n'),
  );
  return { articles, codebook, briefs };
}

/**
 * Serialises the index with its stamp. Synchronous on purpose: the caller takes the stamp and
 * the snapshot in the same turn of the event loop, so no change can slip in between.
 */
export function serializeIndexFile(index: SerializedSearchIndex, codebook: Codebook, stamp: NotebookStamp, now: Date): string {
  const doc: IndexFileDoc = { format: FORMAT, schemaVersion: INDEX_SCHEMA_VERSION, stamp, codebook, writtenAt: now.toISOString(), ...index };
  return JSON.stringify(doc);
}

/** Writes the file atomically (temp file, fsync, rename, fsync the folder). */
export async function writeIndexFile(notebookDir: string, contents: string): Promise<void> {
  await writeFileAtomic(indexFilePath(notebookDir), contents);
}

/** Deletes the file and its journal; missing files are fine. */
export async function deleteIndexFile(notebookDir: string): Promise<void> {
  for (const file of [indexFilePath(notebookDir), journalPath(notebookDir)]) {
    try {
      await unlink(file);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
  }
}

export function journalPath(notebookDir: string): string {
  return path.join(notebookDir, JOURNAL_FILE);
}

/** A change the index file does not hold yet, as a journal line. */
export type JournalEntry = { kind: 'article'; id: string } | { kind: 'codebook' } | { kind: 'briefs' };

function journalLine(entry: JournalEntry): string {
  // Each line starts on a fresh line: a line a crash cut short is not glued to the next one.
  return entry.kind === 'article' ? `\narticle ${entry.id}\n` : `\n${entry.kind}\n`;
}

/**
 * Notes changes the index file does not hold. Only while there is a file to catch up: without
 * one the next start builds everything anyway.
 */
export async function appendJournal(notebookDir: string, entries: JournalEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    await stat(indexFilePath(notebookDir));
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  await appendFile(journalPath(notebookDir), entries.map(journalLine).join(''));
}

/** Replaces the journal (after the index file was written: what it does not hold yet). */
export async function writeJournal(notebookDir: string, entries: JournalEntry[]): Promise<void> {
  if (entries.length === 0) {
    try {
      await unlink(journalPath(notebookDir));
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
    return;
  }
  await writeFileAtomic(journalPath(notebookDir), entries.map(journalLine).join(''));
}

/** What the index loaded from the file lacks: articles to re-read, and whether the codebook or briefs changed. */
export interface CatchUp {
  articles: string[];
  codebook: boolean;
  briefs: boolean;
}

/** What reading the file gave: the index and what it must catch up on, otherwise why it cannot be used. */
export type IndexFileRead = { ok: true; index: SerializedSearchIndex; codebook: Codebook; catchUp: CatchUp } | { ok: false; reason: string };

async function readJournal(notebookDir: string): Promise<JournalEntry[] | null> {
  let text: string;
  try {
    text = await readFile(journalPath(notebookDir), 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    return null;
  }
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === 'codebook' || line === 'briefs') entries.push({ kind: line });
    else if (line.startsWith('article ') && line.length > 8) entries.push({ kind: 'article', id: line.slice(8) });
    // A line cut short by a crash names no known article: its change is still caught by the stamp when it changed one.
  }
  return entries;
}

/**
 * Reads the file and compares its stamp with the notebook: what changed since it was written
 * (by the stamp, and by the journal for edits the stamp cannot see) is returned to re-read.
 * Never throws: a missing, unreadable, truncated, foreign or older file is a reason to rebuild.
 */
export async function readIndexFile(notebookDir: string, now: NotebookStamp): Promise<IndexFileRead> {
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
  if (!Array.isArray(doc.records) || typeof doc.index !== 'object' || doc.index === null) return { ok: false, reason: 'index file is incomplete' };
  const was = doc.stamp;
  if (typeof was !== 'object' || was === null || typeof was.articles !== 'object' || was.articles === null) return { ok: false, reason: 'index file is incomplete' };
  const codebookRead = CodebookSchema.safeParse(doc.codebook);
  if (!codebookRead.success) return { ok: false, reason: 'index file is incomplete' };
  const journal = await readJournal(notebookDir);
  if (journal === null) return { ok: false, reason: 'index journal unreadable' };

  const articles = new Set<string>();
  for (const [id, sig] of Object.entries(now.articles)) if (was.articles[id] !== sig) articles.add(id);
  for (const id of Object.keys(was.articles)) if (!(id in now.articles)) articles.add(id);
  let codebook = was.codebook !== now.codebook;
  let briefs = was.briefs !== now.briefs;
  for (const entry of journal) {
    if (entry.kind === 'article') articles.add(entry.id);
    else if (entry.kind === 'codebook') codebook = true;
    else briefs = true;
  }
  return { ok: true, index: { records: doc.records, index: doc.index }, codebook: codebookRead.data, catchUp: { articles: [...articles], codebook, briefs } };
}
