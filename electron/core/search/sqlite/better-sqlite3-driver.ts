import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import type { SqlDatabase, SqliteDriver, SqlRow, SqlValue } from './sql-database';

const require = createRequire(import.meta.url);

/**
 * better-sqlite3 (12.x, compiled for the Node that runs it): the driver of the Node hosts.
 * Its native part loads when the first database opens, so importing this module is harmless
 * where the binding was built for another runtime.
 */
export function betterSqlite3Driver(): SqliteDriver {
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
