import { UserError } from '../../../shared/api';
import type { Article, Block, RemovedBlock } from '../../../shared/model';
import { requireArticle } from './articles';
import type { CoreContext } from '../context';
import { historyOf } from '../history/history';
import { newRevision, summaryOf, type RevisionResult } from './revise-article';

/**
 * Where a removed block goes back: its `at` when that is still a block boundary of the text,
 * else the first boundary after it (an edit since the import may have moved the text), else the end.
 */
export function restorePosition(article: Pick<Article, 'text' | 'blocks'>, at: number): number {
  if (at <= 0) return 0;
  const starts = article.blocks.map((b) => b.start);
  if (starts.includes(at)) return at;
  return starts.find((s) => s > at) ?? article.text.length;
}

/**
 * The article's text and blocks with `removed` put back as a block at the boundary `at`, and the
 * other removed blocks' positions moved past it where they stood after it.
 */
export function withBlockRestored(
  article: Pick<Article, 'text' | 'blocks' | 'removedBlocks'>,
  index: number,
): { text: string; blocks: Block[]; removedBlocks: RemovedBlock[] } {
  const all = article.removedBlocks ?? [];
  const removed = all[index]!;
  const at = restorePosition(article, removed.at);
  const atEnd = at >= article.text.length;
  // At the end the new block follows a "\n"; elsewhere it is followed by one.
  const start = atEnd ? article.text.length + 1 : at;
  const text = atEnd ? `${article.text}\n${removed.text}` : `${article.text.slice(0, at)}${removed.text}\n${article.text.slice(at)}`;
  const shift = removed.text.length + 1;
  const block: Block = { kind: removed.kind, start, end: start + removed.text.length };
  if (removed.level !== undefined) block.level = removed.level;
  if (removed.kind === 'list-item') block.ordered = removed.ordered ?? false;
  const blocks = [
    ...article.blocks.filter((b) => b.start < at || atEnd),
    block,
    ...article.blocks.filter((b) => b.start >= at && !atEnd).map((b) => ({ ...b, start: b.start + shift, end: b.end + shift })),
  ];
  const removedBlocks = all.flatMap((r, i) => {
    if (i === index) return [];
    const pos = restorePosition(article, r.at);
    // A block set aside after this one at the same place stays after it.
    const moves = atEnd ? false : pos > at || (pos === at && i > index);
    return [moves ? { ...r, at: pos + shift } : atEnd && i > index && pos >= at ? { ...r, at: text.length } : r];
  });
  return { text, blocks, removedBlocks };
}

/**
 * Puts one block of page furniture the importer removed back into the article, where it stood.
 * It is a revision like any edit: the old text is kept, every claim is placed again, and one undo
 * step takes the block out again.
 *
 * @throws UserError 'not-found' when the article has no removed block at `index`.
 */
export async function restoreRemovedBlock(ctx: CoreContext, articleId: string, index: number): Promise<RevisionResult> {
  const outcome = await historyOf(ctx).perform<Omit<RevisionResult, 'article'>>(async () => {
    const article = await requireArticle(ctx, articleId);
    if (!article.removedBlocks?.[index]) {
      throw new UserError(
        'not-found',
        `"${article.title}" has no removed block number ${index + 1} (it has ${article.removedBlocks?.length ?? 0}). It may have been restored already; reload the article.`,
      );
    }
    return newRevision(ctx, article, withBlockRestored(article, index), 'Restore removed block');
  });
  return { article: summaryOf(ctx, articleId), ...outcome };
}
