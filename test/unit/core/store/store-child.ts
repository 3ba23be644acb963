/**
 * A second process for the crash and lock tests (bundled to JavaScript by builtChild first).
 *   open-exit <dir>            open the notebook, then exit without closing it
 *   hold <dir>                 open the notebook, print "open", then wait to be killed
 *   write <dir> <seed>         open, then save/update/delete claims at random forever, printing
 *                              "try <op> <article> <claim> <note>" before and "ack ..." after each
 *                              acknowledged (durable) write
 */
import { openNotebook } from '../../../../electron/core/store';
import { makeArticle, makeClaim } from './fixtures';
import { mulberry32 } from './prng';

const [mode, dir, seedText] = process.argv.slice(2);
if (!mode || !dir) throw new Error('usage: store-child.ts open-exit|hold|write <dir> [seed]');

if (mode === 'open-exit') {
  await openNotebook(dir);
  process.exit(0);
}
const store = await openNotebook(dir, { create: true, journalCompactAfter: 25 });
if (mode === 'hold') {
  process.stdout.write('open\n');
  setInterval(() => undefined, 1 << 30);
} else {
  const random = mulberry32(Number(seedText ?? 1));
  const articles = ['a1', 'a2', 'a3'];
  const live = new Map<string, string>();
  for (const id of articles) {
    if (!store.listArticles().some((a) => a.id === id)) await store.putArticle(makeArticle(id));
    for (const claim of await store.getClaims(id)) live.set(claim.id, id);
  }
  process.stdout.write('ready\n');
  for (let n = 0; ; n++) {
    const roll = random();
    const ids = [...live.keys()];
    if (roll < 0.2 && ids.length > 0) {
      const claimId = ids[Math.floor(random() * ids.length)]!;
      const articleId = live.get(claimId)!;
      process.stdout.write(`try del ${articleId} ${claimId} -\n`);
      await store.deleteClaim(articleId, claimId);
      live.delete(claimId);
      process.stdout.write(`ack del ${articleId} ${claimId} -\n`);
    } else if (roll < 0.4 && ids.length > 0) {
      const claimId = ids[Math.floor(random() * ids.length)]!;
      const articleId = live.get(claimId)!;
      const note = `u${seedText}-${n}`;
      process.stdout.write(`try put ${articleId} ${claimId} ${note}\n`);
      await store.putClaim(makeClaim(articleId, claimId, { note }));
      process.stdout.write(`ack put ${articleId} ${claimId} ${note}\n`);
    } else {
      const articleId = articles[Math.floor(random() * articles.length)]!;
      const claimId = `c${seedText}-${n}`;
      const note = `n${seedText}-${n}`;
      process.stdout.write(`try put ${articleId} ${claimId} ${note}\n`);
      await store.putClaim(makeClaim(articleId, claimId, { note }));
      live.set(claimId, articleId);
      process.stdout.write(`ack put ${articleId} ${claimId} ${note}\n`);
    }
  }
}
