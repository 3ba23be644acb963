/**
 * The claim suggester off the core's thread (issue 17). suggestAttributions tokenises with
 * wink-nlp: ~250 ms for a long article, during which a host's every other request (search,
 * positions, the first paint of a view) would wait. So the text work runs in one long-lived
 * worker thread, started on the first article and ended at close; the core's thread only reads
 * and writes the suggestion files and answers.
 *
 * Two lanes: the article the analyst has open goes ahead of the background pass over the
 * notebook. A worker that crashes answers its article with an error and is started again for the
 * next one; an article the suggester fails on answers with the error and the worker stays.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SuggestedAttribution } from '../../../shared/model/suggestion';
import type { SuggestReply, SuggestRequest } from './suggest-worker-protocol';

/** Who is waiting for an article's suggestions: the analyst reading it, or the background pass. */
export type SuggestPriority = 'open' | 'background';

/** Heap the worker may use (V8 old generation), in MB: wink's model and one article's tokens. */
const SUGGEST_WORKER_HEAP_MB = 512;

export interface SuggestRunnerOptions {
  /** The worker's script; by default the one next to this module (sources or bundle). */
  entry?: URL;
}

/** Why an article got no suggestions from the worker (it failed on the text, or stopped). */
export class SuggestWorkerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SuggestWorkerError';
  }
}

/** The runner was closed before this article's turn came (or while it was read). */
export class SuggestRunnerClosedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuggestRunnerClosedError';
  }
}

function defaultEntry(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('./suggest-worker-dev.mjs', here);
  const bundled = new URL('./suggest-worker.mjs', here);
  if (!existsSync(fileURLToPath(bundled))) {
    throw new Error(
      `The suggester's worker is missing: ${fileURLToPath(bundled)} should be built next to ${fileURLToPath(here)} (scripts/build-node.mjs and scripts/build-electron.mjs build it).`,
    );
  }
  return bundled;
}

interface Job {
  request: SuggestRequest;
  priority: SuggestPriority;
  resolve: (suggestions: SuggestedAttribution[]) => void;
  reject: (error: Error) => void;
}

/**
 * Runs suggestAttributions in a worker thread, one text at a time, open articles first.
 * `events` tells what happens, for tests and benches that wait on it: 'start' (job id, priority)
 * when a text is posted to the worker, 'worker' when a worker thread is started.
 */
export class SuggestRunner {
  readonly events = new EventEmitter();
  private readonly entry: URL | undefined;
  private worker: Worker | null = null;
  private readonly lanes: Record<SuggestPriority, Job[]> = { open: [], background: [] };
  private current: Job | null = null;
  private closed = false;
  private nextId = 1;

  constructor(options: SuggestRunnerOptions = {}) {
    this.entry = options.entry;
  }

  /** The suggestions for a text, from the worker; rejects with SuggestWorkerError or SuggestRunnerClosedError. */
  suggest(text: string, priority: SuggestPriority): Promise<SuggestedAttribution[]> {
    if (this.closed) return Promise.reject(new SuggestRunnerClosedError('The notebook is closing: the suggester no longer takes articles.'));
    return new Promise((resolve, reject) => {
      this.lanes[priority].push({ request: { id: this.nextId++, text }, priority, resolve, reject });
      this.pump();
    });
  }

  /** Ends the worker: queued texts are refused, the one in the worker is cancelled (its caller writes nothing). */
  async close(): Promise<void> {
    this.closed = true;
    const refused = new SuggestRunnerClosedError('The notebook was closed before the suggester read this article.');
    for (const job of [...this.lanes.open.splice(0), ...this.lanes.background.splice(0)]) job.reject(refused);
    this.finish(new SuggestRunnerClosedError('The notebook was closed while the suggester read this article.'));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const job = this.lanes.open.shift() ?? this.lanes.background.shift();
    if (!job) {
      // Idle: never keep a command-line run open for the worker.
      this.worker?.unref();
      return;
    }
    const worker = this.worker ?? this.start();
    worker.ref();
    this.current = job;
    worker.postMessage(job.request);
    this.events.emit('start', job.request.id, job.priority);
  }

  private start(): Worker {
    const worker = new Worker(this.entry ?? defaultEntry(), {
      resourceLimits: { maxOldGenerationSizeMb: SUGGEST_WORKER_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (reply: SuggestReply) => {
      if (worker !== this.worker || !this.current || reply.id !== this.current.request.id) return;
      if (reply.ok) this.finish(null, reply.suggestions);
      else this.finish(new SuggestWorkerError(`The suggester failed on this article's text (${reply.message}).`));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      this.discard(worker);
      this.finish(
        new SuggestWorkerError(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `The suggester needed more than ${SUGGEST_WORKER_HEAP_MB} MB of memory on this article's text and stopped; it goes on with the next article.`
            : `The suggester stopped on this article's text (${error.message}); it goes on with the next article.`,
          { cause: error },
        ),
      );
    });
    worker.on('exit', (exitCode) => {
      if (worker !== this.worker) return;
      this.worker = null;
      this.finish(new SuggestWorkerError(`The suggester stopped (exit code ${exitCode}) on this article's text; it goes on with the next article.`));
    });
    this.worker = worker;
    this.events.emit('worker');
    return worker;
  }

  /** Forgets a failing worker and ends it; the next article starts a new one. */
  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }

  private finish(error: Error | null, suggestions?: SuggestedAttribution[]): void {
    const job = this.current;
    if (!job) return;
    this.current = null;
    if (error) job.reject(error);
    else job.resolve(suggestions!);
    this.pump();
  }
}
