import { readdir, unlink } from 'node:fs/promises';
import type { IndexLine, ShardDoc } from './documents';
import { DocumentProblem } from './errors';
import { TEMP_MARKER } from './fs-durable';
import type { LibraryJournal } from './journal';
import { DIRS, abs, idFromShardName } from './layout';
import type { LibraryIndex } from './library-index';
import type { Recovery } from './recovery';
import type { ShardStore } from './shard-store';
import { sameSummary, summarize } from './summarize';

/** The pieces the repairs work on. */
export interface RepairContext {
  dir: string;
  index: LibraryIndex;
  journal: LibraryJournal;
  shards: ShardStore;
  recovery: Recovery;
}

/** Makes the index say what `shard` holds (or that the article is gone), through the journal. */
export async function setIndexEntry(ctx: RepairContext, id: string, shard: ShardDoc | null): Promise<void> {
  let line: IndexLine | null = null;
  const seq = ctx.journal.nextSeq();
  if (shard) {
    const summary = summarize(shard.article, shard.claims.length);
    if (!sameSummary(ctx.index.get(id), summary) || ctx.index.rev(id) !== shard.rev) line = { seq, op: 'put', rev: shard.rev, summary };
  } else if (ctx.index.has(id)) {
    line = { seq, op: 'del', id };
  }
  if (!line) return;
  await ctx.journal.append(line);
  ctx.index.apply(line);
}

/** Reads a shard; an unreadable one is quarantined and recovered from the backups (or dropped). */
export async function readOrRecoverShard(ctx: RepairContext, id: string): Promise<ShardDoc | null> {
  try {
    return await ctx.shards.read(id);
  } catch (error) {
    if (!(error instanceof DocumentProblem)) throw error;
    return recoverShardFile(ctx, id, error);
  }
}

/** Quarantines and recovers a shard file, writing the recovered copy back in place. */
export async function recoverShardFile(ctx: RepairContext, id: string, problem: DocumentProblem | null): Promise<ShardDoc | null> {
  ctx.shards.evict(id);
  const recovered = await ctx.recovery.recoverShard(id, problem, ctx.index.get(id)?.title ?? id);
  if (recovered) await ctx.shards.write(recovered);
  return recovered;
}

/**
 * After a crash the journal's last line may describe a shard write that never happened (the
 * line is written first), or a delete whose shard is still there. Writes are serialised, so only
 * the last line can be ahead of the disk: re-derive that one article's entry from its shard.
 */
export async function repairLastChange(ctx: RepairContext, last: IndexLine | undefined): Promise<void> {
  if (!last) return;
  const id = last.op === 'put' ? last.summary.id : last.id;
  const shard = await readOrRecoverShard(ctx, id);
  // rev 1 creates the shard, so its absence means that write never happened; a later rev found
  // no shard because the file was lost, which reconcileWithShards reports and recovers.
  if (!shard && last.op === 'put' && last.rev > 1) return;
  await setIndexEntry(ctx, id, shard);
}

/**
 * Compares the index with the shards actually in articles/: removes temp files a crash left,
 * adds shards the index lacks (e.g. after library.json came back from an older backup), and
 * recovers or drops entries whose shard has gone. Reads only the shards that disagree.
 */
export async function reconcileWithShards(ctx: RepairContext): Promise<void> {
  const folder = abs(ctx.dir, DIRS.articles);
  const onDisk = new Set<string>();
  for (const name of await readdir(folder)) {
    if (name.includes(TEMP_MARKER)) {
      await unlink(`${folder}/${name}`).catch(() => undefined);
      continue;
    }
    const id = idFromShardName(name);
    if (id !== null) onDisk.add(id);
  }
  for (const id of onDisk) {
    if (!ctx.index.has(id)) await setIndexEntry(ctx, id, await readOrRecoverShard(ctx, id));
  }
  for (const id of ctx.index.ids()) {
    if (!onDisk.has(id)) await setIndexEntry(ctx, id, await recoverShardFile(ctx, id, null));
  }
}

/** Rebuilds the whole index from the shards (library.json or the journal was unreadable). */
export async function rebuildFromShards(ctx: RepairContext): Promise<number> {
  for (const id of ctx.index.ids()) ctx.index.remove(id);
  let count = 0;
  for (const name of await readdir(abs(ctx.dir, DIRS.articles))) {
    const id = idFromShardName(name);
    if (id === null) continue;
    const shard = await readOrRecoverShard(ctx, id);
    if (shard) {
      ctx.index.set(summarize(shard.article, shard.claims.length), shard.rev);
      count++;
    }
    ctx.shards.evict(id);
  }
  return count;
}
