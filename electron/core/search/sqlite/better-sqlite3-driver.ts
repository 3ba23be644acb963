import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDatabase, SqliteDriver, SqlRow, SqlValue } from './sql-database';

/**
 * better-sqlite3 (12.x, compiled for the Node that runs it): the driver of the Node hosts.
 * The package is required only when this function runs, so a bundle that never calls it (the
 * Electron host's) does not load it, and its native part loads when the first database opens.
 */
export function betterSqlite3Driver(): SqliteDriver {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof BetterSqlite3;
  return {
    name: 'better-sqlite3',
    open(file: string): SqlDatabase {
      const db = new Database(file);
      return {
        exec: (sql) => void db.exec(sql),
        prepare: (sql) => {
          const statement = db.prepare<SqlValue[], SqlRow>(sql);
          return {
            run: (...params) => ({ changes: statement.run(...params).changes }),
            get: (...params) => statement.get(...params),
            all: (...params) => statement.all(...params),
          };
        },
        close: () => void db.close(),
      };
    },
    worker: { module: require.resolve('better-sqlite3'), exportName: null },
  };
}
