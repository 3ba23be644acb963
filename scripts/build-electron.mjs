// Bundles the Electron main process (ESM, dependencies left to node_modules) and the preload
// (CommonJS, as a sandboxed preload must be) with esbuild. Needs no Electron binary.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  outfile: 'dist/electron/main.mjs',
  format: 'esm',
  packages: 'external',
  external: ['electron'],
});
// The import and suggester workers (electron/core/import/isolated-import.ts, electron/core/suggest/suggest-runner.ts)
// load these files from next to main.mjs.
await build({
  ...common,
  entryPoints: { 'import-worker': 'electron/core/import/import-worker.ts', 'suggest-worker': 'electron/core/suggest/suggest-worker.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  packages: 'external',
});
await build({
  ...common,
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
console.log('built dist/electron/main.mjs, import-worker.mjs, suggest-worker.mjs and preload.cjs');
