// postinstall: where Electron's own install failed (no network for its binary download), npm
// drops the optional `electron` package altogether, and with it the type declarations the
// Electron host is checked against. This unpacks the same pinned package WITHOUT running its
// download, so typecheck and lint work; `require('electron')` then still reports the missing
// binary and `npm start` falls back to the browser mode. Where Electron installed, it does nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'node_modules', 'electron');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies?.electron;

if (!version || existsSync(path.join(target, 'package.json'))) process.exit(0);

const work = mkdtempSync(path.join(os.tmpdir(), 'stancebook-electron-pkg-'));
try {
  const npm = process.env.npm_execpath;
  const packArgs = ['pack', `electron@${version}`, '--pack-destination', work, '--silent'];
  const tarball = (npm ? execFileSync(process.execPath, [npm, ...packArgs]) : execFileSync('npm', packArgs)).toString().trim().split('\n').pop();
  execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
  renameSync(path.join(work, 'package'), target);
  console.log(
    `electron@${version}: its binary could not be installed here; unpacked the package for its types (npm start will use the browser mode).`,
  );
} catch (error) {
  // Not fatal: only the Electron host's typecheck needs this.
  console.warn(`Could not unpack electron@${version} for its types: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
