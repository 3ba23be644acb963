/**
 * Search benchmark: `node --import tsx --expose-gc test/bench/search-bench.ts [--json] [--articles N] [--claims-per-article N] [--quick] [--scale] [--slowest N] [--keep DIR]`.
 * Builds a synthetic notebook (default 10,000 articles of ~6 KB, 10 claims each) in a temp
 * folder, then measures, through the real search service and handler over SQLite FTS5: the index
 * build in its worker (and the longest event-loop stall meanwhile), the file's size, opening it
 * in a new core, the first search after opening, query latency per kind over ~200 queries
 * (words, AND, prefix, phrase, filtered), a catch-up after another process's edits, peak RSS and
 * the longest stall of the main thread. `--scale` runs the bench at 1,000, 10,000 and 50,000
 * articles (with --quick: 500 and 2,000), each in its own process, and prints how each figure
 * grows. Prints figures; never fails on speed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestOf } from '../../shared/api';
import { loadDefaultCodebook, sourceResourcesDir } from '../../electron/core/bootstrap';
import { createNotebookCore } from '../../electron/core/notebook-core';
import { closeSearch, searchServiceOf } from '../../electron/core/search/handlers';
import { indexPath } from '../../electron/core/search/index-schema';
import { betterSqlite3Driver } from '../../electron/core/search/sqlite/better-sqlite3-driver';
import { openNotebook } from '../../electron/core/store';
import { benchQueries, fillSearchNotebook } from './search-bench-data';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes: number): number => round(bytes / 2 ** 20);
/** CPU time (user + system, every thread of the process) since `since`, in milliseconds. */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Watches the main thread: a 5 ms timer notes how late it fires (the longest stall: how long the
 * process could not answer anything) and samples the resident set size (peak RSS of a phase).
 */
class LoopWatch {
  private timer: NodeJS.Timeout | null = null;
  private last = 0;
  maxStallMs = 0;
  peakRss = 0;
  /** What the main thread was doing, so the longest stall can be told by its phase. */
  phase = '';
  stallPhase = '';
  /** The longest stall by the phase's first word (query, close, ...). */
  readonly byPhase = new Map<string, number>();
  /** The highest RSS sampled by the phase's first word. */
  readonly rssByPhase = new Map<string, number>();

  start(): this {
    this.last = performance.now();
    this.peakRss = process.memoryUsage.rss();
    this.timer = setInterval(() => {
      const now = performance.now();
      const stall = now - this.last - 5;
      if (stall > this.maxStallMs) {
        this.maxStallMs = stall;
        this.stallPhase = this.phase;
      }
      const kind = this.phase.split(' ')[0]!;
      this.byPhase.set(kind, Math.max(this.byPhase.get(kind) ?? 0, stall));
      this.last = now;
      const rss = process.memoryUsage.rss();
      this.peakRss = Math.max(this.peakRss, rss);
      this.rssByPhase.set(kind, Math.max(this.rssByPhase.get(kind) ?? 0, rss));
    }, 5);
    return this;
  }

  /** Gives the timer its last turn (a stall at the very end counts), then stops. */
  async stop(): Promise<this> {
    await new Promise((resolve) => setTimeout(resolve, 6));
    if (this.timer) clearInterval(this.timer);
    this.peakRss = Math.max(this.peakRss, process.memoryUsage.rss());
    return this;
  }
}

/** The phases of the session that are search's own work on the main thread. */
const SEARCH_PHASES = ['search-open', 'first-search', 'query', 'search-close', 'catch-up'];

/** Which kind of query a request is, for latency per kind. */
function kindOf(q: RequestOf<'search'>): string {
  if (q.filters) return 'filtered';
  if (q.query.includes('"')) return 'phrase';
  if (q.query.includes('*') || !q.query.endsWith(' ')) return 'prefix';
  return q.query.trim().split(/\s+/).length > 1 ? 'and' : 'words';
}

type Figures = Record<string, number | string | null>;

/** --scale: the bench at several sizes, each in a fresh process (so each peak RSS is its own). */
function scaleCurve(sizes: number[], log: (line: string) => void): void {
  const self = fileURLToPath(import.meta.url);
  const rows: Figures[] = [];
  for (const articles of sizes) {
    log(`scale: ${articles} articles ...`);
    const out = execFileSync(process.execPath, [...process.execArgv, self, '--json', '--articles', String(articles)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const { machine, ...row } = JSON.parse(out.trim().split('\n').pop()!) as Figures & { machine: { loadAverage: number } };
    rows.push({ ...row, load_average: machine.loadAverage });
    log(`  longest stall of search's work during: ${String(row.search_longest_stall_during ?? '?')}`);
  }
  const keys = [
    'search_build_ms',
    'search_build_cpu_ms',
    'search_index_mb',
    'search_store_open_ms',
    'search_open_ms',
    'search_first_search_ms',
    'search_p95_ms',
    'search_p95_cpu_ms',
    ...['words', 'and', 'prefix', 'phrase', 'filtered'].map((kind) => `search_p95_${kind}_cpu_ms`),
    'search_rss_after_store_open_mb',
    'search_peak_rss_mb',
    'session_peak_rss_mb',
    'search_longest_stall_ms',
    'load_average',
  ];
  log(`\n${'figure'.padEnd(32)}${sizes.map((n) => String(n).padStart(12)).join('')}   growth per 10x articles`);
  for (const key of keys) {
    const values = rows.map((r) => Number(r[key]));
    const first = values[0]!;
    const last = values[values.length - 1]!;
    const decades = Math.log10(sizes[sizes.length - 1]! / sizes[0]!);
    const growth = first > 0 && decades > 0 ? round(Math.pow(last / first, 1 / decades), 1) : null;
    log(`${key.padEnd(32)}${values.map((v) => String(v).padStart(12)).join('')}   x${growth ?? '?'}`);
  }
}

/** Writes the notebook and builds its index in the worker, watching the main thread meanwhile. */
async function prepare(dir: string, articles: number, perArticle: number, reuse: boolean, log: (line: string) => void): Promise<Figures> {
  const codebook = await loadDefaultCodebook(sourceResourcesDir());
  if (!reuse) {
    await rm(dir, { recursive: true, force: true });
    const created = await openNotebook(dir, { create: true, name: 'bench' });
    await created.putCodebook(codebook);
    await created.close();
    const t = performance.now();
    await fillSearchNotebook(dir, codebook, articles, perArticle);
    log(`notebook written in ${Math.round(performance.now() - t)} ms`);
  }
  gc();
  // Build from scratch, in the worker; the main thread only reads articles and sends rows.
  const core = createNotebookCore(await openNotebook(dir), { searchDatabase: betterSqlite3Driver() });
  const watch = new LoopWatch().start();
  watch.phase = 'build';
  const t = performance.now();
  const cpu = process.cpuUsage();
  if (!reuse) await core.handlers.rebuildSearchIndex({});
  const buildMs = performance.now() - t;
  const buildCpuMs = cpuMs(cpu);
  await watch.stop();
  const counts = searchServiceOf(core.context)!.status().counts;
  await closeSearch(core.context);
  await core.close();
  return {
    search_articles: articles,
    search_claims: counts?.claims ?? null,
    search_build_ms: Math.round(buildMs),
    search_build_cpu_ms: Math.round(buildCpuMs),
    search_build_longest_stall_ms: round(watch.maxStallMs),
    search_index_mb: mb((await stat(indexPath(dir))).size),
  };
}

/**
 * What an analyst's session costs, in a fresh process (so its peak RSS is the core's own, not
 * the generator's): open the notebook, the first search (which opens the index), ~200 queries,
 * then a catch-up after another process's edits.
 */
async function measure(dir: string, slowest: number, log: (line: string) => void): Promise<Figures> {
  const searchDatabase = betterSqlite3Driver();
  const codebook = await loadDefaultCodebook(sourceResourcesDir());
  const queries = benchQueries(codebook);
  gc();
  const rssBefore = process.memoryUsage.rss();
  const watch = new LoopWatch().start();
  watch.phase = 'store-open';
  let t = performance.now();
  const store = await openNotebook(dir);
  const storeOpenMs = performance.now() - t;
  const rssAfterStoreOpen = process.memoryUsage.rss();
  const core = createNotebookCore(store, { searchDatabase });
  const service = searchServiceOf(core.context)!;
  watch.phase = 'search-open';
  t = performance.now();
  let cpu = process.cpuUsage();
  await service.whenCurrent();
  const openMs = performance.now() - t;
  const openCpuMs = cpuMs(cpu);
  if (service.status().source !== 'loaded')
    throw new Error(`the bench core rebuilt instead of opening the index (${service.status().rebuildReason})`);
  watch.phase = 'first-search';
  t = performance.now();
  await core.handlers.search({ limit: 20, offset: 0, query: 'taiwan ' });
  const firstSearchMs = performance.now() - t + openMs;

  const latencies: number[] = [];
  const cpuLatencies: number[] = [];
  const totals: number[] = [];
  const byKind = new Map<string, number[]>();
  const cpuByKind = new Map<string, number[]>();
  const timed: { ms: number; q: RequestOf<'search'>; total: number }[] = [];
  for (const q of queries) {
    watch.phase = `query ${JSON.stringify(q)}`;
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const response = await core.handlers.search({ limit: 20, offset: 0, ...q });
    const ms = performance.now() - start;
    const queryCpuMs = cpuMs(startCpu);
    latencies.push(ms);
    cpuLatencies.push(queryCpuMs);
    totals.push(response.total);
    const kind = kindOf(q);
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    cpuByKind.set(kind, [...(cpuByKind.get(kind) ?? []), queryCpuMs]);
    timed.push({ ms, q, total: response.total });
    // A user's queries arrive one request at a time: let the event loop turn between them, or the
    // watcher's timer cannot fire until the loop ends and the whole loop's time is charged as one
    // stall to whatever runs next (it was reported as a 1-5 s "store close" stall).
    await new Promise((resolve) => setImmediate(resolve));
  }
  watch.phase = 'search-close';
  await closeSearch(core.context);
  watch.phase = 'store-close';
  await core.close();

  // Catching up instead of rebuilding: another process (the command line) edits a claim in each
  // of 20 articles while the app is closed; the next open re-reads only those.
  const CATCH_UP = 20;
  watch.phase = 'edits by another process';
  const editor = createNotebookCore(await openNotebook(dir), { searchDatabase });
  for (const summary of editor.store.listArticles().slice(0, CATCH_UP)) {
    const [claim] = await editor.store.getClaims(summary.id);
    if (claim) await editor.handlers.updateClaim({ articleId: summary.id, id: claim.id, patch: { note: 'catch-up probe' } });
  }
  await editor.close();
  watch.phase = 'store-reopen';
  const reopenedStore = await openNotebook(dir);
  watch.phase = 'catch-up';
  const reopened = createNotebookCore(reopenedStore, { searchDatabase });
  const later = searchServiceOf(reopened.context)!;
  t = performance.now();
  cpu = process.cpuUsage();
  await later.whenCurrent();
  const catchUpMs = performance.now() - t;
  const catchUpCpuMs = cpuMs(cpu);
  // status() counts the documents in SQL: a diagnostic, not search's work on a user's behalf.
  watch.phase = 'diagnostics';
  if (later.status().source !== 'loaded' || later.status().caughtUp < CATCH_UP) {
    throw new Error(`the bench core did not catch up (${JSON.stringify(later.status())})`);
  }
  if ((await reopened.handlers.search({ query: '"catch-up probe"', limit: 1, offset: 0 })).total < CATCH_UP)
    throw new Error('the caught-up index misses the edits');
  await closeSearch(reopened.context);
  await reopened.close();
  await watch.stop();

  if (slowest > 0) {
    log(`slowest ${slowest} queries (wall; the machine's load inflates these):`);
    for (const { ms, q, total } of [...timed].sort((a, b) => b.ms - a.ms).slice(0, slowest)) {
      log(
        `  ${ms.toFixed(1).padStart(8)} ms  total ${String(total).padStart(6)}  ${JSON.stringify(q.query)}${q.filters ? ` ${JSON.stringify(q.filters)}` : ''}`,
      );
    }
  }
  return {
    search_store_open_ms: Math.round(storeOpenMs),
    search_open_ms: Math.round(openMs),
    search_open_cpu_ms: Math.round(openCpuMs),
    search_first_search_ms: Math.round(firstSearchMs),
    search_catch_up_articles: CATCH_UP,
    search_catch_up_ms: Math.round(catchUpMs),
    search_catch_up_cpu_ms: Math.round(catchUpCpuMs),
    search_queries: latencies.length,
    search_p50_ms: round(percentile(latencies, 50), 2),
    search_p95_ms: round(percentile(latencies, 95), 2),
    search_max_ms: round(Math.max(...latencies), 2),
    search_p95_cpu_ms: round(percentile(cpuLatencies, 95), 2),
    search_median_total: percentile(totals, 50),
    ...Object.fromEntries(
      ['words', 'and', 'prefix', 'phrase', 'filtered'].flatMap((kind) => [
        [`search_p50_${kind}_ms`, round(percentile(byKind.get(kind) ?? [], 50), 2)],
        [`search_p95_${kind}_ms`, round(percentile(byKind.get(kind) ?? [], 95), 2)],
        [`search_p95_${kind}_cpu_ms`, round(percentile(cpuByKind.get(kind) ?? [], 95), 2)],
      ]),
    ),
    search_rss_at_start_mb: mb(rssBefore),
    // The store's library in memory, before search opens anything: the rest of the peak is search's.
    search_rss_after_store_open_mb: mb(rssAfterStoreOpen),
    // Through what an analyst's session does: open the notebook, open the index, search.
    search_peak_rss_mb: mb(
      Math.max(rssAfterStoreOpen, ...['store-open', 'search-open', 'first-search', 'query'].map((p) => watch.rssByPhase.get(p) ?? 0)),
    ),
    // The whole run, the catch-up's second and third opening of the store in this process included.
    session_peak_rss_mb: mb(watch.peakRss),
    // Search's own work on the main thread: opening the index, queries, closing it, catching up.
    search_longest_stall_ms: round(Math.max(...SEARCH_PHASES.map((p) => watch.byPhase.get(p) ?? 0))),
    search_longest_stall_during: [...watch.byPhase].filter(([p]) => SEARCH_PHASES.includes(p)).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    // Everything in the session, the store's own open, edits and close included.
    session_longest_stall_ms: round(watch.maxStallMs),
    session_longest_stall_during: watch.stallPhase.slice(0, 120),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const asJson = args.includes('--json');
  const quick = args.includes('--quick');
  const log = (line: string): void => void (asJson || process.stdout.write(`${line}\n`));
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memGb: round(os.totalmem() / 2 ** 30),
    node: process.version,
    // Other work on the machine inflates wall-clock figures; the *_cpu_ms ones are this process's own.
    loadAverage: round(os.loadavg()[0] ?? 0),
  };
  if (args.includes('--measure')) {
    // The child of a run: measures a prepared notebook and prints its figures as JSON.
    console.log(JSON.stringify(await measure(args[args.indexOf('--measure') + 1]!, 0, () => undefined)));
    return;
  }
  if (args.includes('--scale')) {
    log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB RAM, node ${machine.node}, load average ${machine.loadAverage}`);
    scaleCurve(quick ? [500, 2_000] : [1_000, 10_000, 50_000], log);
    return;
  }
  // --quick: a 2,000-article notebook, for iterating (npm run bench -- --quick passes it on).
  const articles = flag('--articles', quick ? 2_000 : 10_000);
  const perArticle = flag('--claims-per-article', 10);
  log(`Stancebook search bench (SQLite FTS5): ${articles} articles, ${articles * perArticle} claims`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB RAM, node ${machine.node}, load average ${machine.loadAverage}`);
  // --keep DIR: the notebook and its index stay in DIR; a later run with the same DIR skips
  // writing the notebook and building the index (build figures are then 0), to iterate on queries.
  const keep = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
  const reuse = keep !== undefined && existsSync(indexPath(keep));
  const dir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'stancebook-search-bench-')));
  try {
    const built = await prepare(dir, articles, perArticle, reuse, log);
    const slowest = flag('--slowest', 0);
    const measured =
      slowest > 0
        ? await measure(dir, slowest, log)
        : (JSON.parse(
            execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure', dir], {
              encoding: 'utf8',
              maxBuffer: 1 << 24,
            })
              .trim()
              .split('\n')
              .pop()!,
          ) as Figures);
    const figures: Figures = { ...built, ...measured };
    if (asJson) {
      console.log(JSON.stringify({ machine, ...figures }));
      return;
    }
    log('');
    for (const [key, value] of Object.entries(figures)) log(`${key.padEnd(32)} ${value}`);
    const p95s = ['words', 'and', 'prefix', 'phrase', 'filtered'].map((k) => Number(figures[`search_p95_${k}_ms`]));
    const stall = Math.max(Number(figures.search_build_longest_stall_ms), Number(figures.search_longest_stall_ms)); // search's own
    log(
      `\ntargets on this machine: p95 per kind under 50 ms -> ${p95s.every((v) => v < 50) ? 'met' : 'NOT met'}; ` +
        `build under 30 s -> ${Number(figures.search_build_ms) < 30_000 ? 'met' : 'NOT met'}; ` +
        `longest stall of search's work under 100 ms -> ${stall < 100 ? 'met' : 'NOT met'}; ` +
        `peak RSS under 400 MB -> ${Number(figures.search_peak_rss_mb) < 400 ? 'met' : 'NOT met'}` +
        `${slowest > 0 ? ' (with --slowest the session ran in this process: its RSS includes the generator)' : ''}`,
    );
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
