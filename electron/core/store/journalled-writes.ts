import { NOTEBOOK_SCHEMA_VERSION, type ArticleSummary, type Claim } from '../../../shared/model';
import type { ClaimsLine, ShardDoc } from './documents';
import { replaceDoc } from './durable-json-file';
import type { LibraryJournal } from './journal';
import type { StoreParts } from './store-parts';
import { applyClaimsLine } from './pending-shards';
import { summarize } from './summarize';

/**
 * The store's writes to articles, always inside its write queue. Two kinds:
 * - claim changes (`logClaims`): write-ahead, one fdatasynced journal record is the whole
 *   acknowledgement; the shard and trash files follow in the background (`PendingShards`);
 * - everything else (`commitShard`): the article's pending claims written first, then a journal
 *   line, then the shard; so after a crash only the last line can be ahead of the disk.
 */
export class JournalledWrites {
  /** Set when a failed write could not be undone in the journal: reopen to repair. */
  broken: Error | null = null;

  constructor(private readonly p: StoreParts) {}

  /**
   * Logs a claim change (acknowledged once fdatasynced), then makes it visible: the new shard
   * goes to the pending writes, the index gets the new claim count and rev.
   */
  async logClaims(shard: ShardDoc, put: Claim[], del: Claim[]): Promise<void> {
    const id = shard.article.id;
    const deletedAt = del.length > 0 ? this.p.now().toISOString() : '';
    const line: ClaimsLine = {
      // Key order matters: the article id comes early, so a cut-off record still names it.
      seq: this.p.journal.nextSeq(),
      op: 'claims',
      articleId: id,
      rev: Math.max(shard.rev, this.p.index.rev(id)) + 1,
      put,
      del: del.map((claim) => ({ claim, deletedAt })),
    };
    await this.p.journal.append(line);
    const { doc, trash } = applyClaimsLine(shard, line);
    this.p.pending.set(doc, trash);
    for (const item of trash) this.p.trash.remember(item);
    const summary = this.p.index.get(id);
    if (summary) this.p.index.set({ ...summary, claimCount: doc.claims.length }, line.rev);
  }

  /** Journal line first, then the shard: see the class comment for why this order. */
  async commitShard(next: ShardDoc): Promise<void> {
    const id = next.article.id;
    // Claim lines before this line are never replayed (replay.ts), so they must be on disk now.
    await this.p.pending.flush(id);
    const previous = this.p.index.get(id);
    const rev = this.p.index.rev(id) + 1;
    const line = { seq: this.p.journal.nextSeq(), op: 'put' as const, rev, summary: summarize(next.article, next.claims.length) };
    const mark = this.p.journal.mark();
    await this.p.journal.append(line);
    try {
      await this.p.shards.write({ ...next, rev });
    } catch (error) {
      await this.undoJournal(id, previous, mark);
      throw error;
    }
    this.p.index.apply(line);
    await this.compactIfDue();
  }

  /**
   * Records that a journalled change did not happen, so replay does not apply it: the line is
   * taken back (truncation works on a full disk), else a compensating line is appended.
   */
  async undoJournal(id: string, previous: ArticleSummary | undefined, mark?: ReturnType<LibraryJournal['mark']>): Promise<void> {
    if (mark) {
      try {
        await this.p.journal.retract(mark);
        return;
      } catch {
        // fall back to a compensating line
      }
    }
    const seq = this.p.journal.nextSeq();
    try {
      await this.p.journal.append(previous ? { seq, op: 'put', rev: this.p.index.rev(id), summary: previous } : { seq, op: 'del', id });
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
    }
  }

  /** Whether the journal has grown past its bounds (lines, or bytes: claim lines are large). */
  compactDue(): boolean {
    return this.p.journal.lineCount >= this.p.compactAfter || this.p.journal.byteCount >= this.p.compactAfterBytes;
  }

  async compactIfDue(): Promise<void> {
    if (this.compactDue()) await this.compact();
  }

  /**
   * Folds the journal away: pending shards and trash files written first (they hold what the
   * claim lines say), then library.json atomically, then the journal emptied.
   */
  async compact(): Promise<void> {
    await this.p.pending.flushAll();
    if (this.p.journal.lineCount === 0) return;
    await replaceDoc(this.p.library, this.p.index.toDoc(NOTEBOOK_SCHEMA_VERSION, this.p.journal.lastSeq));
    await this.p.journal.clear();
  }
}
