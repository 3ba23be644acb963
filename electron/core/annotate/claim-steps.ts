import type { Claim, ClaimCoding } from '../../../shared/model';
import { planClaim, planClaimUpdate, requireClaim } from '../claims';
import type { CoreContext } from '../context';
import { historyOf } from './history';

/*
 * The claim methods of the main contract (createClaim, updateClaim, deleteClaim) as undoable
 * steps. Validation is the same as in ../claims.ts; only the write goes through the history.
 */

/** Creates a claim over [start, end) of the article's current text, as one undo step. */
export function createClaimStep(
  ctx: CoreContext,
  articleId: string,
  start: number,
  end: number,
  coding: Partial<ClaimCoding>,
): Promise<Claim> {
  return historyOf(ctx).perform(async () => {
    const claim = await planClaim(ctx, articleId, start, end, coding);
    return { change: { label: 'Create claim', articles: [], claims: [{ articleId, claimId: claim.id, before: null, after: claim }] }, result: claim };
  });
}

/** Changes a claim's coding, as one undo step. */
export function updateClaimStep(ctx: CoreContext, articleId: string, id: string, patch: Partial<ClaimCoding>): Promise<Claim> {
  return historyOf(ctx).perform(async () => {
    const { before, after } = await planClaimUpdate(ctx, articleId, id, patch);
    return { change: { label: 'Edit claim', articles: [], claims: [{ articleId, claimId: id, before, after }] }, result: after };
  });
}

/** Moves a claim to the trash, as one undo step (undo takes it back out). */
export function deleteClaimStep(ctx: CoreContext, articleId: string, id: string): Promise<{ ok: true }> {
  return historyOf(ctx).perform(async () => {
    const before = await requireClaim(ctx, articleId, id);
    return { change: { label: 'Delete claim', articles: [], claims: [{ articleId, claimId: id, before, after: null }] }, result: { ok: true as const } };
  });
}
