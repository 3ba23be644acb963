// Makes sure the tests have their tools: a Chromium for the end-to-end tests ($CHROMIUM_PATH or
// Debian's /usr/bin/chromium), and for the export tests pdftotext (poppler-utils), xmllint
// (libxml2-utils) and LibreOffice (libreoffice-writer-nogui, to open exported DOCX as Word users
// would). As root on Debian it installs what is missing from Debian's packages; without a system
// Chromium it falls back to Playwright's own download.
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
  ['libreoffice-writer-nogui', () => existsSync('/usr/bin/libreoffice')],
];
const missing = wanted.filter(([, present]) => !present()).map(([pkg]) => pkg);

if (missing.length === 0) {
  console.log(`Chromium: ${found()}; pdftotext, xmllint and LibreOffice present`);
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
  console.log("No system Chromium could be installed; fetching Playwright's Chromium instead.");
  if (!sh(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium'])) {
    console.error('Could not get a Chromium. Install Debian\'s "chromium" package (or set CHROMIUM_PATH) and run the tests again.');
    process.exit(1);
  }
} else {
  console.log(`Chromium: ${found()} (some of ${missing.join(', ')} could not be installed; tests that need them will say so)`);
}
