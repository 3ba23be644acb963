/**
 * The claim suggester's worker body (a worker_threads Worker started by suggest-runner.ts): runs
 * suggestAttributions (wink-nlp, loaded once here on the first article) on one text at a time
 * and posts the suggestions, or the error's message, back. The core's thread never tokenises.
 */
import { parentPort } from 'node:worker_threads';
import { suggestAttributions } from './suggest';
import type { SuggestReply, SuggestRequest } from './suggest-worker-protocol';

if (!parentPort) throw new Error('suggest-worker.ts runs as a worker thread (see suggest-runner.ts)');
const port = parentPort;

port.on('message', (request: SuggestRequest) => {
  let reply: SuggestReply;
  try {
    reply = { id: request.id, ok: true, suggestions: suggestAttributions(request.text) };
  } catch (error) {
    reply = { id: request.id, ok: false, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
