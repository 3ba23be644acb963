/**
 * Notebook store benchmark: `node --import tsx test/bench/store-bench.ts [--json] [--articles N] [--claims N]`.
 * Builds a synthetic notebook (default 10,000 articles of ~6 KB and 100,000 claims) in a temp
 * folder and measures open, claim saves, article open, RSS and save flatness, against a baseline
 * of one monolithic lowdb JSONFile holding the same data. Prints figures; never fails on speed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { openNotebook, type NotebookStore } from '../../electron/core/store';
import type { Article, Claim } from '../../shared/model';
import { fillNotebook, syntheticClaim } from './store-bench-data';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number): number => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const asJson = args.includes('--json');
const ARTICLES = flag('--articles', 10_000);
const CLAIMS = flag('--claims', 100_000);
const SAMPLES = flag('--samples', 300);
const log = (line: string): void => {
  if (!asJson) process.stdout.write(line + '\n');
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
async function time(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}
const round = (n: number): number => Math.round(n * 100) / 100;

/** Claim save timings on an open store: create, update and delete, each acknowledged durable. */
async function claimSaves(store: NotebookStore, articles: Article[], random: () => number, samples: number) {
  const created: Claim[] = [];
  const create: number[] = [];
  const update: number[] = [];
  const remove: number[] = [];
  for (let i = 0; i < samples; i++) {
    const article = articles[Math.floor(random() * articles.length)]!;
    const claim = syntheticClaim(article, `bench-${i}`, random);
    create.push(await time(() => store.putClaim(claim)));
    created.push(claim);
  }
  for (const claim of created) update.push(await time(() => store.putClaim({ ...claim, note: 'revised' })));
  for (const claim of created) remove.push(await time(() => store.deleteClaim(claim.articleId, claim.id)));
  return { create, update, remove };
}

async function buildNotebook(articleCount: number, claimCount: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stancebook-bench-'));
  await (await openNotebook(dir, { create: true, name: 'bench' })).close();
  const data = await fillNotebook(dir, articleCount, claimCount);
  // The first open takes the day's backup (hard links); do it here so it is not in the timings.
  const store = await openNotebook(dir);
  const backupMs = await time(() => store.backup());
  await store.close();
  return { dir, backupMs, ...data };
}

async function main(): Promise<void> {
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memGb: round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
  };
  log(`Stancebook store bench: ${ARTICLES} articles, ${CLAIMS} claims`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB, node ${machine.node}, ${machine.platform}, ${machine.date}`);

  let start = performance.now();
  const big = await buildNotebook(ARTICLES, CLAIMS);
  log(`built in ${Math.round(performance.now() - start)} ms (backup of it: ${Math.round(big.backupMs)} ms)`);

  // Cold start: a new process, to listArticles ready (module loading included; OS page cache warm).
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'store-bench-open.ts'), big.dir], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`open child failed: ${child.stderr}`);
  const cold = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { openMs: number; count: number; maxRssMb: number };

  start = performance.now();
  const store = await openNotebook(big.dir);
  const listed = store.listArticles().length;
  const warmOpenMs = performance.now() - start;
  if (listed !== ARTICLES) throw new Error(`listed ${listed} articles, expected ${ARTICLES}`);

  const articleOpen: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const id = big.articles[Math.floor(big.random() * big.articles.length)]!.id;
    articleOpen.push(await time(async () => Promise.all([store.getArticle(id), store.getClaims(id)])));
  }
  const saves = await claimSaves(store, big.articles, big.random, SAMPLES);
  await store.close();

  // Flatness: the same saves on a notebook with 100 claims.
  const small = await buildNotebook(10, 100);
  const smallStore = await openNotebook(small.dir);
  const smallSaves = await claimSaves(smallStore, small.articles, small.random, SAMPLES);
  await smallStore.close();

  // Baseline: one lowdb JSONFile holding everything, rewritten whole on every save.
  const baseFile = path.join(big.dir, '..', `${path.basename(big.dir)}-monolith.json`);
  const monolith = new Low(new JSONFile<{ articles: Article[]; claims: Claim[] }>(baseFile), { articles: big.articles, claims: big.claims });
  await monolith.write();
  const reader = new Low(new JSONFile<{ articles: Article[]; claims: Claim[] }>(baseFile), { articles: [], claims: [] });
  const baselineOpenMs = await time(() => reader.read());
  const baselineSaves: number[] = [];
  for (let i = 0; i < 5; i++) {
    const article = big.articles[i]!;
    baselineSaves.push(await time(() => reader.update((data) => data.claims.push(syntheticClaim(article, `base-${i}`, big.random)))));
  }

  const result = {
    articles: ARTICLES,
    claims: CLAIMS,
    machine,
    open_ms: round(cold.openMs),
    open_in_process_ms: round(warmOpenMs),
    claim_save_p50_ms: round(percentile(saves.create, 50)),
    claim_save_p95_ms: round(percentile(saves.create, 95)),
    claim_update_p50_ms: round(percentile(saves.update, 50)),
    claim_update_p95_ms: round(percentile(saves.update, 95)),
    claim_delete_p50_ms: round(percentile(saves.remove, 50)),
    claim_delete_p95_ms: round(percentile(saves.remove, 95)),
    article_open_ms: round(percentile(articleOpen, 50)),
    article_open_p95_ms: round(percentile(articleOpen, 95)),
    rss_mb: round(cold.maxRssMb),
    save_p95_at_100_claims_ms: round(percentile(smallSaves.create, 95)),
    save_p95_at_full_size_ms: round(percentile(saves.create, 95)),
    backup_ms: round(big.backupMs),
    baseline_open_ms: round(baselineOpenMs),
    baseline_claim_save_p50_ms: round(percentile(baselineSaves, 50)),
  };
  const ratios = {
    open_ratio: round(result.baseline_open_ms / result.open_in_process_ms),
    claim_save_ratio: round(result.baseline_claim_save_p50_ms / result.claim_save_p50_ms),
  };
  await rm(big.dir, { recursive: true, force: true });
  await rm(small.dir, { recursive: true, force: true });
  await rm(baseFile, { force: true });

  if (asJson) {
    process.stdout.write(JSON.stringify({ ...result, ...ratios }) + '\n');
    return;
  }
  const row = (name: string, value: string, target = ''): void => log(`  ${name.padEnd(38)} ${value.padStart(12)}  ${target}`);
  row('open, new process to listArticles', `${result.open_ms} ms`, 'target < 1000 ms');
  row('open, in process', `${result.open_in_process_ms} ms`);
  row('claim create p50 / p95', `${result.claim_save_p50_ms} / ${result.claim_save_p95_ms} ms`, 'target p95 < 10 ms');
  row('claim update p50 / p95', `${result.claim_update_p50_ms} / ${result.claim_update_p95_ms} ms`);
  row('claim delete (to trash) p50 / p95', `${result.claim_delete_p50_ms} / ${result.claim_delete_p95_ms} ms`);
  row('article open (getArticle+getClaims) p50/p95', `${result.article_open_ms} / ${result.article_open_p95_ms} ms`, 'target < 50 ms');
  row('peak RSS, process with notebook open', `${result.rss_mb} MB`, 'target < 400 MB');
  row('save p95 at 100 claims vs full size', `${result.save_p95_at_100_claims_ms} / ${result.save_p95_at_full_size_ms} ms`, 'flat');
  row('backup (hard links)', `${result.backup_ms} ms`);
  row('baseline monolithic lowdb: open', `${result.baseline_open_ms} ms`, `${ratios.open_ratio}x the store's in-process open`);
  row('baseline monolithic lowdb: claim save p50', `${result.baseline_claim_save_p50_ms} ms`, `${ratios.claim_save_ratio}x the store's`);
}

await main();
