/**
 * importFile run off the host's thread (issue 19). Files come from hostile sources; parsing one
 * (jsdom, Readability, mammoth, pdf.js) can take seconds and hundreds of megabytes, and the
 * host's thread also answers every other request. So each file is read in a worker thread
 * that has a heap limit and a deadline: a file that needs more memory or time fails alone, as
 * "too large or too complex", and the worker is replaced for the next file. The host thread only
 * posts bytes and receives plain data.
 *
 * One worker, one file at a time (the machines this runs on have two cores, and the host needs
 * one); it stays alive between files, unreferenced so it never keeps a command-line run open.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './import-worker-protocol';
import type { ImportedDocument, ImportOptions } from './types';
import { ImportError } from './types';

/** Heap the worker may use for one file's parse (V8 old generation), in MB. */
export const IMPORT_WORKER_HEAP_MB = 1024;

/**
 * How long one file may take: 30 s, plus 3 s per MB, at most 3 minutes. Generous on a loaded
 * 2-core machine (a 20-page PDF takes about 1 s), short enough that a file built to spin is cut off.
 */
export function importDeadlineMs(byteLength: number): number {
  return Math.min(180_000, 30_000 + Math.ceil(byteLength / (1024 * 1024)) * 3_000);
}

export interface IsolatedImporterOptions {
  heapMb?: number;
  deadlineMs?: (byteLength: number) => number;
  /** The worker's script; by default the one next to this module (sources or bundle). */
  entry?: URL;
}

/**
 * The worker script: from the sources (this file is .ts, run by tsx or vitest) a bootstrap that
 * registers tsx in the worker; from a bundle, `import-worker.mjs` built next to it.
 */
function defaultEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./import-worker-dev.mjs', here);
  const bundled = new URL('./import-worker.mjs', here);
  if (!existsSync(fileURLToPath(bundled))) {
    throw new Error(
      `The import worker is missing: ${fileURLToPath(bundled)} should be built next to ${fileURLToPath(here)} (scripts/build-electron.mjs builds it).`,
    );
  }
  return bundled;
}

interface Job {
  request: WorkerRequest;
  resolve: (doc: ImportedDocument) => void;
  reject: (error: Error) => void;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/** Runs importFile in a worker thread with a heap limit and a per-file deadline. */
export class IsolatedImporter {
  private readonly heapMb: number;
  private readonly deadlineMs: (byteLength: number) => number;
  private readonly entry: URL | undefined;
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private nextId = 1;

  constructor(options: IsolatedImporterOptions = {}) {
    this.heapMb = options.heapMb ?? IMPORT_WORKER_HEAP_MB;
    this.deadlineMs = options.deadlineMs ?? importDeadlineMs;
    this.entry = options.entry;
  }

  /**
   * Imports one file in the worker. Resolves with what importFile returns; rejects with its
   * ImportError, or with an ImportError 'too-large' when the file needs more memory or time than
   * allowed. Files are read one after another in the order given.
   */
  importFile(file: { name: string; bytes: Uint8Array }, options: ImportOptions = {}): Promise<ImportedDocument> {
    // A copy the worker can own: the caller keeps its bytes, and the host thread never waits on a shared buffer.
    const bytes = file.bytes.slice().buffer as ArrayBuffer;
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, name: file.name, bytes, options }, resolve, reject });
      this.pump();
    });
  }

  /** Ends the worker (after the current file, any queued ones are refused). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const job of this.queue.splice(0)) job.reject(new Error('The importer was closed before this file was read.'));
    if (this.current) this.finish(new Error('The importer was closed while this file was read.'));
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    const worker = this.worker ?? this.start();
    worker.ref();
    const deadline = this.deadlineMs(job.request.bytes.byteLength);
    const timer = setTimeout(() => {
      this.discard(worker);
      this.finish(
        new ImportError(
          'too-large',
          `${job.request.name} is too large or too complex to import: reading it took longer than ${seconds(deadline)}, the limit. The file is most likely damaged or built to freeze the app. If it is a real document, save the part you need as a new file (or as plain text) and import that.`,
        ),
      );
    }, deadline);
    this.current = { job, timer };
    worker.postMessage(job.request, [job.request.bytes]);
  }

  private start(): Worker {
    const worker = new Worker(this.entry ?? defaultEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      // The worker's own console output goes to the host's, as from the host itself.
      stdout: false,
      stderr: false,
    });
    worker.on('message', (reply: WorkerReply) => {
      if (worker !== this.worker || !this.current || reply.id !== this.current.job.request.id) return;
      if (reply.ok) this.finish(null, reply.doc);
      else if (reply.code) this.finish(new ImportError(reply.code, reply.message));
      else this.finish(new Error(`Reading ${this.current.job.request.name} failed: ${reply.message}`));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      this.discard(worker);
      const name = this.current?.job.request.name ?? 'The file';
      this.finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ImportError(
              'too-large',
              `${name} is too large or too complex to import: reading it needed more than ${this.heapMb} MB of memory, the limit. The file is most likely damaged or built to exhaust memory. If it is a real document, save the part you need as a new file (or as plain text) and import that.`,
            )
          : new Error(`Reading ${name} stopped the importer: ${error.message}`, { cause: error }),
      );
    });
    worker.on('exit', (exitCode) => {
      if (worker !== this.worker) return;
      this.worker = null;
      if (this.current) this.finish(new Error(`The importer stopped (exit code ${exitCode}) while reading ${this.current.job.request.name}.`));
    });
    this.worker = worker;
    return worker;
  }

  /** Forgets a worker that is failing or past its deadline, and ends it. */
  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }

  private finish(error: Error | null, doc?: ImportedDocument): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = null;
    if (error) current.job.reject(error);
    else current.job.resolve(doc!);
    this.pump();
  }
}

let shared: IsolatedImporter | null = null;

/**
 * importFile in the shared import worker: what the hosts' import requests use.
 * @throws ImportError as importFile does, or 'too-large' past the worker's memory or deadline.
 */
export function importFileIsolated(file: { name: string; bytes: Uint8Array }, options: ImportOptions = {}): Promise<ImportedDocument> {
  shared ??= new IsolatedImporter();
  return shared.importFile(file, options);
}
