#!/usr/bin/env node
// The command line runs the TypeScript core directly through tsx's loader, so there is no
// separate build step for it; Electron gets a bundled copy instead (scripts/build-electron.mjs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
await main();
