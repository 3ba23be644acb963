import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type MethodName, type RequestOf, type ResponseOf } from '../../../../shared/api';
import type { Network } from '../../../../shared/api/contract-networks';
import type { Codebook } from '../../../../shared/model';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

/**
 * A hand-made registry and debate. China ← Foreign Ministry ← Wang Yi; United States ← Blinken.
 * Article 1 (2024-01-01), in text order:  c1 Wang Yi supports P1; c2 Blinken opposes P1; c3 the Ministry opposes P1.
 * Article 2 (2024-02-01):                 c4 Wang Yi and China (one claim) support P2; c5 the United States supports P2.
 */
describe('actor roll-up and attribute filters (positions and networks)', () => {
  let nb: TempNotebook;
  let codebook: Codebook;
  const ids: Record<string, string> = {};
  let issueId = '';
  const stance = (label: string) => codebook.stances.find((s) => s.label === label)!.id;

  async function article(title: string, date: string, sentences: { text: string; actors: string[]; proposition: string; stance: string }[]) {
    const text = `${title}\n\n${sentences.map((s) => s.text).join(' ')}`;
    const { articleId } = await nb.core.handlers.importText({ title, text });
    await nb.core.handlers.updateArticleMeta({ id: articleId, patch: { publishedAt: date } });
    const { article: stored } = await nb.core.handlers.getArticle({ id: articleId });
    for (const s of sentences) {
      const start = stored.text.indexOf(s.text);
      await nb.core.handlers.createClaim({
        articleId,
        start,
        end: start + s.text.length,
        coding: { actorIds: s.actors.map((a) => ids[a]!), issueId, stanceId: stance(s.stance), proposition: s.proposition },
      });
    }
  }

  beforeAll(async () => {
    nb = await openTempNotebook({ sample: false });
    const h = nb.core.handlers;
    // The default codebook has China and the United States: they gain their attributes.
    ids.China = (await h.updateActor({ id: 'actor-china', patch: { kind: 'government', country: 'China' } })).id;
    ids.MFA = (await h.createActor({ name: 'Foreign Ministry', kind: 'government', country: 'China', parentId: ids.China })).id;
    ids.Wang = (await h.createActor({ name: 'Minister Wang', kind: 'person', country: 'China', affiliation: 'CCP', parentId: ids.MFA })).id;
    ids.US = (await h.updateActor({ id: 'actor-united-states', patch: { kind: 'government', country: 'United States' } })).id;
    ids.Blinken = (await h.createActor({ name: 'Blinken', kind: 'person', country: 'United States', parentId: ids.US })).id;
    issueId = (await h.createIssue({ name: 'Strait', propositions: ['P1', 'P2'] })).id;
    codebook = nb.core.store.getCodebook();
    await article('Talks one', '2024-01-01', [
      { text: 'Wang Yi backed the first plan.', actors: ['Wang'], proposition: 'P1', stance: 'supports' },
      { text: 'Blinken rejected the first plan.', actors: ['Blinken'], proposition: 'P1', stance: 'opposes' },
      { text: 'The ministry later rejected it too.', actors: ['MFA'], proposition: 'P1', stance: 'opposes' },
    ]);
    await article('Talks two', '2024-02-01', [
      { text: 'Wang Yi said China backs the second plan.', actors: ['Wang', 'China'], proposition: 'P2', stance: 'supports' },
      { text: 'Washington backs the second plan as well.', actors: ['US'], proposition: 'P2', stance: 'supports' },
    ]);
    codebook = nb.core.store.getCodebook();
  }, 120_000);
  afterAll(() => nb.cleanup());

  /** A contract call as a host makes it: validated, defaults filled; a refusal throws its message. */
  async function call<K extends MethodName>(method: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const result = await dispatch(nb.core.handlers, method, request);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ResponseOf<K>;
  }
  const name = (id: string) => Object.keys(ids).find((k) => ids[k] === id) ?? id;
  const edges = (network: Network) => Object.fromEntries(network.edges.map((e) => [[name(e.source), name(e.target)].sort().join('-'), e.weight]));

  it('networks as coded: every actor on its own', async () => {
    // Congruence: Blinken–MFA on P1 (against, 1·1); on P2 Wang, China, US all for: three pairs of 1.
    expect(edges(await call('getNetwork', { type: 'congruence', duplicates: 'include' }))).toEqual({
      'Blinken-MFA': 1,
      'China-Wang': 1,
      'US-Wang': 1,
      'China-US': 1,
    });
    // Conflict on P1: Wang (for) against Blinken and the Ministry.
    expect(edges(await call('getNetwork', { type: 'conflict', duplicates: 'include' }))).toEqual({ 'Blinken-Wang': 1, 'MFA-Wang': 1 });
  });

  it('rolled up to the top: China holds Wang Yi’s and the Ministry’s statements, c4 once', async () => {
    const congruence = await call('getNetwork', { type: 'congruence', duplicates: 'include', rollUp: 'top' });
    expect(congruence.actors.map((a) => a.name).sort()).toEqual(['China', 'United States']);
    // China: P1 for (c1), P1 against (c3), P2 for (c4, once though two of its actors are on it). US: P1 against (c2), P2 for (c5).
    // Congruence = P1: x(C,+)x(U,+) + x(C,−)x(U,−) = 0 + 1·1; P2: 1·1. Total 2.
    expect(edges(congruence)).toEqual({ 'China-US': 2 });
    // Conflict = P1: x(C,+)x(U,−) + x(C,−)x(U,+) = 1·1 + 0 = 1.
    expect(edges(await call('getNetwork', { type: 'conflict', duplicates: 'include', rollUp: 'top' }))).toEqual({ 'China-US': 1 });
    // The edge's claims are the coded ones, drawn as China and the United States.
    const claims = await call('getNetworkEdgeClaims', {
      type: 'conflict',
      duplicates: 'include',
      rollUp: 'top',
      edgeSource: ids.China!,
      edgeTarget: ids.US!,
    });
    expect(claims.map((c) => [c.quote, name(c.actorId)])).toEqual([
      ['Wang Yi backed the first plan.', 'China'],
      ['Blinken rejected the first plan.', 'US'],
      ['The ministry later rejected it too.', 'China'],
    ]);
  });

  it('rolled up one level: Wang Yi is drawn as the Ministry, the Ministry as China', async () => {
    // MFA: P1 for (c1), P2 for (c4); China: P1 against (c3), P2 for (c4); US: P1 against (c2), P2 for (c5).
    // Congruence: MFA–China P2 1; MFA–US P2 1; China–US P1 1 + P2 1 = 2. Conflict: MFA–China P1 1; MFA–US P1 1.
    expect(edges(await call('getNetwork', { type: 'congruence', duplicates: 'include', rollUp: 'parent' }))).toEqual({
      'China-MFA': 1,
      'MFA-US': 1,
      'China-US': 2,
    });
    expect(edges(await call('getNetwork', { type: 'conflict', duplicates: 'include', rollUp: 'parent' }))).toEqual({ 'China-MFA': 1, 'MFA-US': 1 });
  });

  it('filters by kind, country and affiliation (after the roll-up)', async () => {
    // Only persons: Wang Yi and Blinken, who meet only on P1, opposed.
    expect(edges(await call('getNetwork', { type: 'conflict', duplicates: 'include', actorFilter: { kinds: ['person'] } }))).toEqual({
      'Blinken-Wang': 1,
    });
    expect(edges(await call('getNetwork', { type: 'congruence', duplicates: 'include', actorFilter: { kinds: ['person'] } }))).toEqual({});
    // Only governments as coded: the Ministry, China, the US; they agree on P2 (China–US) and nowhere disagree.
    const governments = await call('getNetwork', { type: 'subtract', duplicates: 'include', actorFilter: { kinds: ['government'] } });
    expect(edges(governments)).toEqual({ 'China-US': 1 });
    expect(governments.actors.map((a) => a.name).sort()).toEqual(['China', 'Foreign Ministry', 'United States']);
    // Only governments, rolled up: the persons' statements count under their governments.
    expect(
      edges(await call('getNetwork', { type: 'congruence', duplicates: 'include', rollUp: 'top', actorFilter: { kinds: ['government'] } })),
    ).toEqual({ 'China-US': 2 });
    // Country compared without case; one country alone has no pair in the rolled-up view.
    const china = await call('getNetwork', { type: 'congruence', duplicates: 'include', actorFilter: { countries: [' china '] } });
    expect(china.actors.map((a) => a.name).sort()).toEqual(['China', 'Foreign Ministry', 'Minister Wang']);
    expect(edges(china)).toEqual({ 'China-Wang': 1 });
    expect((await call('getNetwork', { type: 'congruence', actorFilter: { affiliations: ['ccp'] } })).actors.map((a) => a.name)).toEqual([
      'Minister Wang',
    ]);
    // Empty lists filter nothing.
    expect((await call('getNetwork', { type: 'congruence', actorFilter: { kinds: [] } })).actors).toHaveLength(5);
  });

  it('positions rolled up merge the children’s stances per proposition by the positions’ rule (latest stance)', async () => {
    const coded = await call('getPositions', {});
    expect(
      coded.clashes.map((c) => [c.proposition, c.supporters.map((s) => name(s.actorId)), c.opponents.map((s) => name(s.actorId)).sort()]),
    ).toEqual([['P1', ['Wang'], ['Blinken', 'MFA']]]);

    const top = await call('getPositions', { rollUp: 'top' });
    expect(top.actorIds.map(name).sort()).toEqual(['China', 'US']);
    const chinaCell = top.cells.find((c) => c.actorId === ids.China)!;
    // c1, c3, c4 (c4 once): 3 claims; on P1 supports (c1) then opposes (c3): latest opposes, a shift within one day's article.
    expect(chinaCell.claimCount).toBe(3);
    expect(chinaCell.stanceCounts).toEqual({ [stance('supports')]: 2, [stance('opposes')]: 1 });
    expect(chinaCell.propositions.find((p) => p.proposition === 'P1')!.latestStanceId).toBe(stance('opposes'));
    expect(top.claimCount).toBe(5);
    // Both now oppose P1 (latest) and support P2: no clash left.
    expect(top.clashes).toEqual([]);

    const parent = await call('getPositions', { rollUp: 'parent' });
    // The Ministry (drawn for Wang Yi) supports P1; China (drawn for the Ministry) and the US oppose it.
    expect(
      parent.clashes.map((c) => [c.proposition, c.supporters.map((s) => name(s.actorId)), c.opponents.map((s) => name(s.actorId)).sort()]),
    ).toEqual([['P1', ['MFA'], ['China', 'US']]]);

    const persons = await call('getPositions', { actorFilter: { kinds: ['person'] } });
    expect(persons.actorIds.map(name).sort()).toEqual(['Blinken', 'Wang']);
    // c4 names Wang Yi and China: it still counts, for Wang Yi.
    expect(persons.claimCount).toBe(3);
  });

  it('the claims behind a rolled-up cell are its members’ claims', async () => {
    const claims = await call('getPositionClaims', { rollUp: 'top', issueId, actorId: ids.China!, limit: 50 });
    expect(claims.total).toBe(3);
    expect(claims.claims.map((c) => c.quote)).toEqual([
      'Wang Yi backed the first plan.',
      'The ministry later rejected it too.',
      'Wang Yi said China backs the second plan.',
    ]);
    expect((await call('getPositionClaims', { issueId, actorId: ids.China!, limit: 50 })).total).toBe(1);
    // A filtered-out actor has no claims in the view.
    expect((await call('getPositionClaims', { actorFilter: { kinds: ['person'] }, issueId, actorId: ids.China!, limit: 50 })).total).toBe(0);
  });

  it('refuses a bad kind in the filter with the kinds it knows', async () => {
    const result = await dispatch(nb.core.handlers, 'getNetwork', { type: 'congruence', actorFilter: { kinds: ['nation' as 'person'] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/person/);
  });
});
