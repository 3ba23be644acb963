import type { NotebookChanged } from '../../../shared/api';
import type { SearchFilters, SearchResponse } from '../../../shared/api/contract-search';
import type { CoreContext } from '../context';
import { buildIndex, reindexArticle } from './index-builder';
import {
  appendJournal,
  deleteIndexFile,
  notebookStamp,
  readIndexFile,
  serializeIndexFile,
  writeIndexFile,
  writeJournal,
  type JournalEntry,
} from './index-file';
import { parseQuery } from './query-parser';
import { runSearch } from './run-search';
import { compileFilters } from './search-filters';
import { SearchIndex, type SearchIndexCounts } from './search-index';

export interface SearchServiceOptions {
  /** How long a search waits for the index (first load or build, pending updates) before answering from what is there. */
  readyWaitMs?: number;
  /** Writes the index this long after the last change, when it is due (0: only after builds and at close). */
  persistAfterIdleMs?: number;
  /** How many journaled changes make rewriting the whole file worth it (default 500). */
  persistAfterJournalEntries?: number;
}

/** Where the index in memory came from, for tests and diagnostics. */
export interface SearchStatus {
  state: 'idle' | 'loading' | 'building' | 'ready';
  source: 'loaded' | 'built' | null;
  /** Articles re-read after loading the file, because they changed after it was written. */
  caughtUp: number;
  /** Why the file on disk was not used at the last start, if it was not. */
  rebuildReason: string | null;
  builds: number;
  counts: SearchIndexCounts | null;
}

const CODEBOOK_REFRESH_SLICE = 2000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The notebook's search: owns the index's lifecycle. Nothing happens at startup; the first
 * search loads search-index.json and re-reads what changed since it was written, or builds the
 * index in the background when there is no usable file (searches meanwhile answer from the part
 * built, with `indexing` progress). Change events re-index the article they name and are noted
 * in a journal beside the file, so a file that fell behind (a crash, the command line's import)
 * is caught up on at the next load. The file is written after each build, and otherwise only
 * when due (see `flush`).
 */
export class SearchService {
  private index: SearchIndex | null = null;
  /** The index of a first build, searchable while it grows. */
  private partial: SearchIndex | null = null;
  private progress = { done: 0, total: 0 };
  private starting: Promise<void> | null = null;
  private rebuilding: Promise<SearchIndexCounts> | null = null;
  private readonly pending = { articles: new Set<string>(), codebook: false, briefs: false, full: false };
  private draining: Promise<void> | null = null;
  /** Disk operations on the index file, one at a time and in order. */
  private disk: Promise<unknown> = Promise.resolve();
  /**
   * The file on disk: 'usable' when it (with its journal) can be caught up to memory at the next
   * load, 'none' when there is none or it was deleted; 'unknown' before it was read or written.
   */
  private file: 'usable' | 'none' | 'unknown' = 'unknown';
  /** Changes in the journal on disk: what the next load would re-read. */
  private journalEntries = 0;
  private readonly persistAfterJournalEntries: number;
  private persistTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;
  private readonly readyWaitMs: number;
  private readonly persistAfterIdleMs: number;
  private status_: SearchStatus = { state: 'idle', source: null, caughtUp: 0, rebuildReason: null, builds: 0, counts: null };
  /** Changes journaled since the index in memory was last snapshotted for the file. */
  private sinceSnapshot: JournalEntry[] = [];

  constructor(private readonly ctx: CoreContext, options: SearchServiceOptions = {}) {
    this.readyWaitMs = options.readyWaitMs ?? 300;
    this.persistAfterIdleMs = options.persistAfterIdleMs ?? 30_000;
    this.persistAfterJournalEntries = options.persistAfterJournalEntries ?? 500;
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
    await Promise.race([ready, sleep(this.readyWaitMs)]);
    const index = this.index ?? this.partial;
    const codebook = this.ctx.store.getCodebook();
    // While the file is still loading there is nothing to search yet, but filters are still checked.
    const page = index ? runSearch(index, parsed, request.filters, codebook, request) : (compileFilters(request.filters, codebook, { records: new Map(), claimIdsOf: () => [] }), { total: 0, hits: [] });
    const response: SearchResponse = { ...page, tookMs: Math.round((performance.now() - started) * 10) / 10 };
    if (!this.index) response.indexing = { ...this.progress };
    return response;
  }

  /** Builds a new index from the store and puts it in use (the old one serves until then). */
  rebuild(): Promise<SearchIndexCounts> {
    // A rebuild asked for before the first search replaces the start: nothing loads the old file over it.
    this.starting ??= Promise.resolve();
    this.rebuilding ??= this.build().finally(() => (this.rebuilding = null));
    return this.rebuilding;
  }

  /** Resolves once the index is complete and every change seen so far is in it. */
  async whenCurrent(): Promise<void> {
    await this.start();
    while (!this.closed && (this.rebuilding || this.draining || (this.index && this.hasPending()))) {
      if (this.rebuilding) await this.rebuilding.catch(() => undefined);
      else await this.drain();
    }
  }

  /** Resolves once pending changes are applied and file operations done, without writing the index. */
  async settled(): Promise<void> {
    await this.whenCurrent();
    await this.disk;
  }

  /**
   * Writes the index to disk when it is due: when there is no usable file, or the journal has
   * grown long. Otherwise the file and its journal already let the next load catch up, and
   * rewriting a large index (seconds of serialising) would only hold the process.
   */
  async flush(): Promise<void> {
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = null;
    if (this.draining) await this.draining;
    if (this.persistDue()) await this.persist();
    await this.disk;
  }

  private persistDue(): boolean {
    if (!this.index || this.hasPending()) return false;
    return this.file !== 'usable' || this.journalEntries >= this.persistAfterJournalEntries;
  }

  /** Stops following changes and writes the index if due; call before the store closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush().catch(() => undefined);
    this.closed = true;
    this.unsubscribe();
  }

  private start(): Promise<void> {
    this.starting ??= this.loadOrBuild();
    return this.starting;
  }

  private async loadOrBuild(): Promise<void> {
    this.status_.state = 'loading';
    const read = await this.onDisk(() => readIndexFile(this.ctx.store.dir, notebookStamp(this.ctx.store)));
    if (read.ok) {
      try {
        // Built with the codebook it was written with: a name changed since is found by setCodebook.
        this.index = new SearchIndex(read.codebook, read.index);
        const { catchUp } = read;
        if (catchUp.codebook) this.pending.codebook = true;
        if (catchUp.briefs) this.pending.briefs = true;
        for (const id of catchUp.articles) this.pending.articles.add(id);
        this.file = 'usable';
        this.journalEntries += catchUp.articles.length + (catchUp.codebook ? 1 : 0) + (catchUp.briefs ? 1 : 0);
        this.status_ = { ...this.status_, state: 'ready', source: 'loaded', caughtUp: catchUp.articles.length, rebuildReason: null };
        if (this.hasPending()) void this.drain();
        return;
      } catch (error) {
        this.index = null;
        this.pending.articles.clear();
        this.pending.codebook = this.pending.briefs = false;
        this.status_.rebuildReason = `index file is damaged (${error instanceof Error ? error.message : String(error)})`;
      }
    } else {
      this.status_.rebuildReason = read.reason;
    }
    await this.rebuild();
  }

  private async build(): Promise<SearchIndexCounts> {
    const { store } = this.ctx;
    const fresh = new SearchIndex(store.getCodebook());
    // Changes from now on are re-read once the build is in use, whatever the build saw.
    this.pending.full = false;
    if (!this.index) this.partial = fresh;
    this.status_.state = 'building';
    await buildIndex(store, fresh, (done, total) => (this.progress = { done, total }), () => this.closed);
    // Closed part-way: the index is incomplete and must never be written or used.
    if (this.closed) return fresh.counts();
    this.index = fresh;
    this.partial = null;
    this.status_ = { ...this.status_, state: 'ready', source: 'built', builds: this.status_.builds + 1 };
    // The file on disk (if any) is the old index, no longer journaled: delete it until this one is written.
    this.invalidateDisk();
    await this.drain();
    if (!this.hasPending()) await this.persist();
    return fresh.counts();
  }

  private onChange(event: NotebookChanged): void {
    if (this.closed) return;
    let entry: JournalEntry | null = null;
    if (event.scope === 'codebook') {
      this.pending.codebook = true;
      entry = { kind: 'codebook' };
    } else if (event.scope === 'briefs') {
      this.pending.briefs = true;
      entry = { kind: 'briefs' };
    } else if ((event.scope === 'articles' || event.scope === 'claims') && event.articleId) {
      this.pending.articles.add(event.articleId);
      entry = { kind: 'article', id: event.articleId };
    } else this.pending.full = true;
    if (entry) this.journal(entry);
    else this.invalidateDisk();
    // Keep an index already in memory current; one not loaded yet reads everything when it starts.
    if (this.index && !this.rebuilding) void this.drain();
  }

  private hasPending(): boolean {
    const p = this.pending;
    return p.full || p.codebook || p.briefs || p.articles.size > 0;
  }

  /** Applies pending changes to the index in use, one at a time, until none are left. */
  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    const run = (async () => {
      // Starts on the next microtask, so `draining` is set before the loop can finish.
      await Promise.resolve();
      try {
        while (this.index && !this.rebuilding && this.hasPending() && !this.closed) await this.applyNext(this.index);
      } finally {
        this.draining = null;
      }
      this.schedulePersist();
    })();
    this.draining = run;
    return run;
  }

  private async applyNext(index: SearchIndex): Promise<void> {
    const { store } = this.ctx;
    if (this.pending.full) {
      void this.rebuild();
      return;
    }
    if (this.pending.codebook) {
      this.pending.codebook = false;
      const stale = index.setCodebook(store.getCodebook());
      for (let i = 0; i < stale.length; i += CODEBOOK_REFRESH_SLICE) {
        for (const id of stale.slice(i, i + CODEBOOK_REFRESH_SLICE)) index.refresh(id);
        await yieldToLoop();
      }
      return;
    }
    if (this.pending.briefs) {
      this.pending.briefs = false;
      index.putBriefs(store.listBriefs());
      return;
    }
    const [articleId] = this.pending.articles;
    if (articleId === undefined) return;
    this.pending.articles.delete(articleId);
    await reindexArticle(store, index, articleId);
  }

  /**
   * Notes a change the file does not hold, before anyone loads the file again. The journal is
   * appended in the order of the changes, after any write of the file queued before it.
   */
  private journal(entry: JournalEntry): void {
    if (this.file === 'none') return;
    this.journalEntries += 1;
    this.sinceSnapshot.push(entry);
    void this.onDisk(() => appendJournal(this.ctx.store.dir, [entry])).catch(() => this.invalidateDisk(true));
  }

  /** The file can no longer be caught up on (a whole-notebook change, a failed journal write): delete it. */
  private invalidateDisk(force = false): void {
    if (this.file === 'none' && !force) return;
    this.file = 'none';
    void this.onDisk(() => deleteIndexFile(this.ctx.store.dir)).catch(() => undefined);
  }

  private schedulePersist(): void {
    if (this.persistAfterIdleMs <= 0 || this.closed || !this.persistDue()) return;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      if (!this.draining && this.persistDue()) void this.persist().catch(() => undefined);
    }, this.persistAfterIdleMs);
    this.persistTimer.unref();
  }

  /**
   * Writes the index with a stamp taken in the same turn as the snapshot, then leaves in the
   * journal only the changes made since the snapshot (journaled again, in order, if they are
   * appended after this write).
   */
  private async persist(): Promise<void> {
    const index = this.index;
    if (!index || this.closed) return;
    const contents = serializeIndexFile(index.toJSON(), index.codebook, notebookStamp(this.ctx.store), this.ctx.now());
    this.sinceSnapshot = [];
    this.file = 'usable';
    this.journalEntries = 0;
    const dir = this.ctx.store.dir;
    try {
      await this.onDisk(async () => {
        await writeIndexFile(dir, contents);
        this.journalEntries = this.sinceSnapshot.length;
        await writeJournal(dir, this.sinceSnapshot);
      });
    } catch (error) {
      // Without a file (or with one whose journal could not be cut) the next load must not trust it.
      this.invalidateDisk(true);
      throw error;
    }
  }

  private onDisk<T>(task: () => Promise<T>): Promise<T> {
    const run = this.disk.then(task);
    this.disk = run.catch(() => undefined);
    return run;
  }
}
