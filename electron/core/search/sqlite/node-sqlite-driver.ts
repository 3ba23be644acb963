import { createRequire } from 'node:module';
import type { SqlDatabase, SqliteDriver, SqlRow, SqlValue } from './sql-database';

const require = createRequire(import.meta.url);

/** The part of node:sqlite (Node 22.5+, Electron 41's Node) this driver uses; Node 20's types lack it. */
interface NodeSqliteModule {
  DatabaseSync: new (file: string) => {
    exec(sql: string): void;
    prepare(sql: string): {
      run(...params: SqlValue[]): { changes: number | bigint };
      get(...params: SqlValue[]): unknown;
      all(...params: SqlValue[]): unknown[];
    };
    close(): void;
  };
}

/** Whether this runtime has node:sqlite (Electron 41 and Node 22.13+ do; Node 20 does not). */
export function hasNodeSqlite(): boolean {
  try {
    require('node:sqlite');
    return true;
  } catch {
    return false;
  }
}

/**
 * node:sqlite, built into Node 22.5+ and so into Electron's own Node, FTS5 included: the
 * desktop app's driver, needing no native module compiled for Electron.
 * Throws a clear error where the runtime has no node:sqlite.
 */
export function nodeSqliteDriver(): SqliteDriver {
  let sqlite: NodeSqliteModule;
  try {
    sqlite = require('node:sqlite') as NodeSqliteModule;
  } catch {
    throw new Error(
      `node:sqlite is not available in Node ${process.versions.node}; it needs Node 22.13 or later (or Electron's own Node). Use the better-sqlite3 driver here.`,
    );
  }
  return {
    name: 'node:sqlite',
    open(file: string): SqlDatabase {
      const db = new sqlite.DatabaseSync(file);
      return {
        exec: (sql) => db.exec(sql),
        prepare: (sql) => {
          const statement = db.prepare(sql);
          return {
            run: (...params) => ({ changes: Number(statement.run(...params).changes) }),
            get: (...params) => statement.get(...params) as SqlRow | undefined,
            all: (...params) => statement.all(...params) as SqlRow[],
          };
        },
        close: () => db.close(),
      };
    },
    worker: { module: 'node:sqlite', exportName: 'DatabaseSync' },
  };
}
