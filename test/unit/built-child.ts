import { buildSync } from 'esbuild';
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, '.tmp', 'test-children');
const built = new Map<string, string>();

/**
 * A TypeScript entry for a child process, bundled once per test process into plain JavaScript
 * (dependencies left to node_modules), so children start as the product does: without compiling
 * TypeScript, which under a loaded machine took seconds per start through tsx. Written under a
 * temporary name and renamed, so test processes building the same child at once never see half
 * a file.
 */
export function builtChild(entry: string): string {
  const known = built.get(entry);
  if (known) return known;
  mkdirSync(OUT, { recursive: true });
  const outfile = path.join(OUT, `${path.basename(entry, '.ts')}.mjs`);
  const temporary = `${outfile}.tmp-${process.pid}`;
  buildSync({
    entryPoints: [entry],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(temporary, outfile);
  built.set(entry, outfile);
  return outfile;
}
