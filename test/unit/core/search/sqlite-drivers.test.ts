import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { betterSqlite3Driver } from '../../../../electron/core/search/sqlite/better-sqlite3-driver';
import { hasNodeSqlite, nodeSqliteDriver } from '../../../../electron/core/search/sqlite/node-sqlite-driver';
import { inTransaction, isDamagedDatabase, type SqliteDriver } from '../../../../electron/core/search/sqlite/sql-database';
import { SqlWorker } from '../../../../electron/core/search/sqlite/sql-worker';

/** Whether better-sqlite3's native part loads here (it is built for one Node ABI: Node 20's here). */
function hasBetterSqlite3(): boolean {
  try {
    betterSqlite3Driver().open(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

/**
 * One suite over both drivers: what the search index needs of SQLite (FTS5 with the unicode61
 * tokenizer folding accents, prefix indexes, bm25 with column weights, transactions, errors that
 * say a file is damaged, and a worker opening the same kind of database). Node 20 has no
 * node:sqlite, so that half runs on Node 22.13+ (and in Electron); better-sqlite3 runs on the Node
 * it was compiled for.
 */
const drivers: [string, () => SqliteDriver, boolean][] = [
  ['better-sqlite3', betterSqlite3Driver, hasBetterSqlite3()],
  ['node:sqlite', nodeSqliteDriver, hasNodeSqlite()],
];

it('at least one driver runs in this runtime', () => {
  expect(drivers.some(([, , available]) => available)).toBe(true);
});

it('node:sqlite says clearly where the runtime has none', () => {
  if (hasNodeSqlite()) expect(nodeSqliteDriver().name).toBe('node:sqlite');
  else expect(() => nodeSqliteDriver()).toThrow(/node:sqlite is not available in Node .*22\.13/);
});

for (const [name, makeDriver, available] of drivers) {
  describe.skipIf(!available)(`SQLite driver: ${name}${available ? '' : ` (skipped: not loadable in Node ${process.versions.node})`}`, () => {
    let dir: string;
    let driver: SqliteDriver;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'stancebook-sqlite-'));
      driver = makeDriver();
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('runs FTS5 with accent folding, prefixes, phrases and weighted bm25', () => {
      const db = driver.open(path.join(dir, 'a.sqlite'));
      db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')");
      const insert = db.prepare('INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)');
      expect(insert.run(1, 'Zürich talks', 'The foreign ministry spoke.').changes).toBe(1);
      insert.run(2, 'Plain notes', 'Zurich, said the Foreign Ministry; talks went on.');
      insert.run(3, 'Other', 'Ministry of foreign affairs.');
      const match = (q: string): number[] =>
        db
          .prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 3, 1), rowid')
          .all(q)
          .map((r) => Number(r.rowid));
      expect(match('"zurich"')).toEqual([1, 2]);
      expect(match('"zur"*')).toEqual([1, 2]);
      expect(match('"foreign ministry"')).toEqual([1, 2]);
      expect(match('"ministry foreign"')).toEqual([]);
      expect(match('"talks" AND "ministry"')).toEqual([1, 2]);
      // The title weighs three times the body: the title hit ranks first.
      expect(db.prepare('SELECT rowid, bm25(t, 3, 1) AS rank FROM t WHERE t MATCH ? ORDER BY rank').get('"zurich"')?.rowid).toBe(1);
      db.close();
    });

    it('commits a transaction, and rolls it back whole when it throws', () => {
      const db = driver.open(path.join(dir, 'b.sqlite'));
      db.exec('CREATE TABLE kv(k TEXT PRIMARY KEY, v TEXT)');
      const put = db.prepare('INSERT INTO kv(k, v) VALUES (?, ?)');
      inTransaction(db, () => put.run('a', '1'));
      expect(() =>
        inTransaction(db, () => {
          put.run('b', '2');
          put.run('a', 'again');
        }),
      ).toThrow();
      expect(db.prepare('SELECT k, v FROM kv ORDER BY k').all()).toEqual([{ k: 'a', v: '1' }]);
      expect(db.prepare('SELECT v FROM kv WHERE k = ?').get('zzz')).toBeUndefined();
      db.close();
    });

    it('reports a file that is not a database as damaged', () => {
      const file = path.join(dir, 'c.sqlite');
      writeFileSync(file, 'not a database, just text '.repeat(200));
      let error: unknown = null;
      try {
        const db = driver.open(file);
        db.prepare('SELECT count(*) FROM sqlite_master').get();
        db.close();
      } catch (caught) {
        error = caught;
      }
      expect(isDamagedDatabase(error)).toBe(true);
    });

    it('opens the same kind of database in a worker thread, from the driver description alone', async () => {
      const file = path.join(dir, 'd.sqlite');
      const worker = new SqlWorker(driver.worker, file, 'CREATE TABLE kv(k TEXT PRIMARY KEY, v TEXT);', ['INSERT INTO kv(k, v) VALUES (?, ?)']);
      await worker.run([
        [0, ['a', '1']],
        [0, ['b', '2']],
      ]);
      // A failing batch is rolled back whole and reported with SQLite's message.
      await expect(
        worker.run([
          [0, ['c', '3']],
          [0, ['a', 'dup']],
        ]),
      ).rejects.toThrow(/UNIQUE/);
      await worker.close();
      const db = driver.open(file);
      expect(
        db
          .prepare('SELECT k FROM kv ORDER BY k')
          .all()
          .map((r) => r.k),
      ).toEqual(['a', 'b']);
      db.close();
    });
  });
}
