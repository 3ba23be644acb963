import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ArticleSummary, Claim } from '../../../shared/model';
import type { CoreContext } from '../context';
import { readDigestFile, serializeDigest, writeDigestFile, type DigestColumns, type DigestTables } from './claim-digest-file';

/**
 * What notebook-wide views (the positions map, codebook usage) need of every claim: its coding,
 * as small numbers in columns. Persisted beside the notebook (`claim-digest-file.ts`), checked
 * per article against the store's storage signature, and re-read only for articles that changed.
 */

/** Strings interned to indexes. Append-only while the core runs, so an index never changes meaning. */
export class InternTable {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(values: string[] = []) {
    for (const value of values) this.intern(value);
  }

  /** The value's index, or -1 when the table does not hold it. */
  find(value: string): number {
    return this.index.get(value) ?? -1;
  }

  intern(value: string): number {
    let at = this.index.get(value);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.index.set(value, at);
    }
    return at;
  }
}

/**
 * One article's claims in the order of its text (then of making), column by column: claims
 * `from` to `to` (exclusive) of its columns. Articles read from the digest file share the file's
 * columns (one set of typed arrays for all of them, no copies); an article re-read from the
 * store has columns of its own.
 */
export interface ArticleDigest {
  readonly articleId: string;
  /** The store's signature of the article when its claims were read (see `signatureOf`), and its parts. */
  readonly signature: string;
  readonly seenAt: SignatureParts;
  readonly count: number;
  readonly from: number;
  readonly to: number;
  /** Index into the issues table, -1 for no issue. */
  readonly issue: Int32Array;
  /** Index into the stances table, -1 for no stance. */
  readonly stance: Int32Array;
  /** Index into the propositions table, -1 for none. */
  readonly proposition: Int32Array;
  /** Claim i's actors are actors[actorStart[i] .. actorStart[i+1]) (without repeats). */
  readonly actorStart: Uint32Array;
  readonly actors: Int32Array;
  /** Claim i's tags (lower-cased, without repeats) are tags[tagStart[i] .. tagStart[i+1]). */
  readonly tagStart: Uint32Array;
  readonly tags: Int32Array;
}

export interface DigestTablesLive {
  actors: InternTable;
  issues: InternTable;
  stances: InternTable;
  propositions: InternTable;
  tags: InternTable;
}

/** How the digest came to be in this process: read from its file, or rebuilt (with why). */
export interface DigestLoadReport {
  source: 'file' | 'rebuilt';
  /** Why the file was not used (rebuilt only). */
  reason: string | null;
  /** Articles whose claims were read from the store because the file lacked them or was stale. */
  articlesRead: number;
}

/**
 * What says an article's claims may have changed: the storage revision (bumped by every durable
 * write of the article or its claims, in-place edits included), with the summary's updatedAt and
 * claim count, so a revision that repeats after a restored backup is still caught.
 */
export function signatureOf(ctx: CoreContext, articleId: string, updatedAt: string, claimCount: number): string {
  return `${ctx.store.articleRevision(articleId)}|${updatedAt}|${claimCount}`;
}

/** A signature's parts, compared one by one on every call (no string built per article). */
export interface SignatureParts {
  rev: number;
  updatedAt: string;
  claimCount: number;
}

function partsOf(signature: string): SignatureParts {
  const [rev, updatedAt, claimCount] = signature.split('|');
  return { rev: Number(rev), updatedAt: updatedAt ?? '', claimCount: Number(claimCount) };
}

function compareClaims(a: Claim, b: Claim): number {
  return a.target.position.start - b.target.position.start || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
}

/** Claims in the order of the text, then of making: the order "latest" is read in. */
export function inTextOrder(claims: Claim[]): Claim[] {
  return [...claims].sort(compareClaims);
}

/** What positions and networks read of a digest: its tables and one block per article. */
export type DigestView = Pick<ClaimsDigest, 'tables' | 'block'>;

/**
 * A digest of the given claims only, not kept or written: one coder's claims for per-coder
 * positions (coders/coder-digest.ts).
 */
export function transientDigest(claimsByArticle: Map<string, Claim[]>): DigestView {
  const tables: DigestTablesLive = {
    actors: new InternTable(),
    issues: new InternTable(),
    stances: new InternTable(),
    propositions: new InternTable(),
    tags: new InternTable(),
  };
  const blocks = new Map<string, ArticleDigest>();
  for (const [articleId, claims] of claimsByArticle) if (claims.length) blocks.set(articleId, digestOf(articleId, '', claims, tables));
  return { tables, block: (articleId: string) => blocks.get(articleId) };
}

function digestOf(articleId: string, signature: string, claims: Claim[], tables: DigestTablesLive): ArticleDigest {
  const ordered = inTextOrder(claims);
  const n = ordered.length;
  const issue = new Int32Array(n);
  const stance = new Int32Array(n);
  const proposition = new Int32Array(n);
  const actorStart = new Uint32Array(n + 1);
  const tagStart = new Uint32Array(n + 1);
  const actors: number[] = [];
  const tags: number[] = [];
  ordered.forEach((c, i) => {
    issue[i] = c.issueId ? tables.issues.intern(c.issueId) : -1;
    stance[i] = c.stanceId ? tables.stances.intern(c.stanceId) : -1;
    const text = c.proposition.trim();
    proposition[i] = text ? tables.propositions.intern(text) : -1;
    actorStart[i] = actors.length;
    for (const id of new Set(c.actorIds)) actors.push(tables.actors.intern(id));
    tagStart[i] = tags.length;
    for (const tag of new Set(c.tags.map((t) => t.toLowerCase()))) tags.push(tables.tags.intern(tag));
  });
  actorStart[n] = actors.length;
  tagStart[n] = tags.length;
  return {
    articleId,
    signature,
    seenAt: partsOf(signature),
    count: n,
    from: 0,
    to: n,
    issue,
    stance,
    proposition,
    actorStart,
    actors: Int32Array.from(actors),
    tagStart,
    tags: Int32Array.from(tags),
  };
}

/** The file's columns as per-article digests over one shared set of typed arrays. */
function blocksOf(columns: DigestColumns): ArticleDigest[] {
  const issue = Int32Array.from(columns.issue);
  const stance = Int32Array.from(columns.stance);
  const proposition = Int32Array.from(columns.proposition);
  const actors = Int32Array.from(columns.actors);
  const tags = Int32Array.from(columns.tags);
  const claims = issue.length;
  const actorStart = new Uint32Array(claims + 1);
  const tagStart = new Uint32Array(claims + 1);
  for (let i = 0; i < claims; i++) {
    actorStart[i + 1] = actorStart[i]! + columns.actorCounts[i]!;
    tagStart[i + 1] = tagStart[i]! + columns.tagCounts[i]!;
  }
  const blocks: ArticleDigest[] = [];
  let from = 0;
  columns.articleIds.forEach((articleId, a) => {
    const count = columns.counts[a]!;
    blocks.push({
      articleId,
      signature: columns.signatures[a]!,
      seenAt: partsOf(columns.signatures[a]!),
      count,
      from,
      to: from + count,
      issue,
      stance,
      proposition,
      actorStart,
      actors,
      tagStart,
      tags,
    });
    from += count;
  });
  return blocks;
}

/** The columns for the file, with tables holding only the values still in use. */
function columnsOf(blocks: Iterable<ArticleDigest>, live: DigestTablesLive): { tables: DigestTables; columns: DigestColumns } {
  const out = {
    actors: new InternTable(),
    issues: new InternTable(),
    stances: new InternTable(),
    propositions: new InternTable(),
    tags: new InternTable(),
  };
  const columns: DigestColumns = {
    articleIds: [],
    signatures: [],
    counts: [],
    issue: [],
    stance: [],
    proposition: [],
    actorCounts: [],
    actors: [],
    tagCounts: [],
    tags: [],
  };
  const map = (i: number, from: InternTable, to: InternTable) => (i < 0 ? -1 : to.intern(from.values[i]!));
  for (const b of blocks) {
    columns.articleIds.push(b.articleId);
    columns.signatures.push(b.signature);
    columns.counts.push(b.count);
    for (let i = b.from; i < b.to; i++) {
      columns.issue.push(map(b.issue[i]!, live.issues, out.issues));
      columns.stance.push(map(b.stance[i]!, live.stances, out.stances));
      columns.proposition.push(map(b.proposition[i]!, live.propositions, out.propositions));
      columns.actorCounts.push(b.actorStart[i + 1]! - b.actorStart[i]!);
      for (let k = b.actorStart[i]!; k < b.actorStart[i + 1]!; k++) columns.actors.push(map(b.actors[k]!, live.actors, out.actors));
      columns.tagCounts.push(b.tagStart[i + 1]! - b.tagStart[i]!);
      for (let k = b.tagStart[i]!; k < b.tagStart[i + 1]!; k++) columns.tags.push(map(b.tags[k]!, live.tags, out.tags));
    }
  }
  return {
    tables: {
      actors: out.actors.values,
      issues: out.issues.values,
      stances: out.stances.values,
      propositions: out.propositions.values,
      tags: out.tags.values,
    },
    columns,
  };
}

/** After a change, how long the digest waits for more before it writes its file. */
const WRITE_DELAY_MS = 2000;
/** Catch-up rounds per call; a notebook written to without pause gets the rest at the next call. */
const MAX_ROUNDS = 3;

/** The claims digest of one open notebook. */
export class ClaimsDigest {
  tables: DigestTablesLive = {
    actors: new InternTable(),
    issues: new InternTable(),
    stances: new InternTable(),
    propositions: new InternTable(),
    tags: new InternTable(),
  };
  private readonly blocks = new Map<string, ArticleDigest>();
  private loaded: Promise<void> | null = null;
  private catchingUp: Promise<void> | null = null;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  report: DigestLoadReport = { source: 'rebuilt', reason: null, articlesRead: 0 };

  constructor(private readonly ctx: CoreContext) {}

  /** The digest of one article's claims; only valid after `fresh()` resolved, until the next await. */
  block(articleId: string): ArticleDigest | undefined {
    return this.blocks.get(articleId);
  }

  /**
   * Brings the digest up to date with the store: loads the file once, then re-reads the claims of
   * every article whose signature changed (and only those). Resolves when every article with
   * claims has a current digest (after at most a few rounds if writes keep coming).
   */
  async fresh(): Promise<this> {
    if (this.closed) throw new Error('The notebook is closed.');
    this.loaded ??= this.load();
    await this.loaded;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (this.catchingUp) {
        await this.catchingUp;
        continue;
      }
      const stale = this.stale();
      if (stale === null) return this;
      this.catchingUp = this.catchUp(stale).finally(() => (this.catchingUp = null));
      await this.catchingUp;
    }
    return this;
  }

  private async load(): Promise<void> {
    const read = await readDigestFile(this.ctx.store.dir, this.ctx.store.meta.id);
    // Parsing, building the columns and the first map are separate turns of the event loop,
    // so other requests are served in between.
    await nextTurn();
    if (!read.ok) {
      this.report = { source: 'rebuilt', reason: read.reason, articlesRead: 0 };
      return;
    }
    this.tables = {
      actors: new InternTable(read.tables.actors),
      issues: new InternTable(read.tables.issues),
      stances: new InternTable(read.tables.stances),
      propositions: new InternTable(read.tables.propositions),
      tags: new InternTable(read.tables.tags),
    };
    for (const block of blocksOf(read.columns)) this.blocks.set(block.articleId, block);
    this.report = { source: 'file', reason: null, articlesRead: 0 };
    await nextTurn();
  }

  /** Articles whose digest is missing or stale (with their signature now), or null when none is and nothing is left over. */
  private stale(): { articleId: string; signature: string }[] | null {
    // The store hands out a new summary object whenever an article's revision, claims or metadata
    // change, and only stale()/catchUp() change the blocks: the same summaries as at the last check
    // that found everything current mean nothing is stale (a pass of pointer comparisons instead of
    // a signature check per article on every map: ~50 ms at 50,000 articles).
    const summaries = this.ctx.store.listArticles();
    if (this.current && sameSummaries(this.current, summaries)) return null;
    const stale: { articleId: string; signature: string }[] = [];
    const live = new Set<string>();
    for (const a of summaries) {
      if (a.claimCount === 0) continue;
      live.add(a.id);
      const seen = this.blocks.get(a.id)?.seenAt;
      const rev = this.ctx.store.articleRevision(a.id);
      if (seen && seen.rev === rev && seen.updatedAt === a.updatedAt && seen.claimCount === a.claimCount) continue;
      stale.push({ articleId: a.id, signature: signatureOf(this.ctx, a.id, a.updatedAt, a.claimCount) });
    }
    // Deleted articles, and articles whose last claim went, leave the digest.
    for (const id of [...this.blocks.keys()]) {
      if (!live.has(id)) {
        this.blocks.delete(id);
        this.dirty = true;
      }
    }
    if (stale.length === 0) {
      if (this.dirty) this.scheduleWrite();
      this.current = summaries;
      return null;
    }
    this.current = null;
    return stale;
  }

  /** The library as it was when stale() last found every digest current. */
  private current: readonly ArticleSummary[] | null = null;

  private async catchUp(stale: { articleId: string; signature: string }[]): Promise<void> {
    for (const { articleId, signature } of stale) {
      // The signature was taken before the read: should the article change meanwhile, the digest
      // is marked with the older signature and is read again at the next call.
      const claims = await this.ctx.store.getClaims(articleId);
      if (claims.length === 0) this.blocks.delete(articleId);
      else this.blocks.set(articleId, digestOf(articleId, signature, claims, this.tables));
      this.report.articlesRead += 1;
    }
    this.dirty = true;
    this.scheduleWrite();
  }

  private scheduleWrite(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch(() => {
        // A digest that could not be written is rebuilt from the store next time: nothing is lost.
      });
    }, WRITE_DELAY_MS);
    this.timer.unref?.();
  }

  /** Writes the file now if the digest changed since it was last written. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.writing = this.writing.then(async () => {
      if (!this.dirty || !this.loaded) return;
      // Snapshot and serialise in one turn, so no change slips in between.
      this.dirty = false;
      const { tables, columns } = columnsOf(this.blocks.values(), this.tables);
      const contents = serializeDigest(this.ctx.store.meta.id, tables, columns, this.ctx.now());
      try {
        await writeDigestFile(this.ctx.store.dir, contents);
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
    return this.writing;
  }

  /** Writes what is pending and stops; called before the store closes. */
  async close(): Promise<void> {
    if (this.catchingUp) await this.catchingUp.catch(() => undefined);
    try {
      await this.flush();
    } catch {
      // The store is what matters at close; the digest is rebuilt from it next time.
    }
    this.closed = true;
  }
}

const digests = new WeakMap<CoreContext, ClaimsDigest>();

function digestFor(ctx: CoreContext): ClaimsDigest {
  let digest = digests.get(ctx);
  if (!digest) digests.set(ctx, (digest = new ClaimsDigest(ctx)));
  return digest;
}

/** The notebook's claims digest, up to date with the store. */
export function claimsDigest(ctx: CoreContext): Promise<ClaimsDigest> {
  return digestFor(ctx).fresh();
}

/** Writes the digest's file if it changed (tests, and the core's close). */
export async function flushClaimsDigest(ctx: CoreContext): Promise<void> {
  await digests.get(ctx)?.flush();
}

/** For the core's close(): writes what is pending, before the store and its lock go. */
export async function closeClaimsDigest(ctx: CoreContext): Promise<void> {
  const digest = digests.get(ctx);
  if (!digest) return;
  digests.delete(ctx);
  await digest.close();
}

/** Whether two library lists hold the very same summary objects in the same order. */
function sameSummaries(a: readonly ArticleSummary[], b: readonly ArticleSummary[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
