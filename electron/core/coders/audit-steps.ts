import type { Claim } from '../../../shared/model';
import type { ChangeSet, Side } from '../history/change-set';
import { isoNow, type CoreContext } from '../context';
import { boundHistory, stampClaim } from './claim-audit';
import { getCoder } from './coder-settings';

/**
 * Stamps a step about to be done: each claim it writes gets the history entries for what the
 * step changes in it, and its coder marks. Changes the set in place, and the claim objects too, so
 * the action's answer (which shares them) is the claim as stored.
 */
export async function auditForward(ctx: CoreContext, set: ChangeSet): Promise<void> {
  const coder = await getCoder(ctx);
  const at = isoNow(ctx);
  for (const change of set.claims) {
    if (!change.after) continue;
    const stamped = stampClaim(change.before, change.after, coder, at, set.label);
    for (const extra of set.audit ?? []) {
      if (extra.claimId !== change.claimId) continue;
      stamped.history = boundHistory([
        ...(stamped.history ?? []),
        { at, by: coder?.id ?? null, byName: coder?.name ?? null, step: set.label, ...extra },
      ]);
      if (coder) stamped.updatedBy = coder.id;
    }
    Object.assign(change.after, stamped);
  }
}

/**
 * A copy of `set` whose `side` holds the claims as they should be stored when undo or redo puts
 * that side back: the target state with the claim's stored history (and new entries) kept. The
 * recorded step itself is left as it was, so it can be undone and redone again.
 */
export async function auditedSide(ctx: CoreContext, set: ChangeSet, side: Side, step: string): Promise<ChangeSet> {
  const coder = await getCoder(ctx);
  const at = isoNow(ctx);
  const stored = new Map<string, Claim[]>();
  const claims = [];
  for (const change of set.claims) {
    const target = change[side];
    if (!target) {
      claims.push(change);
      continue;
    }
    if (!stored.has(change.articleId)) {
      const article = await ctx.store.getArticle(change.articleId);
      stored.set(change.articleId, article ? await ctx.store.getClaims(change.articleId) : []);
    }
    const current = stored.get(change.articleId)!.find((c) => c.id === change.claimId) ?? null;
    claims.push({ ...change, [side]: stampClaim(current, structuredClone(target), coder, at, step) });
  }
  return { ...set, claims };
}
