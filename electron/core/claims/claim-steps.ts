import type { NewCodes } from '../../../shared/api';
import type { Claim, ClaimCoding } from '../../../shared/model';
import { planClaim, planClaimUpdate, requireClaim } from './claims';
import type { CoreContext } from '../context';
import { sameRecord } from '../history/change-set';
import { addClaimCodes, stepLabel } from './claim-codes';
import { historyOf } from '../history/history';

/*
 * The claim methods of the main contract (createClaim, updateClaim, deleteClaim) as undoable
 * steps. Validation is the same as in ../claims.ts; only the write goes through the history.
 * A create or update also puts the codes typed on the claim into the codebook (claim-codes.ts),
 * in the same step: one undo takes back the claim and the entries made for it.
 */

/** Creates a claim over [start, end) of the article's current text, as one undo step. */
export function createClaimStep(
  ctx: CoreContext,
  articleId: string,
  start: number,
  end: number,
  coding: Partial<ClaimCoding>,
  newCodes?: NewCodes,
): Promise<Claim> {
  return historyOf(ctx).perform(async () => {
    const before = ctx.store.getCodebook();
    const planned = await planClaim(ctx, articleId, start, end, coding);
    const { claim, codebook, created } = addClaimCodes(ctx, structuredClone(before), planned, newCodes, 'all');
    const codebookChange = sameRecord(before, codebook) ? undefined : { before, after: codebook };
    return {
      change: {
        label: stepLabel('Create claim', created),
        codebook: codebookChange,
        articles: [],
        claims: [{ articleId, claimId: claim.id, before: null, after: claim }],
      },
      result: claim,
    };
  });
}

/** Changes a claim's coding, as one undo step. */
export function updateClaimStep(ctx: CoreContext, articleId: string, id: string, patch: Partial<ClaimCoding>, newCodes?: NewCodes): Promise<Claim> {
  return historyOf(ctx).perform(async () => {
    const codebookBefore = ctx.store.getCodebook();
    const planned = await planClaimUpdate(ctx, articleId, id, patch);
    const fields = new Set(Object.keys(patch) as (keyof ClaimCoding)[]);
    const { claim: after, codebook, created } = addClaimCodes(ctx, structuredClone(codebookBefore), planned.after, newCodes, fields);
    const codebookChange = sameRecord(codebookBefore, codebook) ? undefined : { before: codebookBefore, after: codebook };
    return {
      change: {
        label: stepLabel('Edit claim', created),
        codebook: codebookChange,
        articles: [],
        claims: [{ articleId, claimId: id, before: planned.before, after }],
      },
      result: after,
    };
  });
}

/** Moves a claim to the trash, as one undo step (undo takes it back out). */
export function deleteClaimStep(ctx: CoreContext, articleId: string, id: string): Promise<{ ok: true }> {
  return historyOf(ctx).perform(async () => {
    const before = await requireClaim(ctx, articleId, id);
    return {
      change: { label: 'Delete claim', articles: [], claims: [{ articleId, claimId: id, before, after: null }] },
      result: { ok: true as const },
    };
  });
}
