// Sync through Git: a 10,000-article notebook against a real Git server on loopback (git
// http-backend, test/unit/sync/git-server.ts). Figures: the first push and the first receive of
// the whole notebook, a sync where 20 articles changed on this side (push only) and one where 20
// changed on each side (fetch, record merge, push, apply), a sync with nothing to do as the
// baseline of the same run, and the repository's size after 100 syncs of one change each.
// `node --import tsx test/bench/sync-bench.ts [--json] [--articles N] [--claims N] [--syncs N] [--quick]`
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openNotebookCore } from '../../electron/core/bootstrap';
import { startGitServer } from '../unit/sync/git-server';
import { fillNotebook } from './store-bench-data';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resourcesDir = path.join(ROOT, 'resources');
const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    articles: { type: 'string' },
    claims: { type: 'string' },
    syncs: { type: 'string' },
    quick: { type: 'boolean' },
  },
});
const ARTICLES = Number(values.articles ?? (values.quick ? 1000 : 10_000));
const CLAIMS = Number(values.claims ?? (values.quick ? 3000 : 30_000));
const SYNCS = Number(values.syncs ?? (values.quick ? 20 : 100));
const CHANGED = 20;

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function sizeKb(dir: string): number {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]);
}

const root = mkdtempSync(path.join(os.tmpdir(), 'stancebook-sync-bench-'));
const server = await startGitServer();
try {
  const dirA = path.join(root, 'a');
  const { articles, claims } = await fillNotebook(dirA, ARTICLES, CLAIMS, 7);
  const a = await openNotebookCore(dirA, { resourcesDir, create: true });
  const b = await openNotebookCore(path.join(root, 'b'), { resourcesDir, create: true });
  const firstClaim = new Map<string, string>();
  for (const c of claims) if (!firstClaim.has(c.articleId)) firstClaim.set(c.articleId, c.id);
  const edit = async (core: typeof a, from: number, count: number, note: string) => {
    for (let i = from; i < from + count; i++) {
      const article = articles[i % articles.length]!;
      await core.handlers.updateClaim({ articleId: article.id, id: firstClaim.get(article.id)!, patch: { note } });
    }
  };
  try {
    await a.handlers.configureSync({ remote: server.url });
    await b.handlers.configureSync({ remote: server.url });
    const firstPush = await time(() => a.handlers.sync({}));
    const firstReceive = await time(() => b.handlers.sync({}));
    await a.handlers.sync({});
    const idle = await time(() => a.handlers.sync({}));
    await edit(a, 0, CHANGED, 'changed on A');
    const push20 = await time(() => a.handlers.sync({}));
    await edit(a, 100, CHANGED, 'changed on A again');
    await a.handlers.sync({});
    await edit(b, 200, CHANGED, 'changed on B');
    const merge20 = await time(() => b.handlers.sync({}));
    if (merge20.value.outcome !== 'merged' || merge20.value.applied.claims < CHANGED)
      throw new Error(`the merge sync did not merge: ${JSON.stringify(merge20.value)}`);
    const repoAfterSetup = sizeKb(server.repo);
    const loop: number[] = [];
    for (let i = 0; i < SYNCS; i++) {
      await edit(a, 300 + i, 1, `sync ${i}`);
      loop.push((await time(() => a.handlers.sync({}))).ms);
    }
    loop.sort((x, y) => x - y);
    const figures = {
      sync_articles: ARTICLES,
      sync_claims: claims.length,
      sync_first_push_ms: Math.round(firstPush.ms),
      sync_first_receive_ms: Math.round(firstReceive.ms),
      sync_nothing_to_do_ms: Math.round(idle.ms),
      sync_20_changed_push_ms: Math.round(push20.ms),
      sync_20_changed_each_side_merge_ms: Math.round(merge20.ms),
      sync_20_changed_merge_vs_nothing_to_do: Number((merge20.ms / idle.ms).toFixed(2)),
      sync_loop_syncs: SYNCS,
      sync_loop_median_ms: Math.round(loop[Math.floor(loop.length / 2)] ?? 0),
      sync_notebook_kb: sizeKb(dirA) - sizeKb(path.join(dirA, '.git')),
      sync_remote_repo_kb_after_setup: repoAfterSetup,
      sync_remote_repo_kb_after_loop: sizeKb(server.repo),
      sync_local_git_kb_after_loop: sizeKb(path.join(dirA, '.git')),
    };
    if (values.json) console.log(JSON.stringify(figures));
    else {
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(44)} ${v}`);
      console.log(`target: a sync of ${ARTICLES.toLocaleString('en')} articles with 20 changed < 5000 ms`);
    }
  } finally {
    await a.close();
    await b.close();
  }
} finally {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
}
