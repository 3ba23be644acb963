// A suggester worker for the runner's crash test: it answers as suggest-worker.ts does, except
// that an article whose text is exactly CRASH ends the thread (exit code 7) before anything is
// answered, as a native crash or a killed thread would.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { suggestAttributions } = await import('../../../../electron/core/suggest/suggest.ts');
parentPort.on('message', (request) => {
  if (request.text === 'CRASH') process.exit(7);
  parentPort.postMessage({ id: request.id, ok: true, suggestions: suggestAttributions(request.text) });
});
