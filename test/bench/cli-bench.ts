// Command-line start-up: `node --import tsx test/bench/cli-bench.ts [--json] [--articles N]
// [--claims N] [--quick] [--runs N]`. Times `stancebook help` and `stancebook list --json` in new
// processes, as a user runs them, on a generated notebook of 10,000 articles and 100,000 claims
// (1,000 / 10,000 with --quick). Baseline in the same run: the same commands with the TypeScript
// sources run through tsx, as the command line started before decision 0010. Reports the median
// of the runs and each figure's ratio to the baseline.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openNotebookCore } from '../../electron/core/bootstrap';
import { fillNotebook } from './store-bench-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    articles: { type: 'string' },
    claims: { type: 'string' },
    quick: { type: 'boolean' },
    runs: { type: 'string' },
  },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const CLAIMS = Number(values.claims ?? (values.quick ? 10_000 : 100_000));
const RUNS = Number(values.runs ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const BIN = path.join(ROOT, 'bin/stancebook.mjs');
const TSX_ENTRY = `process.argv.splice(1, 0, 'entry'); import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'electron/cli/main.ts')).href)}).then((m) => m.main())`;

/** Wall time of one new process running the command, in ms; throws when it fails. */
function timeProcess(args: string[], viaTsx: boolean): number {
  const argv = viaTsx ? ['--import', 'tsx', '--input-type=module', '-e', TSX_ENTRY, ...args] : [BIN, ...args];
  const start = performance.now();
  const result = spawnSync(process.execPath, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, STANCEBOOK_DATA: '' },
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

function series(args: string[], viaTsx: boolean): number {
  timeProcess(args, viaTsx); // a first run fills the OS file cache (and builds the bundle if stale)
  return median(Array.from({ length: RUNS }, () => timeProcess(args, viaTsx)));
}

async function main(): Promise<void> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'stancebook-cli-bench-')), 'nb');
  try {
    const seed = await openNotebookCore(dir, { resourcesDir: path.join(ROOT, 'resources'), create: true, sample: false });
    await seed.close();
    await fillNotebook(dir, ARTICLES, CLAIMS, 11);
    const list = ['list', '--json', '--data', dir];
    const figures = {
      cli_articles: ARTICLES,
      cli_help_median_ms: Math.round(series(['help'], false)),
      cli_list_json_median_ms: Math.round(series(list, false)),
      cli_baseline_tsx_help_median_ms: Math.round(series(['help'], true)),
      cli_baseline_tsx_list_json_median_ms: Math.round(series(list, true)),
    };
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    if (values.json)
      console.log(
        JSON.stringify({ ...figures, cli_list_vs_tsx: ratio(figures.cli_list_json_median_ms, figures.cli_baseline_tsx_list_json_median_ms) }),
      );
    else {
      console.log(`notebook: ${ARTICLES} articles, ${CLAIMS} claims; median of ${RUNS} new processes each`);
      console.log(
        `  stancebook help:         ${figures.cli_help_median_ms} ms (through tsx: ${figures.cli_baseline_tsx_help_median_ms} ms, ratio ${ratio(figures.cli_help_median_ms, figures.cli_baseline_tsx_help_median_ms)})`,
      );
      console.log(
        `  stancebook list --json:  ${figures.cli_list_json_median_ms} ms (through tsx: ${figures.cli_baseline_tsx_list_json_median_ms} ms, ratio ${ratio(figures.cli_list_json_median_ms, figures.cli_baseline_tsx_list_json_median_ms)})`,
      );
    }
  } finally {
    await rm(path.dirname(dir), { recursive: true, force: true });
  }
}

await main();
