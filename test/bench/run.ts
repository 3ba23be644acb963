// `npm run bench [-- --json] [-- --quick]`: runs each benchmark in its own process (so one's
// memory does not colour another's figures) and prints their reports, or with --json one JSON
// object merging every benchmark's figures. Benchmarks measure; they never fail on slowness.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const passOn = args.filter((a) => a !== '--json');

/** Each benchmark: its script and what it measures. Missing scripts are reported and skipped. */
const BENCHES = [
  { file: 'cli-bench.ts', what: 'command line: help and list --json in new processes (vs the TypeScript sources through tsx)' },
  { file: 'store-bench.ts', what: 'notebook store: open, claim save, article open, memory (vs one lowdb file)' },
  { file: 'search-bench.ts', what: 'search: index build, size, query latency' },
  {
    file: 'positions-bench.ts',
    what: 'positions map: without a digest, first of a session (persisted digest), later maps, date filter, one cell (vs reading every claim)',
  },
  { file: 'anchor-bench.ts', what: 'anchoring: right / silently wrong / missed / flagged per edit class (vs Hypothesis), 500 kB × 5,000 claims' },
  { file: 'suggest-bench.ts', what: 'claim suggester: ms per 1,000 words on a long article and the seed story (vs wink tokens and tags alone)' },
  {
    file: 'suggest-stall-bench.ts',
    what: "background claim suggester: the core thread's longest stall, first search, first map and open article while it reads 2,000 articles (worker vs in-thread)",
  },
  {
    file: 'networks-bench.ts',
    what: 'discourse networks: congruence cold and warm, conflict (Jaccard), moving windows, GraphML (vs reading every claim)',
  },
  {
    file: 'import-bench.ts',
    what: 'import: 20 news pages, PDFs, DOCX, a 1,000-row CSV through the import worker; files per second, slowest file, peak memory',
  },
  {
    file: 'sync-bench.ts',
    what: 'sync through Git: 10,000 articles, 20 changed, against git http-backend on loopback; repository size after 100 syncs',
  },
  { file: 'reader-bench.ts', what: 'reader in Chromium: first highlighted paint, claim creation, stance edit and delete to repaint, scrolling' },
  {
    file: 'journey-bench.ts',
    what: "the whole product as a user has it: stancebook serve + Chromium (open, first search hits, searches by kind, first and later Positions maps, one article, chores), the server's stalls, peak RSS and CPU, list --json; the issue's targets table",
  },
];

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memory_gb: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  date: new Date().toISOString(),
};

const merged: Record<string, unknown> = { machine };
let failures = 0;
for (const bench of BENCHES) {
  const script = path.join(here, bench.file);
  if (!existsSync(script)) {
    if (!json) console.log(`\n--- ${bench.file}: not present, skipped`);
    continue;
  }
  if (!json) console.log(`\n--- ${bench.file}: ${bench.what}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', script, ...(json ? ['--json'] : []), ...passOn], {
    stdio: json ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    failures += 1;
    console.error(`${bench.file} exited with ${result.status}`);
    continue;
  }
  if (json) {
    const lastObject = result.stdout
      .trim()
      .split('\n')
      .reverse()
      .find((line) => line.startsWith('{'));
    try {
      Object.assign(merged, JSON.parse(lastObject ?? result.stdout));
    } catch {
      failures += 1;
      console.error(`${bench.file} printed no JSON object`);
    }
  }
}
if (json) console.log(JSON.stringify(merged, null, 2));
else console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node}`);
process.exitCode = failures ? 1 : 0;
