// Discourse networks over a large notebook: `node --import tsx test/bench/networks-bench.ts
// [--json] [--articles N] [--claims N] [--actors N] [--coding complete|sparse|both] [--no-paint] [--quick]`.
// A notebook of 10,000 articles and 100,000 claims coded with actors from a registry of 500, the
// default codebook's issues and stances, and 20 propositions per issue, in two codings
// (test/bench/networks-coding.ts): `complete` (every actor on any proposition of its two issues:
// nearly every pair meets, a complete graph) and `sparse` (realistic: actors by a Zipf law, each
// holding positions on six propositions of its own). For each: the congruence network (cold: the
// first of a session; warm: the same request again, its coalitions remembered; warm with another
// filter: statements that differ, nothing reusable), the conflict network
// normalised by Jaccard, the congruence network rolled up to parents and filtered by kind, the
// moving windows (30 days, step 7), the GraphML export, and the first paint of the Networks view
// in Chromium through the browser mode (from the click on Networks to the first frame after the
// graph is drawn; cold: the first view of a session, warm: a reload). Baseline in the same run:
// reading every claim of the notebook and nothing else.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startBrowserHost } from '../../electron/browser-host/server';
import { openNotebookCore } from '../../electron/core/bootstrap';
import type { NotebookCore } from '../../electron/core/notebook-core';
import { CHROMIUM_ARGS, defaultChromiumPath } from '../../electron/core/documents/chromium-printer';
import type { Codebook } from '../../shared/model';
import { codingFor, type Coding } from './networks-coding';
import { fillNotebook } from './store-bench-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    articles: { type: 'string' },
    claims: { type: 'string' },
    actors: { type: 'string' },
    coding: { type: 'string' },
    'no-paint': { type: 'boolean' },
    quick: { type: 'boolean' },
  },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const CLAIMS = Number(values.claims ?? (values.quick ? 10_000 : 100_000));
const ACTORS = Number(values.actors ?? (values.quick ? 100 : 500));
const CODINGS: Coding[] = values.coding === 'complete' ? ['complete'] : values.coding === 'sparse' ? ['sparse'] : ['complete', 'sparse'];

/**
 * Wall time, and the process's CPU time (user + system) over the same span: on a machine shared
 * with other work the wall time waits for the CPU, the CPU time is what the computation cost.
 */
async function time<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function ensureRendererBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/renderer/index.html'))) return;
  const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('The renderer build failed.');
}

/**
 * The Networks view's first paint through the browser mode: from the click on "Networks" to the
 * first frame after the graph's canvas is drawn and the summary names the network. Cold: the
 * first view of the core's session; warm: the page reloaded, the core's digest already in memory.
 */
async function firstPaints(core: NotebookCore): Promise<{ cold: number; warm: number } | null> {
  const executablePath = defaultChromiumPath();
  if (!existsSync(executablePath)) return null;
  ensureRendererBuilt();
  const host = await startBrowserHost({ core, rendererDir: path.join(ROOT, 'dist/renderer') });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    const once = async () => {
      await page.goto(host.url);
      const button = page.getByRole('button', { name: 'Networks', exact: true });
      await button.waitFor({ timeout: 120_000 });
      const start = await page.evaluate(() => performance.now());
      await button.click();
      await page.locator('[data-testid="network-canvas"] canvas').first().waitFor({ timeout: 120_000 });
      await page
        .getByTestId('networks-view')
        .getByText(/connections/)
        .first()
        .waitFor({ timeout: 120_000 });
      const painted = await page.evaluate(
        () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))),
      );
      return painted - start;
    };
    const cold = await once();
    const warm = await once();
    return { cold, warm };
  } finally {
    await browser.close();
    await host.close();
  }
}

async function benchCoding(coding: Coding): Promise<Record<string, number>> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'stancebook-networks-bench-')), 'nb');
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
  const request = { type: 'congruence' as const, normalization: 'none' as const, duplicates: 'article' as const, maxEdges: 5000 };
  let core = await openNotebookCore(dir, { resourcesDir });
  try {
    const cold = await time(() => core.handlers.getNetwork(request));
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
    for (let i = 0; i < 3; i++) {
      const t = await time(() => core.handlers.getNetwork({ ...request, publishedFrom: days[Math.floor((days.length * (i + 1)) / 100)]! }));
      other.push(t.ms);
      otherCpu.push(t.cpuMs);
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
    // The view's first paint in a fresh session (the digest read from disk, as a user opening the notebook).
    await core.close();
    core = await openNotebookCore(dir, { resourcesDir });
    const paint = values['no-paint'] ? null : await firstPaints(core);
    const p = `networks_${coding}_`;
    return {
      [`${p}claims`]: baseline.value,
      [`${p}actors`]: cold.value.actors.length,
      [`${p}congruence_edges`]: cold.value.edgeCount,
      [`${p}congruence_edges_sent`]: cold.value.edges.length,
      [`${p}congruence_cold_ms`]: Math.round(cold.ms),
      [`${p}congruence_warm_median_ms`]: Math.round(median(warm)),
      [`${p}congruence_new_filter_median_ms`]: Math.round(median(other)),
      [`${p}congruence_warm_cpu_median_ms`]: Math.round(median(warmCpu)),
      [`${p}congruence_new_filter_cpu_median_ms`]: Math.round(median(otherCpu)),
      [`${p}conflict_jaccard_ms`]: Math.round(conflict.ms),
      [`${p}rolled_up_governments_ms`]: Math.round(rolled.ms),
      [`${p}rolled_up_governments_edges`]: rolled.value.edgeCount,
      [`${p}windows_ms`]: Math.round(windows.ms),
      [`${p}windows_count`]: windows.value.length,
      [`${p}graphml_ms`]: Math.round(graphml.ms),
      [`${p}graphml_bytes`]: graphml.value.content.length,
      [`${p}baseline_read_all_claims_ms`]: Math.round(baseline.ms),
      ...(paint ? { [`${p}first_paint_cold_ms`]: Math.round(paint.cold), [`${p}first_paint_warm_ms`]: Math.round(paint.warm) } : {}),
    };
  } finally {
    await core.close();
    await rm(path.dirname(dir), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const figures: Record<string, number> = { networks_articles: ARTICLES };
  for (const coding of CODINGS) {
    const f = await benchCoding(coding);
    Object.assign(figures, f);
    if (values.json) continue;
    const g = (k: string) => f[`networks_${coding}_${k}`];
    console.log(
      `${coding} coding: ${ARTICLES} articles, ${g('claims')} claims, ${g('actors')} actors; congruence network: ${g('congruence_edges')} edges (the ${g('congruence_edges_sent')} strongest sent)`,
    );
    console.log(
      `  congruence network: cold ${g('congruence_cold_ms')} ms, warm median ${g('congruence_warm_median_ms')} ms, warm with a new filter median ${g('congruence_new_filter_median_ms')} ms (target < 300 ms)`,
    );
    console.log(
      `    CPU time of the process over the same calls: warm median ${g('congruence_warm_cpu_median_ms')} ms, new filter median ${g('congruence_new_filter_cpu_median_ms')} ms`,
    );
    console.log(
      `  conflict, Jaccard: ${g('conflict_jaccard_ms')} ms; rolled up to governments: ${g('rolled_up_governments_ms')} ms (${g('rolled_up_governments_edges')} edges); ${g('windows_count')} windows of 30 days: ${g('windows_ms')} ms`,
    );
    console.log(`  GraphML export: ${g('graphml_ms')} ms (${(g('graphml_bytes')! / 1e6).toFixed(1)} MB)`);
    if (g('first_paint_cold_ms') !== undefined)
      console.log(`  Networks view first paint in Chromium: cold ${g('first_paint_cold_ms')} ms, warm ${g('first_paint_warm_ms')} ms (target < 1 s)`);
    console.log(`  baseline, reading every claim: ${g('baseline_read_all_claims_ms')} ms`);
  }
  if (values.json) console.log(JSON.stringify(figures));
}

await main();
