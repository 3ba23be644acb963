/**
 * Child of store-bench.ts: a fresh process that opens the notebook, lists it, opens a few
 * articles and saves a few claims, then prints one JSON line with its timings and peak RSS.
 */
export {};

const started = performance.now();
const { openNotebook } = await import('../../electron/core/store');
const dir = process.argv[2]!;
const store = await openNotebook(dir);
const count = store.listArticles().length;
const openMs = performance.now() - started;
const ids = store.listArticles().map((a) => a.id);
for (let i = 0; i < 50; i++) {
  const id = ids[Math.floor((i * 7919) % ids.length)]!;
  await store.getArticle(id);
  const claims = await store.getClaims(id);
  if (claims[0]) await store.putClaim({ ...claims[0], note: `touched ${i}` });
}
await store.close();
process.stdout.write(JSON.stringify({ openMs, count, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
