import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

describe('codebook: stances', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  const scale = async () => (await nb.core.handlers.getCodebook({})).stances.map((s) => [s.label, s.value]);

  it('reorders the scale, handing the same values out again in the new order', async () => {
    const result = await nb.core.handlers.moveStance({ id: 'stance-neutral', toIndex: 4 });
    expect(result.claimsChanged).toBe(0);
    expect(await scale()).toEqual([
      ['strongly opposes', -2],
      ['opposes', -1],
      ['supports', 0],
      ['strongly supports', 1],
      ['neutral', 2],
    ]);
    await nb.core.handlers.moveStance({ id: 'stance-neutral', toIndex: 2 });
    expect((await scale()).map(([label]) => label)).toEqual(['strongly opposes', 'opposes', 'neutral', 'supports', 'strongly supports']);
  });

  it('adds stances after the last one or at a free value, keeping values unique', async () => {
    const h = nb.core.handlers;
    expect(await h.createStance({ label: 'endorses fully', color: '#000000' })).toMatchObject({ value: 3 });
    expect(await h.createStance({ label: 'leans against', color: '#111111', value: -5 })).toMatchObject({ value: -5 });
    expect((await scale())[0]).toEqual(['leans against', -5]);
    await nb.refuses('createStance', { label: 'mildly supports', color: '#222222', value: 1 }, /value 1 is already the place of "supports"/);
    await nb.refuses('updateStance', { id: 'stance-opposes', patch: { value: -2 } }, /already the place of "strongly opposes"/);
    await nb.refuses('createStance', { label: 'Neutral', color: '#222222' }, /already a stance "neutral"/);
    await nb.refuses('createStance', { label: 'x', color: '#222222', value: 11 }, /value/);
    await nb.refuses('moveStance', { id: 'stance-neutral', toIndex: 7 }, /from 0 to 6/);
    await nb.refuses('moveStance', { id: 'stance-nope', toIndex: 0 }, /no stance "stance-nope"/);
    expect(await h.updateStance({ id: 'stance-opposes', patch: { label: 'rejects', color: '#abcdef' } })).toMatchObject({
      label: 'rejects',
      value: -1,
      color: '#abcdef',
    });
  });

  it('merges and deletes stances; claims follow, and a delete in use is refused with the count', async () => {
    const merged = await nb.core.handlers.mergeStances({ fromId: 'stance-strongly-supports', intoId: 'stance-supports' });
    expect(merged.claimsChanged).toBe(1);
    expect((await nb.claimByQuote('China is firmly')).stanceId).toBe('stance-supports');
    await nb.refuses('deleteStance', { id: 'stance-supports' }, /5 claims use the stance "supports"/);
    const deleted = await nb.core.handlers.deleteStance({ id: 'stance-opposes', reassignTo: null });
    expect(deleted.claimsChanged).toBe(4);
    expect((await nb.claims()).filter((c) => c.stanceId === null)).toHaveLength(4);
  });
});

describe('codebook: tags', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  it('renames a tag and every claim carrying it; merges and deletes rewrite claims too', async () => {
    const h = nb.core.handlers;
    const geneva = await h.createTag({ name: 'geneva' });
    const talks = await h.createTag({ name: 'talks', color: '#00ff00' });
    const a = await nb.claimByQuote('Both sides agreed');
    const b = await nb.claimByQuote('both sides agreed to hold');
    await h.updateClaim({ articleId: nb.sampleId, id: a.id, patch: { tags: ['Geneva', 'talks'] } });
    await h.updateClaim({ articleId: nb.sampleId, id: b.id, patch: { tags: ['geneva', 'follow-up'] } });

    const renamed = await h.updateTag({ id: geneva.id, patch: { name: 'Geneva round' } });
    expect(renamed.name).toBe('Geneva round');
    expect((await nb.claimByQuote('Both sides agreed')).tags).toEqual(['Geneva round', 'talks']);
    expect((await nb.claimByQuote('both sides agreed to hold')).tags).toEqual(['Geneva round', 'follow-up']);

    const merged = await h.mergeTags({ fromId: talks.id, intoId: geneva.id });
    expect(merged.claimsChanged).toBe(1);
    expect((await nb.claimByQuote('Both sides agreed')).tags).toEqual(['Geneva round']);

    await nb.refuses('deleteTag', { id: geneva.id }, /2 claims use the tag "Geneva round"/);
    const deleted = await h.deleteTag({ id: geneva.id, reassignTo: null });
    expect(deleted.claimsChanged).toBe(2);
    // "follow-up" was typed on a claim, so it joined the codebook then (issue 11) and stays.
    expect(deleted.codebook.tags.map((t) => t.name)).toEqual(['follow-up']);
    expect((await nb.claimByQuote('both sides agreed to hold')).tags).toEqual(['follow-up']);
  });

  it('refuses duplicate names and unknown tags, storing nothing', async () => {
    const tag = await nb.core.handlers.createTag({ name: 'geneva' });
    await nb.core.handlers.createTag({ name: 'vienna' });
    await nb.refuses('createTag', { name: 'GENEVA' }, /already a tag "geneva"/);
    await nb.refuses('updateTag', { id: tag.id, patch: { name: 'Vienna' } }, /already a tag "vienna"/);
    await nb.refuses('mergeTags', { fromId: tag.id, intoId: 'tag-nope' }, /no tag "tag-nope"/);
    await nb.refuses('deleteTag', { id: 'tag-nope' }, /no tag "tag-nope"/);
  });
});
