import { CodebookSchema, type Codebook } from '../../../shared/model';
import { LIST_SEPARATOR } from './index-ops';
import { FORMAT, INDEX_SCHEMA_VERSION, indexPath, OPEN_PRAGMAS, STATEMENTS, STMT } from './index-schema';
import type { CodingNames } from './search-fields';
import { inTransaction, type SqlDatabase, type SqliteDriver, type SqlStatement } from './sqlite/sql-database';
import type { SqlOp } from './sqlite/sql-worker';

/** The index file cannot be used as it is: rebuild it (the reason is shown in status()). */
export class IndexUnusable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'IndexUnusable';
  }
}

/**
 * The notebook's index database as the main thread uses it: searches read it, and change events
 * write it, each article's rows and stamp in one transaction (so the stamps always say what the
 * rows hold, and a crash leaves either the old or the new state of an article).
 */
export class IndexDatabase {
  private readonly statements = new Map<number, SqlStatement>();
  private readonly adhoc = new Map<string, SqlStatement>();

  private constructor(readonly db: SqlDatabase) {}

  /**
   * Opens the index file and checks it is a complete index of this version. Throws IndexUnusable
   * with the reason when it is missing, not a database, damaged, foreign, older or half-built.
   */
  static open(driver: SqliteDriver, notebookDir: string, exists: boolean): IndexDatabase {
    return IndexDatabase.openFile(driver, indexPath(notebookDir), exists, false);
  }

  /**
   * Opens the file a first build is writing, to answer searches from the part committed so far
   * (the build writes it in WAL mode, so this reader sees whole batches only).
   */
  static openPartial(driver: SqliteDriver, file: string): IndexDatabase {
    return IndexDatabase.openFile(driver, file, true, true);
  }

  private static openFile(driver: SqliteDriver, file: string, exists: boolean, partial: boolean): IndexDatabase {
    if (!exists) throw new IndexUnusable('no index file');
    let db: SqlDatabase;
    try {
      db = driver.open(file);
    } catch (error) {
      throw new IndexUnusable(`index file cannot be opened (${message(error)})`);
    }
    try {
      if (!partial) db.exec(OPEN_PRAGMAS);
      const index = new IndexDatabase(db);
      const format = index.meta('format');
      if (format !== FORMAT) throw new IndexUnusable('not a search index file');
      const version = index.meta('schemaVersion');
      if (version !== String(INDEX_SCHEMA_VERSION)) throw new IndexUnusable(`index schema ${version ?? 'missing'}, expected ${INDEX_SCHEMA_VERSION}`);
      if (!partial && index.meta('complete') !== '1') throw new IndexUnusable('index build was not finished');
      index.codebook();
      // Reads a page of every table, so a file damaged past its first pages is found now, not mid-search.
      index.query('SELECT count(*) AS n FROM (SELECT rowid FROM fts LIMIT 1)').get();
      index.query('SELECT count(*) AS n FROM docs').get();
      return index;
    } catch (error) {
      db.close();
      if (error instanceof IndexUnusable) throw error;
      throw new IndexUnusable(`index file is damaged (${message(error)})`);
    }
  }

  /** A cached prepared statement for read queries. */
  query(sql: string): SqlStatement {
    let statement = this.adhoc.get(sql);
    if (!statement) this.adhoc.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  meta(key: string): string | null {
    const row = this.query('SELECT value FROM meta WHERE key = ?').get(key);
    return typeof row?.value === 'string' ? row.value : null;
  }

  /** The codebook the claims' coding names were indexed with. */
  codebook(): Codebook {
    const text = this.meta('codebook');
    const parsed = text === null ? null : CodebookSchema.safeParse(JSON.parse(text));
    if (!parsed?.success) throw new IndexUnusable('index file is incomplete (no codebook)');
    return parsed.data;
  }

  /** Up to `limit` articles' stamps as indexed, in id order after `after` (to read them in slices). */
  stampsAfter(after: string, limit: number): [string, string][] {
    return this.query('SELECT article_id, stamp FROM stamps WHERE article_id > ? ORDER BY article_id LIMIT ?')
      .all(after, limit)
      .map((row) => [String(row.article_id), String(row.stamp)]);
  }

  /** Runs write statements in one transaction. */
  run(ops: SqlOp[]): void {
    inTransaction(this.db, () => {
      for (const [index, params] of ops) this.statement(index).run(...params);
    });
  }

  counts(): { articles: number; claims: number; briefs: number } {
    const counts = { articles: 0, claims: 0, briefs: 0 };
    for (const row of this.query('SELECT kind, count(*) AS n FROM docs GROUP BY kind').all()) {
      const n = Number(row.n);
      if (row.kind === 1) counts.articles = n;
      else if (row.kind === 2) counts.claims = n;
      else if (row.kind === 3) counts.briefs = n;
    }
    return counts;
  }

  /**
   * The claims whose coding mentions one of these codebook ids, with what their coding text is
   * made of (to re-index it under new names). Ids are matched in SQL, not by reading every claim.
   */
  claimsCodedWith(ids: Set<string>): CodedClaim[] {
    if (ids.size === 0) return [];
    const list = [...ids];
    const marks = list.map(() => '?').join(', ');
    const actorTests = list.map(() => 'instr(actors, ?) > 0').join(' OR ');
    const sql = `SELECT id, actors, issue_id, stance_id, proposition, speaker FROM docs WHERE kind = 2 AND (issue_id IN (${marks}) OR stance_id IN (${marks}) OR ${actorTests})`;
    return this.db
      .prepare(sql)
      .all(...list, ...list, ...list.map((id) => `${LIST_SEPARATOR}${id}${LIST_SEPARATOR}`))
      .map((row) => ({
        rowid: Number(row.id),
        actorIds: String(row.actors ?? '')
          .split(LIST_SEPARATOR)
          .filter(Boolean),
        issueId: row.issue_id === null ? null : String(row.issue_id),
        stanceId: row.stance_id === null ? null : String(row.stance_id),
        proposition: String(row.proposition ?? ''),
        speaker: row.speaker === null ? null : String(row.speaker),
      }));
  }

  close(): void {
    this.statements.clear();
    this.adhoc.clear();
    this.db.close();
  }

  private statement(index: number): SqlStatement {
    let statement = this.statements.get(index);
    if (!statement) this.statements.set(index, (statement = this.db.prepare(STATEMENTS[index as keyof typeof STATEMENTS] as string)));
    return statement;
  }
}

/** What a claim's coding text is made of. */
export interface CodedClaim {
  rowid: number;
  actorIds: string[];
  issueId: string | null;
  stanceId: string | null;
  proposition: string;
  speaker: string | null;
}

/** The ids whose names differ between two codebooks (renamed, added or removed actors, issues, stances). */
export function renamedIds(before: CodingNames, after: CodingNames): Set<string> {
  const changed = new Set<string>();
  for (const kind of ['actors', 'issues', 'stances'] as const) {
    for (const [id, name] of before[kind]) if (after[kind].get(id) !== name) changed.add(id);
    for (const id of after[kind].keys()) if (!before[kind].has(id)) changed.add(id);
  }
  return changed;
}

/** The statement that re-writes one claim's coding text. */
export const updateCodingOp = (rowid: number, coding: string): SqlOp => [STMT.updateCoding, [coding, rowid]];

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
