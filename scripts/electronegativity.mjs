// Runs Electronegativity (Doyensec's Electron security linter) over the Electron sources and the
// built bundles, and fails on any HIGH or MEDIUM finding that is not explained in
// scripts/electronegativity-allowlist.json. Electronegativity skips .mjs and .cjs files, so the
// bundles are scanned as copies named .js. Needs `npm run build:electron` first for the bundles.
// Prints one line per finding and a summary; exit 0 when nothing unexplained is left.
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, '.tmp', 'electronegativity');
const runElectronegativity = createRequire(import.meta.url)('@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).optionalDependencies.electron;
const allowlist = JSON.parse(readFileSync(path.join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8')).findings;

rmSync(work, { recursive: true, force: true });
mkdirSync(path.join(work, 'bundles'), { recursive: true });
const bundles = [
  ['dist/electron/main.mjs', 'main.js'],
  ['dist/electron/preload.cjs', 'preload.js'],
];
for (const [from, to] of bundles) {
  if (!existsSync(path.join(root, from))) {
    console.error(`electronegativity: ${from} is missing; run "npm run build:electron" first.`);
    process.exit(1);
  }
  copyFileSync(path.join(root, from), path.join(work, 'bundles', to));
}

/**
 * Electronegativity's findings for one folder, through its programmatic API (its CSV output is
 * written by concurrent appends and comes out garbled; its SARIF output has no severity).
 */
async function scan(input, name) {
  const { issues, errors } = await runElectronegativity({ input, isRelative: true, electronVersionOverride: electronVersion, parserPlugins: [] });
  for (const error of errors) if (!error.tolerable) throw new Error(`electronegativity could not parse ${error.file}: ${error.message}`);
  return issues.map((issue) => ({
    scanned: name,
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file.split(path.sep).join('/'),
    location: `${issue.location.line}:${issue.location.column}`,
    // The flagged line, to match the allowlist on (the sample is not always set).
    line: issue.sample ?? readFileSync(path.join(input, issue.file), 'utf8').split('\n')[issue.location.line - 1] ?? '',
  }));
}

const findings = [...(await scan(path.join(root, 'electron'), 'sources')), ...(await scan(path.join(work, 'bundles'), 'bundles'))];
let unexplained = 0;
for (const f of findings) {
  const gated = f.severity === 'HIGH' || f.severity === 'MEDIUM';
  const reason = allowlist.find((a) => a.check === f.check && a.file === f.file && f.line.includes(a.sample))?.reason;
  const verdict = !gated ? 'info' : reason ? 'explained' : 'UNEXPLAINED';
  if (verdict === 'UNEXPLAINED') unexplained++;
  console.log(
    `${verdict.padEnd(11)} ${f.severity.padEnd(6)} ${f.check} ${f.scanned}:${f.file}:${f.location}${reason ? ` (${reason.split(';')[0]})` : ''}`,
  );
}
const gated = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM').length;
console.log(
  `electronegativity: ${findings.length} findings, ${gated} HIGH/MEDIUM, ${gated - unexplained} explained in the allowlist, ${unexplained} unexplained`,
);
process.exit(unexplained === 0 ? 0 : 1);
