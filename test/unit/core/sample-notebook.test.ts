import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goldClaims, openTempNotebook, type TempNotebook } from '../helpers/temp-notebook';

describe('the sample notebook', () => {
  let nb: TempNotebook;
  beforeAll(async () => {
    nb = await openTempNotebook();
  });
  afterAll(() => nb.cleanup());

  it('holds the sample article with its real headline, date, source and address', async () => {
    const articles = await nb.core.handlers.listArticles({});
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      title: 'US, China agree to expand military contact, hold AI talks amid ongoing disagreements',
      source: 'Pop Smoke Media',
      url: 'https://popsmokemedia.com/us-china-agree-to-expand-military-contact-hold-ai-talks-amid-ongoing-disagreements',
      publishedAt: '2024-12-21',
      claimCount: 10,
    });
    // Setting the details up is not the analyst's work: nothing to undo.
    expect((await nb.core.handlers.getHistory({})).canUndo).toBe(false);
  });

  it('places every gold claim on its exact quote, coded as the analyst coded it', async () => {
    const { article, claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const codebook = await nb.core.handlers.getCodebook({});
    const name = (list: { id: string; name: string }[], id: string | null) => list.find((x) => x.id === id)?.name;
    for (const gold of goldClaims()) {
      const claim = claims.find((c) => c.target.quote.exact === gold.exact);
      expect(claim, gold.exact).toBeDefined();
      if (!claim) continue;
      const { start, end } = claim.target.position;
      expect(article.text.slice(start, end)).toBe(gold.exact);
      expect(claim.anchor.status).toBe('exact');
      expect(claim.actorIds.map((id) => name(codebook.actors, id))).toEqual(gold.actors);
      expect(name(codebook.issues, claim.issueId)).toBe(gold.issue);
      expect(codebook.stances.find((s) => s.id === claim.stanceId)?.label).toBe(gold.stance);
      expect(claim.proposition).toBe(gold.proposition);
      expect(claim.speaker).toBe(gold.speaker);
    }
  });

  it('lists claims in text order', async () => {
    const { claims } = await nb.core.handlers.getArticle({ id: nb.sampleId });
    const starts = claims.map((c) => c.target.position.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('a new notebook', () => {
  it('starts with nothing to undo: setting it up is not the analyst’s work', async () => {
    const nb = await openTempNotebook();
    try {
      expect(await nb.core.handlers.getHistory({})).toMatchObject({ canUndo: false, canRedo: false });
    } finally {
      await nb.cleanup();
    }
  });
});
