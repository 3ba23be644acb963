// Starts the suggester's worker from the TypeScript sources (tests, `tsx` runs): a worker thread
// does not inherit the parent's tsx loader, so it registers its own. Built hosts start the
// bundled suggest-worker.mjs instead (scripts/build-node.mjs, scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./suggest-worker.ts');
