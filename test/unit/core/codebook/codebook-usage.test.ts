import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodebookUsage } from '../../../../shared/api/contract-annotate';
import type { Claim, Codebook } from '../../../../shared/model';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

/** The usage counted the slow, obvious way: every claim of every article read afresh. */
async function countedByHand(nb: TempNotebook): Promise<CodebookUsage> {
  const usage: CodebookUsage = { claimCount: 0, actors: {}, issues: {}, stances: {}, tags: {} };
  const add = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const article of nb.core.store.listArticles()) {
    for (const claim of await nb.core.store.getClaims(article.id)) {
      usage.claimCount += 1;
      for (const id of new Set(claim.actorIds)) add(usage.actors, id);
      if (claim.issueId) add(usage.issues, claim.issueId);
      if (claim.stanceId) add(usage.stances, claim.stanceId);
      for (const tag of new Set(claim.tags.map((t) => t.toLowerCase()))) add(usage.tags, tag);
    }
  }
  return usage;
}

describe('codebook usage across the notebook', () => {
  let nb: TempNotebook;
  let codebook: Codebook;
  let claims: Claim[];
  const actor = (name: string) => codebook.actors.find((a) => a.name === name)!.id;

  beforeAll(async () => {
    nb = await openTempNotebook();
    codebook = nb.core.store.getCodebook();
    claims = (await nb.core.handlers.getArticle({ id: nb.sampleId })).claims;
  });
  afterAll(() => nb.cleanup());

  it('counts the claims carrying each actor, issue, stance and tag', async () => {
    const usage = await nb.core.handlers.getCodebookUsage({});
    expect(usage.claimCount).toBe(claims.length);
    expect(usage.actors[actor('China')]).toBeGreaterThan(0);
    expect(usage).toEqual(await countedByHand(nb));
  });

  it('follows every change: tags by name ignoring case, edits, deletes, merges and undo', async () => {
    const [first, second] = claims;
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: first!.id, patch: { tags: ['Follow-up', 'follow-UP'] } });
    await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: second!.id, patch: { tags: ['follow-up'] } });
    let usage = await nb.core.handlers.getCodebookUsage({});
    expect(usage.tags['follow-up']).toBe(2);

    await nb.core.handlers.deleteClaim({ articleId: nb.sampleId, id: second!.id });
    usage = await nb.core.handlers.getCodebookUsage({});
    expect(usage.claimCount).toBe(claims.length - 1);
    expect(usage.tags['follow-up']).toBe(1);

    const china = actor('China');
    const chinaClaims = usage.actors[china] ?? 0;
    const us = actor('United States');
    await nb.core.handlers.mergeActors({ fromId: china, intoId: us });
    usage = await nb.core.handlers.getCodebookUsage({});
    expect(usage.actors[china]).toBeUndefined();
    expect(usage).toEqual(await countedByHand(nb));

    await nb.core.handlers.undo({});
    await nb.core.handlers.undo({});
    usage = await nb.core.handlers.getCodebookUsage({});
    expect(usage.actors[china]).toBe(chinaClaims + (second!.actorIds.includes(china) ? 1 : 0));
    expect(usage).toEqual(await countedByHand(nb));
  });

  it('never keeps claims read before a change that landed during the read', async () => {
    await nb.core.handlers.getCodebookUsage({});
    const store = nb.core.store;
    const original = store.getClaims.bind(store);
    const [target] = await original(nb.sampleId);
    // Empty the cache, then let the next read see the old claims while a change lands meanwhile.
    nb.core.context.emit({ scope: 'claims', articleId: nb.sampleId });
    let released: () => void = () => {};
    const gate = new Promise<void>((resolve) => (released = resolve));
    store.getClaims = async (articleId: string) => {
      const old = await original(articleId);
      await gate;
      return old;
    };
    try {
      const reading = nb.core.handlers.getCodebookUsage({});
      await new Promise((resolve) => setTimeout(resolve, 10));
      store.getClaims = original;
      await nb.core.handlers.updateClaim({ articleId: nb.sampleId, id: target!.id, patch: { tags: ['landed-during-read'] } });
      released();
      await reading;
    } finally {
      store.getClaims = original;
    }
    const after = await nb.core.handlers.getCodebookUsage({});
    expect(after.tags['landed-during-read']).toBe(1);
    expect(after).toEqual(await countedByHand(nb));
  });

  it('a rename in the codebook keeps the counts warm: no article is read again', async () => {
    await nb.core.handlers.getCodebookUsage({});
    const store = nb.core.store;
    const original = store.getClaims.bind(store);
    let reads = 0;
    store.getClaims = async (articleId: string) => {
      reads += 1;
      return original(articleId);
    };
    try {
      await nb.core.handlers.updateActor({ id: actor('United States'), patch: { name: 'USA' } });
      const usage = await nb.core.handlers.getCodebookUsage({});
      expect(reads).toBe(0);
      expect(usage).toEqual(await countedByHand(nb));
    } finally {
      store.getClaims = original;
    }
  });
});
