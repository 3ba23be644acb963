import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { RESOURCES, snapshotFiles } from '../../helpers/temp-notebook';
import { editedSample, openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

describe('reviseArticleText', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  it('keeps the old text as a revision and finds every claim again after a real edit', async () => {
    const { article: old } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const before = await nb.claims();
    const result = await nb.core.handlers.reviseArticleText({ articleId: nb.sampleId, text: editedSample(old.text) });

    expect(result).toMatchObject({ rev: 2, changed: true, counts: { exact: 2, relocated: 6, orphaned: 2 } });
    expect(result.article.id).toBe(nb.sampleId);
    const { article, claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(article.text).toBe(editedSample(old.text));
    expect(article.rev).toBe(2);
    expect(article.revisions).toEqual([{ rev: 1, text: old.text, blocks: old.blocks, contentHash: old.contentHash, replacedAt: expect.any(String) }]);
    expect(article.contentHash).not.toBe(old.contentHash);
    expect(article.blocks).toHaveLength(10);

    const status = (quote: string) => claims.find((c) => c.target.quote.exact.startsWith(quote))!;
    // Before the inserted paragraph: untouched.
    expect(status('Both sides agreed to maintain').anchor).toEqual({ status: 'exact', score: 1 });
    expect(status('both sides described the talks').anchor).toEqual({ status: 'exact', score: 1 });
    // The quote with the fixed typo: relocated, with fresh selectors on the new text.
    const typo = status('Sullivan expressed concerns');
    expect(typo.anchor.status).toBe('relocated');
    expect(typo.anchor.score).toBeGreaterThan(0.75);
    expect(typo.anchor.score).toBeLessThan(1);
    expect(typo.target.quote.exact).toContain('destabilising');
    expect(article.text.slice(typo.target.position.start, typo.target.position.end)).toBe(typo.target.quote.exact);
    // Shifted by the new paragraph: relocated, found verbatim.
    for (const quote of [
      'China is firmly committed',
      '"unfair trade policies',
      'China, on the other hand',
      'both sides agreed to hold',
      'the US and China remain',
    ]) {
      const claim = status(quote);
      expect(claim.anchor.status, quote).toBe('relocated');
      expect(article.text.slice(claim.target.position.start, claim.target.position.end)).toBe(claim.target.quote.exact);
    }
    // The deleted paragraph's two claims: orphaned, keeping their old selectors and context.
    for (const quote of ['Taiwan independence is the biggest', 'The US, however, emphasized']) {
      const claim = status(quote);
      const was = before.find((c) => c.id === claim.id)!;
      expect(claim.anchor.status).toBe('orphaned');
      expect(claim.target).toEqual(was.target);
      expect(claim.anchor.previous).toEqual({ prefix: was.target.quote.prefix, exact: was.target.quote.exact, suffix: was.target.quote.suffix });
      expect(claim.updatedAt).toBe(was.updatedAt);
    }
    expect(nb.events).toEqual(
      expect.arrayContaining([
        { scope: 'articles', articleId: nb.sampleId },
        { scope: 'claims', articleId: nb.sampleId },
      ]),
    );

    expect(await nb.core.handlers.getArticleRevisions({ articleId: nb.sampleId })).toEqual({
      rev: 2,
      revisions: [{ rev: 1, replacedAt: expect.any(String), length: old.text.length }],
    });

    // Durable: the same after a reopen.
    await nb.core.close();
    nb.core = await openNotebookCore(nb.dir, { resourcesDir: RESOURCES });
    const reopened = await nb.core.handlers.getArticle({ id: nb.sampleId });
    expect(reopened.article.text).toBe(article.text);
    expect(reopened.claims).toEqual(claims);
  });

  it('keeps heading, quote and list kinds for unchanged lines; changed lines become paragraphs', async () => {
    const md =
      '# Talks\n\nIntro text.\n\n## Background\n\nThe body paragraph.\n\n> A quoted line.\n\n- first item\n- second item\n\n1. numbered one\n';
    const { articleId } = await nb.core.handlers.importFile({ name: 'talks.md', dataBase64: Buffer.from(md).toString('base64') });
    const { article } = await nb.core.handlers.getArticle({ id: articleId });
    const edited =
      article.text.replace('The body paragraph.', 'The body paragraph, edited.').replace('second item', 'second item, changed') +
      '\n\n  A new   closing line.  \n';
    await nb.core.handlers.reviseArticleText({ articleId, text: edited });
    const { article: after } = await nb.core.handlers.getArticle({ id: articleId });
    expect(after.text.split('\n').at(-1)).toBe('A new closing line.');
    expect(after.blocks.map((b) => [after.text.slice(b.start, b.end), b.kind, b.level ?? null, b.ordered ?? null])).toEqual([
      ['Intro text.', 'paragraph', null, null],
      ['Background', 'heading', 2, null],
      ['The body paragraph, edited.', 'paragraph', null, null],
      ['A quoted line.', 'quote', null, null],
      ['first item', 'list-item', 1, false],
      ['second item, changed', 'paragraph', null, null],
      ['numbered one', 'list-item', 1, true],
      ['A new closing line.', 'paragraph', null, null],
    ]);
  });

  it('writes nothing when the edited text is the same as the current one', async () => {
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const before = snapshotFiles(nb.dir);
    const result = await nb.core.handlers.reviseArticleText({ articleId: nb.sampleId, text: `${article.text}\n\n` });
    expect(result).toMatchObject({ rev: 1, changed: false, counts: { exact: 10, relocated: 0, orphaned: 0 } });
    expect(snapshotFiles(nb.dir)).toEqual(before);
    expect((await nb.core.handlers.getHistory({})).canUndo).toBe(false);
  });

  it('refuses empty text and unknown articles, storing nothing', async () => {
    await nb.refuses('reviseArticleText', { articleId: nb.sampleId, text: '' }, /empty/);
    await nb.refuses('reviseArticleText', { articleId: nb.sampleId, text: ' \n\t\n ' }, /empty/);
    await nb.refuses('reviseArticleText', { articleId: 'art_nope', text: 'Some text.' }, /no article with id "art_nope"/);
    await nb.refuses('getArticleRevisions', { articleId: 'art_nope' }, /no article/);
  });
});
