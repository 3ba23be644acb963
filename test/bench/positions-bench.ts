// Positions map speed over a large notebook: `node --import tsx test/bench/positions-bench.ts
// [--json] [--articles N] [--claims N] [--quick]`. A notebook of 10,000 articles and 100,000
// claims coded with the default codebook's actors, issues, propositions and stances at random.
// Times: the first map of a notebook without a digest (every article read, the digest built),
// then, after closing and reopening the notebook, the first map of a session (the persisted
// digest read and checked against every article's storage revision), later maps, a six-month
// filter, one cell's latest 200 claims, the codebook usage; the digest file's size and the map's
// JSON size. Baseline in the same run: reading every claim of the notebook and nothing else,
// which is what any map computed from the stored claims must at least do.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openNotebookCore } from '../../electron/core/bootstrap';
import { digestFilePath } from '../../electron/core/claims/claim-digest-file';
import { flushClaimsDigest } from '../../electron/core/claims/claim-digests';
import type { Codebook } from '../../shared/model';
import { fillNotebook } from './store-bench-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: { json: { type: 'boolean' }, articles: { type: 'string' }, claims: { type: 'string' }, quick: { type: 'boolean' } },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const CLAIMS = Number(values.claims ?? (values.quick ? 10_000 : 100_000));

/**
 * Wall time, and the process's CPU time over the same span: on a loaded machine the wall time
 * includes waiting for a core, the CPU time mostly does not.
 */
async function time<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; stallMs: number; value: T }> {
  // The longest the event loop was held (a synchronous stretch, or the process waiting for a core).
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - start;
  // Let the monitor's timer fire once more, so a stall at the very end is recorded too.
  await new Promise((resolve) => setTimeout(resolve, 12));
  loop.disable();
  return { ms, cpuMs: (used.user + used.system) / 1000, stallMs: loop.max / 1e6, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'stancebook-positions-bench-')), 'nb');
  const resourcesDir = path.join(ROOT, 'resources');
  // The default codebook, then claims coded from it.
  const seed = await openNotebookCore(dir, { resourcesDir, create: true, sample: false });
  const codebook: Codebook = seed.store.getCodebook();
  await seed.close();
  const pick = <T>(xs: T[], random: () => number) => xs[Math.floor(random() * xs.length)] as T;
  await fillNotebook(dir, ARTICLES, CLAIMS, 7, (claim, random) => {
    const issue = random() < 0.05 ? null : pick(codebook.issues, random);
    return {
      ...claim,
      actorIds: random() < 0.15 ? [pick(codebook.actors, random).id, pick(codebook.actors, random).id] : [pick(codebook.actors, random).id],
      issueId: issue?.id ?? null,
      proposition: issue && issue.propositions.length > 0 && random() < 0.9 ? pick(issue.propositions, random) : '',
      stanceId: pick(codebook.stances, random).id,
    };
  });

  // No digest yet: the first map reads every article and builds it; close writes it.
  const building = await openNotebookCore(dir, { resourcesDir });
  const built = await time(() => building.handlers.getPositions({}));
  const written = await time(() => flushClaimsDigest(building.context));
  await building.close();
  const digestBytes = (await stat(digestFilePath(dir))).size;

  const core = await openNotebookCore(dir, { resourcesDir });
  try {
    const articles = core.store.listArticles();
    const cold = await time(() => core.handlers.getPositions({}));
    const mapJsonBytes = Buffer.byteLength(JSON.stringify(cold.value));
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (let i = 0; i < 9; i++) {
      const run = await time(() => core.handlers.getPositions({}));
      warm.push(run.ms);
      warmCpu.push(run.cpuMs);
    }
    const filtered: number[] = [];
    for (let i = 0; i < 5; i++)
      filtered.push((await time(() => core.handlers.getPositions({ publishedFrom: '2026-03-01', publishedTo: '2026-09-01' }))).ms);
    const biggest = [...cold.value.cells].sort((a, b) => b.claimCount - a.claimCount)[0]!;
    const cell = await time(() => core.handlers.getPositionClaims({ issueId: biggest.issueId, actorId: biggest.actorId, limit: 200 }));
    const usage: number[] = [];
    for (let i = 0; i < 5; i++) usage.push((await time(() => core.handlers.getCodebookUsage({}))).ms);
    const baseline: number[] = [];
    for (let i = 0; i < 3; i++) {
      baseline.push(
        (
          await time(async () => {
            let n = 0;
            for (const a of articles) n += (await core.store.getClaims(a.id)).length;
            return n;
          })
        ).ms,
      );
    }
    const figures = {
      positions_articles: ARTICLES,
      positions_claims: cold.value.claimCount,
      positions_cells: cold.value.cells.length,
      positions_map_without_digest_ms: Math.round(built.ms),
      positions_map_without_digest_longest_stall_ms: Math.round(built.stallMs),
      positions_digest_write_ms: Math.round(written.ms),
      positions_digest_write_longest_stall_ms: Math.round(written.stallMs),
      positions_digest_file_bytes: digestBytes,
      positions_map_json_bytes: mapJsonBytes,
      positions_map_first_of_session_ms: Math.round(cold.ms),
      positions_map_first_of_session_cpu_ms: Math.round(cold.cpuMs),
      positions_map_first_of_session_longest_stall_ms: Math.round(cold.stallMs),
      positions_map_warm_median_ms: Math.round(median(warm)),
      positions_map_warm_median_cpu_ms: Math.round(median(warmCpu)),
      positions_map_warm_min_ms: Math.round(Math.min(...warm)),
      positions_map_filtered_median_ms: Math.round(median(filtered)),
      positions_cell_claims_ms: Math.round(cell.ms),
      positions_codebook_usage_median_ms: Math.round(median(usage)),
      positions_baseline_read_all_claims_median_ms: Math.round(median(baseline)),
      positions_first_map_vs_baseline: Math.round((cold.ms / median(baseline)) * 1000) / 1000,
      positions_map_vs_baseline: Math.round((median(warm) / median(baseline)) * 1000) / 1000,
    };
    if (values.json) console.log(JSON.stringify(figures));
    else {
      console.log(`notebook: ${ARTICLES} articles, ${figures.positions_claims} claims with an actor, ${figures.positions_cells} cells`);
      console.log(
        `  no digest yet (every article read, digest built): ${figures.positions_map_without_digest_ms} ms (longest event-loop stall ${figures.positions_map_without_digest_longest_stall_ms} ms)`,
      );
      console.log(
        `  digest written: ${figures.positions_digest_write_ms} ms (longest stall ${figures.positions_digest_write_longest_stall_ms} ms), file ${(digestBytes / 1e6).toFixed(2)} MB`,
      );
      console.log(
        `  first map of a session (digest read and checked): ${figures.positions_map_first_of_session_ms} ms wall, ${figures.positions_map_first_of_session_cpu_ms} ms CPU, longest stall ${figures.positions_map_first_of_session_longest_stall_ms} ms (target < 300 ms)`,
      );
      console.log(
        `  later maps: median ${figures.positions_map_warm_median_ms} ms wall (fastest ${figures.positions_map_warm_min_ms} ms), ${figures.positions_map_warm_median_cpu_ms} ms CPU (target < 100 ms)`,
      );
      console.log(`  the map as JSON: ${(mapJsonBytes / 1e3).toFixed(1)} kB`);
      console.log(`  six-month date filter: median ${figures.positions_map_filtered_median_ms} ms`);
      console.log(`  one cell's claims (${cell.value.total}, latest 200): ${figures.positions_cell_claims_ms} ms`);
      console.log(`  codebook usage (same digest): median ${figures.positions_codebook_usage_median_ms} ms`);
      console.log(
        `  baseline, reading every claim: median ${figures.positions_baseline_read_all_claims_median_ms} ms (first map / baseline = ${figures.positions_first_map_vs_baseline}, later map / baseline = ${figures.positions_map_vs_baseline})`,
      );
    }
  } finally {
    await core.close();
    await rm(path.dirname(dir), { recursive: true, force: true });
  }
}

await main();
