// `npm start`: the desktop app where Electron's binary is installed, else the browser mode.
// `npm run serve` (--browser) always starts the browser mode. Other arguments (e.g.
// `-- --data DIR`) are passed on. The renderer is rebuilt when its sources are newer than the build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const passOn = args.filter((a) => a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function buildRendererIfStale() {
  const built = path.join(root, 'dist/renderer/index.html');
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), newestMtime(path.join(root, 'shared')));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    console.log('Building the renderer…');
    run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  }
}

function exec(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildRendererIfStale();
const electron = browserOnly ? { missing: 'browser mode asked for' } : findElectronBinary();
if ('path' in electron) {
  run(process.execPath, [path.join(root, 'scripts/build-electron.mjs')]);
  exec(electron.path, [root, ...passOn]);
} else {
  if (!browserOnly) {
    console.log(`Electron's binary is not available (${electron.missing}); starting the browser mode instead.`);
  }
  exec(process.execPath, [path.join(root, 'bin/stancebook.mjs'), 'serve', ...passOn]);
}
