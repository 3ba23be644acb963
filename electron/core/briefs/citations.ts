import type { CitationRef, FoundCitation, ResolvedCitation } from '../../../shared/api/contract-briefs';
import type { ArticleSummary, Claim, Codebook } from '../../../shared/model';
import type { CoreContext } from '../context';

/** "Parent › Child" for a nested issue; stops on a parent cycle in a hand-edited codebook. */
function issuePath(codebook: Codebook, issueId: string): string {
  const byId = new Map(codebook.issues.map((i) => [i.id, i]));
  const names: string[] = [];
  let current = byId.get(issueId);
  while (current && names.length < 8) {
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(' › ');
}

/** One claim with its codebook entries and article resolved to what the analyst reads. */
export function describeCitation(claim: Claim, article: ArticleSummary, codebook: Codebook): FoundCitation {
  const actor = new Map(codebook.actors.map((a) => [a.id, a]));
  const issue = claim.issueId ? codebook.issues.find((i) => i.id === claim.issueId) : undefined;
  return {
    claimId: claim.id,
    state: 'found',
    quote: claim.target.quote.exact,
    actors: claim.actorIds.map((id) => {
      const known = actor.get(id);
      return { id, name: known?.name ?? id, color: known?.color ?? null };
    }),
    speaker: claim.speaker,
    issue: issue ? { id: issue.id, name: issue.name, path: issuePath(codebook, issue.id) } : null,
    proposition: claim.proposition,
    stance: (claim.stanceId && codebook.stances.find((s) => s.id === claim.stanceId)) || null,
    note: claim.note,
    anchor: claim.anchor,
    article: { id: article.id, title: article.title, source: article.source, publishedAt: article.publishedAt, url: article.url },
  };
}

/** Why a cited claim is gone, in the analyst's words, using the trash when it knows. */
function missingReason(ctx: CoreContext, ref: CitationRef): string {
  const trash = ctx.store.listTrash();
  if (trash.some((e) => e.kind === 'claim' && e.id === ref.claimId))
    return 'This claim was deleted. Restore it from the trash to bring the citation back.';
  if (ref.articleId && trash.some((e) => e.kind === 'article' && e.id === ref.articleId)) {
    return "This claim's article was deleted. Restore the article from the trash to bring the citation back.";
  }
  return 'This claim is no longer in the notebook.';
}

/**
 * Finds claims by id. Refs that name their article are looked up in that article only (claims
 * never move between articles, so absence there means deleted); refs without one are searched
 * across the library, reading articles until all are found. Returns found claims by id.
 */
export async function findClaims(ctx: CoreContext, refs: CitationRef[]): Promise<Map<string, { claim: Claim; article: ArticleSummary }>> {
  const summaries = new Map(ctx.store.listArticles().map((a) => [a.id, a]));
  const found = new Map<string, { claim: Claim; article: ArticleSummary }>();
  const byArticle = new Map<string, Set<string>>();
  const unplaced = new Set<string>();
  for (const ref of refs) {
    if (ref.articleId) byArticle.set(ref.articleId, (byArticle.get(ref.articleId) ?? new Set()).add(ref.claimId));
    else unplaced.add(ref.claimId);
  }
  const take = async (articleId: string, wanted: Set<string>) => {
    const article = summaries.get(articleId);
    if (!article) return;
    for (const claim of await ctx.store.getClaims(articleId)) {
      if (wanted.has(claim.id)) found.set(claim.id, { claim, article });
    }
  };
  for (const [articleId, wanted] of byArticle) await take(articleId, wanted);
  for (const articleId of summaries.keys()) {
    if ([...unplaced].every((id) => found.has(id))) break;
    await take(articleId, unplaced);
  }
  return found;
}

/** Each ref resolved to the claim as it is now, or marked missing with the reason. Order is kept. */
export async function resolveCitations(ctx: CoreContext, refs: CitationRef[]): Promise<ResolvedCitation[]> {
  const found = await findClaims(ctx, refs);
  const codebook = ctx.store.getCodebook();
  return refs.map((ref) => {
    const hit = found.get(ref.claimId);
    return hit ? describeCitation(hit.claim, hit.article, codebook) : { claimId: ref.claimId, state: 'missing', reason: missingReason(ctx, ref) };
  });
}
