import type { ArticleSummary } from '../../../shared/model';
import type { IndexLine, LibraryDoc } from './documents';

/**
 * The in-memory library: every article's summary and shard revision, kept in insertion order.
 * It is rebuilt on open from library.json plus the journal, and changed only by journal lines,
 * so memory and disk cannot drift apart.
 */
export class LibraryIndex {
  private readonly summaries = new Map<string, ArticleSummary>();
  private readonly revs = new Map<string, number>();
  private listCache: ArticleSummary[] | null = null;

  /**
   * The index of a library.json just read. Its summaries are fresh objects nobody else changes
   * (restore made them), so they are frozen in place, not copied: the store's Low document keeps
   * `doc` until the next compaction, and a copy would hold every summary twice (tens of MB at
   * 50,000 articles).
   */
  static fromDoc(doc: LibraryDoc): LibraryIndex {
    const index = new LibraryIndex();
    for (const summary of doc.articles) {
      index.summaries.set(summary.id, Object.freeze(summary));
      index.revs.set(summary.id, doc.revs[summary.id] ?? 0);
    }
    return index;
  }

  /** Applies one index line (claim lines are replayed over the shards instead). */
  apply(line: IndexLine): void {
    if (line.op === 'put') this.set(line.summary, line.rev);
    else this.remove(line.id);
  }

  set(summary: ArticleSummary, rev: number): void {
    // Object.assign, not a spread: V8 (Node 20) gives every spread copy of a parsed object a hidden
    // class of its own, 24 MB of maps at 50,000 articles; assigned copies share one.
    this.summaries.set(summary.id, Object.freeze(Object.assign({}, summary)));
    this.revs.set(summary.id, rev);
    this.listCache = null;
  }

  remove(id: string): void {
    this.summaries.delete(id);
    this.revs.delete(id);
    this.listCache = null;
  }

  get(id: string): ArticleSummary | undefined {
    return this.summaries.get(id);
  }

  rev(id: string): number {
    return this.revs.get(id) ?? 0;
  }

  has(id: string): boolean {
    return this.summaries.has(id);
  }

  ids(): string[] {
    return [...this.summaries.keys()];
  }

  get size(): number {
    return this.summaries.size;
  }

  /** All summaries; the array is a copy, the (frozen) summaries are shared. */
  list(): ArticleSummary[] {
    this.listCache ??= [...this.summaries.values()];
    return [...this.listCache];
  }

  findByHash(contentHash: string): ArticleSummary | null {
    for (const summary of this.summaries.values()) if (summary.contentHash === contentHash) return summary;
    return null;
  }

  toDoc(schemaVersion: number, journalSeq: number): LibraryDoc {
    return { schemaVersion, journalSeq, articles: [...this.summaries.values()], revs: Object.fromEntries(this.revs) };
  }
}
