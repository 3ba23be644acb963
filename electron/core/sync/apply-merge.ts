import type { NotebookChanged } from '../../../shared/api';
import type { Brief, Claim } from '../../../shared/model';
import type { CoreContext } from '../context';
import { same } from './merge-fields';
import { mergeNotebooks, type ArticleRecord, type MergeOutput, type MergeSide } from './merge-records';

/**
 * Writes a merge into the open notebook through the store (so the search index, the claims
 * digest and every client follow through the usual change events). The merge was computed
 * against the last commit ("ours"); anything the analyst changed since is merged over once more,
 * three-way with that commit as the base, so a concurrent edit is never overwritten silently.
 */

export interface AppliedCounts {
  articles: number;
  claims: number;
  briefs: number;
  codebook: boolean;
}

async function currentSide(ctx: CoreContext, articleIds: readonly string[], conflicts: MergeSide['conflicts']): Promise<MergeSide> {
  const articles = new Map<string, ArticleRecord>();
  for (const id of articleIds) {
    const article = await ctx.store.getArticle(id);
    if (article) articles.set(id, { article, claims: await ctx.store.getClaims(id) });
  }
  return { codebook: ctx.store.getCodebook(), briefs: ctx.store.listBriefs(), articles, conflicts, author: null };
}

/**
 * Applies `merged` (computed over `ours`) to the store. Answers what was written and the final
 * state of the conflicts list (the caller writes it).
 */
export async function applyMerge(
  ctx: CoreContext,
  ours: MergeSide,
  merged: MergeOutput,
  articleIds: readonly string[],
): Promise<{ counts: AppliedCounts; conflicts: MergeOutput['conflicts']; extraConflicts: number }> {
  const current = await currentSide(ctx, articleIds, ours.conflicts);
  const mergedSide: MergeSide = {
    codebook: merged.codebook,
    briefs: merged.briefs,
    articles: merged.articles,
    conflicts: merged.conflicts,
    author: null,
  };
  const final = mergeNotebooks({ base: ours, ours: current, theirs: mergedSide, articleIds, now: ctx.now().toISOString() });
  const counts: AppliedCounts = { articles: 0, claims: 0, briefs: 0, codebook: false };
  const events: NotebookChanged[] = [];
  const trash = (): Set<string> => new Set(ctx.store.listTrash().map((e) => e.id));
  try {
    if (!same(final.codebook, current.codebook)) {
      await ctx.store.putCodebook(final.codebook);
      counts.codebook = true;
      events.push({ scope: 'codebook' });
    }
    await applyBriefs(ctx, current.briefs, final.briefs, trash, counts, events);
    for (const id of articleIds) {
      const before = current.articles.get(id);
      const after = final.articles.get(id);
      if (!before && !after) continue;
      if (before && !after) {
        await ctx.store.deleteArticle(id);
        counts.articles++;
        events.push({ scope: 'articles', articleId: id });
        continue;
      }
      let live = before?.claims ?? [];
      if (!before && trash().has(id)) {
        // Deleted here, edited there: it comes back from the trash, then takes the merged state.
        await ctx.store.restoreFromTrash(id);
        live = await ctx.store.getClaims(id);
      }
      const article = after!.article;
      if (!before || !same(before.article, article)) {
        await ctx.store.putArticle(article);
        counts.articles++;
        events.push({ scope: 'articles', articleId: id });
      }
      const n = await applyClaims(ctx, id, live, after!.claims, trash);
      if (n > 0) {
        counts.claims += n;
        events.push({ scope: 'claims', articleId: id });
      }
    }
  } finally {
    for (const event of events) ctx.emit(event);
  }
  return { counts, conflicts: final.conflicts, extraConflicts: final.newConflicts.length };
}

async function applyBriefs(
  ctx: CoreContext,
  before: Brief[],
  after: Brief[],
  trash: () => Set<string>,
  counts: AppliedCounts,
  events: NotebookChanged[],
): Promise<void> {
  const was = new Map(before.map((b) => [b.id, b]));
  const will = new Set(after.map((b) => b.id));
  for (const brief of after) {
    const old = was.get(brief.id);
    if (old && same(old, brief)) continue;
    if (!old && trash().has(brief.id)) await ctx.store.restoreFromTrash(brief.id);
    await ctx.store.putBrief(brief);
    counts.briefs++;
  }
  for (const brief of before) {
    if (!will.has(brief.id)) {
      await ctx.store.deleteBrief(brief.id);
      counts.briefs++;
    }
  }
  if (counts.briefs > 0) events.push({ scope: 'briefs' });
}

async function applyClaims(ctx: CoreContext, articleId: string, live: Claim[], target: Claim[], trash: () => Set<string>): Promise<number> {
  const was = new Map(live.map((c) => [c.id, c]));
  const will = new Set(target.map((c) => c.id));
  const changed = target.filter((c) => !was.has(c.id) || !same(was.get(c.id), c));
  const trashed = trash();
  for (const claim of changed) {
    // A claim coming back from the trash leaves it, so the trash never lists a live claim.
    if (!was.has(claim.id) && trashed.has(claim.id)) await ctx.store.restoreFromTrash(claim.id);
  }
  if (changed.length > 0) await ctx.store.putClaims(articleId, changed);
  let n = changed.length;
  for (const claim of live) {
    if (!will.has(claim.id)) {
      await ctx.store.deleteClaim(articleId, claim.id);
      n++;
    }
  }
  return n;
}
