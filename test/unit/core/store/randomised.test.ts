import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook, type NotebookStore } from '../../../../electron/core/store';
import type { Article, Brief, Claim } from '../../../../shared/model';
import { makeArticle, makeBrief, makeClaim, steppingClock, tempDir } from './fixtures';
import { mulberry32 } from './prng';

/** The store's behaviour, in memory: what the notebook should hold after each operation. */
class Model {
  articles = new Map<string, { article: Article; claims: Map<string, Claim> }>();
  briefs = new Map<string, Brief>();
  trash = new Map<string, { kind: 'article' | 'claim' | 'brief'; article?: Article; claims?: Claim[]; claim?: Claim; brief?: Brief }>();
}

async function expectSame(store: NotebookStore, model: Model): Promise<void> {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  expect(
    store
      .listArticles()
      .map((s) => [s.id, s.title, s.claimCount])
      .sort(),
  ).toEqual([...model.articles.values()].map((e) => [e.article.id, e.article.title, e.claims.size]).sort());
  for (const [id, entry] of model.articles) {
    expect(await store.getArticle(id)).toEqual(entry.article);
    expect((await store.getClaims(id)).sort(byId)).toEqual([...entry.claims.values()].sort(byId));
  }
  expect(store.listBriefs().sort(byId)).toEqual([...model.briefs.values()].sort(byId));
  expect(
    store
      .listTrash()
      .map((e) => `${e.kind}:${e.id}`)
      .sort(),
  ).toEqual([...model.trash.entries()].map(([id, e]) => `${e.kind}:${id}`).sort());
}

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('stancebook-random-')));
afterEach(() => cleanup());

describe('randomised operations against an in-memory model', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 300 operations, then reopened from disk, match the model`, async () => {
      const random = mulberry32(seed);
      const pick = <T>(items: T[]): T | undefined => items[Math.floor(random() * items.length)];
      const options = { now: steppingClock(), journalCompactAfter: 7 };
      let store = await openNotebook(dir, { ...options, create: true });
      const model = new Model();
      let counter = 0;
      for (let op = 0; op < 300; op++) {
        const roll = random();
        const articleId = pick([...model.articles.keys()]);
        if (roll < 0.12 || articleId === undefined) {
          const id = random() < 0.8 || articleId === undefined ? `a${++counter}` : articleId;
          const article = makeArticle(id, { title: `Title ${op}`, text: `Text of ${id} at step ${op} with some words` });
          await store.putArticle(article);
          model.articles.set(id, { article, claims: model.articles.get(id)?.claims ?? new Map() });
        } else if (roll < 0.45) {
          const entry = model.articles.get(articleId)!;
          const id = random() < 0.7 ? `c${++counter}` : (pick([...entry.claims.keys()]) ?? `c${++counter}`);
          const claim = makeClaim(articleId, id, { note: `note ${op}` });
          await store.putClaim(claim);
          entry.claims.set(id, claim);
        } else if (roll < 0.52) {
          const entry = model.articles.get(articleId)!;
          const claims = [
            makeClaim(articleId, `c${++counter}`),
            ...[...entry.claims.keys()].slice(0, 2).map((id) => makeClaim(articleId, id, { note: `batch ${op}` })),
          ];
          await store.putClaims(articleId, claims);
          for (const claim of claims) entry.claims.set(claim.id, claim);
        } else if (roll < 0.62) {
          const entry = model.articles.get(articleId)!;
          const claimId = pick([...entry.claims.keys()]);
          if (claimId === undefined) continue;
          await store.deleteClaim(articleId, claimId);
          model.trash.set(claimId, { kind: 'claim', claim: entry.claims.get(claimId)! });
          entry.claims.delete(claimId);
        } else if (roll < 0.68) {
          const entry = model.articles.get(articleId)!;
          await store.deleteArticle(articleId);
          model.trash.set(articleId, { kind: 'article', article: entry.article, claims: [...entry.claims.values()] });
          model.articles.delete(articleId);
        } else if (roll < 0.76) {
          const id = random() < 0.7 ? `b${++counter}` : (pick([...model.briefs.keys()]) ?? `b${++counter}`);
          const brief = makeBrief(id, `Brief ${op}`);
          await store.putBrief(brief);
          model.briefs.set(id, brief);
        } else if (roll < 0.8) {
          const id = pick([...model.briefs.keys()]);
          if (id === undefined) continue;
          await store.deleteBrief(id);
          model.trash.set(id, { kind: 'brief', brief: model.briefs.get(id)! });
          model.briefs.delete(id);
        } else if (roll < 0.93) {
          const id = pick([...model.trash.keys()]);
          if (id === undefined) continue;
          const item = model.trash.get(id)!;
          if (item.kind === 'claim' && !model.articles.has(item.claim!.articleId)) {
            await expect(store.restoreFromTrash(id)).rejects.toThrow(/restore the article first/);
            continue;
          }
          await store.restoreFromTrash(id);
          model.trash.delete(id);
          if (item.kind === 'brief') model.briefs.set(id, item.brief!);
          else if (item.kind === 'article' && !model.articles.has(id)) {
            model.articles.set(id, { article: item.article!, claims: new Map(item.claims!.map((c) => [c.id, c])) });
          } else if (item.kind === 'claim') model.articles.get(item.claim!.articleId)!.claims.set(id, item.claim!);
        } else if (roll < 0.95) {
          await store.emptyTrash();
          model.trash.clear();
        } else {
          await store.close();
          store = await openNotebook(dir, options);
          expect(store.openReport.recovered).toEqual([]);
        }
        if (op % 50 === 0) await expectSame(store, model);
      }
      await expectSame(store, model);
      await store.close();
      store = await openNotebook(dir, options);
      expect(store.openReport).toEqual({ recovered: [], migratedFrom: null });
      await expectSame(store, model);
      await store.close();
    }, 60_000);
  }
});
