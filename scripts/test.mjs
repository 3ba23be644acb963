// `npm test`: everything a change must pass, in order, stopping at the first failure:
// test tools present, lint (with layer rules), dead code (knip), format (prettier), typecheck, unit tests (vitest), renderer build,
// Electron security lint (electronegativity), the packaging test, end-to-end tests in Chromium
// (Playwright), the Electron suite (skipped, with its reason,
// where the binary is missing). Ends with one line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, args, env = {}) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}

function finish(ok) {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

const vitestJson = path.join(tmp, 'vitest.json');
const e2eJson = path.join(tmp, 'e2e.json');
const electronJson = path.join(tmp, 'electron.json');
const packagingJson = path.join(tmp, 'packaging.json');

const ok =
  step('test tools (Chromium, pdftotext, xmllint, LibreOffice)', [path.join(root, 'scripts/ensure-test-tools.mjs')]) &&
  step('lint', [bin('eslint', 'bin/eslint.js'), '.']) &&
  step('dead code (knip: unused files, exports, dependencies)', [bin('knip', 'bin/knip.js'), '--no-progress']) &&
  step('format (prettier --check; `npm run format` fixes)', [bin('prettier', 'bin/prettier.cjs'), '--check', '--log-level', 'warn', '.']) &&
  step('typecheck', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.']) &&
  (() => {
    const passed = step('unit tests', [
      bin('vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ]);
    countVitest(vitestJson);
    return passed;
  })() &&
  step('renderer build', [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']) &&
  step('electron build', [path.join(root, 'scripts/build-electron.mjs')]) &&
  step('command line build', [path.join(root, 'scripts/build-node.mjs')]) &&
  (() => {
    const passed = step('Electron security lint (electronegativity: sources and built bundles)', [path.join(root, 'scripts/electronegativity.mjs')]);
    totals[passed ? 'passed' : 'failed'] += 1;
    return passed;
  })() &&
  (() => {
    const passed = step('packaging (electron-builder --dir against a stand-in Electron)', [
      bin('vitest', 'vitest.mjs'),
      'run',
      '-c',
      'test/packaging/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${packagingJson}`,
    ]);
    countVitest(packagingJson);
    return passed;
  })() &&
  (() => {
    const passed = step('end-to-end tests (Chromium, browser mode)', [bin('@playwright/test', 'cli.js'), 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
    });
    countPlaywright(e2eJson);
    return passed;
  })() &&
  (() => {
    const passed = step(
      'Electron suite',
      [bin('@playwright/test', 'cli.js'), 'test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: electronJson,
      },
    );
    countPlaywright(electronJson);
    return passed;
  })();

finish(ok);
