import type { CodebookUsage } from '../../../shared/api/contract-annotate';
import { claimsDigest } from '../claims/claim-digests';
import type { CoreContext } from '../context';

function add(counts: Record<string, number>, key: string, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/**
 * How many claims carry each codebook entry, for the codebook view and its delete dialog.
 * Counts a claim once per entry however often it repeats one. One pass over the claims digest
 * (persisted beside the notebook, re-read only for articles that changed).
 */
export async function getCodebookUsage(ctx: CoreContext): Promise<CodebookUsage> {
  const digest = await claimsDigest(ctx);
  const { actors, issues, stances, tags } = digest.tables;
  // Counted by table index first, named once at the end.
  const byActor = new Float64Array(actors.values.length);
  const byIssue = new Float64Array(issues.values.length);
  const byStance = new Float64Array(stances.values.length);
  const byTag = new Float64Array(tags.values.length);
  let claimCount = 0;
  for (const summary of ctx.store.listArticles()) {
    const block = summary.claimCount > 0 ? digest.block(summary.id) : undefined;
    if (!block) continue;
    claimCount += block.count;
    for (let i = block.from; i < block.to; i++) {
      if (block.issue[i]! >= 0) byIssue[block.issue[i]!]! += 1;
      if (block.stance[i]! >= 0) byStance[block.stance[i]!]! += 1;
      for (let k = block.actorStart[i]!; k < block.actorStart[i + 1]!; k++) byActor[block.actors[k]!]! += 1;
      for (let k = block.tagStart[i]!; k < block.tagStart[i + 1]!; k++) byTag[block.tags[k]!]! += 1;
    }
  }
  const usage: CodebookUsage = { claimCount, actors: {}, issues: {}, stances: {}, tags: {} };
  const name = (counts: Float64Array, table: string[], into: Record<string, number>) => counts.forEach((n, i) => n > 0 && add(into, table[i]!, n));
  name(byActor, actors.values, usage.actors);
  name(byIssue, issues.values, usage.issues);
  name(byStance, stances.values, usage.stances);
  name(byTag, tags.values, usage.tags);
  return usage;
}
