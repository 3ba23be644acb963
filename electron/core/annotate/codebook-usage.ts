import type { CodebookUsage } from '../../../shared/api/contract-annotate';
import { claimDigests } from '../claim-digests';
import type { CoreContext } from '../context';

function add(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * How many claims carry each codebook entry, for the codebook view and its delete dialog.
 * Counts a claim once per entry however often it repeats one. Reads each article's claims
 * through the digest cache, so after the first call it is one pass over memory.
 */
export async function getCodebookUsage(ctx: CoreContext): Promise<CodebookUsage> {
  const usage: CodebookUsage = { claimCount: 0, actors: {}, issues: {}, stances: {}, tags: {} };
  for (const summary of ctx.store.listArticles()) {
    if (summary.claimCount === 0) continue;
    for (const claim of await claimDigests(ctx, summary.id)) {
      usage.claimCount += 1;
      for (const actorId of claim.actorIds) add(usage.actors, actorId);
      if (claim.issueId) add(usage.issues, claim.issueId);
      if (claim.stanceId) add(usage.stances, claim.stanceId);
      for (const tag of claim.tags) add(usage.tags, tag);
    }
  }
  return usage;
}
