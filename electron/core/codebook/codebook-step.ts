import { UserError } from '../../../shared/api';
import type { CodebookChange } from '../../../shared/api/contract-annotate';
import type { Claim, Codebook } from '../../../shared/model';
import { isoNow, type CoreContext } from '../context';
import { sameRecord, type ClaimChange } from '../history/change-set';
import { historyOf } from '../history/history';

/** The kinds of codebook entry, in the analyst's words, for messages. */
export type EntryKind = 'actor' | 'issue' | 'stance' | 'tag';

/** Names compare without case or surrounding space: "US" and "us " are one actor. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** Trims names and drops repeats (case-insensitively) and any equal to `except`. */
export function uniqueNames(names: readonly string[], except?: string): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name || (except !== undefined && sameName(name, except)) || out.some((n) => sameName(n, name))) continue;
    out.push(name);
  }
  return out;
}

/** The entry with this id, or a not-found error that says what to do. */
export function requireEntry<T extends { id: string }>(entries: readonly T[], id: string, kind: EntryKind): T {
  const entry = entries.find((e) => e.id === id);
  if (!entry) {
    throw new UserError('not-found', `There is no ${kind} "${id}" in the codebook. It may have been merged or deleted; reload the codebook.`);
  }
  return entry;
}

/** "An actor", "A stance": the kind with its article, to start a sentence. */
export function withArticle(kind: EntryKind): string {
  return `${/^[aeiou]/.test(kind) ? 'An' : 'A'} ${kind}`;
}

/** Refuses to merge an entry into itself. */
export function assertDistinct(fromId: string, intoId: string, kind: EntryKind): void {
  if (fromId === intoId) {
    throw new UserError('invalid-request', `${withArticle(kind)} cannot be merged into itself; pick two different ${kind}s.`);
  }
}

/**
 * Every claim in the notebook that `edit` changes, as before/after pairs. `edit` returns the
 * changed claim, or the same object when the claim is not affected. Reads each article that has
 * claims once: O(claims in the notebook), see README (cost).
 */
export async function collectClaimChanges(ctx: CoreContext, edit: (claim: Claim) => Claim): Promise<ClaimChange[]> {
  const now = isoNow(ctx);
  const changes: ClaimChange[] = [];
  for (const summary of ctx.store.listArticles()) {
    if (summary.claimCount === 0) continue;
    for (const claim of await ctx.store.getClaims(summary.id)) {
      const edited = edit(claim);
      if (edited === claim || sameRecord(edited, claim)) continue;
      changes.push({ articleId: claim.articleId, claimId: claim.id, before: claim, after: { ...edited, updatedAt: now } });
    }
  }
  return changes;
}

/** What a codebook action plans: the new codebook, the claims it rewrites, and its answer. */
export interface CodebookPlan<T> {
  codebook: Codebook;
  claims?: ClaimChange[];
  result: T;
}

/**
 * Runs a codebook action as one undo step. `plan` gets a private copy of the codebook to change,
 * validates, and returns the new codebook and claim rewrites; nothing is written if it throws.
 * The codebook is then written once, and each touched article's claims once.
 */
export function codebookStep<T>(
  ctx: CoreContext,
  label: string,
  plan: (codebook: Codebook) => Promise<CodebookPlan<T>> | CodebookPlan<T>,
): Promise<T> {
  return historyOf(ctx).perform(async () => {
    const before = ctx.store.getCodebook();
    const planned = await plan(structuredClone(before));
    const claims = planned.claims ?? [];
    const codebookChanged = !sameRecord(before, planned.codebook);
    if (!codebookChanged && claims.length === 0) return { change: null, result: planned.result };
    return {
      change: {
        label,
        codebook: codebookChanged ? { before, after: planned.codebook } : undefined,
        articles: [],
        claims,
      },
      result: planned.result,
    };
  });
}

/** The answer of merges, deletes and moves: the codebook as it now is, and how many claims changed. */
export function changeResult(codebook: Codebook, claims: readonly ClaimChange[]): CodebookChange {
  return { codebook, claimsChanged: claims.length };
}

/** Refuses to delete an entry claims still use, saying how many and what to do instead. */
export function assertUnused(count: number, kind: EntryKind, name: string): void {
  if (count === 0) return;
  throw new UserError(
    'conflict',
    `${count} claim${count === 1 ? ' uses' : 's use'} the ${kind} "${name}". ` +
      `Merge it into another ${kind}, or delete it with reassignTo set to the ${kind} its claims should take (or null to clear it from them).`,
  );
}
