/**
 * The import worker's body (a worker_threads Worker started by isolated-import.ts): reads one
 * file at a time with importFile and posts the ImportedDocument, or the ImportError's code and
 * message, back. Everything that parses a document runs here, off the host's thread, under the
 * heap limit the host set; the host ends this thread when a file passes its deadline.
 */
import { parentPort } from 'node:worker_threads';
import { importFile } from './index';
import { ImportError } from './types';
import type { WorkerReply, WorkerRequest } from './import-worker-protocol';

if (!parentPort) throw new Error('import-worker.ts runs as a worker thread (see isolated-import.ts)');
const port = parentPort;

port.on('message', (request: WorkerRequest) => {
  void (async (): Promise<void> => {
    let reply: WorkerReply;
    try {
      const doc = await importFile({ name: request.name, bytes: new Uint8Array(request.bytes) }, request.options);
      reply = { id: request.id, ok: true, doc };
    } catch (error) {
      reply =
        error instanceof ImportError
          ? { id: request.id, ok: false, code: error.code, message: error.message }
          : { id: request.id, ok: false, code: null, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    port.postMessage(reply);
  })();
});
