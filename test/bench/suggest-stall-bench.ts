/**
 * Background suggester stall benchmark: `node --import tsx test/bench/suggest-stall-bench.ts
 * [--json] [--quick] [--articles N]`.
 *
 * On a generated notebook (the search bench's articles, 10 claims each; 2,000 articles by default,
 * 300 with --quick; ~1,000 words each, and one in 20 a long report of ~10,000 words, as a news
 * notebook has; search index and claims digest made beforehand, as after
 * an earlier session), the app's background pass asks for every article's suggestions in turn,
 * as renderer/src/features/suggestions/BackgroundSuggester.tsx does (getSuggestions with
 * background: true, one after another). Meanwhile, in the same process: the stall reporter of
 * `stancebook serve` (STANCEBOOK_STALL_REPORT, electron/cli/stall-report.ts) at 50 ms, and, once
 * the pass is under way, the session's first search, its first Positions map and the suggestions
 * of an article the analyst opens (not yet read by the pass).
 *
 * Twice, each on a freshly opened core with no suggestions stored: the old path, the suggester on
 * the core's thread (STANCEBOOK_SUGGEST_IN_THREAD=1), then the suggester's worker thread. Prints
 * the longest stall, the stalls over 50 ms, and the three latencies for each, and their ratios.
 * Measures; never fails on speed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dispatch, type MethodName } from '../../shared/api';
import { loadDefaultCodebook, sourceResourcesDir } from '../../electron/core/bootstrap';
import { createNotebookCore, type NotebookCore } from '../../electron/core/notebook-core';
import { betterSqlite3Driver } from '../../electron/core/search/sqlite/better-sqlite3-driver';
import { openNotebook } from '../../electron/core/store';
import { SUGGESTIONS_DIR } from '../../electron/core/suggest/suggestion-file';
import { STALL_LINE_PREFIX, startStallReport } from '../../electron/cli/stall-report';
import { benchQueries, fillSearchNotebook } from './search-bench-data';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false }, articles: { type: 'string' } },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 300 : 2000));
const PER_ARTICLE = 10;
const STALL_MS = 50;
/** ~1,000 words, and every 20th article ~10,000 words. */
const articleBytes = (index: number): number => (index % 20 === 10 ? 60_000 : 6000);
/** How many articles the pass reads before the analyst's requests start. */
const WARM_UP = 20;
const log = (line: string) => {
  if (!values.json) console.log(line);
};

interface PassFigures {
  pass_ms: number;
  articles: number;
  /** The longest event-loop delay of the whole pass (perf_hooks histogram, any length). */
  longest_delay_ms: number;
  longest_stall_ms: number;
  stalls_over_50ms: number;
  stalled_ms_total: number;
  first_search_ms: number;
  first_positions_ms: number;
  open_article_suggestions_ms: number;
}

async function openCore(dir: string): Promise<NotebookCore> {
  return createNotebookCore(await openNotebook(dir), { searchDatabase: betterSqlite3Driver() });
}

/** One call as a host makes it (validated, defaults filled in); throws what it refused with. */
async function call(core: NotebookCore, name: MethodName, request: unknown): Promise<void> {
  const result = await dispatch(core.handlers, name, request);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
}

async function timed(core: NotebookCore, name: MethodName, request: unknown): Promise<number> {
  const t = performance.now();
  await call(core, name, request);
  return performance.now() - t;
}

async function pass(dir: string, inThread: boolean): Promise<PassFigures> {
  if (inThread) process.env.STANCEBOOK_SUGGEST_IN_THREAD = '1';
  else delete process.env.STANCEBOOK_SUGGEST_IN_THREAD;
  await rm(path.join(dir, SUGGESTIONS_DIR), { recursive: true, force: true });
  const core = await openCore(dir);
  const { handlers } = core;
  const query = benchQueries(core.store.getCodebook())[0]!;
  const todo = (await handlers.listSuggestionStatus({})).filter((s) => s.state !== 'current').map((s) => s.articleId);
  // The analyst opens the last article the pass would read.
  const opened = todo[todo.length - 1]!;
  const stalls: number[] = [];
  const stop = startStallReport({ STANCEBOOK_STALL_REPORT: String(STALL_MS) }, (line) => {
    if (line.startsWith(STALL_LINE_PREFIX)) stalls.push((JSON.parse(line.slice(STALL_LINE_PREFIX.length)) as { ms: number }).ms);
  })!;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let analyst: Promise<[number, number, number]> | null = null;
  const started = performance.now();
  for (const [i, articleId] of todo.entries()) {
    if (i === WARM_UP) {
      // While the pass goes on: the first search, the first map, the open article's suggestions.
      analyst = (async () => [
        await timed(core, 'search', query),
        await timed(core, 'getPositions', {}),
        await timed(core, 'getSuggestions', { articleId: opened }),
      ])();
    }
    await call(core, 'getSuggestions', { articleId, background: true });
  }
  const passMs = performance.now() - started;
  const [searchMs, positionsMs, openMs] = await analyst!;
  stop();
  delay.disable();
  await core.close();
  return {
    pass_ms: Math.round(passMs),
    articles: todo.length,
    longest_delay_ms: Math.round(delay.max / 1e6),
    longest_stall_ms: Math.max(0, ...stalls),
    stalls_over_50ms: stalls.length,
    stalled_ms_total: stalls.reduce((a, b) => a + b, 0),
    first_search_ms: Math.round(searchMs),
    first_positions_ms: Math.round(positionsMs),
    open_article_suggestions_ms: Math.round(openMs),
  };
}

async function main(): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'stancebook-suggest-stall-'));
  const dir = path.join(root, 'notebook');
  try {
    const codebook = await loadDefaultCodebook(sourceResourcesDir());
    const created = await openNotebook(dir, { create: true, name: 'suggest stall bench' });
    await created.putCodebook(codebook);
    await created.close();
    await fillSearchNotebook(dir, codebook, ARTICLES, PER_ARTICLE, 7, articleBytes);
    // As after an earlier session: the search index and the claims digest exist.
    const setup = await openCore(dir);
    await call(setup, 'rebuildSearchIndex', {});
    await call(setup, 'getPositions', {});
    await setup.close();
    log(`${ARTICLES} articles of ~1,000 words (every 20th ~10,000), ${PER_ARTICLE} claims each; stalls over ${STALL_MS} ms of the core's thread`);

    const before = await pass(dir, true);
    const after = await pass(dir, false);
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a');
    const rows: [string, keyof PassFigures][] = [
      ['longest event-loop delay (ms)', 'longest_delay_ms'],
      ['longest stall reported over 50 ms (0: none)', 'longest_stall_ms'],
      ['stalls over 50 ms', 'stalls_over_50ms'],
      ['time stalled over 50 ms (ms)', 'stalled_ms_total'],
      ['first search, pass running (ms)', 'first_search_ms'],
      ['first Positions map, pass running (ms)', 'first_positions_ms'],
      ["open article's suggestions, pass running (ms)", 'open_article_suggestions_ms'],
      ['background pass, whole (ms)', 'pass_ms'],
    ];
    log(`${'figure'.padEnd(48)}${'in thread'.padStart(12)}${'worker'.padStart(12)}${'ratio'.padStart(10)}`);
    for (const [label, key] of rows) {
      log(`${label.padEnd(48)}${String(before[key]).padStart(12)}${String(after[key]).padStart(12)}${ratio(before[key], after[key]).padStart(10)}`);
    }
    if (values.json) {
      const out: Record<string, number> = {};
      for (const [key, value] of Object.entries(before)) out[`suggest_stall_in_thread_${key}`] = value;
      for (const [key, value] of Object.entries(after)) out[`suggest_stall_worker_${key}`] = value;
      console.log(JSON.stringify(out));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
