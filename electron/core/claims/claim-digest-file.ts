import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isErrno, writeFileAtomic } from '../store/fs-durable';

/**
 * The claims digest on disk: `claims-digest.json` beside the notebook, a derived file (never the
 * source of truth; deleting it costs one rebuild from the articles). It is not in backups or
 * archives: those copy the store's own files by name.
 *
 * Columnar: one array per field across all claims, article after article, codebook ids and
 * propositions interned into tables, so 100,000 claims are a few megabytes of small numbers that
 * parse in tens of milliseconds instead of 100,000 objects.
 */
export const DIGEST_FILE = 'claims-digest.json';
const FORMAT = 'stancebook-claims-digest';
/** Bump when what a digest holds changes: a file of another version is then rebuilt, not trusted. */
export const DIGEST_SCHEMA_VERSION = 1;

/** Interned strings: each table lists the values once; claims refer to them by index (-1: none). */
export interface DigestTables {
  actors: string[];
  issues: string[];
  stances: string[];
  /** Propositions as the analyst wrote them (trimmed); empty propositions are -1. */
  propositions: string[];
  /** Tags, lower-cased (claims carry tags by name, matched ignoring case). */
  tags: string[];
}

/** Every column, claims of one article contiguous and in the order of its text. */
export interface DigestColumns {
  /** Per article with claims: its id, the storage signature it was read at, and its number of claims. */
  articleIds: string[];
  signatures: string[];
  counts: number[];
  /** Per claim. */
  issue: number[];
  stance: number[];
  proposition: number[];
  /** Per claim, how many actors (without repeats) and tags; their indexes follow in `actors` and `tags`. */
  actorCounts: number[];
  actors: number[];
  tagCounts: number[];
  tags: number[];
}

interface DigestFileDoc extends DigestColumns {
  format: typeof FORMAT;
  schemaVersion: number;
  /** The notebook's id: a digest copied in from another notebook is not used. */
  notebookId: string;
  writtenAt: string;
  tables: DigestTables;
}

export function digestFilePath(notebookDir: string): string {
  return path.join(notebookDir, DIGEST_FILE);
}

/** Serialises the digest. Synchronous on purpose: the caller snapshots and serialises in one turn. */
export function serializeDigest(notebookId: string, tables: DigestTables, columns: DigestColumns, now: Date): string {
  const doc: DigestFileDoc = { format: FORMAT, schemaVersion: DIGEST_SCHEMA_VERSION, notebookId, writtenAt: now.toISOString(), tables, ...columns };
  return JSON.stringify(doc);
}

export async function writeDigestFile(notebookDir: string, contents: string): Promise<void> {
  await writeFileAtomic(digestFilePath(notebookDir), contents);
}

export type DigestFileRead = { ok: true; tables: DigestTables; columns: DigestColumns } | { ok: false; reason: string };

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** Every entry an integer in [min, max). */
function inRange(xs: unknown, length: number, min: number, max: number): xs is number[] {
  if (!Array.isArray(xs) || xs.length !== length) return false;
  for (const x of xs) if (!Number.isInteger(x) || (x as number) < min || (x as number) >= max) return false;
  return true;
}

function sum(xs: number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

/**
 * Reads and checks the file. Never throws: a missing, unreadable, cut-off, foreign, older or
 * inconsistent file (an index out of its table, columns of different lengths) is a reason to
 * rebuild, returned as text.
 */
export async function readDigestFile(notebookDir: string, notebookId: string): Promise<DigestFileRead> {
  let text: string;
  try {
    text = await readFile(digestFilePath(notebookDir), 'utf8');
  } catch (error) {
    return { ok: false, reason: isErrno(error, 'ENOENT') ? 'no digest file' : `digest file unreadable (${String(error)})` };
  }
  let doc: Partial<DigestFileDoc>;
  try {
    doc = JSON.parse(text) as Partial<DigestFileDoc>;
  } catch {
    return { ok: false, reason: 'digest file is not valid JSON' };
  }
  // Checking every column is a turn of its own: parsing and checking 100,000 claims' columns in one held the process ~30 ms more.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT) return { ok: false, reason: 'not a claims digest file' };
  if (doc.schemaVersion !== DIGEST_SCHEMA_VERSION)
    return { ok: false, reason: `digest schema ${String(doc.schemaVersion)}, expected ${DIGEST_SCHEMA_VERSION}` };
  if (doc.notebookId !== notebookId) return { ok: false, reason: 'digest file of another notebook' };
  const t = doc.tables;
  if (!t || !isStrings(t.actors) || !isStrings(t.issues) || !isStrings(t.stances) || !isStrings(t.propositions) || !isStrings(t.tags)) {
    return { ok: false, reason: 'digest file is damaged (tables)' };
  }
  const articles = doc.articleIds;
  if (
    !isStrings(articles) ||
    !isStrings(doc.signatures) ||
    doc.signatures.length !== articles.length ||
    !inRange(doc.counts, articles.length, 1, 2 ** 31)
  ) {
    return { ok: false, reason: 'digest file is damaged (articles)' };
  }
  const claims = sum(doc.counts);
  const ok =
    inRange(doc.issue, claims, -1, t.issues.length) &&
    inRange(doc.stance, claims, -1, t.stances.length) &&
    inRange(doc.proposition, claims, -1, t.propositions.length) &&
    inRange(doc.actorCounts, claims, 0, 2 ** 16) &&
    inRange(doc.tagCounts, claims, 0, 2 ** 16) &&
    inRange(doc.actors, sum(doc.actorCounts), 0, t.actors.length) &&
    inRange(doc.tags, sum(doc.tagCounts), 0, t.tags.length);
  if (!ok) return { ok: false, reason: 'digest file is damaged (claims)' };
  return {
    ok: true,
    tables: t,
    columns: {
      articleIds: articles,
      signatures: doc.signatures,
      counts: doc.counts,
      issue: doc.issue!,
      stance: doc.stance!,
      proposition: doc.proposition!,
      actorCounts: doc.actorCounts!,
      actors: doc.actors!,
      tagCounts: doc.tagCounts!,
      tags: doc.tags!,
    },
  };
}
