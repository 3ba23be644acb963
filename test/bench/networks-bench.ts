// Discourse networks over a large notebook: `node --import tsx test/bench/networks-bench.ts
// [--json] [--articles N] [--claims N] [--actors N] [--coding complete|sparse|both] [--no-paint] [--paint-only] [--trace] [--keep DIR] [--quick]`.
// A notebook of 10,000 articles and 100,000 claims coded with actors from a registry of 500, the
// default codebook's issues and stances, and 20 propositions per issue, in two codings
// (test/bench/networks-coding.ts): `complete` (every actor on any proposition of its two issues:
// nearly every pair meets, a complete graph) and `sparse` (realistic: actors by a Zipf law, each
// holding positions on six propositions of its own). For each, the congruence network as the
// Networks view asks for it:
//  - no digest yet: the first network of a notebook whose claims digest was never built (the
//    generator writes articles directly), so every article is read;
//  - first of a session: the notebook closed (digest and remembered coalitions written) and
//    opened again in a fresh core, the first request; and the same with the remembered
//    coalitions deleted (community detection runs);
//  - warm: the same request again; new filter: statements that differ (nothing reusable);
// then the conflict network normalised by Jaccard, the congruence network rolled up to parents
// and filtered by kind, the moving windows (30 days, step 7), the GraphML export, and the first
// paint of the Networks view in Chromium through the browser mode, `stancebook serve` started as
// a new process from the built JavaScript for each session (test/bench/serve-process.ts: its
// stalls from STANCEBOOK_STALL_REPORT, its CPU time from /proc, none of it the bench's or
// Playwright's): from the click on Networks to the first frame after the graph is drawn; clicked
// the moment the app shows its buttons (the app's start-up requests and the server's warm-up still
// running), clicked once the app's start-up requests are answered (another new server), and after
// a reload; with the server's longest event-loop stall from the click until the time windows are
// shown. Wall and CPU time for each: the machine may be shared.
// --paint-only: only the paint rows; --trace: the page's requests and the server's stalls printed
// against the click; --keep DIR: the generated notebooks kept in DIR and reused;
// NETWORKS_SERVE_NODE_ARGS: Node flags for the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p").
// Baseline in the same run: reading every claim of the notebook and nothing else.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { openNotebookCore } from '../../electron/core/bootstrap';
import { CHROMIUM_ARGS, defaultChromiumPath } from '../../electron/core/documents/chromium-printer';
import { createNotebookCore, type NotebookCore } from '../../electron/core/notebook-core';
import { DIGEST_FILE } from '../../electron/core/claims/claim-digest-file';
import { COALITIONS_FILE } from '../../electron/core/networks/coalition-cache';
import { searchServiceOf } from '../../electron/core/search/handlers';
import { betterSqlite3Driver } from '../../electron/core/search/sqlite/better-sqlite3-driver';
import { openNotebook } from '../../electron/core/store';
import type { Codebook } from '../../shared/model';
import { codingFor, type Coding } from './networks-coding';
import { ensureServeBuilt, ServeProcess } from './serve-process';
import { fillNotebook } from './store-bench-data';
import { topSelfTime, type CpuProfile } from './cpu-profile';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    articles: { type: 'string' },
    claims: { type: 'string' },
    actors: { type: 'string' },
    coding: { type: 'string' },
    'no-paint': { type: 'boolean' },
    'paint-only': { type: 'boolean' },
    'paint-runs': { type: 'string' },
    trace: { type: 'boolean' },
    keep: { type: 'string' },
    quick: { type: 'boolean' },
  },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const CLAIMS = Number(values.claims ?? (values.quick ? 10_000 : 100_000));
const ACTORS = Number(values.actors ?? (values.quick ? 100 : 500));
const PAINT_RUNS = Number(values['paint-runs'] ?? 1);
/** Server stalls longer than this are reported by the server (ms); the targets are about 100 ms. */
const STALL_REPORT_MS = Number(process.env.NETWORKS_STALL_REPORT ?? 20);
const CODINGS: Coding[] = values.coding === 'complete' ? ['complete'] : values.coding === 'sparse' ? ['sparse'] : ['complete', 'sparse'];

/**
 * Wall time, the process's CPU time (user + system) over the same span, and the longest the event
 * loop was held meanwhile: on a machine shared with other work the wall time waits for the CPU,
 * the CPU time is what the computation cost.
 */
async function time<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; stallMs: number; value: T }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  // Let the monitor's timer fire once more, so a stall at the very end is recorded too.
  await new Promise((resolve) => setTimeout(resolve, 12));
  loop.disable();
  return { ms, cpuMs: (used.user + used.system) / 1000, stallMs: loop.max / 1e6, value };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Paint {
  /** Click to the first frame after the graph is drawn and the summary names the network. */
  ms: number;
  /** CPU time of the server process over the same span (from /proc; Chromium and the bench are other processes). */
  serverCpuMs: number;
  /** The longest event-loop stall of the server from the click until the time windows are shown. */
  stallMs: number;
  /** The CPU time the server used during that stall (work, not waiting for a core on a loaded machine). */
  stallCpuMs: number;
  /** How long the page's main thread was busy from the click to the paint (Chromium's TaskDuration). */
  pageBusyMs: number;
  /** From the click until every edge is on the canvas (a dense network's weaker edges follow its first frame). */
  allMs: number;
  /** From the click until cytoscape's first frame was drawn (the page's own mark). */
  firstFrameMs: number;
}

/**
 * The Networks view's first paint through the browser mode, `stancebook serve` started as a new
 * process from the built JavaScript (serve-process.ts): from the click on "Networks" to the first
 * frame after the graph's canvas is drawn and the summary names the network. `cold`: the first
 * view of the server's session, clicked the moment the app shows its buttons (the app's start-up
 * requests and the server's warm-up still running) or, with `settle`, once the app's start-up
 * requests are answered; `warm`: the page reloaded, the server's digest already in memory. With
 * `--trace`, the page's requests and the server's stalls are printed against the click.
 */
async function firstPaints(dir: string, settle = false): Promise<{ cold: Paint; warm: Paint; reopenedMs: number } | null> {
  const executablePath = defaultChromiumPath();
  if (!existsSync(executablePath)) return null;
  ensureServeBuilt();
  // NETWORKS_SERVE_NODE_ARGS: Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const server = new ServeProcess(dir, {
    stallReportMs: STALL_REPORT_MS,
    nodeArgs: (process.env.NETWORKS_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean),
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const url = await server.url();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageBusyMs = async () =>
      (((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) as number) * 1000;
    // The API requests in flight, to click once the app's own start-up requests are answered. The
    // change stream and the claim suggestions the app works through article by article in the
    // background (thousands of requests at 10,000 articles, for minutes) are not waited for.
    let inFlight = 0;
    let lastChange = performance.now();
    const counted = (url: string) => url.includes('/api/') && !url.includes('/api/events') && !url.includes('/api/getSuggestions');
    const count = (request: { url(): string }, change: number) => {
      if (!counted(request.url())) return;
      inFlight += change;
      lastChange = performance.now();
    };
    const done = (request: { url(): string }) => count(request, -1);
    page.on('request', (request) => count(request, 1));
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    // --trace: every request's start and end (epoch ms), printed against the click.
    const requests: { name: string; start: number; end: number }[] = [];
    const started = new Map<object, number>();
    page.on('request', (request) => started.set(request, Date.now()));
    page.on('requestfinished', (request) =>
      requests.push({ name: new URL(request.url()).pathname, start: started.get(request) ?? NaN, end: Date.now() }),
    );
    const settled = async () => {
      const give = performance.now() + 60_000;
      while ((inFlight > 0 || performance.now() - lastChange < 500) && performance.now() < give)
        await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const once = async (label: string, open: () => Promise<unknown>): Promise<Paint> => {
      requests.length = 0;
      const opened = Date.now();
      await open();
      const button = page.getByRole('button', { name: 'Networks', exact: true });
      await button.waitFor({ timeout: 120_000 });
      if (settle) await settled();
      const cpu = server.cpuMs();
      const busy = await pageBusyMs();
      if (values.trace) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
      }
      const clickedAt = Date.now();
      const start = await page.evaluate(() => performance.now());
      await button.click();
      // The graph's first frame drawn (cytoscape's first `render`), not merely its canvas created.
      await page.locator('[data-testid="network-canvas"][data-drawn] canvas').first().waitFor({ timeout: 120_000 });
      await page
        .getByTestId('networks-view')
        .getByText(/connections/)
        .first()
        .waitFor({ timeout: 120_000 });
      const painted = await page.evaluate(
        () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))),
      );
      const serverCpuMs = server.cpuMs() - cpu;
      const pageBusy = (await pageBusyMs()) - busy;
      const profile = values.trace ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile : null;
      await page.locator('[data-testid="network-canvas"][data-drawn="all"]').waitFor({ timeout: 120_000 });
      // The page's own marks (NetworkGraph.tsx): when cytoscape's first frame and its last edges were drawn, free of the bench's polling.
      const marks = await page.evaluate(() => ({
        first: performance.getEntriesByName('stancebook:network-first-frame').at(-1)?.startTime ?? NaN,
        all: performance.getEntriesByName('stancebook:network-all-edges').at(-1)?.startTime ?? NaN,
      }));
      const allDrawn = marks.all;
      const firstFrame = marks.first;
      // The view's later requests (the time windows) count towards the stalls, not the paint.
      await page.getByRole('slider', { name: 'Time window' }).waitFor({ timeout: 120_000 });
      const shownAt = Date.now();
      // A stall line is written when the stall ends: give the last one time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stall = server.longestStall(clickedAt, shownAt + 50);
      if (values.trace) {
        const at = (t: number) => String(t - clickedAt).padStart(6);
        console.log(`  trace, ${label} (ms from the click; page opened at ${opened - clickedAt}, painted at ${Math.round(painted - start)}):`);
        for (const r of [...requests].sort((a, b) => a.start - b.start)) console.log(`    ${at(r.start)} .. ${at(r.end)}  ${r.name}`);
        for (const s of server.stalls.filter((s) => s.at >= opened)) console.log(`    stall ending ${at(s.at)}: ${s.ms} ms (CPU ${s.cpuMs} ms)`);
        const file = path.join(os.tmpdir(), `networks-page-${label.replace(/\W+/g, '-')}.cpuprofile`);
        await writeFile(file, JSON.stringify(profile));
        console.log(`    the page's main thread busy ${Math.round(pageBusy)} ms from the click to the paint (profile: ${file}); its top self time:`);
        for (const line of topSelfTime(profile!, 15)) console.log(`    ${line}`);
      }
      return {
        ms: painted - start,
        serverCpuMs,
        stallMs: stall.ms,
        stallCpuMs: stall.cpuMs,
        pageBusyMs: pageBusy,
        allMs: allDrawn - start,
        firstFrameMs: firstFrame - start,
      };
    };
    const cold = await once(settle ? 'settled' : 'at once', () => page.goto(url));
    // Reloaded on the reader (the app would reopen the view it showed last), so the click opens Networks again.
    const warm = await once('reload', async () => {
      await page.evaluate(() => localStorage.setItem('stancebook.view', 'reader'));
      await page.reload();
    });
    // Reloaded on Networks (the view the app reopens): from the reload to the graph's first frame.
    await page.evaluate(() => localStorage.setItem('stancebook.view', 'networks'));
    const reloadedAt = Date.now();
    await page.reload();
    await page.locator('[data-testid="network-canvas"][data-drawn] canvas').first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const reopenedMs = Date.now() - reloadedAt;
    if (values.trace) console.log(`  reopened by a reload on Networks: ${reopenedMs} ms from the reload to the first frame`);
    return { cold, warm, reopenedMs };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The bench's notebook for a coding: a registry of ACTORS, then ARTICLES articles and CLAIMS claims written directly (no digest yet). */
async function generate(dir: string, coding: Coding): Promise<void> {
  const resourcesDir = path.join(ROOT, 'resources');
  const seed = await openNotebookCore(dir, { resourcesDir, create: true, sample: false });
  // A registry: every tenth actor a government, the rest persons belonging to one of them.
  for (let i = 0; i < ACTORS; i++) await seed.handlers.createActor({ name: `Actor ${i}`, aliases: [], kind: i % 10 === 0 ? 'government' : 'person' });
  const governments = seed.store.getCodebook().actors.filter((a) => a.kind === 'government');
  for (const [i, actor] of seed.store.getCodebook().actors.entries()) {
    if (actor.kind === 'person') await seed.handlers.updateActor({ id: actor.id, patch: { parentId: governments[i % governments.length]!.id } });
  }
  const codebook: Codebook = seed.store.getCodebook();
  await seed.close();
  await fillNotebook(dir, ARTICLES, CLAIMS, 13, codingFor(coding, codebook));
}

/**
 * The notebook as an earlier session of the app leaves it, before the paint rows: its search index
 * built (else the app's warm-up builds it in the background of every row's server, seconds of CPU
 * on two cores), its claims digest and remembered coalitions written. Returns the view's network.
 */
async function primeForPaint(dir: string, request: Parameters<NotebookCore['handlers']['getNetwork']>[0]) {
  const core = createNotebookCore(await openNotebook(dir), { searchDatabase: betterSqlite3Driver() });
  try {
    await searchServiceOf(core.context)?.whenCurrent();
    return await core.handlers.getNetwork(request);
  } finally {
    await core.close();
  }
}

/** Each paint row in a new server process (the bench's own core is closed meanwhile: one writer per notebook). */
async function paintRows(dir: string): Promise<Record<string, number>> {
  if (values['no-paint']) return {};
  const taken = new Map<string, Paint[]>();
  const reopened: number[] = [];
  const note = (key: string, paint: Paint) => taken.set(key, [...(taken.get(key) ?? []), paint]);
  // --paint-runs N: each row N times (new server processes each time), the median reported.
  for (let run = 0; run < PAINT_RUNS; run++) {
    // The view's first paint in a fresh session (the digest read from disk, as a user opening the notebook), clicked at once, then reloaded.
    const paint = await firstPaints(dir);
    if (!paint) return {};
    note('first_paint_cold', paint.cold);
    note('first_paint_warm', paint.warm);
    reopened.push(paint.reopenedMs);
    // Again in a fresh session, clicking once the app's start-up requests (library, suggestions' status…) are answered.
    const settledPaint = await firstPaints(dir, true);
    if (settledPaint) note('first_paint_settled', settledPaint.cold);
  }
  const rows: Record<string, number> = {};
  const r = Math.round;
  if (reopened.length > 0) {
    rows.first_paint_reopened_ms = r(median(reopened));
    rows.first_paint_reopened_min_ms = Math.min(...reopened);
    rows.first_paint_reopened_max_ms = Math.max(...reopened);
  }
  for (const [key, paints] of taken) {
    rows[`${key}_ms`] = r(median(paints.map((p) => p.ms)));
    rows[`${key}_min_ms`] = r(Math.min(...paints.map((p) => p.ms)));
    rows[`${key}_max_ms`] = r(Math.max(...paints.map((p) => p.ms)));
    rows[`${key}_server_cpu_ms`] = r(median(paints.map((p) => p.serverCpuMs)));
    rows[`${key}_page_busy_ms`] = r(median(paints.map((p) => p.pageBusyMs)));
    rows[`${key}_all_edges_ms`] = r(median(paints.map((p) => p.allMs)));
    rows[`${key}_first_frame_ms`] = r(median(paints.map((p) => p.firstFrameMs)));
    // The longest stall of all runs, and the CPU time the server used in it.
    const worst = paints.reduce((a, b) => (b.stallMs > a.stallMs ? b : a));
    rows[`${key}_stall_ms`] = r(worst.stallMs);
    rows[`${key}_stall_cpu_ms`] = r(worst.stallCpuMs);
    rows[`${key}_stall_cpu_max_ms`] = r(Math.max(...paints.map((p) => p.stallCpuMs)));
  }
  return rows;
}

async function benchCoding(coding: Coding): Promise<Record<string, number>> {
  // --keep DIR: each coding's notebook kept in DIR and reused by the next run with the same sizes.
  const kept = values.keep ? path.join(path.resolve(values.keep), `${coding}-${ARTICLES}-${CLAIMS}-${ACTORS}`) : null;
  const dir = kept ?? path.join(await mkdtemp(path.join(os.tmpdir(), 'stancebook-networks-bench-')), 'nb');
  const resourcesDir = path.join(ROOT, 'resources');
  if (kept === null || !existsSync(`${kept}.ready`)) {
    if (kept) await rm(kept, { recursive: true, force: true });
    await generate(dir, coding);
    if (kept) await writeFile(`${kept}.ready`, '');
  }
  // As the Networks view asks (renderer/src/features/networks/NetworksView.tsx: the 2,000 strongest edges, three propositions named per edge).
  const request = {
    type: 'congruence' as const,
    normalization: 'none' as const,
    duplicates: 'article' as const,
    maxEdges: 2000,
    edgePropositions: 3,
  };
  if (values['paint-only']) {
    // The paint rows alone, over the notebook as an earlier session leaves it (digest and coalitions written).
    try {
      const network = await primeForPaint(dir, request);
      const paints = await paintRows(dir);
      return {
        [`networks_${coding}_actors`]: network.actors.length,
        [`networks_${coding}_congruence_edges`]: network.edgeCount,
        ...Object.fromEntries(Object.entries(paints).map(([k, v]) => [`networks_${coding}_${k}`, v])),
      };
    } finally {
      if (!kept) await rm(path.dirname(dir), { recursive: true, force: true });
    }
  }
  // A kept notebook carries the digest and coalitions an earlier run wrote: without them the first row is what it says.
  for (const derived of [DIGEST_FILE, COALITIONS_FILE]) await rm(path.join(dir, derived), { force: true });
  let core = await openNotebookCore(dir, { resourcesDir });
  const reopen = async () => {
    await core.close();
    core = await openNotebookCore(dir, { resourcesDir });
  };
  try {
    const noDigest = await time(() => core.handlers.getNetwork(request));
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await time(() => core.handlers.getNetwork(request));
      warm.push(t.ms);
      warmCpu.push(t.cpuMs);
    }
    // Another filter each time (leaving out the earliest 1 %, 2 %, 3 % of the articles), so the
    // statements differ and nothing computed for an earlier request can be reused.
    const days = core.store
      .listArticles()
      .map((a) => (a.publishedAt ?? a.createdAt).slice(0, 10))
      .sort();
    const other: number[] = [];
    const otherCpu: number[] = [];
    const otherStall: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await time(() => core.handlers.getNetwork({ ...request, publishedFrom: days[Math.floor((days.length * (i + 1)) / 100)]! }));
      other.push(t.ms);
      otherCpu.push(t.cpuMs);
      otherStall.push(t.stallMs);
    }
    const conflict = await time(() => core.handlers.getNetwork({ ...request, type: 'conflict', normalization: 'jaccard' }));
    const rolled = await time(() => core.handlers.getNetwork({ ...request, rollUp: 'top', actorFilter: { kinds: ['government'] } }));
    const windows = await time(() => core.handlers.getNetworkWindows({ windowDays: 30, stepDays: 7, duplicates: 'article' }));
    const graphml = await time(() => core.handlers.exportNetwork({ ...request, format: 'graphml' }));
    const baseline = await time(async () => {
      let n = 0;
      for (const a of core.store.listArticles()) n += (await core.store.getClaims(a.id)).length;
      return n;
    });
    // The first network of a session: close (the digest and the coalitions found are written)
    // and open again, as a user reopening the notebook; then the same without remembered coalitions.
    await reopen();
    const firstOfSession = await time(() => core.handlers.getNetwork(request));
    await core.close();
    await rm(path.join(dir, COALITIONS_FILE), { force: true });
    core = await openNotebookCore(dir, { resourcesDir });
    const firstWithoutCoalitions = await time(() => core.handlers.getNetwork(request));
    // The paint rows, each in a new server process over the notebook as this session leaves it.
    await core.close();
    await primeForPaint(dir, request);
    const paints = await paintRows(dir);
    core = await openNotebookCore(dir, { resourcesDir });
    const p = `networks_${coding}_`;
    const r = Math.round;
    return {
      [`${p}claims`]: baseline.value,
      [`${p}actors`]: noDigest.value.actors.length,
      [`${p}congruence_edges`]: noDigest.value.edgeCount,
      [`${p}congruence_edges_sent`]: noDigest.value.edges.length,
      [`${p}coalition_edges`]: noDigest.value.coalitionsFrom?.edges ?? 0,
      [`${p}coalition_ties_per_actor`]: noDigest.value.coalitionsFrom?.perActor ?? 0,
      [`${p}answer_json_bytes`]: JSON.stringify(noDigest.value).length,
      [`${p}no_digest_ms`]: r(noDigest.ms),
      [`${p}no_digest_cpu_ms`]: r(noDigest.cpuMs),
      [`${p}first_of_session_ms`]: r(firstOfSession.ms),
      [`${p}first_of_session_cpu_ms`]: r(firstOfSession.cpuMs),
      [`${p}first_of_session_stall_ms`]: r(firstOfSession.stallMs),
      [`${p}first_of_session_no_remembered_coalitions_ms`]: r(firstWithoutCoalitions.ms),
      [`${p}first_of_session_no_remembered_coalitions_cpu_ms`]: r(firstWithoutCoalitions.cpuMs),
      [`${p}first_of_session_no_remembered_coalitions_stall_ms`]: r(firstWithoutCoalitions.stallMs),
      [`${p}warm_median_ms`]: r(median(warm)),
      [`${p}warm_cpu_median_ms`]: r(median(warmCpu)),
      [`${p}new_filter_median_ms`]: r(median(other)),
      [`${p}new_filter_cpu_median_ms`]: r(median(otherCpu)),
      [`${p}new_filter_stall_max_ms`]: r(Math.max(...otherStall)),
      [`${p}conflict_jaccard_ms`]: r(conflict.ms),
      [`${p}rolled_up_governments_ms`]: r(rolled.ms),
      [`${p}rolled_up_governments_edges`]: rolled.value.edgeCount,
      [`${p}windows_ms`]: r(windows.ms),
      [`${p}windows_cpu_ms`]: r(windows.cpuMs),
      [`${p}windows_stall_ms`]: r(windows.stallMs),
      [`${p}windows_count`]: windows.value.length,
      [`${p}graphml_ms`]: r(graphml.ms),
      [`${p}graphml_bytes`]: graphml.value.content.length,
      [`${p}baseline_read_all_claims_ms`]: r(baseline.ms),
      ...Object.fromEntries(Object.entries(paints).map(([k, v]) => [`${p}${k}`, v])),
    };
  } finally {
    await core.close();
    if (!kept) await rm(path.dirname(dir), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const figures: Record<string, number> = { networks_articles: ARTICLES };
  for (const coding of CODINGS) {
    const f = await benchCoding(coding);
    Object.assign(figures, f);
    if (values.json) continue;
    const g = (k: string) => f[`networks_${coding}_${k}`];
    if (values['paint-only']) console.log(`${coding} coding: ${ARTICLES} articles, ${g('actors')} actors, ${g('congruence_edges')} congruence edges`);
    else {
      console.log(
        `${coding} coding: ${ARTICLES} articles, ${g('claims')} claims, ${g('actors')} actors; congruence network: ${g('congruence_edges')} edges (the ${g('congruence_edges_sent')} strongest sent, ${(g('answer_json_bytes')! / 1e6).toFixed(2)} MB of JSON); coalitions on ${g('coalition_edges')} edges${g('coalition_ties_per_actor') ? ` (each actor's ${g('coalition_ties_per_actor')} strongest)` : ' (all)'}`,
      );
      console.log('  congruence network as the view asks for it (target < 300 ms):      wall     CPU  longest stall');
      const row = (label: string, key: string) =>
        console.log(
          `    ${label.padEnd(62)} ${String(g(`${key}_ms`) ?? g(`${key}_median_ms`)).padStart(5)} ms ${String(g(`${key}_cpu_ms`) ?? g(`${key}_cpu_median_ms`)).padStart(5)} ms ${g(`${key}_stall_ms`) ?? g(`${key}_stall_max_ms`) ?? ''}${g(`${key}_stall_ms`) !== undefined || g(`${key}_stall_max_ms`) !== undefined ? ' ms' : ''}`,
        );
      row('no digest yet (every article read)', 'no_digest');
      row('first of a session, digest persisted, coalitions remembered', 'first_of_session');
      row('first of a session, digest persisted, coalitions found again', 'first_of_session_no_remembered_coalitions');
      row('warm, the same request (median of 3)', 'warm');
      row('warm, a new filter (median of 3; stall: max)', 'new_filter');
      row(`moving windows, 30 days step 7 (${g('windows_count')} windows)`, 'windows');
      console.log(
        `  conflict, Jaccard: ${g('conflict_jaccard_ms')} ms; rolled up to governments: ${g('rolled_up_governments_ms')} ms (${g('rolled_up_governments_edges')} edges)`,
      );
      console.log(`  GraphML export: ${g('graphml_ms')} ms (${(g('graphml_bytes')! / 1e6).toFixed(1)} MB)`);
    }
    if (g('first_paint_cold_ms') !== undefined) {
      const paintRow = (label: string, key: string) =>
        console.log(
          `    ${label.padEnd(56)} ${String(g(`${key}_ms`)).padStart(5)} ms${PAINT_RUNS > 1 ? ` (${g(`${key}_min_ms`)}–${g(`${key}_max_ms`)})` : ''} ${String(g(`${key}_page_busy_ms`)).padStart(5)} ms ${String(g(`${key}_server_cpu_ms`)).padStart(5)} ms ${String(g(`${key}_stall_ms`)).padStart(5)} ms (CPU ${g(`${key}_stall_cpu_ms`)} ms; most CPU in one stall ${g(`${key}_stall_cpu_max_ms`)} ms); first frame ${g(`${key}_first_frame_ms`)} ms, all edges ${g(`${key}_all_edges_ms`)} ms`,
        );
      console.log(
        `  Networks view first paint in Chromium, \`stancebook serve\` a new process (target < 1 s)${PAINT_RUNS > 1 ? `, median of ${PAINT_RUNS} (min–max)` : ''}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores:`,
      );
      console.log(`    ${''.padEnd(56)}  wall  page busy  server CPU  longest server stall`);
      paintRow('clicked the moment the app shows its buttons', 'first_paint_cold');
      paintRow("clicked once the app's start-up requests are answered", 'first_paint_settled');
      paintRow('after a reload', 'first_paint_warm');
      console.log(
        `    ${'reopened by a reload on Networks (reload to first frame)'.padEnd(56)} ${String(g('first_paint_reopened_ms')).padStart(5)} ms${PAINT_RUNS > 1 ? ` (${g('first_paint_reopened_min_ms')}–${g('first_paint_reopened_max_ms')})` : ''}`,
      );
    }
    if (values['paint-only']) continue;
    console.log(`  baseline, reading every claim: ${g('baseline_read_all_claims_ms')} ms`);
  }
  if (values.json) console.log(JSON.stringify(figures));
}

await main();
