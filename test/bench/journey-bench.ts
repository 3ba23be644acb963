/**
 * Journey benchmark: `node --import tsx --expose-gc test/bench/journey-bench.ts [--json] [--quick]
 * [--articles N] [--claims-per-article N] [--keep DIR] [--scale] [--no-chores] [--with-suggester] [--boot N]`.
 *
 * The whole product as an analyst has it, at 10,000 articles and 100,000 claims by default
 * (1,000 with --quick): the search bench's generated notebook (index built in the worker, claims
 * digest written, as after an earlier session), then `stancebook serve` started as a new process
 * from the built JavaScript and Chromium driven as a user: open the app, type a first search and
 * wait for its hits, ~200 searches of five kinds through the app's own HTTP bridge, the first
 * Positions map and later maps (each collection), one article opened to its highlighted text.
 * Then chores (unless --no-chores): an article pasted in, all claims exported as CSV, the
 * notebook archived, the search index rebuilt, each timed. Meanwhile the server reports every
 * event-loop stall over 20 ms on stderr (STANCEBOOK_STALL_REPORT, electron/cli/stall-report.ts),
 * with the CPU time it used (work, or waiting for a core on a loaded machine), charged to the step being driven, and its resident memory (VmRSS, VmHWM) and CPU time are
 * sampled from /proc (JOURNEY_SERVE_NODE_ARGS passes Node flags to the server, e.g. --cpu-prof). Last, `stancebook help` and `stancebook list --json` in new processes.
 *
 * Prints the issue's table of targets with the figures measured. `--scale` runs the journey at
 * 1,000, 10,000 and 50,000 articles (with --quick: 500 and 2,000), each in its own process, and
 * prints how store open, search p95, the first map and peak RSS grow (with --keep DIR, each size's
 * notebook is kept in DIR/<articles> and reused by the next run). `--boot N --keep DIR` runs only the
 * start (spawn to the first hits) N times on the kept notebook and prints each run and the medians.
 * Measures; never fails on speed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type { RequestOf } from '../../shared/api';
import { loadDefaultCodebook, sourceResourcesDir } from '../../electron/core/bootstrap';
import { CHROMIUM_ARGS, defaultChromiumPath } from '../../electron/core/documents/chromium-printer';
import { createNotebookCore } from '../../electron/core/notebook-core';
import { indexPath } from '../../electron/core/search/index-schema';
import { betterSqlite3Driver } from '../../electron/core/search/sqlite/better-sqlite3-driver';
import { openNotebook } from '../../electron/core/store';
import { benchQueries, fillSearchNotebook } from './search-bench-data';
import { ensureServeBuilt, ServeProcess } from './serve-process';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/stancebook.mjs');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    quick: { type: 'boolean' },
    scale: { type: 'boolean' },
    'no-chores': { type: 'boolean' },
    'with-suggester': { type: 'boolean' },
    articles: { type: 'string' },
    'claims-per-article': { type: 'string' },
    keep: { type: 'string' },
    boot: { type: 'string' },
  },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const PER_ARTICLE = Number(values['claims-per-article'] ?? 10);
/** Stalls shorter than this are not reported by the server (the targets are about 100 ms). */
const STALL_REPORT_MS = 20;
const COLLECTIONS = ['asia', 'europe', 'trade', 'security', 'climate', 'elections'];

type Figures = Record<string, number | string | null>;
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const log = (line: string) => (values.json ? console.error(line) : console.log(line));

/** Which kind of query a request is (the search bench's classes). */
function kindOf(q: RequestOf<'search'>): string {
  if (q.filters) return 'filtered';
  if (q.query.includes('"')) return 'phrase';
  if (q.query.includes('*') || !q.query.endsWith(' ')) return 'prefix';
  return q.query.trim().split(/\s+/).length > 1 ? 'and' : 'words';
}

/**
 * The notebook as an earlier session leaves it: shards and library, the search index built (in
 * its worker, timed, with this process's longest stall meanwhile) and the claims digest written.
 */
async function prepare(dir: string, reuse: boolean): Promise<Figures> {
  if (reuse) return { journey_index_build_ms: null, journey_index_build_stall_ms: null };
  const codebook = await loadDefaultCodebook(sourceResourcesDir());
  await rm(dir, { recursive: true, force: true });
  const created = await openNotebook(dir, { create: true, name: 'journey bench' });
  await created.putCodebook(codebook);
  await created.close();
  let t = performance.now();
  await fillSearchNotebook(dir, codebook, ARTICLES, PER_ARTICLE);
  log(`notebook written in ${Math.round(performance.now() - t)} ms`);
  const core = createNotebookCore(await openNotebook(dir), { searchDatabase: betterSqlite3Driver() });
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  t = performance.now();
  const cpu = process.cpuUsage();
  await core.handlers.rebuildSearchIndex({});
  const buildMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  log(`search index built in ${Math.round(buildMs)} ms (longest stall of this process meanwhile ${Math.round(longest)} ms)`);
  t = performance.now();
  await core.handlers.getPositions({});
  log(`claims digest written in ${Math.round(performance.now() - t)} ms`);
  await core.close();
  return {
    journey_index_build_ms: Math.round(buildMs),
    journey_index_build_cpu_ms: Math.round((used.user + used.system) / 1000),
    journey_index_build_stall_ms: Math.round(longest),
  };
}

/** The server's memory and CPU time, read from /proc (Linux). */
function procSample(pid: number): { rss: number; hwm: number; cpuMs: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), cpuMs: (ticks * 1000) / 100 };
  } catch {
    return null;
  }
}

interface Step {
  name: string;
  start: number;
  end: number;
  cpuMs: number;
}

/** `stancebook serve` as a child process (serve-process.ts), with its memory sampled from /proc. */
class Server extends ServeProcess {
  peakRss = 0;
  private sampler: NodeJS.Timeout;

  constructor(dir: string) {
    // JOURNEY_SERVE_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its time goes.
    super(dir, { stallReportMs: STALL_REPORT_MS, nodeArgs: (process.env.JOURNEY_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean) });
    this.sampler = setInterval(() => {
      const sample = this.child.pid ? procSample(this.child.pid) : null;
      if (sample) this.peakRss = Math.max(this.peakRss, sample.rss, sample.hwm);
    }, 50);
  }

  sample() {
    return (this.child.pid && procSample(this.child.pid)) || { rss: NaN, hwm: NaN, cpuMs: NaN };
  }

  override stop(): Promise<void> {
    clearInterval(this.sampler);
    return super.stop();
  }
}

/** Searches through the app's own bridge (fetch from the page, the token header), timed in the page. */
async function timedSearches(page: Page, token: string, queries: RequestOf<'search'>[]): Promise<{ ms: number; total: number }[]> {
  return page.evaluate(
    async ({ token, queries }) => {
      const out: { ms: number; total: number }[] = [];
      for (const q of queries) {
        const t = performance.now();
        const response = await fetch('/api/search', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Stancebook-Token': token },
          body: JSON.stringify({ limit: 20, offset: 0, ...q }),
        });
        const result = (await response.json()) as { ok: boolean; value?: { total: number }; error?: { message: string } };
        if (!result.ok) throw new Error(`search ${JSON.stringify(q)}: ${result.error?.message}`);
        out.push({ ms: performance.now() - t, total: result.value!.total });
      }
      return out;
    },
    { token, queries },
  );
}

/** One contract call from the page, as the app makes it; returns its wall time in ms. */
async function timedCall(page: Page, token: string, method: string, request: unknown): Promise<number> {
  return page.evaluate(
    async ({ token, method, request }) => {
      const t = performance.now();
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Stancebook-Token': token },
        body: JSON.stringify(request),
      });
      const result = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
      return performance.now() - t;
    },
    { token, method, request },
  );
}

async function journey(dir: string, options: { bootOnly?: boolean } = {}): Promise<Figures> {
  const codebook = await loadDefaultCodebook(sourceResourcesDir());
  const queries = benchQueries(codebook);
  const browser = await chromium.launch({ executablePath: defaultChromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // The notebook is as an earlier session left it, but the generator writes no claim suggestions:
  // with the background suggester on, the page would read all 10,000 articles for suggestions
  // during the whole journey, which a notebook whose suggestions are current does not do. It is
  // turned off, as the app's own setting does (renderer/src/features/suggestions/suggestion-setting.ts);
  // --with-suggester keeps it on.
  if (!values['with-suggester']) await page.addInitScript(() => window.localStorage.setItem('stancebook.suggestions.background', 'off'));
  const steps: Step[] = [];
  let server: Server | null = null;
  /** Runs one step of the journey, noting its wall time and the server's CPU time. */
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const cpuBefore = server!.sample().cpuMs;
    const start = Date.now();
    const value = await work();
    steps.push({ name, start, end: Date.now(), cpuMs: server!.sample().cpuMs - cpuBefore });
    return value;
  };
  const figures: Figures = {};
  try {
    // When the page's first API request leaves (its boot JavaScript has run) and when its answer is complete.
    let firstApiRequestAt: number | null = null;
    page.on('request', (request) => {
      if (firstApiRequestAt === null && new URL(request.url()).pathname.startsWith('/api/')) firstApiRequestAt = Date.now();
    });
    const spawnedAt = Date.now();
    server = new Server(dir);
    const url = await step('serve', () => server!.url());
    const token = new URL(url).searchParams.get('token') ?? '';
    figures.journey_serve_ready_ms = Date.now() - spawnedAt;
    figures.journey_serve_ready_cpu_ms = Math.round(server.sample().cpuMs);
    figures.journey_rss_after_open_mb = mb(server.sample().rss);

    await step('open', async () => {
      await page.goto(url);
      await page.getByTestId('library-row').first().waitFor({ timeout: 300_000 });
    });
    // The page's first paint of the library (its first page of rows), apart from the first hits.
    figures.journey_serve_to_first_paint_ms = Date.now() - spawnedAt;
    figures.journey_page_open_ms = steps.at(-1)!.end - steps.at(-1)!.start;
    figures.journey_page_open_server_cpu_ms = Math.round(steps.at(-1)!.cpuMs);
    figures.journey_serve_to_first_api_request_ms = firstApiRequestAt === null ? null : firstApiRequestAt - spawnedAt;
    figures.journey_serve_to_notebook_open_ms = server.openedAt === null ? null : server.openedAt - spawnedAt;
    const box = page.getByRole('combobox', { name: 'Search the notebook' });
    await step('first-search', async () => {
      await box.fill('Taiwan');
      await page.getByTestId('search-hit').first().waitFor({ timeout: 300_000 });
    });
    figures.journey_serve_to_first_hits_ms = Date.now() - spawnedAt;
    // The server's CPU time from its start to the first hits: what the wall figure is on an idle machine, less the page's own work.
    figures.journey_serve_to_first_hits_server_cpu_ms = Math.round(server.sample().cpuMs);
    figures.journey_first_search_ms = steps.at(-1)!.end - steps.at(-1)!.start;
    if (options.bootOnly) return figures;
    await box.press('Escape');
    await box.press('Escape');

    const timed = await step('searches', () => timedSearches(page, token, queries));
    const byKind = new Map<string, number[]>();
    queries.forEach((q, i) => byKind.set(kindOf(q), [...(byKind.get(kindOf(q)) ?? []), timed[i]!.ms]));
    figures.journey_searches = timed.length;
    figures.journey_search_p95_ms = round(
      percentile(
        timed.map((t) => t.ms),
        95,
      ),
      1,
    );
    for (const kind of ['words', 'and', 'prefix', 'phrase', 'filtered'])
      figures[`journey_search_p95_${kind}_ms`] = round(percentile(byKind.get(kind) ?? [], 95), 1);
    figures.journey_search_server_cpu_ms_per_query = round(steps.at(-1)!.cpuMs / timed.length, 1);

    const status = page.getByTestId('positions-view').getByRole('status');
    await step('first-map', async () => {
      await page.locator('button[data-view="positions"]').click();
      await page.waitForFunction(
        () => /claims? in \d+ article/.test(document.querySelector('[data-testid="positions-view"] [role="status"]')?.textContent ?? ''),
        null,
        { timeout: 300_000, polling: 'raf' },
      );
      await page.getByTestId('positions-view').getByRole('table').waitFor();
    });
    figures.journey_first_map_ms = steps.at(-1)!.end - steps.at(-1)!.start;
    figures.journey_first_map_server_cpu_ms = Math.round(steps.at(-1)!.cpuMs);
    const laterMaps: number[] = [];
    const collection = page.getByTestId('positions-view').getByRole('combobox', { name: 'Collection' });
    for (const name of COLLECTIONS) {
      const before = await status.textContent();
      await step(`map ${name}`, async () => {
        await collection.selectOption(name);
        await page.waitForFunction(
          (previous) => {
            const text = document.querySelector('[data-testid="positions-view"] [role="status"]')?.textContent ?? '';
            return text !== previous && /claims? in \d+ article/.test(text);
          },
          before,
          { timeout: 300_000, polling: 'raf' },
        );
      });
      laterMaps.push(steps.at(-1)!.end - steps.at(-1)!.start);
    }
    figures.journey_later_map_median_ms = percentile(laterMaps, 50);
    figures.journey_later_map_max_ms = Math.max(...laterMaps);
    figures.journey_later_maps_server_cpu_ms_each = Math.round(
      steps.filter((st) => st.name.startsWith('map ')).reduce((sum, st) => sum + st.cpuMs, 0) / laterMaps.length,
    );
    await page.screenshot({ path: path.join(os.tmpdir(), 'journey-positions.png') });

    await step('article', async () => {
      await page.locator('button[data-view="reader"]').click();
      const row = page.getByTestId('library-row').nth(3);
      await row.click();
      await page.getByTestId('article-body').locator('mark[data-claims]').first().waitFor({ timeout: 300_000 });
    });
    figures.journey_article_open_ms = steps.at(-1)!.end - steps.at(-1)!.start;
    await page.screenshot({ path: path.join(os.tmpdir(), 'journey-article.png') });
    // The target's peak: open, search, positions, one article.
    figures.journey_peak_rss_mb = mb(Math.max(server.peakRss, server.sample().hwm));
    const journeyEnd = Date.now();

    if (!values['no-chores']) {
      figures.journey_chore_import_ms = Math.round(
        await step('chore import', () =>
          timedCall(page, token, 'importText', { text: `Journey bench note\n\n${'The ministry said talks would resume next week. '.repeat(200)}` }),
        ),
      );
      figures.journey_chore_export_csv_ms = Math.round(
        await step('chore export', () => timedCall(page, token, 'exportAnnotations', { format: 'csv' })),
      );
      figures.journey_chore_archive_ms = Math.round(await step('chore archive', () => timedCall(page, token, 'exportArchive', {})));
      figures.journey_chore_rebuild_index_ms = Math.round(await step('chore rebuild', () => timedCall(page, token, 'rebuildSearchIndex', {})));
      figures.journey_peak_rss_with_chores_mb = mb(Math.max(server.peakRss, server.sample().hwm));
    }
    await step('close', () => server!.stop());

    // Each stall is charged to the step whose span holds its end (the line comes after the stall).
    const chargeTo = (at: number) => steps.find((s) => at >= s.start && at <= s.end + 50)?.name ?? 'between steps';
    const byStep = new Map<string, number>();
    const cpuByStep = new Map<string, number>();
    for (const stall of server.stalls) {
      byStep.set(chargeTo(stall.at), Math.max(byStep.get(chargeTo(stall.at)) ?? 0, stall.ms));
      cpuByStep.set(chargeTo(stall.at), Math.max(cpuByStep.get(chargeTo(stall.at)) ?? 0, stall.cpuMs));
    }
    const inJourney = server.stalls.filter((s) => s.at <= journeyEnd + 50 && chargeTo(s.at) !== 'serve');
    const longest = inJourney.reduce((a, b) => (b.ms > a.ms ? b : a), { at: 0, ms: 0, cpuMs: 0 });
    figures.journey_longest_stall_ms = longest.ms;
    figures.journey_longest_stall_cpu_ms = longest.cpuMs;
    figures.journey_longest_stall_during = longest.ms ? chargeTo(longest.at) : null;
    // The stall with the most CPU time: work that held the loop, not a wait for a core on a loaded machine.
    const busiest = inJourney.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a), { at: 0, ms: 0, cpuMs: 0 });
    figures.journey_busiest_stall_cpu_ms = busiest.cpuMs;
    figures.journey_busiest_stall_ms = busiest.ms;
    figures.journey_busiest_stall_during = busiest.cpuMs ? chargeTo(busiest.at) : null;
    figures.journey_stall_serve_open_ms = byStep.get('serve') ?? 0;
    // The notebook opens after the URL, while the page loads (decision 0026): its stalls, apart.
    const openEnd = server.openedAt ?? 0;
    figures.journey_stall_notebook_open_ms = server.stalls.filter((st) => st.at <= openEnd + 50).reduce((m, st) => Math.max(m, st.ms), 0);
    for (const chore of ['import', 'export', 'archive', 'rebuild']) {
      if (values['no-chores']) continue;
      figures[`journey_stall_chore_${chore}_ms`] = byStep.get(`chore ${chore}`) ?? 0;
      figures[`journey_stall_chore_${chore}_cpu_ms`] = cpuByStep.get(`chore ${chore}`) ?? 0;
    }
    figures.journey_stall_close_ms = byStep.get('close') ?? 0;
    figures.journey_stalls_over_100ms =
      server.stalls
        .filter((s) => s.ms > 100)
        .map((s) => `${chargeTo(s.at)} ${s.ms} (CPU ${s.cpuMs})`)
        .join('; ') || null;
    figures.journey_server_cpu_ms = Math.round(
      steps.filter((s) => s.name !== 'serve' && s.name !== 'close' && !s.name.startsWith('chore')).reduce((sum, s) => sum + s.cpuMs, 0),
    );
    if (values.json) return figures;
    log('\nsteps (wall ms / server CPU ms):');
    for (const s of steps)
      log(
        `  ${s.name.padEnd(16)} ${String(s.end - s.start).padStart(7)} / ${String(Math.round(s.cpuMs)).padStart(6)}   longest stall ${byStep.get(s.name) ?? 0} ms, most CPU in one stall ${cpuByStep.get(s.name) ?? 0} ms`,
      );
    return figures;
  } finally {
    await server?.stop();
    await browser.close();
  }
}

/** `stancebook help` and `stancebook list --json` in new processes: median of three. */
function commandLine(dir: string): Figures {
  const time = (args: string[]) => {
    const runs = [0, 1, 2, 3].map(() => {
      const t = performance.now();
      const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, STANCEBOOK_DATA: '' },
      });
      if (result.status !== 0) throw new Error(`stancebook ${args.join(' ')}: ${result.stderr}`);
      return performance.now() - t;
    });
    return Math.round(percentile(runs.slice(1), 50)); // the first fills the file cache
  };
  return { journey_cli_help_ms: time(['help']), journey_cli_list_json_ms: time(['list', '--json', '--data', dir]) };
}

function printTable(f: Figures): void {
  const met = (value: unknown, limit: number) =>
    typeof value === 'number' && !Number.isNaN(value) ? (value < limit ? 'met' : 'NOT met') : 'not measured';
  const rows: [string, string, string, string][] = [
    ['stancebook list --json, new process, wall', '< 1 s', `${f.journey_cli_list_json_ms} ms`, met(f.journey_cli_list_json_ms, 1000)],
    ['stancebook help, new process, wall', '< 300 ms', `${f.journey_cli_help_ms} ms`, met(f.journey_cli_help_ms, 300)],
    [
      "serve -> the page's first paint of the library",
      '',
      `${f.journey_serve_to_first_paint_ms} ms (page load to first rows ${f.journey_page_open_ms} ms, server CPU ${f.journey_page_open_server_cpu_ms} ms)`,
      '',
    ],
    [
      'serve -> first search hits, notebook just opened',
      '< 1 s',
      `${f.journey_serve_to_first_hits_ms} ms (typing to hits ${f.journey_first_search_ms} ms; server CPU ${f.journey_serve_to_first_hits_server_cpu_ms} ms)`,
      met(f.journey_serve_to_first_hits_ms, 1000),
    ],
    ...(['words', 'and', 'prefix', 'phrase', 'filtered'].map((k) => [
      `search p95, ${k} (through the page's bridge)`,
      '< 50 ms',
      `${f[`journey_search_p95_${k}_ms`]} ms`,
      met(f[`journey_search_p95_${k}_ms`], 50),
    ]) as [string, string, string, string][]),
    [
      'first Positions map (click to table)',
      '< 300 ms',
      `${f.journey_first_map_ms} ms (server CPU ${f.journey_first_map_server_cpu_ms} ms)`,
      met(f.journey_first_map_ms, 300),
    ],
    [
      'later maps (a collection picked), median / max',
      '< 100 ms',
      `${f.journey_later_map_median_ms} / ${f.journey_later_map_max_ms} ms (server CPU ${f.journey_later_maps_server_cpu_ms_each} ms each)`,
      met(f.journey_later_map_max_ms, 100),
    ],
    ['one article opened to its highlights', '', `${f.journey_article_open_ms} ms`, ''],
    ['peak RSS of the server: open, search, positions, article', '< 400 MB', `${f.journey_peak_rss_mb} MB`, met(f.journey_peak_rss_mb, 400)],
    [
      'longest event-loop stall during the above',
      '< 100 ms',
      `${f.journey_longest_stall_ms} ms, CPU ${f.journey_longest_stall_cpu_ms} ms (${f.journey_longest_stall_during ?? '-'})`,
      met(f.journey_longest_stall_ms, 100),
    ],
    [
      '  the stall with most CPU time (work, not waiting for a core)',
      '< 100 ms',
      `${f.journey_busiest_stall_ms} ms, CPU ${f.journey_busiest_stall_cpu_ms} ms (${f.journey_busiest_stall_during ?? '-'})`,
      met(f.journey_busiest_stall_cpu_ms, 100),
    ],
    [
      'index build from scratch, in the worker',
      '< 30 s',
      `${f.journey_index_build_ms ?? 'reused'} ms (stall ${f.journey_index_build_stall_ms ?? '-'} ms)`,
      met(f.journey_index_build_ms, 30_000),
    ],
  ];
  if (f.journey_chore_import_ms !== undefined) {
    for (const chore of ['import', 'export', 'archive', 'rebuild']) {
      const label = {
        import: 'paste an article',
        export: 'export all claims as CSV',
        archive: 'archive the notebook',
        rebuild: 'rebuild the search index',
      }[chore]!;
      rows.push([
        `longest stall: ${label} (${f[`journey_chore_${chore === 'export' ? 'export_csv' : chore === 'rebuild' ? 'rebuild_index' : chore}_ms`]} ms)`,
        '< 100 ms',
        `${f[`journey_stall_chore_${chore}_ms`]} ms, most CPU in one ${f[`journey_stall_chore_${chore}_cpu_ms`]} ms`,
        met(f[`journey_stall_chore_${chore}_ms`], 100),
      ]);
    }
    rows.push(['peak RSS with the chores', '', `${f.journey_peak_rss_with_chores_mb} MB`, '']);
  }
  rows.push(["longest stall: the server's start (before the URL)", '', `${f.journey_stall_serve_open_ms} ms`, '']);
  rows.push([
    'longest stall: from the start to the notebook open (the page loads meanwhile)',
    '',
    `${f.journey_stall_notebook_open_ms} ms (open at ${f.journey_serve_to_notebook_open_ms} ms)`,
    '',
  ]);
  rows.push(['longest stall: close (SIGTERM)', '', `${f.journey_stall_close_ms} ms`, '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  log(`\n| ${'at ' + ARTICLES + ' articles / ' + ARTICLES * PER_ARTICLE + ' claims'} | target | measured | |`);
  for (const r of rows) log(`  ${r[0].padEnd(widths[0]!)}  ${r[1].padEnd(widths[1]!)}  ${r[2].padEnd(widths[2]!)}  ${r[3]}`);
  if (f.journey_stalls_over_100ms) log(`stalls over 100 ms: ${f.journey_stalls_over_100ms}`);
}

/** --scale: the journey at several sizes, each in a fresh process. */
function scaleCurve(sizes: number[]): void {
  const self = fileURLToPath(import.meta.url);
  const rows: Figures[] = [];
  for (const articles of sizes) {
    log(`scale: ${articles} articles ...`);
    const keep = values.keep ? ['--keep', path.join(path.resolve(values.keep), String(articles))] : [];
    const out = execFileSync(process.execPath, [...process.execArgv, self, '--json', '--no-chores', '--articles', String(articles), ...keep], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    rows.push(JSON.parse(out.trim().split('\n').pop()!) as Figures);
  }
  // Wall figures, then the server's CPU time for the same (wall time on a shared machine includes waiting for a core).
  const keys = [
    'journey_serve_ready_ms',
    'journey_serve_ready_cpu_ms',
    'journey_rss_after_open_mb',
    'journey_serve_to_first_paint_ms',
    'journey_serve_to_first_hits_server_cpu_ms',
    'journey_search_p95_ms',
    'journey_search_server_cpu_ms_per_query',
    'journey_first_map_ms',
    'journey_first_map_server_cpu_ms',
    'journey_later_map_max_ms',
    'journey_later_maps_server_cpu_ms_each',
    'journey_peak_rss_mb',
    'journey_longest_stall_ms',
    'journey_busiest_stall_cpu_ms',
    'journey_index_build_ms',
    'journey_cli_list_json_ms',
    'load_average',
  ];
  log(`\n${'figure'.padEnd(40)}${sizes.map((n) => String(n).padStart(10)).join('')}   growth per 10x articles`);
  for (const key of keys) {
    const row = rows.map((r) => Number(r[key]));
    const decades = Math.log10(sizes[sizes.length - 1]! / sizes[0]!);
    const growth = row[0]! > 0 ? round(Math.pow(row[row.length - 1]! / row[0]!, 1 / decades), 1) : null;
    log(`${key.padEnd(40)}${row.map((v) => String(v).padStart(10)).join('')}   x${growth ?? '?'}`);
  }
  if (values.json) console.log(JSON.stringify({ journey_scale: Object.fromEntries(sizes.map((n, i) => [n, rows[i]])) }));
}

/**
 * --boot N: only the start of the journey (spawn -> URL -> first rows -> first hits), N times on the
 * same notebook, each with its breakdown and the server's CPU time, then the median of each figure.
 */
async function bootRuns(dir: string, runs: number): Promise<void> {
  const keys = [
    'journey_serve_ready_ms',
    'journey_serve_ready_cpu_ms',
    'journey_serve_to_notebook_open_ms',
    'journey_serve_to_first_api_request_ms',
    'journey_serve_to_first_paint_ms',
    'journey_first_search_ms',
    'journey_serve_to_first_hits_ms',
    'journey_serve_to_first_hits_server_cpu_ms',
  ];
  const short = (key: string) => key.replace(/^journey_/, '').replace(/_ms$/, '');
  log(`\nrun  ${keys.map((k) => short(k).padStart(Math.max(8, short(k).length))).join(' ')}  load`);
  const rows: Figures[] = [];
  for (let i = 0; i < runs; i++) {
    const figures = await journey(dir, { bootOnly: true });
    rows.push(figures);
    log(
      `${String(i + 1).padStart(3)}  ${keys.map((k) => String(figures[k]).padStart(Math.max(8, short(k).length))).join(' ')}  ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  const medians = Object.fromEntries(
    keys.map((k) => [
      k,
      percentile(
        rows.map((r) => Number(r[k])),
        50,
      ),
    ]),
  );
  log(`med  ${keys.map((k) => String(medians[k]).padStart(Math.max(8, short(k).length))).join(' ')}`);
  if (values.json) console.log(JSON.stringify({ journey_boot_runs: rows, journey_boot_medians: medians }));
}

async function main(): Promise<void> {
  ensureServeBuilt();
  if (values.scale) return scaleCurve(values.quick ? [500, 2000] : [1000, 10_000, 50_000]);
  if (values.boot !== undefined) {
    if (!values.keep || !existsSync(indexPath(path.resolve(values.keep))))
      throw new Error('--boot N measures a kept notebook: run the journey once with --keep DIR first, then --boot N --keep DIR.');
    log(`Stancebook journey bench, boot only: load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
    return bootRuns(path.resolve(values.keep), Math.max(1, Number(values.boot) || 1));
  }
  const keep = values.keep ? path.resolve(values.keep) : undefined;
  const reuse = keep !== undefined && existsSync(indexPath(keep));
  const dir = keep ?? path.join(await mkdtemp(path.join(os.tmpdir(), 'stancebook-journey-')), 'nb');
  log(
    `Stancebook journey bench: ${ARTICLES} articles, ${ARTICLES * PER_ARTICLE} claims; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  try {
    const figures: Figures = { journey_articles: ARTICLES, journey_claims: ARTICLES * PER_ARTICLE, load_average: round(os.loadavg()[0]!, 1) };
    Object.assign(figures, await prepare(dir, reuse));
    figures.journey_index_mb = mb((await stat(indexPath(dir))).size);
    Object.assign(figures, await journey(dir));
    Object.assign(figures, commandLine(dir));
    figures.load_average_after = round(os.loadavg()[0]!, 1);
    if (values.json) {
      console.log(JSON.stringify(figures));
      return;
    }
    printTable(figures);
    log(
      `\nload average ${figures.load_average} before, ${figures.load_average_after} after (2 cores shared): wall figures include waiting for a core; server CPU for the whole journey ${figures.journey_server_cpu_ms} ms, ${figures.journey_search_server_cpu_ms_per_query} ms per search`,
    );
  } finally {
    if (!keep) await rm(path.dirname(dir), { recursive: true, force: true });
  }
}

await main();
