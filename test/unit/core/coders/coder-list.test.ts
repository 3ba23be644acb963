import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

describe('the list of coders for the "Coder" filters', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  const range = (quote: string) => nb.sampleRange(quote);

  it('names everyone who made or changed a claim, and re-reads only articles written since the last call', async () => {
    const h = nb.core.handlers;
    const ann = await h.setCoder({ name: 'Ann' });
    const claim = await h.createClaim({ ...(await range('The first round of talks was held in Geneva')), coding: {} });
    await h.setCoder({ name: 'Bob', id: 'coder-bob' });
    const reads = vi.spyOn(nb.core.store, 'getClaims');
    expect(await h.listCoders({})).toEqual([
      { id: ann.id, name: 'Ann' },
      { id: 'coder-bob', name: 'Bob' },
    ]);
    const firstReads = reads.mock.calls.length;
    expect(firstReads).toBeGreaterThan(0);
    // Nothing written since: no article is read again.
    await h.listCoders({});
    expect(reads.mock.calls.length).toBe(firstReads);

    // Cy changes Ann's claim: that article is read again and Cy is listed.
    await h.setCoder({ name: 'Cy', id: 'coder-cy' });
    await h.updateClaim({ articleId: nb.sampleId, id: claim.id, patch: { note: 'checked' } });
    const names = (await h.listCoders({})).map((c) => c.name);
    expect(names).toEqual(['Ann', 'Cy']);
    expect(reads.mock.calls.slice(firstReads).map(([id]) => id)).toEqual([nb.sampleId]);

    // Once the claim is gone, only the copy's own coder is left.
    await h.deleteClaim({ articleId: nb.sampleId, id: claim.id });
    const left = await h.listCoders({});
    expect(left.map((c) => c.id)).toContain('coder-cy');
    expect(left.map((c) => c.id)).not.toContain(ann.id);
  });
});
