import { UserError } from '../../../shared/api';
import type { AnchorReviewItem, Orphan, TextSpan } from '../../../shared/api/contract-annotate';
import { CONTEXT_LENGTH, anchorTarget } from '../../../shared/anchoring';
import { anchorState, type Article, type Claim } from '../../../shared/model';
import { requireArticle } from '../articles/articles';
import { describeTarget, requireClaim } from './claims';
import { isoNow, type CoreContext } from '../context';
import { historyOf } from '../history/history';

/** A stretch of `text` with up to CONTEXT_LENGTH characters either side, as the review shows it. */
function spanOf(text: string, start: number, end: number): TextSpan {
  return {
    start,
    end,
    text: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * The closest match for an orphan in the article's current text. Not stored with the claim (the
 * model keeps only the status and old context), so it is searched again here; the anchoring
 * engine is deterministic, so this is the candidate the re-anchoring saw.
 */
function bestCandidate(article: Article, claim: Claim): Orphan['bestCandidate'] {
  const result = anchorTarget(article.text, claim.target);
  const range = result.status === 'orphaned' ? result.bestCandidate : result;
  if (!range || range.end <= range.start) return null;
  return { ...spanOf(article.text, range.start, range.end), score: result.score };
}

function orphansOf(article: Article, claims: Claim[]): Orphan[] {
  return claims
    .filter((claim) => claim.anchor.status === 'orphaned')
    .sort((a, b) => a.target.position.start - b.target.position.start)
    .map((claim) => ({
      articleId: article.id,
      articleTitle: article.title,
      claim,
      previous: claim.anchor.previous ?? { prefix: claim.target.quote.prefix, exact: claim.target.quote.exact, suffix: claim.target.quote.suffix },
      bestCandidate: bestCandidate(article, claim),
    }));
}

/**
 * Orphaned claims of one article, or of the whole notebook, with their old context and closest
 * match. The whole-notebook form reads every article that has claims; see README (cost).
 */
export async function listOrphans(ctx: CoreContext, articleId?: string): Promise<Orphan[]> {
  if (articleId) {
    const article = await requireArticle(ctx, articleId);
    return orphansOf(article, await ctx.store.getClaims(articleId));
  }
  const out: Orphan[] = [];
  for (const summary of ctx.store.listArticles()) {
    if (summary.claimCount === 0) continue;
    const claims = await ctx.store.getClaims(summary.id);
    if (!claims.some((c) => c.anchor.status === 'orphaned')) continue;
    const article = await ctx.store.getArticle(summary.id);
    if (article) out.push(...orphansOf(article, claims));
  }
  return out;
}

function reviewItemsOf(article: Article, claims: Claim[]): AnchorReviewItem[] {
  return claims
    .filter((claim) => anchorState(claim.anchor) !== 'placed')
    .sort((a, b) => a.target.position.start - b.target.position.start)
    .map((claim) => {
      const previous = claim.anchor.previous ?? {
        prefix: claim.target.quote.prefix,
        exact: claim.target.quote.exact,
        suffix: claim.target.quote.suffix,
      };
      const articleFields = { articleId: article.id, articleTitle: article.title, claim, previous };
      if (claim.anchor.status === 'orphaned') {
        return { ...articleFields, state: 'orphaned' as const, reasons: [], placed: null, bestCandidate: bestCandidate(article, claim) };
      }
      const { start, end } = claim.target.position;
      const placed = end <= article.text.length ? spanOf(article.text, start, end) : null;
      return { ...articleFields, state: 'needs-review' as const, reasons: claim.anchor.review?.reasons ?? [], placed, bestCandidate: null };
    });
}

/**
 * The anchor review: orphaned claims and placed claims that need review, of one article or of
 * the whole notebook (reading only articles that have such claims).
 */
export async function listAnchorReview(ctx: CoreContext, articleId?: string): Promise<AnchorReviewItem[]> {
  if (articleId) {
    const article = await requireArticle(ctx, articleId);
    return reviewItemsOf(article, await ctx.store.getClaims(articleId));
  }
  const out: AnchorReviewItem[] = [];
  for (const summary of ctx.store.listArticles()) {
    if (summary.claimCount === 0) continue;
    const claims = await ctx.store.getClaims(summary.id);
    if (!claims.some((c) => anchorState(c.anchor) !== 'placed')) continue;
    const article = await ctx.store.getArticle(summary.id);
    if (article) out.push(...reviewItemsOf(article, claims));
  }
  return out;
}

/**
 * Confirms a placement that needs review, as one undo step: the claim stays where it is, its
 * review flag goes and `confirmed` records when. There is no user concept in a notebook yet, so
 * `confirmed.by` is left out.
 */
export function confirmPlacement(ctx: CoreContext, articleId: string, claimId: string): Promise<{ claim: Claim }> {
  return historyOf(ctx).perform(async () => {
    await requireArticle(ctx, articleId);
    const claim = await requireClaim(ctx, articleId, claimId);
    if (claim.anchor.status === 'orphaned') {
      throw new UserError('conflict', 'This claim is orphaned: it has no place to confirm. Accept the closest passage or select its text again.');
    }
    if (!claim.anchor.review) {
      throw new UserError('conflict', 'This claim does not need review (its placement is already trusted). Reload the review list.');
    }
    const { review: _review, previous: _previous, ...anchor } = claim.anchor;
    const after: Claim = { ...claim, anchor: { ...anchor, confirmed: { at: isoNow(ctx) } } };
    return {
      change: { label: 'Confirm claim placement', articles: [], claims: [{ articleId, claimId, before: claim, after }] },
      result: { claim: after },
    };
  });
}

export interface ResolveOrphanRequest {
  articleId: string;
  claimId: string;
  action: 'accept' | 'reselect' | 'delete';
  start?: number;
  end?: number;
}

const LABELS: Record<ResolveOrphanRequest['action'], string> = {
  accept: 'Place orphaned claim',
  reselect: 'Reselect orphaned claim',
  delete: 'Delete orphaned claim',
};

/**
 * Settles an orphan as one undo step: `accept` places the claim on its closest match, `reselect`
 * on the range the analyst chose, both as `exact` (score 1) with fresh selectors; `delete` moves
 * it to the trash. Returns the claim as stored, or null after a delete.
 */
export function resolveOrphan(ctx: CoreContext, request: ResolveOrphanRequest): Promise<{ claim: Claim | null }> {
  const { articleId, claimId, action, start, end } = request;
  return historyOf(ctx).perform(async () => {
    const article = await requireArticle(ctx, articleId);
    const claim = await requireClaim(ctx, articleId, claimId);
    const state = anchorState(claim.anchor);
    if (state === 'placed' || (state === 'needs-review' && action === 'accept')) {
      throw new UserError(
        'conflict',
        state === 'placed'
          ? `This claim is not orphaned (it is ${claim.anchor.status}), so there is nothing to resolve. Reload the orphans list.`
          : 'This claim is placed and needs review: confirm its placement, select its text again, or delete it.',
      );
    }
    const hasRange = start !== undefined || end !== undefined;
    if (action !== 'reselect' && hasRange) {
      throw new UserError('invalid-request', `start and end are only for "reselect"; leave them out to ${action} the claim.`);
    }
    let after: Claim | null = null;
    if (action !== 'delete') {
      let range: { start: number; end: number };
      if (action === 'reselect') {
        if (start === undefined || end === undefined) {
          throw new UserError('invalid-request', 'To reselect a claim, give the start and end of the new selection.');
        }
        range = { start, end };
      } else {
        const candidate = bestCandidate(article, claim);
        if (!candidate) {
          throw new UserError('conflict', 'Nothing in the current text resembles this claim. Select its text again, or delete it.');
        }
        range = candidate;
      }
      const target = describeTarget(article.text, range.start, range.end);
      // Placed by the analyst's own choice: trusted, and recorded as confirmed.
      after = { ...claim, target, anchor: { status: 'exact', score: 1, confirmed: { at: isoNow(ctx) } }, updatedAt: isoNow(ctx) };
    }
    return {
      change: { label: LABELS[action], articles: [], claims: [{ articleId, claimId, before: claim, after }] },
      result: { claim: after },
    };
  });
}
