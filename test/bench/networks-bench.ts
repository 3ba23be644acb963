// Discourse networks over a large notebook: `node --import tsx test/bench/networks-bench.ts
// [--json] [--articles N] [--claims N] [--actors N] [--quick]`. A notebook of 10,000 articles and
// 100,000 claims coded with actors from a registry of 500, the default codebook's issues and
// stances, and 20 propositions per issue (each actor speaking mostly on two issues of its own); times the congruence network (cold: the first of a
// session; warm: later), the conflict network normalised by Jaccard, the moving windows (30
// days, step 7), and the GraphML export. Baseline in the same run: reading every claim of the
// notebook and nothing else, the floor for a network computed from the stored claims.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openNotebookCore } from '../../electron/core/bootstrap';
import type { Codebook } from '../../shared/model';
import { fillNotebook } from './store-bench-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { json: { type: 'boolean' }, articles: { type: 'string' }, claims: { type: 'string' }, actors: { type: 'string' }, quick: { type: 'boolean' } } });
const ARTICLES = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const CLAIMS = Number(values.claims ?? (values.quick ? 10_000 : 100_000));
const ACTORS = Number(values.actors ?? (values.quick ? 100 : 500));

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'stancebook-networks-bench-')), 'nb');
  const resourcesDir = path.join(ROOT, 'resources');
  const seed = await openNotebookCore(dir, { resourcesDir, create: true, sample: false });
  for (let i = 0; i < ACTORS; i++) await seed.handlers.createActor({ name: `Actor ${i}`, aliases: [] });
  const codebook: Codebook = seed.store.getCodebook();
  await seed.close();
  const pick = <T>(xs: T[], random: () => number) => xs[Math.floor(random() * xs.length)] as T;
  // As in real debates, each actor speaks mostly on a few issues of its own (two here), and a
  // few claims (15 %) are held by two actors together.
  const homeRandom = (() => {
    let a = 99;
    return () => ((a = (a * 1103515245 + 12345) >>> 0), a / 4294967296);
  })();
  const homes = new Map(codebook.actors.map((a) => [a.id, [pick(codebook.issues, homeRandom).id, pick(codebook.issues, homeRandom).id]]));
  await fillNotebook(dir, ARTICLES, CLAIMS, 13, (claim, random) => {
    const actor = pick(codebook.actors, random).id;
    const issueId = random() < 0.9 ? pick(homes.get(actor)!, random) : pick(codebook.issues, random).id;
    const partner = codebook.actors.filter((a) => homes.get(a.id)!.includes(issueId));
    return {
      ...claim,
      actorIds: random() < 0.15 && partner.length > 1 ? [actor, pick(partner, random).id] : [actor],
      issueId,
      proposition: `Proposition ${Math.floor(random() * 20)}`,
      stanceId: pick(codebook.stances, random).id,
    };
  });
  const core = await openNotebookCore(dir, { resourcesDir });
  try {
    const cold = await time(() => core.handlers.getNetwork({ type: 'congruence', normalization: 'none', duplicates: 'article', maxEdges: 5000 }));
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) warm.push((await time(() => core.handlers.getNetwork({ type: 'congruence', normalization: 'none', duplicates: 'article', maxEdges: 5000 }))).ms);
    const conflict = await time(() => core.handlers.getNetwork({ type: 'conflict', normalization: 'jaccard', duplicates: 'article', maxEdges: 5000 }));
    const windows = await time(() => core.handlers.getNetworkWindows({ windowDays: 30, stepDays: 7, duplicates: 'article' }));
    const graphml = await time(() => core.handlers.exportNetwork({ type: 'congruence', normalization: 'none', duplicates: 'article', maxEdges: 5000, format: 'graphml' }));
    const baseline = await time(async () => {
      let n = 0;
      for (const a of core.store.listArticles()) n += (await core.store.getClaims(a.id)).length;
      return n;
    });
    const figures = {
      networks_articles: ARTICLES,
      networks_claims: baseline.value,
      networks_actors: cold.value.actors.length,
      networks_congruence_edges: cold.value.edgeCount,
      networks_congruence_edges_sent: cold.value.edges.length,
      networks_congruence_cold_ms: Math.round(cold.ms),
      networks_congruence_warm_median_ms: Math.round(median(warm)),
      networks_conflict_jaccard_ms: Math.round(conflict.ms),
      networks_windows_ms: Math.round(windows.ms),
      networks_windows_count: windows.value.length,
      networks_graphml_ms: Math.round(graphml.ms),
      networks_graphml_bytes: graphml.value.content.length,
      networks_baseline_read_all_claims_ms: Math.round(baseline.ms),
    };
    if (values.json) console.log(JSON.stringify(figures));
    else {
      console.log(`notebook: ${ARTICLES} articles, ${figures.networks_claims} claims, ${figures.networks_actors} actors; congruence network: ${figures.networks_congruence_edges} edges (the ${figures.networks_congruence_edges_sent} strongest sent)`);
      console.log(`  congruence network: cold ${figures.networks_congruence_cold_ms} ms, warm median ${figures.networks_congruence_warm_median_ms} ms`);
      console.log(`  conflict, Jaccard: ${figures.networks_conflict_jaccard_ms} ms; ${figures.networks_windows_count} windows of 30 days: ${figures.networks_windows_ms} ms`);
      console.log(`  GraphML export: ${figures.networks_graphml_ms} ms (${(figures.networks_graphml_bytes / 1e6).toFixed(1)} MB)`);
      console.log(`  baseline, reading every claim: ${figures.networks_baseline_read_all_claims_ms} ms`);
    }
  } finally {
    await core.close();
    await rm(path.dirname(dir), { recursive: true, force: true });
  }
}

await main();
