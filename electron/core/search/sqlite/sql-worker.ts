import { Worker } from 'node:worker_threads';
import type { SqlValue, WorkerOpener } from './sql-database';

/** One statement run in a worker: the index of a statement given at start, and its parameters. */
export type SqlOp = [statement: number, params: SqlValue[]];

/**
 * The worker's whole program, plain JavaScript run with `eval: true`. It is a generic executor:
 * it opens the database the driver describes, runs the setup SQL, and then runs batches of
 * prepared statements, each batch in one transaction, answering each message once done. All of
 * the index's logic (what rows to write) stays in the typed core; the worker only does the
 * expensive part, SQLite's tokenising and indexing, off the main thread. Evaluated source needs no
 * file beside a bundle, so it runs the same under tsx, vitest, esbuild's bundles and Electron.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { opener, file, setup, statements } = workerData;
let db;
let prepared;
try {
  const mod = require(opener.module);
  const Database = opener.exportName ? mod[opener.exportName] : mod;
  db = new Database(file);
  db.exec(setup);
  prepared = statements.map((sql) => db.prepare(sql));
  parentPort.postMessage({ id: 0, ok: true });
} catch (error) {
  parentPort.postMessage({ id: 0, ok: false, error: String(error && error.message || error), code: error && (error.code || null) });
}
parentPort.on('message', (message) => {
  try {
    if (message.ops) {
      db.exec('BEGIN');
      try {
        for (const [index, params] of message.ops) prepared[index].run(...params);
        db.exec('COMMIT');
      } catch (error) {
        try { db.exec('ROLLBACK'); } catch {}
        throw error;
      }
    }
    if (message.sql) db.exec(message.sql);
    if (message.close) { db.close(); db = null; }
    parentPort.postMessage({ id: message.id, ok: true });
  } catch (error) {
    parentPort.postMessage({ id: message.id, ok: false, error: String(error && error.message || error), code: error && (error.code || null) });
  }
});
`;

interface Reply {
  id: number;
  ok: boolean;
  error?: string;
  code?: string | null;
}

/** An error the worker's database reported, with SQLite's code when there was one. */
export class SqlWorkerError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'SqlWorkerError';
  }
}

/**
 * A database connection in a worker thread, for long writes (building the whole index) that
 * would otherwise hold the main thread for seconds. Batches run in order, one transaction each;
 * every call resolves when its batch is committed.
 */
export class SqlWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private readonly ready: Promise<void>;
  private failure: Error | null = null;

  constructor(opener: WorkerOpener, file: string, setup: string, statements: string[]) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { opener, file, setup, statements } });
    this.ready = new Promise((resolve, reject) => this.waiting.set(0, { resolve, reject }));
    // Nobody may be waiting yet when a start fails: the failure is kept for the next call.
    this.ready.catch(() => undefined);
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) waiter?.resolve();
      else waiter?.reject(new SqlWorkerError(reply.error ?? 'the index worker failed', reply.code ?? null));
    });
    const fail = (error: Error): void => {
      this.failure = error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the index worker stopped (exit code ${code})`)));
  }

  /** Runs statements in one transaction. */
  run(ops: SqlOp[]): Promise<void> {
    return this.send({ ops });
  }

  /** Runs SQL outside a transaction (pragmas, optimize). */
  exec(sql: string): Promise<void> {
    return this.send({ sql });
  }

  /** Closes the database (after `sql`, when given) and ends the worker. */
  async close(sql?: string): Promise<void> {
    try {
      await this.send(sql ? { sql, close: true } : { close: true });
    } finally {
      await this.worker.terminate();
    }
  }

  /** Ends the worker at once, dropping what it was doing (the file it wrote is discarded). */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private async send(message: Record<string, unknown>): Promise<void> {
    await this.ready;
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ id, ...message });
    return done;
  }
}
