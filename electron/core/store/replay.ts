import type { ClaimsLine, JournalLine } from './documents';
import { readOrRecoverShard, type RepairContext } from './index-repair';
import { applyClaimsLine } from './pending-shards';
import { summarize } from './summarize';
import type { TrashStore } from './trash-store';

/** What replay needs besides the repair context: the trash, for logged claim deletes. */
export interface ReplayContext extends RepairContext {
  trash: TrashStore;
}

/**
 * The claim lines still to apply, by article, in journal order. A line is skipped when its seq
 * is in the snapshot (library.json's journalSeq) or comes before the article's last index line
 * (`put`/`del`): every such line is written only after the article's pending claims were, so
 * older claim lines are on disk already (and may belong to an earlier article of the same id).
 */
export function claimLinesToReplay(lines: JournalLine[], afterSeq: number): Map<string, ClaimsLine[]> {
  const lastIndexLine = new Map<string, number>();
  for (const line of lines) {
    if (line.op === 'put') lastIndexLine.set(line.summary.id, line.seq);
    else if (line.op === 'del') lastIndexLine.set(line.id, line.seq);
  }
  const byArticle = new Map<string, ClaimsLine[]>();
  for (const line of lines) {
    if (line.op !== 'claims' || line.seq <= afterSeq || line.seq < (lastIndexLine.get(line.articleId) ?? 0)) continue;
    const list = byArticle.get(line.articleId) ?? [];
    list.push(line);
    byArticle.set(line.articleId, list);
  }
  return byArticle;
}

/**
 * Replays logged claim changes over the shards at open: trash files of deleted claims first,
 * then the shard, each only when the shard's rev shows the change is not in it yet, so a
 * replay interrupted by another crash is simply done again. With `updateIndex` the index entry
 * is set from the resulting shard (otherwise the caller rebuilds the index from the shards).
 * Returns how many lines were applied.
 */
export async function replayClaimLines(ctx: ReplayContext, byArticle: Map<string, ClaimsLine[]>, updateIndex: boolean): Promise<number> {
  let applied = 0;
  for (const [id, lines] of byArticle) {
    if (updateIndex && !ctx.index.has(id)) continue;
    const shard = await readOrRecoverShard(ctx, id);
    if (!shard) continue;
    let doc = shard;
    const trash = [];
    for (const line of lines) {
      const next = applyClaimsLine(doc, line);
      if (next.doc !== doc) applied++;
      doc = next.doc;
      trash.push(...next.trash);
    }
    for (const item of trash) await ctx.trash.put(item);
    if (doc !== shard) await ctx.shards.write(doc);
    if (updateIndex) ctx.index.set(summarize(doc.article, doc.claims.length), doc.rev);
    ctx.shards.evict(id);
  }
  return applied;
}
