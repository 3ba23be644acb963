import type { SearchRecord } from './search-records';

/** Kinds of document by code, as the table stores them (0: no document at that short id). */
export const KIND_CODE = { article: 1, claim: 2, brief: 3 } as const;

/** A codebook id no claim uses: matches nothing in the table. */
export const UNUSED_CODE = -2;
const NONE = -1;

/**
 * What filters read of each document, by MiniSearch short id, in typed arrays: kind, and for a
 * claim its article's short id and its coding (codebook ids as small numbers). A coding filter
 * is then one scan of numbers instead of a record lookup per claim of every candidate article.
 * Kept up to date by SearchIndex as documents are added and discarded.
 */
export class FilterTable {
  kinds = new Uint8Array(0);
  /** For a claim: its article's short id (NONE when the article is not indexed). */
  articleOf = new Int32Array(0);
  issue = new Int32Array(0);
  stance = new Int32Array(0);
  /** A claim's first actor; claims with more actors also have them all in moreActors. */
  actor = new Int32Array(0);
  readonly moreActors = new Map<number, number[]>();
  private readonly codes = new Map<string, number>();

  /** One past the highest short id the table can hold. */
  get capacity(): number {
    return this.kinds.length;
  }

  /** The number standing for a codebook id in the table, or UNUSED_CODE when no claim ever had it. */
  codeOf(id: string): number {
    return this.codes.get(id) ?? UNUSED_CODE;
  }

  set(shortId: number, record: SearchRecord, articleShortId: number | undefined): void {
    this.grow(shortId + 1);
    this.kinds[shortId] = KIND_CODE[record.kind];
    this.moreActors.delete(shortId);
    if (record.kind !== 'claim') return;
    this.articleOf[shortId] = articleShortId ?? NONE;
    this.issue[shortId] = record.issueId === null ? NONE : this.code(record.issueId);
    this.stance[shortId] = record.stanceId === null ? NONE : this.code(record.stanceId);
    this.actor[shortId] = record.actorIds.length === 0 ? NONE : this.code(record.actorIds[0]!);
    if (record.actorIds.length > 1) this.moreActors.set(shortId, record.actorIds.map((id) => this.code(id)));
  }

  clear(shortId: number): void {
    if (shortId < this.kinds.length) this.kinds[shortId] = 0;
    this.moreActors.delete(shortId);
  }

  private code(id: string): number {
    let code = this.codes.get(id);
    if (code === undefined) this.codes.set(id, (code = this.codes.size));
    return code;
  }

  private grow(needed: number): void {
    if (needed <= this.kinds.length) return;
    const size = Math.max(1024, needed * 2);
    const widen = <A extends Uint8Array | Int32Array>(old: A, make: (n: number) => A): A => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.kinds = widen(this.kinds, (n) => new Uint8Array(n));
    this.articleOf = widen(this.articleOf, (n) => new Int32Array(n));
    this.issue = widen(this.issue, (n) => new Int32Array(n));
    this.stance = widen(this.stance, (n) => new Int32Array(n));
    this.actor = widen(this.actor, (n) => new Int32Array(n));
  }
}
