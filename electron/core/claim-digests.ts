import type { CoreContext } from './context';

/**
 * What notebook-wide views (the positions map, codebook usage) need of a claim: its coding and
 * its place, a few dozen bytes instead of the whole claim with its selectors and note.
 */
export interface ClaimDigest {
  id: string;
  issueId: string | null;
  /** Without repeats. */
  actorIds: string[];
  stanceId: string | null;
  /** Lower-cased: claims carry tags by name, matched ignoring case. */
  tags: string[];
  start: number;
  createdAt: string;
}

/**
 * Digests of each article's claims in the order of the text (then of making), read once and
 * kept until a change event names the article, or a whole-notebook change. Codebook and brief
 * events leave them: digests hold codebook ids, not names, and a merge or delete that rewrites
 * claims also sends a claims event for each article it touched. Notebook-wide views then cost
 * one pass over memory instead of reading every article's file.
 */
class DigestCache {
  private readonly byArticle = new Map<string, ClaimDigest[]>();
  /**
   * Bumped by every change that empties the cache: a read that began before a change may have
   * seen the old claims, so its result is returned but not kept.
   */
  private generation = 0;

  constructor(ctx: CoreContext) {
    ctx.subscribe((event) => {
      if (!event.articleId && (event.scope === 'briefs' || event.scope === 'codebook')) return;
      this.generation += 1;
      if (event.articleId) this.byArticle.delete(event.articleId);
      else this.byArticle.clear();
    });
  }

  async of(ctx: CoreContext, articleId: string): Promise<ClaimDigest[]> {
    const cached = this.byArticle.get(articleId);
    if (cached) return cached;
    const generation = this.generation;
    const digests = (await ctx.store.getClaims(articleId))
      .map((c) => ({
        id: c.id,
        issueId: c.issueId ?? null,
        actorIds: [...new Set(c.actorIds)],
        stanceId: c.stanceId,
        tags: [...new Set(c.tags.map((t) => t.toLowerCase()))],
        start: c.target.position.start,
        createdAt: c.createdAt,
      }))
      .sort((a, b) => a.start - b.start || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    if (generation === this.generation) this.byArticle.set(articleId, digests);
    return digests;
  }
}

const caches = new WeakMap<CoreContext, DigestCache>();

/** The claims of one article as digests, from the context's cache. */
export function claimDigests(ctx: CoreContext, articleId: string): Promise<ClaimDigest[]> {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new DigestCache(ctx)));
  return cache.of(ctx, articleId);
}
