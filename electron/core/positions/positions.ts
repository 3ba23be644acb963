import type { PositionClaim, PositionsFilter, PositionsMap } from '../../../shared/api/contract-positions';
import type { ArticleSummary, Claim } from '../../../shared/model';
import type { CoreContext } from '../context';
import { articleFilterOf, prepareArticleFilter } from '../articles/article-filter';
import { inTextOrder, type ArticleDigest, type DigestView } from '../claims/claim-digests';
import { claimScope, digestForCoder } from '../coders/coder-digest';
import { scopeOf, type ActorScope } from '../registry/actor-scope';
import { computePositionsMap, propositionKeys } from './positions-map';
import { propositionKey } from './position-rules';

/** The articles a filter keeps (electron/core/articles/article-filter.ts); only those with claims matter to positions. */
export function articlesFor(ctx: CoreContext, filter: PositionsFilter): ArticleSummary[] {
  const prepared = prepareArticleFilter(articleFilterOf(filter));
  return ctx.store.listArticles().filter((a) => a.claimCount > 0 && prepared.matches(a));
}

/**
 * Articles in the order their positions were stated: by published date, else the day they were
 * added to the notebook; the id keeps articles of one day apart. Their claims follow in the order
 * of the text, so a later paragraph's stance is the later one.
 */
export function inTimeOrder(articles: ArticleSummary[]): ArticleSummary[] {
  // Keys sorted by the engine's own string order (no comparator called 10,000 × log times); ids are unique, so keys are.
  const byKey = new Map<string, ArticleSummary>();
  for (const article of articles) byKey.set(`${article.publishedAt?.slice(0, 10) ?? article.createdAt.slice(0, 10)}|${article.id}`, article);
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

/**
 * The positions map: for every actor and issue that claims connect, the stances recorded, the
 * propositions, the latest stance, shifts, the timeline per period, and the clashes per
 * proposition. The digest is brought up to date (re-reading only changed articles), then the
 * map is one synchronous pass over it.
 */
export async function getPositions(ctx: CoreContext, filter: PositionsFilter): Promise<PositionsMap> {
  const articles = inTimeOrder(articlesFor(ctx, filter));
  const digest = await digestForCoder(ctx, articles, filter.coderId);
  // Nothing is awaited from here on: the digest cannot change under the pass.
  const codebook = ctx.store.getCodebook();
  return computePositionsMap(digest, articles, codebook, scopeOf(codebook, filter));
}

/** Which claims of a block belong to one cell (and proposition): their indexes in the block's columns, in text order. */
function matchesIn(block: ArticleDigest, issue: number, actorWanted: Uint8Array, propositionKey: number | null, keys: Int32Array): number[] {
  const out: number[] = [];
  for (let i = block.from; i < block.to; i++) {
    if (block.issue[i] !== issue) continue;
    if (propositionKey !== null && (block.proposition[i]! < 0 ? -1 : keys[block.proposition[i]!]) !== propositionKey) continue;
    for (let k = block.actorStart[i]!; k < block.actorStart[i + 1]!; k++) {
      if (actorWanted[block.actors[k]!] === 1) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

function claimMatches(claim: Claim, issueId: string | null, actorId: string, proposition: string | undefined, scope: ActorScope): boolean {
  if ((claim.issueId ?? null) !== issueId || !claim.actorIds.some((a) => (scope ? scope(a) : a) === actorId)) return false;
  return proposition === undefined || propositionKey(claim.proposition) === propositionKey(proposition);
}

function lookupKey(digest: DigestView, proposition: string | undefined): number | null {
  if (proposition === undefined) return null;
  const key = propositionKey(proposition);
  if (key === '') return -1;
  // -2: a proposition no claim states.
  return propositionKeys(digest.tables.propositions).keyOf.get(key) ?? -2;
}

/**
 * The claims behind one cell of the map (optionally one proposition of it): the latest `limit`,
 * oldest first, each with its article. The digest says which articles hold them; only those
 * articles are read, newest first, until `limit` claims are found.
 */
export async function getPositionClaims(
  ctx: CoreContext,
  request: PositionsFilter & { issueId: string | null; actorId: string; proposition?: string; limit: number },
): Promise<{ total: number; claims: PositionClaim[] }> {
  const { issueId, actorId, proposition, limit, ...filter } = request;
  const articles = inTimeOrder(articlesFor(ctx, filter));
  const digest = await digestForCoder(ctx, articles, filter.coderId);
  const coderScope = await claimScope(ctx, articles, filter.coderId);
  const issue = issueId === null ? -1 : digest.tables.issues.find(issueId);
  // The digest actors drawn as this actor (rolled up: its descendants too; filtered: none if it is left out).
  const scope = scopeOf(ctx.store.getCodebook(), filter);
  const actorWanted = Uint8Array.from(digest.tables.actors.values, (id) => ((scope ? scope(id) : id) === actorId ? 1 : 0));
  const wantedKey = lookupKey(digest, proposition);
  if ((issueId !== null && issue < 0) || !actorWanted.includes(1) || wantedKey === -2) return { total: 0, claims: [] };
  const { keys } = propositionKeys(digest.tables.propositions);
  const perArticle: { article: ArticleSummary; count: number }[] = [];
  let total = 0;
  for (const article of articles) {
    const block = digest.block(article.id);
    if (!block) continue;
    const count = matchesIn(block, issue, actorWanted, wantedKey, keys).length;
    if (count > 0) perArticle.push({ article, count });
    total += count;
  }
  // Newest articles first until the limit is reached; then oldest first for the answer.
  const chosen: { article: ArticleSummary; take: number }[] = [];
  let room = limit;
  for (let i = perArticle.length - 1; i >= 0 && room > 0; i--) {
    const { article, count } = perArticle[i]!;
    chosen.unshift({ article, take: Math.min(count, room) });
    room -= count;
  }
  const claims: PositionClaim[] = [];
  for (const { article, take } of chosen) {
    // The article may have changed since the digest was read: its claims are matched as they are now.
    const own = inTextOrder(await ctx.store.getClaims(article.id)).filter(
      (c) => claimMatches(c, issueId, actorId, proposition, scope) && (!coderScope || coderScope(article.id, c)),
    );
    for (const claim of own.slice(-take)) {
      claims.push({
        claimId: claim.id,
        articleId: article.id,
        articleTitle: article.title,
        source: article.source,
        publishedAt: article.publishedAt,
        quote: claim.target.quote.exact,
        proposition: claim.proposition,
        speaker: claim.speaker,
        stanceId: claim.stanceId,
        anchorStatus: claim.anchor.status,
        ...(claim.anchor.status !== 'orphaned' && claim.anchor.review ? { needsReview: true } : {}),
      });
    }
  }
  return { total, claims };
}
