import { UserError } from '../../../shared/api';
import type { IssueClash, PositionCell, PositionClaim, PositionsFilter, PositionsMap } from '../../../shared/api/contract-positions';
import type { ArticleSummary, Claim, Codebook } from '../../../shared/model';
import type { CoreContext } from '../context';
import { claimDigests, type ClaimDigest } from '../claim-digests';

/** Case and accents ignored, as the library and search compare names. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The articles a filter keeps; only those with claims matter to positions. */
export function articlesFor(ctx: CoreContext, filter: PositionsFilter): ArticleSummary[] {
  if (filter.publishedFrom && filter.publishedTo && filter.publishedFrom > filter.publishedTo) {
    throw new UserError('invalid-request', `The date range is reversed: ${filter.publishedFrom} is after ${filter.publishedTo}. Swap the two dates.`);
  }
  const collection = filter.collection?.trim() ? fold(filter.collection) : null;
  const source = filter.source?.trim() ? fold(filter.source) : null;
  return ctx.store.listArticles().filter((a) => {
    if (a.claimCount === 0) return false;
    // A date filter leaves undated articles out: nobody can say they fall in the range.
    if (filter.publishedFrom && (!a.publishedAt || a.publishedAt.slice(0, 10) < filter.publishedFrom)) return false;
    if (filter.publishedTo && (!a.publishedAt || a.publishedAt.slice(0, 10) > filter.publishedTo)) return false;
    if (collection && !a.collections.some((c) => fold(c) === collection)) return false;
    if (source && fold(a.source ?? '') !== source) return false;
    return true;
  });
}

/**
 * When an article's positions were stated, as a sortable key: its date, else the day it was
 * added to the notebook; the id keeps articles of one day apart. Claims follow in the order
 * of the text, so a later paragraph's stance is the later one.
 */
function whenOf(article: ArticleSummary): string {
  return `${article.publishedAt?.slice(0, 10) ?? article.createdAt.slice(0, 10)}|${article.id}`;
}

const cellKey = (issueId: string | null, actorId: string) => `${issueId ?? ''}\u0000${actorId}`;

interface Gathered {
  claim: ClaimDigest;
  article: ArticleSummary;
}

async function gather(ctx: CoreContext, filter: PositionsFilter): Promise<{ articles: ArticleSummary[]; items: Gathered[] }> {
  const articles = articlesFor(ctx, filter);
  // Oldest first, so a cell's last claim is its latest position: articles by date, each article's claims already in text order.
  const ordered = articles.map((article) => ({ article, key: whenOf(article) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const items: Gathered[] = [];
  // Only claims with an actor stand anywhere on the map.
  for (const { article } of ordered) {
    for (const claim of await claimDigests(ctx, article.id)) if (claim.actorIds.length > 0) items.push({ claim, article });
  }
  return { articles, items };
}

/** Codebook order for ids, unknown ids (a hand-edited file) after the known ones. */
function inCodebookOrder<T extends string | null>(ids: Set<T>, order: (T | null)[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...ids].sort((a, b) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length));
}

/**
 * The positions map: for every actor and issue that claims connect, how often each stance was
 * recorded, the earliest and latest stance (so a shift shows), the dated stances over time,
 * and, per issue, the actors whose latest stances fall on opposite sides of the scale.
 */
export async function getPositions(ctx: CoreContext, filter: PositionsFilter): Promise<PositionsMap> {
  const codebook: Codebook = ctx.store.getCodebook();
  const stanceValue = new Map(codebook.stances.map((s) => [s.id, s.value]));
  const { articles, items } = await gather(ctx, filter);
  const cells = new Map<string, PositionCell>();
  const actorIds = new Set<string>();
  const issueIds = new Set<string | null>();

  for (const { claim, article } of items) {
    const issueId = claim.issueId;
    issueIds.add(issueId);
    const stanceId = claim.stanceId && stanceValue.has(claim.stanceId) ? claim.stanceId : null;
    for (const actorId of claim.actorIds) {
      actorIds.add(actorId);
      const key = cellKey(issueId, actorId);
      const cell = cells.get(key) ?? { issueId, actorId, claimCount: 0, stanceCounts: {}, latestStanceId: null, earliestStanceId: null, timeline: [] };
      cells.set(key, cell);
      cell.claimCount += 1;
      if (!stanceId) continue;
      cell.stanceCounts[stanceId] = (cell.stanceCounts[stanceId] ?? 0) + 1;
      cell.earliestStanceId ??= stanceId;
      cell.latestStanceId = stanceId;
      if (article.publishedAt) cell.timeline.push([article.publishedAt.slice(0, 10), stanceId]);
    }
  }

  const clashes: IssueClash[] = [];
  const orderedIssues = inCodebookOrder(issueIds, [...codebook.issues.map((i) => i.id), null]);
  const orderedActors = inCodebookOrder(actorIds, codebook.actors.map((a) => a.id));
  for (const issueId of orderedIssues) {
    const supporters: string[] = [];
    const opponents: string[] = [];
    for (const actorId of orderedActors) {
      const latest = cells.get(cellKey(issueId, actorId))?.latestStanceId;
      const value = latest ? (stanceValue.get(latest) ?? 0) : 0;
      if (value > 0) supporters.push(actorId);
      else if (value < 0) opponents.push(actorId);
    }
    if (supporters.length > 0 && opponents.length > 0) clashes.push({ issueId, supporters, opponents });
  }

  return {
    articleCount: articles.length,
    claimCount: new Set(items.map((i) => i.claim.id)).size,
    actorIds: orderedActors,
    issueIds: orderedIssues,
    cells: [...cells.values()],
    clashes,
  };
}

/** The claims behind one cell of the map, oldest first, each with its article; only their articles are read. */
export async function getPositionClaims(
  ctx: CoreContext,
  request: PositionsFilter & { issueId: string | null; actorId: string; limit: number },
): Promise<{ total: number; claims: PositionClaim[] }> {
  const { issueId, actorId, limit, ...filter } = request;
  const { items } = await gather(ctx, filter);
  const matching = items.filter(({ claim }) => claim.issueId === issueId && claim.actorIds.includes(actorId));
  const shown = matching.slice(-limit);
  const full = new Map<string, Claim>();
  for (const articleId of new Set(shown.map((m) => m.article.id))) {
    for (const claim of await ctx.store.getClaims(articleId)) full.set(claim.id, claim);
  }
  return {
    total: matching.length,
    claims: shown.flatMap(({ claim: digest, article }) => {
      const claim = full.get(digest.id);
      if (!claim) return [];
      return [
        {
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
        },
      ];
    }),
  };
}
