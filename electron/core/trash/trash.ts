import { UserError } from '../../../shared/api';
import type { CitingBrief, TrashEntry } from '../../../shared/api/contract-trash';
import { collectCitations } from '../briefs/brief-doc';
import type { CoreContext } from '../context';
import type { TrashEntry as StoredTrashEntry } from '../store/types';

/** A trash entry as the contract shows it: a claim names its article while that article is live. */
function describe(entry: StoredTrashEntry, titles: Map<string, string>): TrashEntry {
  return { ...entry, articleTitle: entry.kind === 'claim' && entry.articleId ? (titles.get(entry.articleId) ?? null) : null };
}

/** The live titles of the articles the entries' claims belong to (looked up by id, not a map of the library). */
function liveTitles(ctx: CoreContext, entries: readonly { kind: string; articleId?: string | null }[]): Map<string, string> {
  const titles = new Map<string, string>();
  for (const entry of entries) {
    const summary = entry.kind === 'claim' && entry.articleId ? ctx.store.getArticleSummary(entry.articleId) : null;
    if (summary) titles.set(summary.id, summary.title);
  }
  return titles;
}

/** Everything in the trash, the most recently deleted first. */
export function listTrash(ctx: CoreContext): TrashEntry[] {
  const entries = ctx.store.listTrash();
  const titles = liveTitles(ctx, entries);
  return entries.map((entry) => describe(entry, titles));
}

/**
 * Puts one item back and tells every client what came back. A claim whose article is not live
 * is refused by the store ("restore the article first"), changing nothing.
 */
export async function restoreFromTrash(ctx: CoreContext, id: string): Promise<TrashEntry> {
  const entry = ctx.store.listTrash().find((e) => e.id === id);
  if (!entry) {
    throw new UserError(
      'not-found',
      `There is nothing with id "${id}" in the trash. It may have been restored or the trash emptied; the Trash view shows what is there.`,
    );
  }
  await ctx.store.restoreFromTrash(id);
  if (entry.kind === 'article') ctx.emit({ scope: 'articles', articleId: entry.id });
  else if (entry.kind === 'claim') ctx.emit({ scope: 'claims', articleId: entry.articleId ?? undefined });
  else ctx.emit({ scope: 'briefs' });
  return describe(entry, liveTitles(ctx, [entry]));
}

/** Removes everything in the trash for good; answers how many items went. */
export async function emptyTrash(ctx: CoreContext): Promise<{ removed: number }> {
  const removed = ctx.store.listTrash().length;
  // No change event: live articles, claims and briefs are as they were (and the search index and
  // digests follow those events); the app refreshes its trash list from this answer.
  await ctx.store.emptyTrash();
  return { removed };
}

/**
 * The briefs citing any of the given claims or any claim of the article, with how many of them
 * each cites: what a delete of those claims would leave as missing citations.
 */
export async function briefsCiting(ctx: CoreContext, request: { claimIds?: string[]; articleId?: string }): Promise<CitingBrief[]> {
  const wanted = new Set(request.claimIds ?? []);
  if (request.articleId) {
    if (!ctx.store.listArticles().some((a) => a.id === request.articleId)) {
      throw new UserError(
        'not-found',
        `There is no article with id "${request.articleId}". It may have been deleted; the library lists the articles there are.`,
      );
    }
    for (const claim of await ctx.store.getClaims(request.articleId)) wanted.add(claim.id);
  }
  const citing: CitingBrief[] = [];
  for (const brief of ctx.store.listBriefs()) {
    const citations = collectCitations(brief.doc).filter((ref) => wanted.has(ref.claimId)).length;
    if (citations > 0) citing.push({ id: brief.id, title: brief.title, citations });
  }
  return citing.sort((a, b) => a.title.localeCompare(b.title));
}
