import { UserError, type NotebookChanged } from '../../../shared/api';
import type { Article, AuditValue, AuditedField, Claim, Codebook } from '../../../shared/model';
import { isoNow, type CoreContext } from '../context';

/**
 * The parts of an article a text revision changes; title, tags and the rest are left alone.
 * `removedBlocks` (the page furniture set aside at import) changes when one is restored.
 */
export type ArticleText = Pick<Article, 'text' | 'blocks' | 'rev' | 'revisions' | 'contentHash' | 'removedBlocks'>;

/** One claim's state before and after a change; null means the claim is not there (or in the trash). */
export interface ClaimChange {
  articleId: string;
  claimId: string;
  before: Claim | null;
  after: Claim | null;
}

export interface ArticleTextChange {
  articleId: string;
  before: ArticleText;
  after: ArticleText;
}

/**
 * Everything one user action changed, as before/after snapshots of the records it touched.
 * The same set is applied forwards to do (and redo) the action and backwards to undo it.
 */
export interface ChangeSet {
  /** What the action was, in the analyst's words: "Delete claim", "Merge actors". */
  label: string;
  codebook?: { before: Codebook; after: Codebook };
  articles: ArticleTextChange[];
  claims: ClaimChange[];
  /** History entries to add beside the field changes, e.g. an adjudication's decision (coders/). */
  audit?: { claimId: string; field: AuditedField; from: AuditValue; to: AuditValue }[];
}

export type Side = 'before' | 'after';

/** The text fields of an article, copied so later edits of the article cannot reach them. */
export function articleText(article: Article): ArticleText {
  const { text, blocks, rev, revisions, contentHash, removedBlocks } = article;
  return structuredClone({ text, blocks, rev, revisions, contentHash, ...(removedBlocks ? { removedBlocks } : {}) });
}

/** True if the set changes nothing (e.g. a rename to the same name), so it need not be recorded. */
export function isEmptyChange(set: ChangeSet): boolean {
  return !set.codebook && set.articles.length === 0 && set.claims.length === 0;
}

/**
 * Compares two stored records by value. Key order and `undefined` members do not count, since the
 * store's schemas may drop or reorder them on the way to disk.
 */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Compares two states of a claim, leaving out its audit trail (`history`, `updatedBy`): undo and
 * redo append to the history, which must not make the step look overwritten by someone else.
 */
export function sameClaim(a: Claim | null, b: Claim | null): boolean {
  if (!a || !b) return a === b;
  const strip = ({ history: _history, updatedBy: _updatedBy, ...rest }: Claim) => rest;
  return sameRecord(strip(a), strip(b));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}

function byArticle(claims: ClaimChange[]): Map<string, ClaimChange[]> {
  const groups = new Map<string, ClaimChange[]>();
  for (const change of claims) groups.set(change.articleId, [...(groups.get(change.articleId) ?? []), change]);
  return groups;
}

/**
 * Checks that the notebook still holds the `expected` side of the set, so undo or redo never
 * overwrites a change made since (in another window, by an import). Throws a conflict if not.
 */
export async function assertStateIs(ctx: CoreContext, set: ChangeSet, expected: Side): Promise<void> {
  const refuse = (what: string): never => {
    throw new UserError(
      'conflict',
      `"${set.label}" cannot be ${expected === 'after' ? 'undone' : 'redone'}: ${what} has changed since. ` + 'Make the change by hand instead.',
    );
  };
  if (set.codebook && !sameRecord(ctx.store.getCodebook(), set.codebook[expected])) refuse('the codebook');
  for (const change of set.articles) {
    const article = await ctx.store.getArticle(change.articleId);
    if (!article) refuse('the article (it was deleted)');
    else if (!sameRecord(articleText(article), change[expected])) refuse('the text of the article');
  }
  for (const [articleId, changes] of byArticle(set.claims)) {
    const article = await ctx.store.getArticle(articleId);
    const current = article ? await ctx.store.getClaims(articleId) : [];
    if (!article && changes.some((c) => c[expected] !== null)) refuse('the article (it was deleted)');
    for (const change of changes) {
      const now = current.find((c) => c.id === change.claimId) ?? null;
      if (!sameClaim(now, change[expected])) refuse('a claim it touched');
    }
  }
}

/**
 * Writes one side of a change set durably: the codebook, then article texts, then claims (one
 * putClaims per article; claims that must be absent go to the trash, claims that must come back
 * leave it). Emits one change event per scope and article once everything is written, and,
 * should a write fail part-way, for what was written before it, so no client or cache keeps
 * showing what is no longer on disk.
 */
export async function applySide(ctx: CoreContext, set: ChangeSet, side: Side): Promise<void> {
  const events: NotebookChanged[] = [];
  try {
    if (set.codebook) {
      await ctx.store.putCodebook(set.codebook[side]);
      events.push({ scope: 'codebook' });
    }
    for (const change of set.articles) {
      const article = await ctx.store.getArticle(change.articleId);
      if (!article) throw new UserError('not-found', `The article ${change.articleId} is no longer in the notebook.`);
      await ctx.store.putArticle({ ...article, ...structuredClone(change[side]), updatedAt: isoNow(ctx) });
      events.push({ scope: 'articles', articleId: change.articleId });
    }
    for (const [articleId, changes] of byArticle(set.claims)) {
      // Marked before the write: a write that fails may still have changed part of the article's claims.
      events.push({ scope: 'claims', articleId });
      await writeClaims(ctx, articleId, changes, side);
    }
  } finally {
    for (const event of events) ctx.emit(event);
  }
}

async function writeClaims(ctx: CoreContext, articleId: string, changes: ClaimChange[], side: Side): Promise<void> {
  const present = changes.map((c) => c[side]).filter((c): c is Claim => c !== null);
  const absent = changes.filter((c) => c[side] === null).map((c) => c.claimId);
  // A claim coming back from the trash leaves it, so the trash never lists a live claim. One
  // look-up per claim: neither the trash nor the article's other claims are read for a save.
  for (const claim of present) {
    if (ctx.store.inTrash('claim', claim.id) && !(await ctx.store.getClaim(articleId, claim.id))) await ctx.store.restoreFromTrash(claim.id);
  }
  if (present.length > 0) await ctx.store.putClaims(articleId, structuredClone(present));
  for (const claimId of absent) {
    if (await ctx.store.getClaim(articleId, claimId)) await ctx.store.deleteClaim(articleId, claimId);
  }
}
