import type { Claim } from '../../../shared/model';
import { coderNames } from '../agreement/agreement-report';
import type { CoreContext } from '../context';
import { getCoder } from './coder-settings';

/** The coders one article's claims name (who made them, who changed them), as of one revision. */
interface ArticleCoders {
  rev: number;
  names: [string, string | null][];
}

const cached = new WeakMap<CoreContext, Map<string, ArticleCoders>>();

/**
 * Everyone who made or changed a claim, with the name they gave, plus this copy's coder, by name.
 * Each article's coders are kept with its storage revision, so only articles written since the
 * last call are read again; only the names are kept, never the claims (at 10,000 articles,
 * holding all 100,000 claims at once made the process's heap, and its garbage collection, grow).
 */
export async function listCoders(ctx: CoreContext): Promise<{ id: string; name: string | null }[]> {
  let perArticle = cached.get(ctx);
  if (!perArticle) cached.set(ctx, (perArticle = new Map()));
  const live = new Set<string>();
  const names = new Map<string, string | null>();
  for (const article of ctx.store.listArticles()) {
    if (article.claimCount === 0) continue;
    live.add(article.id);
    const rev = ctx.store.articleRevision(article.id);
    let entry = perArticle.get(article.id);
    if (!entry || entry.rev !== rev) {
      const claims: Claim[] = await ctx.store.getClaims(article.id);
      entry = { rev, names: [...coderNames(claims)] };
      perArticle.set(article.id, entry);
    }
    // As coderNames does over all claims at once: a later name for the same coder wins, a missing one keeps what was known.
    for (const [id, name] of entry.names) names.set(id, name ?? names.get(id) ?? null);
  }
  for (const id of perArticle.keys()) if (!live.has(id)) perArticle.delete(id);
  const me = await getCoder(ctx);
  if (me) names.set(me.id, me.name);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
}
