import path from 'node:path';
import { SEARCH_FIELDS } from './search-fields';

/** The index database in the notebook folder. A cache: deleting it only costs a rebuild. */
export const INDEX_FILE = 'search-index.sqlite';
/** Where a build writes before it is renamed into place, so a half-built index is never opened. */
export const BUILDING_FILE = 'search-index.sqlite.building';
/** The index a rebuild replaced, moved aside and deleted off the event loop (freeing a large file's blocks takes tens of ms). */
export const REPLACED_FILE = 'search-index.sqlite.replaced';
/** What SQLite keeps beside a database in WAL mode. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;
/** Files of the MiniSearch index this one replaced, deleted when found. */
export const OLD_INDEX_FILES = ['search-index.json', 'search-index.changes'] as const;
/** Every file name the index may leave in the notebook folder (for restores and cleanups). */
export const INDEX_FILE_NAMES: readonly string[] = [
  INDEX_FILE,
  BUILDING_FILE,
  REPLACED_FILE,
  ...[INDEX_FILE, BUILDING_FILE].flatMap((f) => SIDE_FILES.map((s) => f + s)),
  ...OLD_INDEX_FILES,
];

export const indexPath = (notebookDir: string): string => path.join(notebookDir, INDEX_FILE);
export const buildingPath = (notebookDir: string): string => path.join(notebookDir, BUILDING_FILE);
export const replacedPath = (notebookDir: string): string => path.join(notebookDir, REPLACED_FILE);

export const FORMAT = 'stancebook-search-index';
/**
 * Bump when what is indexed or how (tables, fields, tokenizer, record columns) changes: an index
 * written by another version is then rebuilt instead of trusted.
 */
export const INDEX_SCHEMA_VERSION = 4;

/** Kinds of document as the docs table stores them. */
export const KIND = { article: 1, claim: 2, brief: 3 } as const;

/**
 * The tables. `docs` holds what filters and hits read (one row per article, claim and brief;
 * a claim carries its article's date, source and collections so a filter is one row's test);
 * `fts` is the FTS5 index over the searchable fields, rowid = docs.id; `stamps` holds each
 * article's stamp as indexed, to find what another process or a crash left behind; `meta` the
 * format, schema version, codebook and briefs fingerprints, and whether the index is complete.
 * unicode61 with remove_diacritics 2 folds case and accents as the query parser does; prefix
 * indexes of 2 and 3 characters keep `ta*` and typed prefixes from scanning the vocabulary.
 */
export const SCHEMA_SQL = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE docs(
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  kind INTEGER NOT NULL,
  article_id TEXT,
  claim_id TEXT,
  brief_id TEXT,
  published_at TEXT,
  source_key TEXT,
  collections TEXT,
  actors TEXT,
  issue_id TEXT,
  stance_id TEXT,
  proposition TEXT,
  speaker TEXT,
  start_pos INTEGER,
  end_pos INTEGER,
  coded_actors TEXT,
  coded_issues TEXT,
  coded_stances TEXT
);
CREATE INDEX docs_by_article ON docs(article_id, kind);
CREATE TABLE stamps(article_id TEXT PRIMARY KEY, stamp TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5(${SEARCH_FIELDS.join(', ')}, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
`;

/** Pragmas of the index in use: WAL, so small writes cost one append; NORMAL sync (a cache: a lost tail is caught up by stamps). */
export const OPEN_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;';
/**
 * Pragmas of a build into a fresh file: WAL, so searches can read the batches committed so far
 * while the worker writes; no syncs (a build cut short is deleted, never opened as an index).
 */
export const BUILD_PRAGMAS = 'PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;';

/** The statements writes are made of, by index (so a worker can run them as data). */
export const STATEMENTS = [
  `INSERT INTO docs(doc_id, kind, article_id, claim_id, brief_id, published_at, source_key, collections, actors, issue_id, stance_id, proposition, speaker, start_pos, end_pos, coded_actors, coded_issues, coded_stances)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  `INSERT INTO fts(rowid, ${SEARCH_FIELDS.join(', ')}) VALUES ((SELECT id FROM docs WHERE doc_id = ?), ?, ?, ?, ?, ?, ?, ?)`,
  'DELETE FROM fts WHERE rowid IN (SELECT id FROM docs WHERE article_id = ? AND kind IN (1, 2))',
  'DELETE FROM docs WHERE article_id = ? AND kind IN (1, 2)',
  'INSERT OR REPLACE INTO stamps(article_id, stamp) VALUES (?, ?)',
  'DELETE FROM stamps WHERE article_id = ?',
  'DELETE FROM fts WHERE rowid IN (SELECT id FROM docs WHERE kind = 3)',
  'DELETE FROM docs WHERE kind = 3',
  'INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)',
  'UPDATE fts SET coding = ? WHERE rowid = ?',
] as const;

export const STMT = {
  insertDoc: 0,
  insertFts: 1,
  deleteArticleFts: 2,
  deleteArticleDocs: 3,
  putStamp: 4,
  deleteStamp: 5,
  deleteBriefsFts: 6,
  deleteBriefsDocs: 7,
  putMeta: 8,
  updateCoding: 9,
} as const;
