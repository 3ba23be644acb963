/**
 * The small database interface the search index is written against, so that one core runs on
 * two SQLite bindings: better-sqlite3 in the Node hosts (command line, browser mode, tests) and
 * node:sqlite, built into Electron's own Node, in the desktop app. A native module compiled for
 * one of these runtimes does not load in the other, so the host chooses the driver and passes it
 * in; the core never asks which host it is in.
 */

/** A value SQLite binds or returns. */
export type SqlValue = string | number | bigint | null | Uint8Array;

/** A row as a plain object keyed by column name. */
export type SqlRow = Record<string, SqlValue>;

/** A prepared statement; parameters are positional (`?`). */
export interface SqlStatement {
  run(...params: SqlValue[]): { changes: number };
  get(...params: SqlValue[]): SqlRow | undefined;
  all(...params: SqlValue[]): SqlRow[];
}

/** An open database connection. Every call is synchronous, as both bindings are. */
export interface SqlDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  close(): void;
}

/**
 * How a worker thread opens the same kind of database: `require(module)` (a resolved path or a
 * built-in such as `node:sqlite`), then `new (exportName ? mod[exportName] : mod)(file)`. Functions
 * cannot cross to a worker, so the driver describes itself as data.
 */
export interface WorkerOpener {
  module: string;
  exportName: string | null;
}

/** A SQLite binding as the host hands it to the core. */
export interface SqliteDriver {
  /** For messages and diagnostics: `better-sqlite3`, `node:sqlite`. */
  readonly name: string;
  /** Opens (creating when missing) the database file. Throws when the binding cannot load. */
  open(file: string): SqlDatabase;
  readonly worker: WorkerOpener;
}

/**
 * Runs `work` in one transaction: committed when it returns, rolled back when it throws.
 * `BEGIN IMMEDIATE` takes the write lock at once, so a write never fails half-way for a lock.
 */
export function inTransaction<T>(db: SqlDatabase, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    try {
      db.exec('ROLLBACK');
    } catch {
      // The error that matters is the one that made the transaction fail.
    }
    throw error;
  }
}

/** SQLite's error code (`SQLITE_CORRUPT`, ...) of an error thrown by either binding, if any. */
export function sqliteErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; errcode?: unknown; errstr?: unknown; message?: unknown };
  if (typeof e.code === 'string' && e.code.startsWith('SQLITE_')) return e.code;
  // node:sqlite: code 'ERR_SQLITE_ERROR' with the numeric errcode.
  if (typeof e.errcode === 'number') return PRIMARY_CODES[e.errcode & 0xff] ?? `SQLITE_${e.errcode}`;
  return null;
}

const PRIMARY_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR',
  5: 'SQLITE_BUSY',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  26: 'SQLITE_NOTADB',
};

/** Whether an error says the database file is damaged or not a database (rebuild it). */
export function isDamagedDatabase(error: unknown): boolean {
  const code = sqliteErrorCode(error);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'));
}
