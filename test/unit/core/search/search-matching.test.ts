import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';
import { addArticle, highlighted, search } from './search-helpers';

describe('search: what matches', () => {
  let nb: TempNotebook;
  beforeEach(async () => {
    nb = await openTempNotebook();
  });
  afterEach(() => nb.cleanup());

  it('finds words in article text, with a snippet around them and highlights on them', async () => {
    const result = await search(nb, { query: 'Sullivan Beijing ' });
    const hit = result.hits.find((h) => h.kind === 'article');
    expect(hit).toMatchObject({ articleId: nb.sampleId, claimId: null });
    const snippet = hit?.snippets.find((s) => s.field === 'text');
    expect(snippet).toBeDefined();
    expect(highlighted(hit!)).toEqual(expect.arrayContaining(['Sullivan', 'Beijing']));
    const { article } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    // The snippet's offset is a position in the article's text, so the reader can scroll there.
    expect(article.text.slice(snippet!.offset, snippet!.offset + snippet!.text.length)).toBe(snippet!.text);
  });

  it('finds claim quotes, with the claim position in the article', async () => {
    const result = await search(nb, { query: 'territorial sovereignty', filters: { kinds: ['claim'] } });
    expect(result.total).toBe(1);
    const hit = result.hits[0]!;
    const { article, claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const claim = claims.find((c) => c.id === hit.claimId)!;
    expect(hit.position).toEqual({ start: claim.target.position.start, end: claim.target.position.end });
    expect(article.text.slice(hit.position!.start, hit.position!.end)).toContain('territorial sovereignty');
    expect(hit.context).toBe(article.title);
    expect(hit.snippets[0]).toMatchObject({ field: 'quote' });
  });

  it('finds claim notes', async () => {
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    await nb.core.handlers.updateClaim({
      articleId: nb.sampleId,
      id: claims[3]!.id,
      patch: { note: 'Compare with the *Scarborough* shoal standoff.' },
    });
    const result = await search(nb, { query: 'scarborough' });
    expect(result.hits.map((h) => h.claimId)).toEqual([claims[3]!.id]);
    expect(result.hits[0]!.snippets.some((s) => s.field === 'note')).toBe(true);
  });

  it('finds claims by speaker, proposition and codebook names', async () => {
    expect((await search(nb, { query: 'wang yi', filters: { kinds: ['claim'] } })).total).toBe(2);
    expect((await search(nb, { query: 'Taiwan independence', filters: { kinds: ['claim'] } })).total).toBeGreaterThanOrEqual(1);
    const experts = await search(nb, { query: 'experts', filters: { kinds: ['claim'] } });
    expect(experts.hits.some((h) => h.title.includes('miles apart'))).toBe(true);
  });

  it('needs every word (AND), and a quoted phrase only where the words stand together', async () => {
    const near = await addArticle(nb, 'The second vote came after a long round of talks on fisheries.', 'Fisheries vote');
    const words = await search(nb, { query: 'second round ' });
    expect(words.hits.map((h) => h.articleId)).toEqual(expect.arrayContaining([nb.sampleId, near]));
    const phrase = await search(nb, { query: '"second round"', filters: { kinds: ['article'] } });
    expect(phrase.hits.map((h) => h.articleId)).toEqual([nb.sampleId]);
    expect(highlighted(phrase.hits[0]!).map((h) => h.toLowerCase())).toContain('second round');
    // Only the phrase is highlighted, not its words where they stand apart; a free word beside it still is.
    const taiwan = await search(nb, { query: '"Taiwan independence"' });
    const marks = taiwan.hits.flatMap((h) => highlighted(h).map((m) => m.toLowerCase()));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['taiwan independence']));
    const mixed = await search(nb, { query: '"Taiwan independence" strait ', filters: { kinds: ['claim'] } });
    expect(new Set(mixed.hits.flatMap((h) => highlighted(h).map((m) => m.toLowerCase())))).toEqual(new Set(['taiwan independence', 'strait']));
    expect((await search(nb, { query: 'second round zanzibar ' })).total).toBe(0);
    // Stop words inside a phrase still count, though they are not in the index.
    expect((await search(nb, { query: '"round of talks"', filters: { kinds: ['article'] } })).total).toBe(2);
    expect((await search(nb, { query: '"round on talks"', filters: { kinds: ['article'] } })).total).toBe(0);
  });

  it('matches prefixes with * and the last word while it is being typed', async () => {
    const star = await search(nb, { query: 'taiw*' });
    expect(star.total).toBeGreaterThan(0);
    expect(highlighted(star.hits[0]!)).toContain('Taiwan');
    expect((await search(nb, { query: 'taiw' })).total).toBe(star.total);
    // A space after the word says it is finished: no prefix then.
    expect((await search(nb, { query: 'taiw ' })).total).toBe(0);
    // A phrase still being typed matches its last word as a prefix.
    expect((await search(nb, { query: '"jake sulli', filters: { kinds: ['article'] } })).total).toBe(1);
  });

  it('folds accents and case, in the text and in the query', async () => {
    const id = await addArticle(nb, 'Delegates met in Zürich on Tuesday. São Paulo sent an observer.', 'Talks in Zürich');
    for (const query of ['zurich', 'Zürich', 'ZÜRICH', 'ZURICH', 'zu\u0308rich', 'sao paulo', '"SÃO PAULO"']) {
      const result = await search(nb, { query: `${query} `, filters: { kinds: ['article'] } });
      expect(
        result.hits.map((h) => h.articleId),
        query,
      ).toEqual([id]);
    }
    const hit = (await search(nb, { query: 'zurich ', filters: { kinds: ['article'] } })).hits[0]!;
    expect(highlighted(hit)).toContain('Zürich');
    expect((await search(nb, { query: 'WANG YI', filters: { kinds: ['article'] } })).total).toBe(1);
  });

  it('ranks a title hit above a passing mention in a body', async () => {
    const body = await addArticle(
      nb,
      `${'Negotiators spent the week on tariffs, quotas and shipping rules. '.repeat(20)}Aquaculture came up once.`,
      'Trade week in review',
    );
    const title = await addArticle(
      nb,
      'Officials from both countries met again this week to talk about the shared coast.',
      'Aquaculture talks resume',
    );
    const result = await search(nb, { query: 'aquaculture ' });
    expect(result.hits.map((h) => h.articleId)).toEqual([title, body]);
    expect(result.hits[0]!.score).toBeGreaterThan(result.hits[1]!.score);
  });

  it('finds briefs by title and text', async () => {
    const now = new Date().toISOString();
    await nb.core.store.putBrief({
      id: 'brief-1',
      title: 'Weekly note on the Mekong',
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dams upstream worry Hanoi.' }] }] },
      createdAt: now,
      updatedAt: now,
    });
    nb.core.context.emit({ scope: 'briefs' });
    const result = await search(nb, { query: 'mekong hanoi' });
    expect(result.hits).toEqual([
      expect.objectContaining({ kind: 'brief', briefId: 'brief-1', articleId: null, title: 'Weekly note on the Mekong' }),
    ]);
  });

  it('pages through results and reports the total', async () => {
    const all = await search(nb, { query: 'china', limit: 200 });
    expect(all.total).toBeGreaterThan(5);
    const first = await search(nb, { query: 'china', limit: 2, offset: 0 });
    const second = await search(nb, { query: 'china', limit: 2, offset: 2 });
    expect(first.total).toBe(all.total);
    expect([...first.hits, ...second.hits].map((h) => h.claimId ?? h.articleId)).toEqual(all.hits.slice(0, 4).map((h) => h.claimId ?? h.articleId));
    expect((await search(nb, { query: 'china', offset: 500 })).hits).toEqual([]);
  });
});
