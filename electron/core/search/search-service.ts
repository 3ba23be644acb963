import { existsSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { NotebookChanged } from '../../../shared/api';
import { UserError } from '../../../shared/api/errors';
import type { SearchFilters, SearchResponse } from '../../../shared/api/contract-search';
import type { CoreContext } from '../context';
import { buildIndexFile, removeDatabaseFiles } from './index-builder';
import { IndexDatabase, IndexUnusable, renamedIds, updateCodingOp, type CodedClaim } from './index-database';
import { articleStamp, briefsHash, codebookHash, codebookOps, putArticleOps, putBriefsOps, removeArticleOps, stampsOf } from './index-ops';
import { buildingPath, indexPath, OLD_INDEX_FILES, replacedPath } from './index-schema';
import { parseQuery } from './query-parser';
import { MATCH_LIMIT, runSearch } from './run-search';
import { codingNames, fieldText, type CodingNames } from './search-fields';
import { filterCondition } from './sql-filters';
import { isDamagedDatabase, type SqliteDriver } from './sqlite/sql-database';
import type { SqlOp } from './sqlite/sql-worker';

export interface SearchServiceOptions {
  /** How long a search waits for the index (first open or build, pending updates) before answering from what is there. */
  readyWaitMs?: number;
  /**
   * Articles to catch up on beyond which the index is rebuilt in the worker instead (the old
   * index serving meanwhile): re-reading most of a large notebook on the main thread would be
   * slower. Default: 500, or a quarter of the notebook if more.
   */
  catchUpLimit?: number;
  /** Article stamps compared per turn of the event loop when the index opens (default 5,000). */
  stampSlice?: number;
  /** Matches counted and ranked per query, at most (default MATCH_LIMIT, see run-search.ts). */
  matchLimit?: number;
}

/** How many things the index holds, by kind. */
export interface SearchIndexCounts {
  articles: number;
  claims: number;
  briefs: number;
}

/** Where the index in use came from, for tests and diagnostics. */
export interface SearchStatus {
  state: 'idle' | 'loading' | 'building' | 'ready';
  source: 'loaded' | 'built' | null;
  /** Articles re-read after opening the file, because the store changed after they were indexed. */
  caughtUp: number;
  /** Why the file on disk was not used at the last start (or was dropped), if it was not. */
  rebuildReason: string | null;
  builds: number;
  counts: SearchIndexCounts | null;
  /** The last error that kept a change out of the index (it is re-read at the next open), if any. */
  lastError?: string;
}

/** Article stamps compared per turn of the event loop when the index opens. */
const STAMP_SLICE = 5000;
/** Articles re-indexed per transaction while catching up or following changes. */
const ARTICLES_PER_STEP = 16;
/** Claims whose coding text is rewritten per transaction after a codebook rename. */
const CODING_PER_STEP = 2000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The notebook's search over a SQLite FTS5 index beside the notebook (`search-index.sqlite`), a
 * cache the store is the truth for. Nothing happens at startup; the first search opens the file
 * and re-reads what changed since (each article's stamp in the database against the store's), or
 * builds the file in a worker thread when there is no usable one (searches meanwhile answer with
 * `indexing` progress). Change events re-index the article they name, rows and stamp in one
 * transaction, so the file is always current up to the last change applied: there is nothing to
 * write at close, and a crash or another process's writes cost re-reading those articles only.
 */
export class SearchService {
  private index: IndexDatabase | null = null;
  /** The file a first build is writing, opened to answer from the part built so far. */
  private partial: IndexDatabase | null = null;
  private progress = { done: 0, total: 0 };
  private starting: Promise<void> | null = null;
  private rebuilding: Promise<SearchIndexCounts> | null = null;
  /** Deleting the index file a rebuild moved aside (see build). */
  private removingReplaced: Promise<void> = Promise.resolve();
  private readonly pending = { articles: new Set<string>(), codebook: false, briefs: false, full: false };
  private draining: Promise<void> | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly readyWaitMs: number;
  private readonly catchUpLimit: number | null;
  private readonly stampSlice: number;
  private readonly matchLimit: number;
  private status_: SearchStatus = { state: 'idle', source: null, caughtUp: 0, rebuildReason: null, builds: 0, counts: null };

  constructor(
    private readonly ctx: CoreContext,
    options: SearchServiceOptions = {},
  ) {
    this.readyWaitMs = options.readyWaitMs ?? 300;
    this.catchUpLimit = options.catchUpLimit ?? null;
    this.stampSlice = options.stampSlice ?? STAMP_SLICE;
    this.matchLimit = options.matchLimit ?? MATCH_LIMIT;
    this.unsubscribe = ctx.subscribe((event) => this.onChange(event));
  }

  status(): SearchStatus {
    return { ...this.status_, counts: this.index?.counts() ?? null };
  }

  /** Answers a search request; see the contract for the query language and filters. */
  async search(request: { query: string; filters?: SearchFilters; limit: number; offset: number }): Promise<SearchResponse> {
    const started = performance.now();
    const parsed = parseQuery(request.query);
    const ready = this.whenCurrent();
    // A failure to start (no driver) is the search's error, not an unhandled rejection.
    ready.catch(() => undefined);
    await Promise.race([ready, sleep(this.readyWaitMs)]);
    const codebook = this.ctx.store.getCodebook();
    const tookMs = (): number => Math.round((performance.now() - started) * 10) / 10;
    const index = this.index ?? this.readPartial();
    if (!index) {
      await Promise.race([ready, Promise.resolve()]);
      // Before the first batch of a build is committed there is nothing to search yet, but the filters are still checked.
      filterCondition(request.filters, codebook, []);
      return { total: 0, hits: [], tookMs: tookMs(), indexing: { ...this.progress } };
    }
    try {
      const page = runSearch(index, parsed, request.filters, codebook, this.ctx.store.listArticles(), request, this.matchLimit);
      return index === this.index ? { ...page, tookMs: tookMs() } : { ...page, tookMs: tookMs(), indexing: { ...this.progress } };
    } catch (error) {
      // The part built so far may be mid-swap; a refused request is refused either way.
      if (index !== this.index && !(error instanceof UserError)) return { total: 0, hits: [], tookMs: tookMs(), indexing: { ...this.progress } };
      if (!isDamagedDatabase(error)) throw error;
      this.dropDamaged(error);
      return { total: 0, hits: [], tookMs: tookMs(), indexing: { ...this.progress } };
    }
  }

  /** Builds a new index from the store and puts it in use (the old one serves until then). */
  rebuild(): Promise<SearchIndexCounts> {
    // A rebuild asked for before the first search replaces the start: nothing opens the old file over it.
    this.starting ??= Promise.resolve();
    this.rebuilding ??= this.build().finally(() => (this.rebuilding = null));
    return this.rebuilding;
  }

  /** Resolves once the index is complete and every change seen so far is in it. */
  async whenCurrent(): Promise<void> {
    await this.start();
    while (!this.closed && (this.rebuilding || this.draining || (this.index && this.hasPending()))) {
      if (this.rebuilding) await this.rebuilding;
      else await this.drain();
    }
  }

  /** Nothing to write (each change is committed as it is applied); waits for changes in progress. */
  async flush(): Promise<void> {
    if (this.draining) await this.draining;
  }

  /** Stops following changes, ends a build in progress (its file is discarded) and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush().catch(() => undefined);
    this.closed = true;
    this.unsubscribe();
    await this.rebuilding?.catch(() => undefined);
    this.index?.close();
    this.index = null;
    await this.removingReplaced;
  }

  /** During a first build: the building file, once a batch is committed, opened read-only for searches. */
  private readPartial(): IndexDatabase | null {
    if (this.partial || this.status_.state !== 'building' || this.progress.done === 0 || this.closed) return this.partial;
    try {
      this.partial = IndexDatabase.openPartial(this.driver, buildingPath(this.ctx.store.dir));
    } catch {
      // Not readable yet: the next search tries again.
    }
    return this.partial;
  }

  private closePartial(): void {
    this.partial?.close();
    this.partial = null;
  }

  private get driver(): SqliteDriver {
    const driver = this.ctx.searchDatabase;
    if (!driver) throw new UserError('internal', 'Search is not available: this host gave the notebook core no SQLite driver (searchDatabase).');
    return driver;
  }

  private start(): Promise<void> {
    // A start that failed (no driver, a build that could not be written) is tried again by the next search.
    this.starting ??= this.openOrBuild().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async openOrBuild(): Promise<void> {
    this.status_.state = 'loading';
    const dir = this.ctx.store.dir;
    // The MiniSearch index this one replaced: never read again.
    for (const name of OLD_INDEX_FILES) rmSync(path.join(dir, name), { force: true });
    // An index a rebuild replaced, left by a process that ended before deleting it.
    this.removingReplaced = rm(replacedPath(dir), { force: true }).catch(() => undefined);
    const driver = this.driver;
    try {
      this.index = IndexDatabase.open(driver, dir, existsSync(indexPath(dir)));
    } catch (error) {
      if (!(error instanceof IndexUnusable)) throw error;
      this.status_.rebuildReason = error.reason;
      await removeDatabaseFiles(indexPath(dir));
      await this.rebuild();
      return;
    }
    const caughtUp = await this.findChanges(this.index);
    const limit = this.catchUpLimit ?? Math.max(500, Math.floor(this.ctx.store.listArticles().length / 4));
    this.status_ = { ...this.status_, state: 'ready', source: 'loaded', caughtUp, rebuildReason: null };
    if (caughtUp > limit) {
      this.status_.rebuildReason = `${caughtUp} articles changed since the index was written`;
      this.pending.articles.clear();
      void this.rebuild().catch(() => undefined);
      return;
    }
    if (this.hasPending()) void this.drain();
  }

  /**
   * What the store holds that the index does not (by stamps and fingerprints): marked pending;
   * returns the articles. Compared in slices, yielding between them: at 50,000 articles the
   * whole comparison would hold the process for a tenth of a second or more.
   */
  private async findChanges(index: IndexDatabase): Promise<number> {
    const { store } = this.ctx;
    const now = new Map<string, string>();
    const summaries = store.listArticles();
    for (let i = 0; i < summaries.length; i += this.stampSlice) {
      for (const summary of summaries.slice(i, i + this.stampSlice)) now.set(summary.id, articleStamp(store, summary));
      await yieldToLoop();
    }
    // Each indexed stamp takes its article out of `now`: what is left was never indexed.
    for (let after = ''; !this.closed && this.index === index;) {
      const slice = index.stampsAfter(after, this.stampSlice);
      for (const [id, stamp] of slice) {
        if (now.get(id) !== stamp) this.pending.articles.add(id);
        now.delete(id);
      }
      if (slice.length < this.stampSlice) break;
      after = slice[slice.length - 1]![0];
      await yieldToLoop();
    }
    for (const id of now.keys()) this.pending.articles.add(id);
    if (index.meta('codebookHash') !== codebookHash(store.getCodebook())) this.pending.codebook = true;
    if (index.meta('briefs') !== briefsHash(store)) this.pending.briefs = true;
    return this.pending.articles.size;
  }

  private async build(): Promise<SearchIndexCounts> {
    const { store } = this.ctx;
    const driver = this.driver;
    // Changes from now on are re-read once the build is in use, whatever the build saw.
    this.pending.full = false;
    if (!this.index) this.status_.state = 'building';
    this.progress = { done: 0, total: store.listArticles().length };
    const complete = await buildIndexFile(
      store,
      driver,
      (done, total) => (this.progress = { done, total }),
      () => this.closed,
      () => this.closePartial(),
    );
    if (!complete || this.closed) return this.index?.counts() ?? { articles: 0, claims: 0, briefs: 0 };
    // Swapped in one turn of the event loop: no search sees a closed or missing database.
    const dir = store.dir;
    this.index?.close();
    this.index = null;
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(indexPath(dir) + suffix, { force: true });
    // The old file is moved aside (a rename is quick) and deleted after the swap, off the event
    // loop: unlinking a large file here blocked every request for tens of ms.
    if (existsSync(indexPath(dir))) renameSync(indexPath(dir), replacedPath(dir));
    renameSync(buildingPath(dir), indexPath(dir));
    this.index = IndexDatabase.open(driver, dir, true);
    this.removingReplaced = rm(replacedPath(dir), { force: true }).catch(() => undefined);
    this.status_ = { ...this.status_, state: 'ready', source: 'built', builds: this.status_.builds + 1, caughtUp: 0 };
    // What changed while the build read the store (or since it took the codebook) is applied now.
    await this.findChanges(this.index);
    await this.drain();
    return this.index.counts();
  }

  /** The file turned out damaged while in use: close it, delete it and build a new one. */
  private dropDamaged(error: unknown): void {
    this.index?.close();
    this.index = null;
    this.status_ = {
      ...this.status_,
      state: 'building',
      rebuildReason: `index file is damaged (${error instanceof Error ? error.message : String(error)})`,
    };
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(indexPath(this.ctx.store.dir) + suffix, { force: true });
    void this.rebuild().catch(() => undefined);
  }

  private onChange(event: NotebookChanged): void {
    if (this.closed) return;
    if (event.scope === 'codebook') this.pending.codebook = true;
    else if (event.scope === 'briefs') this.pending.briefs = true;
    else if ((event.scope === 'articles' || event.scope === 'claims') && event.articleId) this.pending.articles.add(event.articleId);
    else this.pending.full = true;
    // Keep an index in use current; one not opened yet finds the change by its stamp when it opens.
    if (this.index && !this.rebuilding) void this.drain();
  }

  private hasPending(): boolean {
    const p = this.pending;
    return p.full || p.codebook || p.briefs || p.articles.size > 0;
  }

  /** Applies pending changes to the index in use, a step at a time, until none are left. */
  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    const run = (async () => {
      // Starts on the next microtask, so `draining` is set before the loop can finish.
      await Promise.resolve();
      try {
        while (this.index && !this.rebuilding && this.hasPending() && !this.closed) {
          await this.applyNext(this.index);
          await yieldToLoop();
        }
      } catch (error) {
        if (isDamagedDatabase(error)) this.dropDamaged(error);
        // Another failure (a full disk, say) rolled its transaction back: those articles keep
        // their old stamps, so the next open re-reads them. Nobody awaits a change's update, so
        // the error is kept for status() rather than thrown into the void.
        else this.status_.lastError = error instanceof Error ? error.message : String(error);
      } finally {
        this.draining = null;
      }
    })();
    this.draining = run;
    return run;
  }

  private async applyNext(index: IndexDatabase): Promise<void> {
    const { store } = this.ctx;
    if (this.pending.full) {
      void this.rebuild().catch(() => undefined);
      return;
    }
    if (this.pending.codebook) {
      this.pending.codebook = false;
      await this.refreshCodebook(index);
      return;
    }
    if (this.pending.briefs) {
      this.pending.briefs = false;
      index.run(putBriefsOps(store.listBriefs(), briefsHash(store)));
      return;
    }
    const ids = [...this.pending.articles].slice(0, ARTICLES_PER_STEP);
    for (const id of ids) this.pending.articles.delete(id);
    // Stamps are taken before the articles are read: a write landing in between leaves an older
    // stamp (one more re-read at the next open), never a newer stamp over older rows.
    const stamps = stampsOf(store, ids);
    const names = codingNames(index.codebook());
    const read = await Promise.all(
      ids.map(async (id) => ({ id, stamp: stamps.get(id), article: await store.getArticle(id), claims: await store.getClaims(id) })),
    );
    if (this.closed || this.index !== index) return;
    const ops: SqlOp[] = [];
    for (const { id, stamp, article, claims } of read) {
      ops.push(...(article && stamp !== undefined ? putArticleOps(article, claims, stamp, names) : removeArticleOps(id)));
    }
    index.run(ops);
  }

  /** Rewrites the coding text of claims whose actor, issue or stance names changed, then records the codebook. */
  private async refreshCodebook(index: IndexDatabase): Promise<void> {
    const codebook = this.ctx.store.getCodebook();
    const after = codingNames(codebook);
    const stale = index.claimsCodedWith(renamedIds(codingNames(index.codebook()), after));
    for (let i = 0; i < stale.length; i += CODING_PER_STEP) {
      index.run(stale.slice(i, i + CODING_PER_STEP).map((claim) => updateCodingOp(claim.rowid, codingText(claim, after))));
      await yieldToLoop();
      if (this.closed || this.index !== index) return;
    }
    index.run(codebookOps(codebook));
  }
}

/** A claim's coding field under the given names (the same text fieldText gives when indexing). */
function codingText(claim: CodedClaim, names: CodingNames): string {
  const { actorIds, issueId, stanceId, proposition, speaker } = claim;
  return fieldText(
    {
      kind: 'claim',
      id: '',
      articleId: '',
      claimId: '',
      quote: '',
      note: '',
      tags: [],
      start: 0,
      end: 0,
      actorIds,
      issueId,
      stanceId,
      proposition,
      speaker,
    },
    'coding',
    names,
  );
}
