import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withBlockRestored } from '../../../../electron/core/articles/restore-removed-block';
import { addImportedDocument } from '../../../../electron/core/articles/articles';
import { importHtml } from '../../../../electron/core/import/html';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

const para = (s: string) => `<p>${s} ${'The council met late into the night to settle the question of the library budget. '.repeat(3)}</p>`;
const PAGE = `<html><body><article>
  <p>Share this article</p>
  ${para('First.')}
  <p>Continue reading the main story</p>
  ${para('Second.')}
  <div class="offer"><p>Subscribe now for unlimited access.</p></div>
  ${para('Third.')}
  <p>Facebook Twitter Email</p>
</article></body></html>`;

describe('restoreRemovedBlock', () => {
  let nb: AnnotateFixture;
  let articleId: string;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
    const result = await addImportedDocument(nb.core.context, importHtml(PAGE, 'council.html'));
    articleId = result.articleId;
  });
  afterEach(() => nb.cleanup());

  it('puts a block back where it stood, as a revision, and moves claims after it', async () => {
    const { article: before } = await nb.core.handlers.getArticle({ id: articleId });
    expect(before.removedBlocks?.map((b) => b.reason)).toEqual(['share buttons', '"Continue reading" line', 'subscription offer', 'share buttons']);
    const thirdAt = before.text.indexOf('Third.');
    const claim = await nb.core.handlers.createClaim({ articleId, start: thirdAt, end: thirdAt + 6, coding: {} });

    const result = await nb.core.handlers.restoreRemovedBlock({ articleId, index: 2 });
    expect(result).toMatchObject({ rev: 2, changed: true, counts: { orphaned: 0 } });

    const { article, claims } = await nb.core.handlers.getArticle({ id: articleId });
    const texts = article.blocks.map((b) => article.text.slice(b.start, b.end));
    expect(texts.map((t) => t.slice(0, 14))).toEqual(['First. The cou', 'Second. The co', 'Subscribe now ', 'Third. The cou']);
    expect(article.revisions).toHaveLength(1);
    expect(article.removedBlocks?.map((b) => b.text)).toEqual(['Share this article', 'Continue reading the main story', 'Facebook Twitter Email']);
    const moved = claims.find((c) => c.id === claim.id)!;
    expect(article.text.slice(moved.target.position.start, moved.target.position.end)).toBe('Third.');
    // The other removed blocks still go back where they stood.
    expect(article.removedBlocks?.[1]?.at).toBe(article.blocks[1]!.start);
    expect(article.removedBlocks?.[2]?.at).toBe(article.text.length);
  });

  it('is one undo step: undo takes the block out and sets it aside again', async () => {
    const { article: before } = await nb.core.handlers.getArticle({ id: articleId });
    await nb.core.handlers.restoreRemovedBlock({ articleId, index: 0 });
    const { article: restored } = await nb.core.handlers.getArticle({ id: articleId });
    expect(restored.text.startsWith('Share this article\nFirst.')).toBe(true);
    await nb.core.handlers.undo({});
    const { article: undone } = await nb.core.handlers.getArticle({ id: articleId });
    expect(undone.text).toBe(before.text);
    expect(undone.removedBlocks).toEqual(before.removedBlocks);
  });

  it('restores at the end and refuses an index that is not there, changing nothing', async () => {
    await nb.core.handlers.restoreRemovedBlock({ articleId, index: 3 });
    const { article } = await nb.core.handlers.getArticle({ id: articleId });
    expect(article.text.endsWith('\nFacebook Twitter Email')).toBe(true);
    await nb.refuses('restoreRemovedBlock', { articleId, index: 3 }, /has no removed block number 4 \(it has 3\)/);
  });
});

describe('withBlockRestored', () => {
  it('keeps blocks set aside at the same place in their order', () => {
    const article = {
      text: 'A.\nB.',
      blocks: [
        { kind: 'paragraph' as const, start: 0, end: 2 },
        { kind: 'paragraph' as const, start: 3, end: 5 },
      ],
      removedBlocks: [
        { kind: 'paragraph' as const, text: 'x', reason: 'r', at: 3 },
        { kind: 'paragraph' as const, text: 'y', reason: 'r', at: 3 },
      ],
    };
    const first = withBlockRestored(article, 0);
    expect(first.text).toBe('A.\nx\nB.');
    const second = withBlockRestored({ ...first }, 0);
    expect(second.text).toBe('A.\nx\ny\nB.');
  });
});
