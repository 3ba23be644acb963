import { UserError } from '../../../shared/api';
import type { AnchorCounts } from '../../../shared/api/contract-annotate';
import { reanchorClaims } from '../../../shared/anchoring';
import { anchorState, type AnchorStatus, type Article, type ArticleSummary, type Claim } from '../../../shared/model';
import { requireArticle } from './articles';
import { contentHash } from './content-hash';
import { isoNow, type CoreContext } from '../context';
import { articleText, type ArticleText, type ChangeSet, type ClaimChange } from '../history/change-set';
import { historyOf } from '../history/history';
import { rebuildBlocks } from './rebuild-blocks';

/** What `reviseArticleText` answers. */
export interface RevisionResult {
  article: ArticleSummary;
  rev: number;
  changed: boolean;
  counts: AnchorCounts;
}

/** How many claims stand exact, relocated and orphaned. */
export function countStatuses(claims: readonly Claim[]): AnchorCounts {
  const counts: AnchorCounts = { exact: 0, relocated: 0, orphaned: 0, needsReview: 0 };
  for (const claim of claims) {
    counts[claim.anchor.status] += 1;
    if (anchorState(claim.anchor) === 'needs-review') counts.needsReview += 1;
  }
  return counts;
}

export function summaryOf(ctx: CoreContext, articleId: string): ArticleSummary {
  const summary = ctx.store.listArticles().find((a) => a.id === articleId);
  if (!summary) throw new UserError('internal', `The article ${articleId} is missing from the library index.`);
  return summary;
}

/**
 * A placement that needs review stays so until the analyst confirms or reselects it, whatever
 * later edits do: a new revision adds its own doubts to the old ones. A confirmed claim that the
 * edit left exactly where it was keeps its confirmation; any relocation needs none to be trusted
 * anew, but the old confirmation no longer speaks for the new place.
 */
export function carryReview(before: AnchorStatus, after: AnchorStatus): AnchorStatus {
  if (after.status === 'orphaned') return after;
  const reasons = [...new Set([...(before.status !== 'orphaned' ? (before.review?.reasons ?? []) : []), ...(after.review?.reasons ?? [])])];
  const { review: _review, confirmed: _confirmed, previous: _previous, ...rest } = after;
  const next: AnchorStatus = { ...rest };
  if (reasons.length > 0) {
    next.review = { reasons };
    next.previous = after.previous ?? before.previous;
  }
  if (after.status === 'exact' && before.confirmed && reasons.length === 0) next.confirmed = before.confirmed;
  return next;
}

/**
 * Replaces an article's text with the analyst's edited version, as one undo step: the old text,
 * blocks and hash become revision `rev`, the article moves to `rev + 1`, and every claim is
 * placed again with the anchoring engine (exact, relocated with its score, or orphaned keeping
 * its old selectors and context for the orphans review). The article and all its claims are each
 * written once. An edit that leaves the canonical text as it was writes nothing.
 */
export async function reviseArticleText(ctx: CoreContext, articleId: string, edited: string): Promise<RevisionResult> {
  const outcome = await historyOf(ctx).perform<Omit<RevisionResult, 'article'>>(async () => {
    const article = await requireArticle(ctx, articleId);
    const { text, blocks } = rebuildBlocks(article, edited);
    if (!text.trim()) {
      throw new UserError(
        'invalid-request',
        'The new text is empty. An article needs text; to remove the article, delete it from the library instead.',
      );
    }
    return newRevision(ctx, article, { text, blocks }, 'Edit article text');
  });
  // Read after the write, so the summary carries the new word count.
  return { article: summaryOf(ctx, articleId), ...outcome };
}

/**
 * The change that makes `next` the article's text as a new revision, every claim placed again
 * (see reviseArticleText), or no change when the text stays as it was. `next.removedBlocks`, when
 * given, replaces the article's set-aside furniture in the same step.
 */
export async function newRevision(
  ctx: CoreContext,
  article: Article,
  next: Pick<ArticleText, 'text' | 'blocks' | 'removedBlocks'>,
  label: string,
): Promise<{ change: ChangeSet | null; result: Omit<RevisionResult, 'article'> }> {
  const articleId = article.id;
  const { text, blocks } = next;
  const claims = await ctx.store.getClaims(articleId);
  if (text === article.text) {
    return { change: null, result: { rev: article.rev, changed: false, counts: countStatuses(claims) } };
  }
  const now = isoNow(ctx);
  const before = articleText(article);
  const removedBlocks = next.removedBlocks ?? article.removedBlocks;
  const after: ArticleText = {
    text,
    blocks,
    rev: article.rev + 1,
    contentHash: contentHash(text),
    revisions: [
      ...before.revisions,
      { rev: article.rev, text: article.text, blocks: article.blocks, contentHash: article.contentHash, replacedAt: now },
    ],
    ...(removedBlocks ? { removedBlocks } : {}),
  };
  const placed = reanchorClaims(
    text,
    claims.map((c) => c.target),
    { checkTwins: true, previousText: article.text },
  );
  const changes: ClaimChange[] = [];
  const placedClaims = claims.map((claim, i) => {
    const { target } = placed[i]!;
    const anchor = carryReview(claim.anchor, placed[i]!.anchor);
    const nextClaim: Claim = { ...claim, target, anchor };
    if (target !== claim.target || JSON.stringify(anchor) !== JSON.stringify(claim.anchor)) {
      // The claim's coding is untouched, so updatedAt stays: it says when the analyst last coded it.
      changes.push({ articleId, claimId: claim.id, before: claim, after: nextClaim });
    }
    return nextClaim;
  });
  return {
    change: { label, articles: [{ articleId, before, after }], claims: changes },
    result: { rev: after.rev, changed: true, counts: countStatuses(placedClaims) },
  };
}

/** An article's earlier texts, oldest first, with the current revision number. */
export async function getArticleRevisions(
  ctx: CoreContext,
  articleId: string,
): Promise<{ rev: number; revisions: { rev: number; replacedAt: string; length: number }[] }> {
  const article = await requireArticle(ctx, articleId);
  return {
    rev: article.rev,
    revisions: article.revisions.map((r) => ({ rev: r.rev, replacedAt: r.replacedAt, length: r.text.length })),
  };
}
