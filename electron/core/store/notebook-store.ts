import type { Low } from 'lowdb';
import {
  ArticleSchema,
  BriefSchema,
  ClaimSchema,
  CodebookSchema,
  NOTEBOOK_SCHEMA_VERSION,
  type Article,
  type ArticleSummary,
  type Brief,
  type Claim,
  type Codebook,
  type NotebookMeta,
} from '../../../shared/model';
import { UserError } from '../../../shared/api/errors';
import { createBackup, listBackupNames } from './backups';
import type { BriefsDoc, CodebookDoc, LibraryDoc, ShardDoc, TrashDoc } from './documents';
import type { LibraryIndex } from './library-index';
import type { LibraryJournal } from './journal';
import type { NotebookLock } from './lock';
import { DocumentProblem } from './errors';
import type { ShardStore } from './shard-store';
import { summarize } from './summarize';
import type { TrashStore } from './trash-store';
import type { NotebookStore, OpenReport, TrashEntry } from './types';


/** Everything `openNotebook` prepared; the store owns it from then on. */
export interface StoreParts {
  dir: string;
  meta: NotebookMeta;
  report: OpenReport;
  now: () => Date;
  keepBackups: number;
  compactAfter: number;
  lock: NotebookLock;
  codebook: Low<CodebookDoc>;
  briefs: Low<BriefsDoc>;
  library: Low<LibraryDoc>;
  index: LibraryIndex;
  journal: LibraryJournal;
  shards: ShardStore;
  trash: TrashStore;
  /**
   * Quarantines an unreadable shard and brings back the best copy (from the backups), or null
   * when there is none; records what it did in the report. Runs inside the write queue.
   */
  recoverShard: (id: string, problem: DocumentProblem) => Promise<ShardDoc | null>;
}

/**
 * The notebook store over a folder. Mutations run one at a time through a queue, each
 * resolving only once durable. A claim save is one journal append (fdatasync) plus one atomic
 * shard rewrite; the journal line goes first, so after a crash between the two, open finds the
 * last line's shard disagreeing with it and puts the index right from the shard.
 */
export class FileNotebookStore implements NotebookStore {
  readonly dir: string;
  readonly meta: NotebookMeta;
  readonly openReport: OpenReport;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Set when a failed write could not be undone in the journal: reopen to repair. */
  private broken: Error | null = null;

  constructor(private readonly p: StoreParts) {
    this.dir = p.dir;
    this.meta = p.meta;
    this.openReport = p.report;
  }

  listArticles(): ArticleSummary[] {
    return this.p.index.list();
  }

  async getArticle(id: string): Promise<Article | null> {
    const shard = await this.readShard(id);
    return shard ? structuredClone(shard.article) : null;
  }

  async getClaims(articleId: string): Promise<Claim[]> {
    const shard = await this.readShard(articleId);
    return shard ? structuredClone(shard.claims) : [];
  }

  findArticleByHash(contentHash: string): ArticleSummary | null {
    return this.p.index.findByHash(contentHash);
  }

  putArticle(input: Article): Promise<void> {
    const article = ArticleSchema.parse(input);
    return this.exclusive(async () => {
      const shard = this.p.index.has(article.id) ? await this.readShardQueued(article.id) : null;
      await this.commitShard({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 0, article, claims: shard?.claims ?? [] });
    });
  }

  deleteArticle(id: string): Promise<void> {
    return this.exclusive(async () => {
      const shard = await this.requireShard(id);
      await this.p.trash.put({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, kind: 'article', deletedAt: this.stamp(), article: shard.article, claims: shard.claims });
      const previous = this.p.index.get(id);
      const line = { seq: this.p.journal.nextSeq(), op: 'del' as const, id };
      await this.p.journal.append(line);
      try {
        await this.p.shards.remove(id);
      } catch (error) {
        await this.undoJournal(id, previous);
        await this.p.trash.remove('article', id).catch(() => undefined);
        throw error;
      }
      this.p.index.apply(line);
      await this.compactIfDue();
    });
  }

  putClaim(input: Claim): Promise<void> {
    const claim = ClaimSchema.parse(input);
    return this.exclusive(async () => {
      const shard = await this.requireShard(claim.articleId);
      await this.commitShard({ ...shard, claims: upsert(shard.claims, [claim]) });
    });
  }

  putClaims(articleId: string, input: Claim[]): Promise<void> {
    const claims = input.map((claim) => ClaimSchema.parse(claim));
    const stray = claims.find((claim) => claim.articleId !== articleId);
    if (stray) return Promise.reject(new UserError('invalid-request', `Claim ${stray.id} belongs to article ${stray.articleId}, not ${articleId}.`));
    return this.exclusive(async () => {
      const shard = await this.requireShard(articleId);
      await this.commitShard({ ...shard, claims: upsert(shard.claims, claims) });
    });
  }

  deleteClaim(articleId: string, claimId: string): Promise<void> {
    return this.exclusive(async () => {
      const shard = await this.requireShard(articleId);
      const claim = shard.claims.find((c) => c.id === claimId);
      if (!claim) throw new UserError('not-found', `There is no claim ${claimId} in this article.`);
      await this.p.trash.put({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, kind: 'claim', deletedAt: this.stamp(), claim });
      try {
        await this.commitShard({ ...shard, claims: shard.claims.filter((c) => c.id !== claimId) });
      } catch (error) {
        await this.p.trash.remove('claim', claimId).catch(() => undefined);
        throw error;
      }
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
    return this.exclusive(() => replaceDoc(this.p.briefs, { schemaVersion: NOTEBOOK_SCHEMA_VERSION, briefs: upsert(this.p.briefs.data.briefs, [brief]) }));
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

  restoreFromTrash(id: string): Promise<void> {
    return this.exclusive(async () => {
      const entry = this.p.trash.find(id);
      if (!entry) throw new UserError('not-found', `There is nothing with id ${id} in the trash.`);
      const doc = await this.p.trash.read(entry);
      await this.restoreTrashDoc(doc);
      await this.p.trash.remove(entry.kind, entry.id);
    });
  }

  emptyTrash(): Promise<void> {
    return this.exclusive(() => this.p.trash.empty());
  }

  backup(): Promise<string> {
    return this.exclusive(() => this.backupNow());
  }

  /** Takes a backup; call only inside the queue (open schedules the daily one through it). */
  async backupNow(label = ''): Promise<string> {
    await this.compact();
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
    await this.exclusive(() => this.compact()).catch(() => undefined);
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.p.journal.close().catch(() => undefined);
    await this.p.lock.release();
  }

  /** Runs `task` after every earlier mutation; rejects once closed or broken. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new UserError('conflict', `The notebook in ${this.dir} is closed.`));
    const run = this.queue.then(() => {
      if (this.broken) throw new UserError('internal', `The notebook could not undo a failed save (${this.broken.message}). Close and reopen it to repair.`);
      return task();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads a shard outside the queue; an unreadable one is repaired through the queue. */
  private async readShard(id: string): Promise<ShardDoc | null> {
    if (!this.p.index.has(id)) return null;
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
    try {
      return await this.p.shards.read(id);
    } catch (error) {
      if (!(error instanceof DocumentProblem)) throw error;
      this.p.shards.evict(id);
      const recovered = await this.p.recoverShard(id, error);
      if (recovered) {
        await this.commitShard(recovered);
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
      await this.commitShard({ schemaVersion: NOTEBOOK_SCHEMA_VERSION, rev: 0, article: doc.article, claims: doc.claims });
      return;
    }
    const shard = await this.readShardQueued(doc.claim.articleId);
    if (!shard) {
      throw new UserError('conflict', `The article of this claim is not in the library; restore the article first.`);
    }
    if (shard.claims.some((c) => c.id === doc.claim.id)) return;
    await this.commitShard({ ...shard, claims: [...shard.claims, doc.claim] });
  }

  /** Journal line first, then the shard: see the class comment for why this order. */
  private async commitShard(next: ShardDoc): Promise<void> {
    const id = next.article.id;
    const previous = this.p.index.get(id);
    const rev = this.p.index.rev(id) + 1;
    const line = { seq: this.p.journal.nextSeq(), op: 'put' as const, rev, summary: summarize(next.article, next.claims.length) };
    await this.p.journal.append(line);
    try {
      await this.p.shards.write({ ...next, rev });
    } catch (error) {
      await this.undoJournal(id, previous);
      throw error;
    }
    this.p.index.apply(line);
    await this.compactIfDue();
  }

  /** Records that a journalled change did not happen, so replay does not apply it. */
  private async undoJournal(id: string, previous: ArticleSummary | undefined): Promise<void> {
    const seq = this.p.journal.nextSeq();
    try {
      await this.p.journal.append(previous ? { seq, op: 'put', rev: this.p.index.rev(id), summary: previous } : { seq, op: 'del', id });
    } catch (error) {
      this.broken = error instanceof Error ? error : new Error(String(error));
    }
  }

  private async requireShard(articleId: string): Promise<ShardDoc> {
    const shard = await this.readShardQueued(articleId);
    if (!shard) throw new UserError('not-found', `There is no article ${articleId} in this notebook.`);
    return shard;
  }

  private async compactIfDue(): Promise<void> {
    if (this.p.journal.lineCount >= this.p.compactAfter) await this.compact();
  }

  /** Folds the journal into library.json (written atomically first, then the journal emptied). */
  async compact(): Promise<void> {
    if (this.p.journal.lineCount === 0) return;
    await replaceDoc(this.p.library, this.p.index.toDoc(NOTEBOOK_SCHEMA_VERSION, this.p.journal.lastSeq));
    await this.p.journal.clear();
  }

  private stamp(): string {
    return this.p.now().toISOString();
  }
}

/** Writes a whole lowdb document; memory changes only once the write is durable. */
async function replaceDoc<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (error) {
    db.data = previous;
    throw error;
  }
}

/** Replaces items by id, appending new ones, keeping order. */
function upsert<T extends { id: string }>(items: T[], changes: T[]): T[] {
  const byId = new Map(changes.map((item) => [item.id, item]));
  const result = items.map((item) => {
    const change = byId.get(item.id);
    if (change) byId.delete(item.id);
    return change ?? item;
  });
  return [...result, ...byId.values()];
}
