// Starts the import worker from the TypeScript sources (tests, `tsx` runs): a worker thread
// does not inherit the parent's tsx loader, so it registers its own. Built hosts start the
// bundled import-worker.mjs instead (scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./import-worker.ts');
