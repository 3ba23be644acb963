import { NOTEBOOK_SCHEMA_VERSION } from '../../../shared/model';
import type { ClaimsLine, ShardDoc, TrashDoc } from './documents';
import type { ShardStore } from './shard-store';
import type { TrashStore } from './trash-store';
import { upsert } from './upsert';

type ClaimTrash = Extract<TrashDoc, { kind: 'claim' }>;

/**
 * Applies one logged claim change to a shard, returning the new shard and the trash files the
 * change implies. Pure and idempotent: a line whose rev the shard already has changes nothing.
 */
export function applyClaimsLine(shard: ShardDoc, line: ClaimsLine): { doc: ShardDoc; trash: ClaimTrash[] } {
  if (line.rev <= shard.rev) return { doc: shard, trash: [] };
  const deleted = new Set(line.del.map((d) => d.claim.id));
  const claims = upsert(deleted.size ? shard.claims.filter((c) => !deleted.has(c.id)) : shard.claims, line.put);
  const trash = line.del.map((d): ClaimTrash => ({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, kind: 'claim', deletedAt: d.deletedAt, claim: d.claim }));
  return { doc: { ...shard, rev: line.rev, claims }, trash };
}

/** When the background writer runs. */
export interface FlushPolicy {
  /** Write pending shards once no claim change has come in for this long. */
  idleMs: number;
  /** ...or at once when this many articles have changes pending (bounds memory and replay). */
  maxArticles: number;
}

interface Entry {
  doc: ShardDoc;
  /** Deleted claims whose trash file is not written yet, by claim id. */
  trash: Map<string, ClaimTrash>;
}

/**
 * Claim changes that are acknowledged (in the journal) but not yet in their shard or trash
 * file. Reads see them first, so they always see acknowledged state. They are written in the
 * background, one article at a time, and by `flush`/`flushAll` (before any other change to the
 * article, compaction, backup and close). Writes are serialised by a lock of their own, not by
 * the store's write queue, so a claim save never waits for a shard rewrite.
 */
export class PendingShards {
  private readonly entries = new Map<string, Entry>();
  private lock: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  /** The last background write failure (it is retried by the next flush, which reports it). */
  lastError: unknown = null;

  constructor(
    private readonly shards: ShardStore,
    private readonly trash: TrashStore,
    private readonly policy: FlushPolicy = { idleMs: 100, maxArticles: 64 },
  ) {}

  /** The article's acknowledged shard, when it has changes not yet written. */
  get(id: string): ShardDoc | undefined {
    return this.entries.get(id)?.doc;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Records an acknowledged change: `doc` is the article's whole new shard. */
  set(doc: ShardDoc, trash: ClaimTrash[]): void {
    const id = doc.article.id;
    const entry = this.entries.get(id) ?? { doc, trash: new Map<string, ClaimTrash>() };
    entry.doc = doc;
    for (const item of trash) entry.trash.set(item.claim.id, item);
    this.entries.set(id, entry);
    this.schedule();
  }

  /** Writes one article's pending changes (waiting for a background write in progress). */
  flush(id: string): Promise<void> {
    return this.locked(() => this.write(id));
  }

  /** Writes everything pending. */
  flushAll(): Promise<void> {
    return this.locked(async () => {
      for (const id of [...this.entries.keys()]) await this.write(id);
    });
  }

  /** Stops the background writer (close); pending changes stay in the journal regardless. */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async write(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    const doc = entry.doc;
    // Trash files first: a crash in between leaves a claim at worst both live and in the trash
    // (as a synchronous delete could), and the journal still holds the change for replay.
    for (const item of [...entry.trash.values()]) {
      await this.trash.put(item);
      if (entry.trash.get(item.claim.id) === item) entry.trash.delete(item.claim.id);
    }
    await this.shards.write(doc);
    // A save may have come in meanwhile: then the entry stays for the next write.
    if (entry.doc === doc && entry.trash.size === 0 && this.entries.get(id) === entry) this.entries.delete(id);
  }

  private locked<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lock.then(task);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.entries.size >= this.policy.maxArticles) return this.kick();
    this.clearTimer();
    this.timer = setTimeout(() => this.kick(), this.policy.idleMs);
    // A pending write must not keep the process alive: the journal already holds the change.
    this.timer.unref();
  }

  private kick(): void {
    this.clearTimer();
    if (this.running || this.stopped) return;
    this.running = true;
    void this.background().finally(() => {
      this.running = false;
      if (this.entries.size > 0) this.schedule();
    });
  }

  /** One article per turn of the lock, so a flush from the write queue waits for one write at most. */
  private async background(): Promise<void> {
    for (const id of [...this.entries.keys()]) {
      if (this.stopped) return;
      try {
        await this.flush(id);
        this.lastError = null;
      } catch (error) {
        this.lastError = error;
        return;
      }
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
