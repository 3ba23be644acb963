import { UserError } from '../../../shared/api';
import type { Claim, ClaimCoding } from '../../../shared/model';
import { coderNames } from '../agreement/agreement-report';
import { historyOf } from '../history/history';
import { planClaimUpdate, requireClaim } from '../claims/claims';
import type { CoreContext } from '../context';

export interface Adjudication {
  articleId: string;
  keepClaimId: string;
  dropClaimIds: string[];
  decision: 'keep' | 'merge' | 'third';
  coding?: Partial<ClaimCoding>;
}

const DECISION_LABEL = { keep: 'kept one version', merge: 'merged the versions', third: 'recorded a third version' } as const;

/**
 * Settles a matched span: the kept claim takes `coding` (merge, third version) or stays as it is
 * (keep); the other coders' claims go to the trash. One undo step, so undo puts all back; the kept
 * claim's history records who decided what (field `adjudicated`).
 */
export function adjudicate(ctx: CoreContext, request: Adjudication): Promise<{ claim: Claim }> {
  return historyOf(ctx).perform(async () => {
    const { articleId, keepClaimId, dropClaimIds, decision, coding } = request;
    if (dropClaimIds.includes(keepClaimId)) {
      throw new UserError('invalid-request', 'The claim to keep is also among those to set aside. Keep one claim and set aside the others.');
    }
    if (decision === 'keep' && coding && Object.keys(coding).length > 0) {
      throw new UserError('invalid-request', 'Keeping a version leaves its coding as it is: send the coding with "merge" or "third" instead.');
    }
    const dropped = await Promise.all(dropClaimIds.map((id) => requireClaim(ctx, articleId, id)));
    const { before, after } = coding ? await planClaimUpdate(ctx, articleId, keepClaimId, coding) : await keepAsIs(ctx, articleId, keepClaimId);
    const names = coderNames([before, ...dropped]);
    const who = (claim: Claim) => (claim.createdBy ? (names.get(claim.createdBy) ?? claim.createdBy) : 'no coder');
    const label = `Adjudicate: ${DECISION_LABEL[decision]}`;
    return {
      change: {
        label,
        articles: [],
        claims: [
          { articleId, claimId: keepClaimId, before, after },
          ...dropped.map((claim) => ({ articleId, claimId: claim.id, before: claim, after: null })),
        ],
        audit: [
          {
            claimId: keepClaimId,
            field: 'adjudicated' as const,
            from: dropped.map((claim) => `${who(claim)}'s claim ${claim.id}`),
            to: `${decision}: ${who(before)}'s claim kept${decision === 'keep' ? '' : ', coding edited'}`,
          },
        ],
      },
      result: { claim: after },
    };
  });
}

async function keepAsIs(ctx: CoreContext, articleId: string, claimId: string): Promise<{ before: Claim; after: Claim }> {
  const before = await requireClaim(ctx, articleId, claimId);
  return { before, after: structuredClone(before) };
}
