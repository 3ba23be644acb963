// Makes sure the end-to-end tests have a Chromium: $CHROMIUM_PATH or Debian's /usr/bin/chromium
// if present; else, as root on Debian, installs Debian's packages (chromium, and the
// poppler-utils and libxml2-utils the export tests use); else Playwright's own download.
// It says what it does; it changes nothing when a Chromium is already there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const found = () => [process.env.CHROMIUM_PATH, ...SYSTEM].find((p) => p && existsSync(p));

function sh(command, args, extraEnv = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } }).status === 0;
}

const wanted = [
  ['chromium', () => found()],
  ['poppler-utils', () => existsSync('/usr/bin/pdftotext')],
  ['libxml2-utils', () => existsSync('/usr/bin/xmllint')],
];
const missing = wanted.filter(([, present]) => !present()).map(([pkg]) => pkg);

if (missing.length === 0) {
  console.log(`Chromium: ${found()}`);
  process.exit(0);
}
const isRoot = process.getuid?.() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing Debian packages the tests need: ${missing.join(', ')}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (sh('apt-get', ['update', '-qq'], env) && sh('apt-get', ['install', '-y', '-qq', ...missing], env) && found()) {
    console.log(`Chromium: ${found()}`);
    process.exit(0);
  }
}
if (!found()) {
  console.log('No system Chromium could be installed; fetching Playwright\'s Chromium instead.');
  if (!sh(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'])) {
    console.error('Could not get a Chromium. Install Debian\'s "chromium" package (or set CHROMIUM_PATH) and run the tests again.');
    process.exit(1);
  }
} else {
  console.log(`Chromium: ${found()} (some of ${missing.join(', ')} could not be installed; tests that need them will say so)`);
}
