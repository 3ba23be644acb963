import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotateFixture, type AnnotateFixture } from '../history/annotate-fixture';

describe('codebook: actor attributes and parents', () => {
  let nb: AnnotateFixture;
  beforeEach(async () => {
    nb = await openAnnotateFixture();
  });
  afterEach(() => nb.cleanup());

  it('stores kind, country, affiliation, parent, Wikidata id and notes; null clears one', async () => {
    const h = nb.core.handlers;
    const ministry = await h.createActor({ name: 'Foreign Ministry (China)', kind: 'government', country: ' China ', parentId: 'actor-china' });
    expect(ministry).toMatchObject({ kind: 'government', country: 'China', parentId: 'actor-china' });
    const qin = await h.createActor({
      name: 'Qin Gang',
      kind: 'person',
      affiliation: 'CCP',
      parentId: ministry.id,
      wikidataId: 'Q57289',
      notes: 'Foreign minister',
    });
    expect(qin).toMatchObject({ kind: 'person', affiliation: 'CCP', parentId: ministry.id, wikidataId: 'Q57289', notes: 'Foreign minister' });
    const cleared = await h.updateActor({ id: qin.id, patch: { affiliation: null, country: '' } });
    expect(cleared).toMatchObject({ affiliation: null, country: null, parentId: ministry.id, kind: 'person' });
    // An actor from before the registry keeps its shape.
    expect((await h.getCodebook({})).actors.find((a) => a.id === 'actor-russia')).toEqual({
      id: 'actor-russia',
      name: 'Russia',
      aliases: expect.any(Array),
      color: expect.anything(),
    });
  });

  it('refuses cycles, self-parents, unknown parents, bad kinds and bad Wikidata ids, storing nothing', async () => {
    const h = nb.core.handlers;
    const ministry = await h.createActor({ name: 'Foreign Ministry', parentId: 'actor-china' });
    const qin = await h.createActor({ name: 'Qin Gang', parentId: ministry.id });
    await nb.refuses(
      'updateActor',
      { id: 'actor-china', patch: { parentId: qin.id } },
      /"Qin Gang" belongs to this actor \(Qin Gang → Foreign Ministry → China\).*cycle/,
    );
    await nb.refuses('updateActor', { id: 'actor-china', patch: { parentId: 'actor-china' } }, /its own parent/);
    await nb.refuses('updateActor', { id: 'actor-china', patch: { parentId: 'actor-nowhere' } }, /no actor "actor-nowhere" to be the parent/);
    await nb.refuses('createActor', { name: 'Li Qiang', parentId: 'actor-nowhere' }, /no actor "actor-nowhere"/);
    await nb.refuses('updateActor', { id: 'actor-china', patch: { wikidataId: 'Q0148' } }, /Wikidata id is Q followed by digits/);
    await nb.refuses('updateActor', { id: 'actor-china', patch: { wikidataId: 'https://www.wikidata.org/wiki/Q148' } }, /Wikidata id/);
    // @ts-expect-error: not a kind
    await nb.refuses('updateActor', { id: 'actor-china', patch: { kind: 'nation' } }, /person.*organisation/);
  });

  it('a deleted parent’s children lose the parent; a merged actor’s children move to the survivor', async () => {
    const h = nb.core.handlers;
    const ministry = await h.createActor({ name: 'Foreign Ministry', parentId: 'actor-china', country: 'China' });
    const qin = await h.createActor({ name: 'Qin Gang', parentId: ministry.id });
    const spokes = await h.createActor({ name: 'Mao Ning', parentId: ministry.id });
    const mfa = await h.createActor({ name: 'MFA', kind: 'government' });
    const merged = await h.mergeActors({ fromId: ministry.id, intoId: mfa.id });
    const byId = new Map(merged.codebook.actors.map((a) => [a.id, a]));
    expect(byId.get(qin.id)!.parentId).toBe(mfa.id);
    expect(byId.get(spokes.id)!.parentId).toBe(mfa.id);
    // The survivor keeps its own kind and learns what it did not know (country); not the parent.
    expect(byId.get(mfa.id)).toMatchObject({ kind: 'government', country: 'China' });
    expect(byId.get(mfa.id)!.parentId ?? null).toBeNull();
    const deleted = await h.deleteActor({ id: mfa.id });
    expect(deleted.codebook.actors.find((a) => a.id === qin.id)!.parentId).toBeNull();
    expect(deleted.codebook.actors.find((a) => a.id === spokes.id)!.parentId).toBeNull();
  });

  it('merging a parent into its own descendant leaves no cycle: the line up to it takes the grandparent', async () => {
    const h = nb.core.handlers;
    const ministry = await h.createActor({ name: 'Foreign Ministry', parentId: 'actor-china' });
    const dept = await h.createActor({ name: 'Asia department', parentId: ministry.id });
    const qin = await h.createActor({ name: 'Qin Gang', parentId: dept.id });
    const other = await h.createActor({ name: 'Press office', parentId: ministry.id });
    const merged = await h.mergeActors({ fromId: ministry.id, intoId: qin.id });
    const parent = new Map(merged.codebook.actors.map((a) => [a.id, a.parentId ?? null]));
    // Asia department was the ministry's child on Qin Gang's line: it takes China; the press office follows the survivor.
    expect(parent.get(dept.id)).toBe('actor-china');
    expect(parent.get(qin.id)).toBe(dept.id);
    expect(parent.get(other.id)).toBe(qin.id);
  });

  it('merging a child into its parent: the child’s children move up, the parent keeps its own parent', async () => {
    const h = nb.core.handlers;
    const ministry = await h.createActor({ name: 'Foreign Ministry', parentId: 'actor-china' });
    const qin = await h.createActor({ name: 'Qin Gang', parentId: ministry.id });
    const aide = await h.createActor({ name: 'Aide', parentId: qin.id });
    const merged = await h.mergeActors({ fromId: ministry.id, intoId: 'actor-china' });
    const parent = new Map(merged.codebook.actors.map((a) => [a.id, a.parentId ?? null]));
    expect(parent.get(qin.id)).toBe('actor-china');
    expect(parent.get('actor-china')).toBeNull();
    const again = await h.mergeActors({ fromId: qin.id, intoId: 'actor-china' });
    expect(again.codebook.actors.find((a) => a.id === aide.id)!.parentId).toBe('actor-china');
  });
});
