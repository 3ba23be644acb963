// Bundles the command line (and through it the browser host and the core) into dist/node/ with
// esbuild, so that no TypeScript is compiled when a command runs. Dependencies stay in
// node_modules; each command is its own chunk, loaded only when it runs (`help` loads none).
// Run as a script (`node scripts/build-node.mjs`), or call buildNode() (bin/stancebook.mjs does,
// when the bundle is missing or older than the sources).
//
// Safe with several processes building at once: every output is written to a temporary name and
// renamed into place, chunks (content-hashed names) before the entry, so a process that loads
// the entry finds every chunk it names.
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_OUT = path.join(root, 'dist', 'node');
export const CLI_ENTRY = path.join(NODE_OUT, 'cli.mjs');
/**
 * Packages bundled into dist/node/ rather than loaded from node_modules at run time: pure
 * JavaScript, no files of their own read at run time, and loaded by every start of the core.
 */
const BUNDLED = new Set([
  'zod',
  '@exodus/bytes',
  'html-encoding-sniffer',
  'graphology',
  'graphology-communities-louvain',
  'graphology-utils',
  'graphology-indices',
  'mnemonist',
  'obliterator',
  'pandemonium',
  'papaparse',
  'diff-match-patch-es',
]);

/** esbuild plugin: every package import is external (left to node_modules) except those named. */
function externalExcept(bundled) {
  return {
    name: 'external-except',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
        return bundled.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** Sources the bundle is made from; a newer file in any of them makes it stale. */
const SOURCE_DIRS = ['electron', 'shared'].map((d) => path.join(root, d));

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when the bundle is missing, or the sources are present and newer than it. */
export function nodeBundleStale() {
  if (!existsSync(CLI_ENTRY)) return true;
  if (!SOURCE_DIRS.every((d) => existsSync(d))) return false;
  const built = statSync(CLI_ENTRY).mtimeMs;
  // The lock file too: the BUNDLED packages are copied into the bundle, so installing another version means building again.
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(lock) && statSync(lock).mtimeMs > built) return true;
  return SOURCE_DIRS.some((d) => newestMtime(d) > built);
}

/** Builds dist/node/; `clean` first removes chunks of earlier builds (only when nothing runs). */
export async function buildNode({ clean = false } = {}) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    // The import and suggester workers (isolated-import.ts, suggest/suggest-runner.ts) load their .mjs from beside them.
    entryPoints: {
      cli: 'electron/cli/main.ts',
      'import-worker': 'electron/core/import/import-worker.ts',
      'suggest-worker': 'electron/core/suggest/suggest-worker.ts',
    },
    outdir: NODE_OUT,
    outExtension: { '.js': '.mjs' },
    // Flat: chunks sit beside the entry, so a worker script built next to the bundle (e.g.
    // import-worker.mjs) is next to whichever chunk starts it.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies stay in node_modules, except the few pure-JavaScript ones every start loads
    // (BUNDLED): loaded as files of their own, zod alone is ~95 modules for Node's loader to resolve and link.
    plugins: [externalExcept(BUNDLED)],
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  if (clean) rmSync(NODE_OUT, { recursive: true, force: true });
  const entryFirst = (f) => (path.basename(f.path).startsWith('cli.mjs') ? 1 : 0);
  for (const file of [...result.outputFiles].sort((a, b) => entryFirst(a) - entryFirst(b))) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.tmp-${process.pid}`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return CLI_ENTRY;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode({ clean: true });
  console.log(`built ${path.relative(root, CLI_ENTRY)} (the command line, browser host and core)`);
}
