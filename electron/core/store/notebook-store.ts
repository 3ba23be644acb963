import {
  ArticleSchema,
  BriefSchema,
  ClaimSchema,
  CodebookSchema,
  NOTEBOOK_SCHEMA_VERSION,
  type Article,
  type ArticleSummary,
  type Block,
  type Brief,
  type Claim,
  type Codebook,
  type NotebookMeta,
} from '../../../shared/model';
import { DISK_FULL_MESSAGE, isDiskFull, UserError } from '../../../shared/api/errors';
import { createBackup, listBackupNames } from './backups';
import type { ShardDoc, TrashDoc } from './documents';
import { replaceDoc } from './durable-json-file';
import { DocumentProblem } from './errors';
import { JournalledWrites } from './journalled-writes';
import type { StoreParts } from './store-parts';
import type { NotebookStore, OpenReport, TrashEntry } from './types';
import { upsert } from './upsert';

/**
 * The notebook store over a folder. Mutations run one at a time through a queue, each
 * resolving only once durable. A claim create/update/delete is write-ahead: one journal record
 * with the full change, fdatasynced, is the acknowledgement; the shard and trash files are
 * written later (`PendingShards`) and reads overlay what is pending. Every other change to an
 * article first writes its pending claims, then goes journal line first, shard second, so after
 * a crash only the last line can be ahead of the disk (see index-repair.ts).
 */
export class FileNotebookStore implements NotebookStore {
  readonly dir: string;
  readonly meta: NotebookMeta;
  readonly openReport: OpenReport;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly writes: JournalledWrites;

  constructor(private readonly p: StoreParts) {
    this.dir = p.dir;
    this.meta = p.meta;
    this.openReport = p.report;
    this.writes = new JournalledWrites(p);
  }

  listArticles(): ArticleSummary[] {
    return this.p.index.list();
  }

  getArticleSummary(id: string): ArticleSummary | null {
    return this.p.index.get(id) ?? null;
  }

  articleRevision(id: string): number {
    return this.p.index.rev(id);
  }

  async getArticle(id: string): Promise<Article | null> {
    const shard = await this.readShard(id);
    return shard ? structuredClone(shard.article) : null;
  }

  async getClaims(articleId: string): Promise<Claim[]> {
    const shard = await this.readShard(articleId);
    return shard ? structuredClone(shard.claims) : [];
  }

  async getArticleBody(id: string): Promise<{ readonly text: string; readonly blocks: readonly Block[] } | null> {
    // The shard's own text and blocks, handed out read-only: a claim save must not copy a long article.
    const article = (await this.readShard(id))?.article;
    return article ? { text: article.text, blocks: article.blocks } : null;
  }

  async getClaim(articleId: string, claimId: string): Promise<Claim | null> {
    const claim = (await this.readShard(articleId))?.claims.find((c) => c.id === claimId);
    return claim ? structuredClone(claim) : null;
  }

  findArticleByHash(contentHash: string): ArticleSummary | null {
    return this.p.index.findByHash(contentHash);
  }

  putArticle(input: Article): Promise<void> {
    const article = ArticleSchema.parse(input);
    return this.exclusive(async () => {
      const shard = this.p.index.has(article.id) ? await this.readShardQueued(article.id) : null;
      await this.writes.commitShard({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 0, article, claims: shard?.claims ?? [] });
    });
  }

  deleteArticle(id: string): Promise<void> {
    return this.exclusive(async () => {
      const shard = await this.requireShard(id);
      // Pending claim changes (and their trash files) go to disk before the journal says "gone".
      await this.p.pending.flush(id);
      await this.p.trash.put({
        schemaVersion: NOTEBOOK_SCHEMA_VERSION,
        kind: 'article',
        deletedAt: this.stamp(),
        article: shard.article,
        claims: shard.claims,
      });
      const previous = this.p.index.get(id);
      const line = { seq: this.p.journal.nextSeq(), op: 'del' as const, id };
      const mark = this.p.journal.mark();
      await this.p.journal.append(line);
      try {
        await this.p.shards.remove(id);
      } catch (error) {
        await this.writes.undoJournal(id, previous, mark);
        await this.p.trash.remove('article', id).catch(() => undefined);
        throw error;
      }
      this.p.index.apply(line);
      await this.writes.compactIfDue();
    });
  }

  putClaim(input: Claim): Promise<void> {
    const claim = ClaimSchema.parse(input);
    return this.exclusive(async () => {
      await this.writes.logClaims(await this.requireShard(claim.articleId), [claim], []);
      this.compactSoonIfDue();
    });
  }

  putClaims(articleId: string, input: Claim[]): Promise<void> {
    const claims = input.map((claim) => ClaimSchema.parse(claim));
    const stray = claims.find((claim) => claim.articleId !== articleId);
    if (stray) return Promise.reject(new UserError('invalid-request', `Claim ${stray.id} belongs to article ${stray.articleId}, not ${articleId}.`));
    return this.exclusive(async () => {
      await this.writes.logClaims(await this.requireShard(articleId), claims, []);
      this.compactSoonIfDue();
    });
  }

  deleteClaim(articleId: string, claimId: string): Promise<void> {
    return this.exclusive(async () => {
      const shard = await this.requireShard(articleId);
      const claim = shard.claims.find((c) => c.id === claimId);
      if (!claim) throw new UserError('not-found', `There is no claim ${claimId} in this article.`);
      await this.writes.logClaims(shard, [], [claim]);
      this.compactSoonIfDue();
    });
  }

  getCodebook(): Codebook {
    return structuredClone(this.p.codebook.data.codebook);
  }

  putCodebook(input: Codebook): Promise<void> {
    const codebook = CodebookSchema.parse(input);
    return this.exclusive(() => replaceDoc(this.p.codebook, { schemaVersion: NOTEBOOK_SCHEMA_VERSION, codebook }));
  }

  listBriefs(): Brief[] {
    return structuredClone(this.p.briefs.data.briefs);
  }

  getBrief(id: string): Brief | null {
    const brief = this.p.briefs.data.briefs.find((b) => b.id === id);
    return brief ? structuredClone(brief) : null;
  }

  putBrief(input: Brief): Promise<void> {
    const brief = BriefSchema.parse(input);
    return this.exclusive(() =>
      replaceDoc(this.p.briefs, { schemaVersion: NOTEBOOK_SCHEMA_VERSION, briefs: upsert(this.p.briefs.data.briefs, [brief]) }),
    );
  }

  deleteBrief(id: string): Promise<void> {
    return this.exclusive(async () => {
      const brief = this.p.briefs.data.briefs.find((b) => b.id === id);
      if (!brief) throw new UserError('not-found', `There is no brief ${id}.`);
      await this.p.trash.put({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, kind: 'brief', deletedAt: this.stamp(), brief });
      await replaceDoc(this.p.briefs, { schemaVersion: NOTEBOOK_SCHEMA_VERSION, briefs: this.p.briefs.data.briefs.filter((b) => b.id !== id) });
    });
  }

  listTrash(): TrashEntry[] {
    return this.p.trash.list();
  }

  inTrash(kind: TrashEntry['kind'], id: string): boolean {
    return this.p.trash.has(kind, id);
  }

  restoreFromTrash(id: string): Promise<void> {
    return this.exclusive(async () => {
      const entry = this.p.trash.find(id);
      if (!entry) throw new UserError('not-found', `There is nothing with id ${id} in the trash.`);
      // The trash file of a logged claim delete may not be written yet.
      if (entry.articleId !== null) await this.p.pending.flush(entry.articleId);
      const doc = await this.p.trash.read(entry);
      await this.restoreTrashDoc(doc);
      await this.p.trash.remove(entry.kind, entry.id);
    });
  }

  settle(): Promise<void> {
    return this.exclusive(() => this.p.pending.flushAll());
  }

  emptyTrash(): Promise<void> {
    // Pending trash files first, and shards caught up, so replay cannot bring an item back.
    return this.exclusive(async () => {
      await this.p.pending.flushAll();
      await this.p.trash.empty();
    });
  }

  backup(): Promise<string> {
    return this.exclusive(() => this.backupNow());
  }

  /** Takes a backup; call only inside the queue (open schedules the daily one through it). */
  async backupNow(label = ''): Promise<string> {
    await this.writes.compact();
    const name = await createBackup(this.dir, this.p.now(), this.p.keepBackups, label);
    this.backupNames = await listBackupNames(this.dir);
    return name;
  }

  listBackups(): string[] {
    return [...this.backupNames];
  }

  /** Kept in memory so `listBackups` can stay synchronous; refreshed after every backup. */
  backupNames: string[] = [];

  async close(): Promise<void> {
    if (this.closed) return;
    await this.exclusive(() => this.writes.compact()).catch(() => undefined);
    this.closed = true;
    this.p.pending.stop();
    await this.queue.catch(() => undefined);
    await this.p.journal.close().catch(() => undefined);
    await this.p.lock.release();
  }

  /** Runs `task` after every earlier mutation; rejects once closed or broken. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new UserError('conflict', `The notebook in ${this.dir} is closed.`));
    const run = this.queue
      .then(() => {
        if (this.writes.broken)
          throw new UserError(
            'internal',
            `The notebook could not undo a failed save (${this.writes.broken.message}). Close and reopen it to repair.`,
          );
        return task();
      })
      .catch((error: unknown) => {
        // A full disk refused the write; what was acknowledged before is intact (writes are atomic,
        // a cut journal line is taken back), so say so instead of a raw ENOSPC.
        if (isDiskFull(error) && !(error instanceof UserError)) throw new UserError('disk-full', DISK_FULL_MESSAGE);
        throw error;
      });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads a shard outside the queue; an unreadable one is repaired through the queue. */
  private async readShard(id: string): Promise<ShardDoc | null> {
    if (!this.p.index.has(id)) return null;
    const pending = this.p.pending.get(id);
    if (pending) return pending;
    try {
      return await this.p.shards.read(id);
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      return this.exclusive(() => this.readShardQueued(id));
    }
  }

  /** Reads a shard inside the queue, quarantining and recovering it when unreadable. */
  private async readShardQueued(id: string): Promise<ShardDoc | null> {
    if (!this.p.index.has(id)) return null;
    const pending = this.p.pending.get(id);
    if (pending) return pending;
    try {
      return await this.p.shards.read(id);
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      this.p.shards.evict(id);
      const recovered = await this.p.recoverShard(id, error);
      if (recovered) {
        await this.writes.commitShard(recovered);
        return this.p.shards.read(id);
      }
      const line = { seq: this.p.journal.nextSeq(), op: 'del' as const, id };
      await this.p.journal.append(line);
      this.p.index.apply(line);
      return null;
    }
  }

  private async restoreTrashDoc(doc: TrashDoc): Promise<void> {
    if (doc.kind === 'brief') {
      await replaceDoc(this.p.briefs, { schemaVersion: NOTEBOOK_SCHEMA_VERSION, briefs: upsert(this.p.briefs.data.briefs, [doc.brief]) });
      return;
    }
    if (doc.kind === 'article') {
      // A crash during the delete can leave the article both live and in the trash: keep the live one.
      if (this.p.index.has(doc.article.id)) return;
      await this.writes.commitShard({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 0, article: doc.article, claims: doc.claims });
      return;
    }
    const shard = await this.readShardQueued(doc.claim.articleId);
    if (!shard) {
      throw new UserError('conflict', `The article of this claim is not in the library; restore the article first.`);
    }
    if (shard.claims.some((c) => c.id === doc.claim.id)) return;
    await this.writes.commitShard({ ...shard, claims: [...shard.claims, doc.claim] });
  }

  private async requireShard(articleId: string): Promise<ShardDoc> {
    const shard = await this.readShardQueued(articleId);
    if (!shard) throw new UserError('not-found', `There is no article ${articleId} in this notebook.`);
    return shard;
  }

  /** Queues a compaction behind the current save instead of making that save wait for it. */
  private compactSoonIfDue(): void {
    if (this.compactQueued || !this.writes.compactDue()) return;
    this.compactQueued = true;
    this.exclusive(() => this.writes.compact())
      .catch(() => undefined)
      .finally(() => (this.compactQueued = false));
  }

  private compactQueued = false;

  private stamp(): string {
    return this.p.now().toISOString();
  }
}
