import type { Article, ArticleSummary, Block, Brief, Claim, Codebook, NotebookMeta } from '../../../shared/model';

/** Something the store could not read on open, and what it did about it. */
export interface RecoveryNote {
  /** The file, relative to the notebook folder. */
  file: string;
  /** What was wrong, e.g. "not valid JSON (truncated at byte 4096)". */
  problem: string;
  /**
   * Where the original bytes were moved to, relative to the notebook folder; null when the file
   * was missing, so there was nothing to keep.
   */
  quarantinedAs: string | null;
  /** What the notebook now holds instead, e.g. "restored from backup 2026-11-28T10-00-00Z". */
  outcome: string;
}

/** What happened while opening: empty when the notebook opened cleanly. */
export interface OpenReport {
  recovered: RecoveryNote[];
  migratedFrom: number | null;
}

/** An item in the trash: what it was, when it was deleted. */
export interface TrashEntry {
  id: string;
  kind: 'article' | 'claim' | 'brief';
  /** Article title, claim quote or brief title, for the trash list. */
  label: string;
  deletedAt: string;
  /** For claims: the article they belong to. */
  articleId: string | null;
}

/** The time source and other host capabilities the store is given. */
export interface StoreOptions {
  now?: () => Date;
  /** Create the notebook if the folder holds none. Default false. */
  create?: boolean;
  /** Name for a new notebook. */
  name?: string;
  /** How many rolling backups to keep. Default 10. */
  keepBackups?: number;
  /** Journal lines after which library.json is rewritten and the journal emptied. Default 2000. */
  journalCompactAfter?: number;
}

/**
 * The notebook on disk. Every mutating method resolves only once the change is durable
 * (written, fsynced and renamed into place); a rejected promise means nothing changed.
 * Bodies are loaded lazily: `listArticles` never reads article files.
 * One NotebookStore per folder across processes: opening a folder held by a live process
 * rejects with a `NotebookLockedError`.
 */
export interface NotebookStore {
  readonly dir: string;
  readonly meta: NotebookMeta;
  readonly openReport: OpenReport;

  listArticles(): ArticleSummary[];
  /** One article's summary (the shared, frozen object listArticles holds), or null: a look-up, not a scan. */
  getArticleSummary(id: string): ArticleSummary | null;
  /**
   * The article's storage revision: bumped by every durable write of the article or its claims
   * (in-place claim edits included). For caches that must notice any change; 0 if unknown.
   */
  articleRevision(id: string): number;
  getArticle(id: string): Promise<Article | null>;
  getClaims(articleId: string): Promise<Claim[]>;
  /** The article's text and blocks (null if there is no such article), not copied: read them, never change them. */
  getArticleBody(id: string): Promise<{ readonly text: string; readonly blocks: readonly Block[] } | null>;
  /** One claim of an article (a copy of that claim only), or null. */
  getClaim(articleId: string, claimId: string): Promise<Claim | null>;
  findArticleByHash(contentHash: string): ArticleSummary | null;
  /** Creates or replaces an article (metadata and text). Its claims are kept. */
  putArticle(article: Article): Promise<void>;
  /** Moves the article and its claims to the trash. */
  deleteArticle(id: string): Promise<void>;
  /** Creates or replaces one claim; the article must exist. */
  putClaim(claim: Claim): Promise<void>;
  /** Replaces several claims of one article in one durable write (e.g. after re-anchoring). */
  putClaims(articleId: string, claims: Claim[]): Promise<void>;
  /** Moves one claim to the trash. */
  deleteClaim(articleId: string, claimId: string): Promise<void>;

  getCodebook(): Codebook;
  putCodebook(codebook: Codebook): Promise<void>;

  listBriefs(): Brief[];
  getBrief(id: string): Brief | null;
  putBrief(brief: Brief): Promise<void>;
  deleteBrief(id: string): Promise<void>;

  listTrash(): TrashEntry[];
  /** Whether an item of this kind and id is in the trash (one look-up; the trash is not listed). */
  inTrash(kind: TrashEntry['kind'], id: string): boolean;
  restoreFromTrash(id: string): Promise<void>;
  emptyTrash(): Promise<void>;
  /**
   * Resolves once every change made so far is in its shard (the background shard writes done),
   * so the files on disk stop changing until the next change. For tests that compare files.
   */
  settle(): Promise<void>;

  /** Writes a snapshot of the notebook into backups/ and prunes old ones; returns its name. */
  backup(): Promise<string>;
  listBackups(): string[];

  /** Flushes anything pending and releases the lock. */
  close(): Promise<void>;
}
