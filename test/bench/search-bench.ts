/**
 * Search benchmark: `node --import tsx --expose-gc test/bench/search-bench.ts [--json] [--articles N] [--claims-per-article N] [--quick] [--slowest N] [--cpu-prof-queries FILE] [--keep DIR]`.
 * Builds a synthetic notebook (default 10,000 articles of ~6 KB, 10 claims each) in a temp
 * folder, then measures the index build (and how long it holds the event loop at most), its
 * size on disk, loading it back, memory, and query latency over ~200 varied queries (words,
 * prefixes, phrases, filters) through the real `search` handler. Prints figures; never fails on speed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { RequestOf } from '../../shared/api';
import type { Article, Block, Claim, Codebook } from '../../shared/model';
import { NOTEBOOK_SCHEMA_VERSION } from '../../shared/model';
import { loadDefaultCodebook, sourceResourcesDir } from '../../electron/core/bootstrap';
import { createNotebookCore } from '../../electron/core/notebook-core';
import { buildIndex } from '../../electron/core/search/index-builder';
import { indexFilePath, notebookStamp, serializeIndexFile, writeIndexFile } from '../../electron/core/search/index-file';
import { searchServiceOf } from '../../electron/core/search/handlers';
import { SearchIndex } from '../../electron/core/search/search-index';
import { STOP_WORDS } from '../../electron/core/search/stop-words';
import { openNotebook } from '../../electron/core/store';
import type { LibraryDoc, ShardDoc } from '../../electron/core/store/documents';
import { FILES, abs, shardRel } from '../../electron/core/store/layout';
import { summarize } from '../../electron/core/store/summarize';
import { prng } from './store-bench-data';

/**
 * A synthetic notebook for the search bench. Unlike the store bench's texts (a few hundred
 * words), search cost depends on the vocabulary, so words follow a Zipf law over ~40,000 word
 * forms (common English first, then a long tail of made-up words) with named entities, some
 * accented, and multi-word names that phrases can find.
 */
const COMMON = (
  'the of and to in a is that for on said with as by at from was were has have had be been it its this which ' +
  'but not will would could should may also after over more than about into their they he she his her there ' +
  'government minister president talks policy security economic trade tariffs sanctions officials statement ' +
  'foreign ministry spokesman agreement negotiations parliament election campaign opposition leader party ' +
  'analysts experts warned urged rejected supported announced according report week month year military ' +
  'exercises border region island strait sovereignty independence restraint cooperation dialogue pressure ' +
  'crisis growth inflation budget reform energy climate emissions summit allies partners committee council ' +
  'court ruling investigation journalists sources interview television newspaper people country nations ' +
  'international domestic public private sector companies markets prices workers unions protest police ' +
  'capital city province village community families children talks visit delegation envoy treaty ceasefire'
).split(' ');
const ENTITIES = [
  'Taiwan', 'Beijing', 'Washington', 'Moscow', 'Kyiv', 'Manila', 'Hanoi', 'Tokyo', 'Seoul', 'Brussels', 'Zürich', 'Genève',
  'São Paulo', 'Kraków', 'Bogotá', 'Erdoğan', 'Macron', 'Scholz', 'Modi', 'Lula', 'Wang Yi', 'Xi Jinping', 'Jake Sullivan',
  'Antony Blinken', 'South China Sea', 'European Union', 'United Nations', 'World Trade Organization', 'Ukraine', 'Russia',
  'Philippines', 'Vietnam', 'Japan', 'Korea', 'Germany', 'France', 'Brazil', 'India', 'Türkiye', 'Mekong',
];
const SOURCES = ['Reuters', 'AP', 'Xinhua', 'Le Monde', 'Rappler', 'Nikkei', 'Folha', 'Der Spiegel', 'BBC', 'Al Jazeera'];
const COLLECTIONS = ['asia', 'europe', 'trade', 'security', 'climate', 'elections'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sta', 'vor', 'qui', 'bel', 'tan', 'dro', 'phe', 'nus', 'gar', 'lix', 'mon', 'tre', 'sol', 'vin', 'har', 'ek'];

/** ~40,000 word forms, most common first, with a cumulative Zipf weight table to draw from. */
function vocabulary(random: () => number): { words: string[]; cumulative: Float64Array } {
  const words = [...COMMON];
  const seen = new Set(words);
  while (words.length < 40_000) {
    const n = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let i = 0; i < words.length; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, 1.05);
  return { words, cumulative };
}

/** Builds sentences and articles from one seeded random source, so runs are comparable. */
class ProseMaker {
  readonly random: () => number;
  private readonly vocab: { words: string[]; cumulative: Float64Array };

  constructor(seed: number) {
    this.random = prng(seed);
    this.vocab = vocabulary(this.random);
  }

  word(): string {
    const { words, cumulative } = this.vocab;
    const target = this.random() * cumulative[cumulative.length - 1]!;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  sentence(): string {
    const length = 8 + Math.floor(this.random() * 18);
    const words: string[] = [];
    for (let i = 0; i < length; i++) words.push(this.random() < 0.06 ? this.pick(ENTITIES) : this.word());
    if (this.random() < 0.2) words.splice(1 + Math.floor(this.random() * (words.length - 1)), 0, `"${this.word()} ${this.word()}",`);
    const text = words.join(' ');
    return text[0]!.toUpperCase() + text.slice(1) + '.';
  }
}

function syntheticArticle(maker: ProseMaker, id: string, bytes: number): Article {
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const paragraph = Array.from({ length: 3 + Math.floor(maker.random() * 4) }, () => maker.sentence()).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 1;
  }
  const text = paragraphs.join('\n');
  const blocks: Block[] = [];
  let start = 0;
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', start, end: start + p.length });
    start += p.length + 1;
  }
  const stamp = new Date(Date.UTC(2020, 0, 1) + Math.floor(maker.random() * 1.6e11)).toISOString();
  return {
    id, title: maker.sentence().slice(0, 90), source: maker.pick(SOURCES), author: null, publishedAt: stamp.slice(0, 10),
    url: null, language: 'en', standfirst: maker.sentence(), importedFrom: { kind: 'sample', name: null },
    contentHash: createHash('sha256').update(text).digest('hex'), text, blocks, rev: 1, revisions: [],
    tags: [], collections: [maker.pick(COLLECTIONS)], createdAt: stamp, updatedAt: stamp,
  };
}

function syntheticClaim(maker: ProseMaker, codebook: Codebook, article: Article, id: string): Claim {
  const start = Math.floor(maker.random() * (article.text.length - 200));
  const end = start + 40 + Math.floor(maker.random() * 120);
  const issue = maker.pick(codebook.issues);
  return {
    id, articleId: article.id,
    target: {
      quote: { type: 'TextQuoteSelector', exact: article.text.slice(start, end), prefix: article.text.slice(Math.max(0, start - 32), start), suffix: article.text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
    },
    anchor: { status: 'exact' }, actorIds: [maker.pick(codebook.actors).id], issueId: issue.id,
    proposition: issue.propositions[0] ?? '', stanceId: maker.pick(codebook.stances).id,
    speaker: maker.random() < 0.4 ? maker.pick(ENTITIES) : null, tags: [], note: maker.random() < 0.5 ? maker.sentence() : '',
    createdAt: article.createdAt, updatedAt: article.updatedAt,
  };
}

/**
 * Writes shards and library.json straight into a notebook folder that openNotebook created
 * (plain writes, as the store bench does: building the notebook is not what is measured).
 */
async function fillSearchNotebook(dir: string, codebook: Codebook, articleCount: number, claimsPerArticle: number, seed = 7): Promise<void> {
  const maker = new ProseMaker(seed);
  const library: LibraryDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, journalSeq: 0, articles: [], revs: {} };
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  for (let i = 0; i < articleCount; i++) {
    const article = syntheticArticle(maker, `art-${i}`, 6000);
    const claims = Array.from({ length: claimsPerArticle }, (_, j) => syntheticClaim(maker, codebook, article, `clm-${i}-${j}`));
    const shard: ShardDoc = { schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 1, article, claims };
    await writeFile(abs(dir, shardRel(article.id)), JSON.stringify(shard));
    library.articles.push(summarize(article, claims.length));
    library.revs[article.id] = 1;
  }
  await writeFile(abs(dir, FILES.library), JSON.stringify(library));
  await writeFile(abs(dir, FILES.journal), '');
}

/** ~200 queries of the kinds analysts type: words, prefixes, phrases, each with or without filters. */
function benchQueries(codebook: Codebook): RequestOf<'search'>[] {
  const maker = new ProseMaker(99);
  const midWord = (): string => {
    for (;;) {
      const w = maker.word();
      if (w.length > 4 && !STOP_WORDS.has(w)) return w;
    }
  };
  const queries: RequestOf<'search'>[] = [];
  for (let i = 0; i < 40; i++) queries.push({ query: `${midWord()} ` });
  for (let i = 0; i < 30; i++) queries.push({ query: `${midWord()} ${midWord()} ` });
  for (let i = 0; i < 15; i++) queries.push({ query: `${maker.pick(ENTITIES)} ${midWord()} ${midWord()} ` });
  for (let i = 0; i < 25; i++) queries.push({ query: `${midWord().slice(0, 3 + (i % 3))}*` });
  for (let i = 0; i < 20; i++) queries.push({ query: `${maker.pick(ENTITIES)} ${midWord().slice(0, 4)}` });
  for (let i = 0; i < 20; i++) queries.push({ query: `"${maker.pick(['south china sea', 'wang yi', 'xi jinping', 'foreign ministry', 'united nations', 'world trade organization', 'jake sullivan', 'são paulo'])}"` });
  // Phrases cut from fresh prose: mostly found nowhere, which is the costly case (every candidate checked).
  for (let i = 0; i < 10; i++) queries.push({ query: `"${midWord()} ${maker.word()} ${midWord()}"` });
  const filters = [
    () => ({ publishedFrom: '2022-01-01', publishedTo: '2022-12-31' }),
    () => ({ actorId: maker.pick(codebook.actors).id }),
    () => ({ stanceId: maker.pick(codebook.stances).id, kinds: ['claim' as const] }),
    () => ({ issueId: maker.pick(codebook.issues).id }),
    () => ({ source: maker.pick(SOURCES) }),
    () => ({ collection: maker.pick(COLLECTIONS), kinds: ['article' as const] }),
  ];
  for (let i = 0; i < 40; i++) queries.push({ query: i % 2 ? `${maker.pick(ENTITIES)} ` : `${midWord()} `, filters: filters[i % filters.length]!() });
  return queries;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;
const mb = (bytes: number): number => round(bytes / 2 ** 20);
/** CPU time (user + system) this process spent since `since`, in milliseconds. */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const asJson = args.includes('--json');
  // --quick: a 2,000-article notebook, for iterating (npm run bench -- --quick passes it on).
  const articles = flag('--articles', args.includes('--quick') ? 2_000 : 10_000);
  const perArticle = flag('--claims-per-article', 10);
  const log = (line: string): void => void (asJson || process.stdout.write(`${line}\n`));
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memGb: round(os.totalmem() / 2 ** 30), node: process.version,
    // Other work on the machine inflates wall-clock figures; the *_cpu_ms ones are this process's own.
    loadAverage: round(os.loadavg()[0] ?? 0),
  };
  log(`Stancebook search bench: ${articles} articles, ${articles * perArticle} claims`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGb} GB RAM, node ${machine.node}, load average ${machine.loadAverage}`);

  // --keep DIR: the notebook and its index file stay in DIR; a later run with the same DIR skips
  // writing the notebook and building the index (build figures are then 0), to iterate on queries.
  const keep = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
  const reuse = keep !== undefined && existsSync(indexFilePath(keep));
  const dir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'stancebook-search-bench-')));
  try {
    const codebook = await loadDefaultCodebook(sourceResourcesDir());
    let t = performance.now();
    if (!reuse) {
      await rm(dir, { recursive: true, force: true });
      const created = await openNotebook(dir, { create: true, name: 'bench' });
      await created.putCodebook(codebook);
      await created.close();
      t = performance.now();
      await fillSearchNotebook(dir, codebook, articles, perArticle);
      log(`notebook written in ${Math.round(performance.now() - t)} ms`);
    }
    const store = await openNotebook(dir);

    // Build, watching how long the event loop is held at most (the app must stay responsive).
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    let index: SearchIndex | null = new SearchIndex(store.getCodebook());
    t = performance.now();
    let cpu = process.cpuUsage();
    if (!reuse) await buildIndex(store, index, () => undefined);
    const buildMs = performance.now() - t;
    const buildCpuMs = cpuMs(cpu);
    loop.disable();
    const buildMaxBlockMs = loop.max / 1e6;
    const counts = reuse ? { claims: articles * perArticle } : index.counts();

    t = performance.now();
    const contents = reuse ? '' : serializeIndexFile(index.toJSON(), index.codebook, notebookStamp(store), new Date());
    const serializeMs = performance.now() - t;
    if (!reuse) await writeIndexFile(dir, contents);
    const persistMs = performance.now() - t;
    const indexBytes = (await stat(indexFilePath(dir))).size;
    index = null; // let it go, so the heap figure below is one index's
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    // Queries through the real handler, on a core whose service loads the file just written.
    const core = createNotebookCore(store);
    const service = searchServiceOf(core.context)!;
    t = performance.now();
    cpu = process.cpuUsage();
    await service.whenCurrent();
    const loadMs = performance.now() - t;
    const loadCpuMs = cpuMs(cpu);
    if (service.status().source !== 'loaded') throw new Error('the bench core rebuilt instead of loading the index');
    gc();
    const heapMb = mb(process.memoryUsage().heapUsed - heapBefore);
    const queries = benchQueries(codebook);
    for (const q of queries.slice(0, 20)) await core.handlers.search({ limit: 20, offset: 0, ...q }); // warm-up
    const latencies: number[] = [];
    const cpuLatencies: number[] = [];
    const totals: number[] = [];
    const byKind = new Map<string, number[]>();
    const cpuByKind = new Map<string, number[]>();
    const timed: { ms: number; q: RequestOf<'search'>; total: number }[] = [];
    // --cpu-prof-queries FILE: a CPU profile of the timed queries only (open it in Chrome DevTools).
    const profileFile = args.includes('--cpu-prof-queries') ? args[args.indexOf('--cpu-prof-queries') + 1] : undefined;
    const profiler = profileFile ? new inspector.Session() : null;
    if (profiler) {
      profiler.connect();
      await new Promise<void>((resolve, reject) => profiler.post('Profiler.enable', () => profiler.post('Profiler.start', (e) => (e ? reject(e) : resolve()))));
    }
    for (const [i, q] of queries.entries()) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      const response = await core.handlers.search({ limit: 20, offset: 0, ...q });
      const ms = performance.now() - start;
      latencies.push(ms);
      const queryCpuMs = cpuMs(startCpu);
      cpuLatencies.push(queryCpuMs);
      totals.push(response.total);
      const kind = q.filters ? 'filtered' : q.query.includes('"') ? 'phrase' : q.query.includes('*') || !q.query.endsWith(' ') ? 'prefix' : 'words';
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      cpuByKind.set(kind, [...(cpuByKind.get(kind) ?? []), queryCpuMs]);
      timed.push({ ms, q, total: response.total });
      void i;
    }
    if (profiler && profileFile) {
      const profile = await new Promise<unknown>((resolve, reject) => profiler.post('Profiler.stop', (e, r) => (e ? reject(e) : resolve(r.profile))));
      await writeFile(profileFile, JSON.stringify(profile));
      profiler.disconnect();
    }
    await core.close();

    // Catching up instead of rebuilding: another process (the command line) edits a claim in each
    // of 20 articles while the app is closed; the next open loads the file and re-reads only those.
    const CATCH_UP = 20;
    const editor = createNotebookCore(await openNotebook(dir));
    for (const summary of editor.store.listArticles().slice(0, CATCH_UP)) {
      const [claim] = await editor.store.getClaims(summary.id);
      if (claim) await editor.handlers.updateClaim({ articleId: summary.id, id: claim.id, patch: { note: 'catch-up probe' } });
    }
    await editor.close();
    gc();
    const reopened = createNotebookCore(await openNotebook(dir));
    const later = searchServiceOf(reopened.context)!;
    t = performance.now();
    cpu = process.cpuUsage();
    await later.whenCurrent();
    const catchUpMs = performance.now() - t;
    const catchUpCpuMs = cpuMs(cpu);
    if (later.status().source !== 'loaded' || later.status().caughtUp < CATCH_UP) {
      throw new Error(`the bench core did not catch up (${JSON.stringify(later.status())})`);
    }
    if ((await reopened.handlers.search({ query: '"catch-up probe"', limit: 1, offset: 0 })).total < CATCH_UP) throw new Error('the caught-up index misses the edits');
    await reopened.close();

    const figures = {
      search_articles: articles,
      search_claims: counts.claims,
      search_build_ms: Math.round(buildMs),
      search_build_cpu_ms: Math.round(buildCpuMs),
      search_build_max_block_ms: round(buildMaxBlockMs),
      search_serialize_ms: Math.round(serializeMs),
      search_persist_ms: Math.round(persistMs),
      search_index_mb: mb(indexBytes),
      search_load_ms: Math.round(loadMs),
      search_load_cpu_ms: Math.round(loadCpuMs),
      search_heap_mb: heapMb,
      search_catch_up_articles: CATCH_UP,
      search_catch_up_ms: Math.round(catchUpMs),
      search_catch_up_cpu_ms: Math.round(catchUpCpuMs),
      // The same job before catching up existed: a full rebuild (measured above, same run).
      search_rebuild_vs_catch_up: reuse ? null : round(buildMs / catchUpMs, 1),
      search_queries: latencies.length,
      search_p50_ms: round(percentile(latencies, 50), 2),
      search_p95_ms: round(percentile(latencies, 95), 2),
      search_max_ms: round(Math.max(...latencies), 2),
      search_p50_cpu_ms: round(percentile(cpuLatencies, 50), 2),
      search_p95_cpu_ms: round(percentile(cpuLatencies, 95), 2),
      search_median_total: percentile(totals, 50),
      ...Object.fromEntries([...byKind].map(([kind, ms]) => [`search_p95_${kind}_ms`, round(percentile(ms, 95), 2)])),
      ...Object.fromEntries([...cpuByKind].map(([kind, ms]) => [`search_p95_${kind}_cpu_ms`, round(percentile(ms, 95), 2)])),
    };
    if (asJson) {
      console.log(JSON.stringify({ machine, ...figures }));
      return;
    }
    log('');
    const slowest = flag('--slowest', 0);
    if (slowest > 0) {
      log(`slowest ${slowest} queries:`);
      for (const { ms, q, total } of [...timed].sort((a, b) => b.ms - a.ms).slice(0, slowest)) {
        log(`  ${ms.toFixed(1).padStart(8)} ms  total ${String(total).padStart(6)}  ${JSON.stringify(q.query)}${q.filters ? ` ${JSON.stringify(q.filters)}` : ''}`);
      }
      log('');
    }
    for (const [key, value] of Object.entries(figures)) log(`${key.padEnd(30)} ${value}`);
    log(`\ntarget: p95 under 50 ms -> ${figures.search_p95_ms < 50 ? 'met' : 'NOT met'} on this machine`);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

await main();
