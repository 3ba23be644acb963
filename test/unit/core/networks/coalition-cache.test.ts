import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type MethodName, type RequestOf, type ResponseOf } from '../../../../shared/api';
import { openNotebookCore } from '../../../../electron/core/bootstrap';
import { COALITIONS_FILE } from '../../../../electron/core/networks/coalition-cache';
import { CORE_OPTIONS, openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

let nb: TempNotebook;
beforeEach(async () => (nb = await openTempNotebook()));
afterEach(() => nb.cleanup());

async function call<K extends MethodName>(method: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const result = await dispatch(nb.core.handlers, method, request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResponseOf<K>;
}

interface CacheFile {
  entries: { key: string; coalitions: (number | null)[] }[];
}
const cacheFile = () => path.join(nb.dir, COALITIONS_FILE);
const readCache = (): CacheFile => JSON.parse(readFileSync(cacheFile(), 'utf8')) as CacheFile;
const coalitionsOf = (network: ResponseOf<'getNetwork'>) => Object.fromEntries(network.actors.map((a) => [a.id, a.coalition]));

/**
 * Closes the notebook, marks every remembered coalition as 41 (no notebook of this size has 42
 * coalitions, so an answer with 41 in it came from the file, not from community detection), and
 * opens it again in a fresh core: a new session.
 */
async function reopenWithMarkedCache(): Promise<void> {
  await nb.core.close();
  const doc = readCache();
  for (const entry of doc.entries) entry.coalitions = entry.coalitions.map((c) => (c === null ? null : 41));
  writeFileSync(cacheFile(), JSON.stringify(doc));
  nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
}

describe('coalitions remembered across sessions', () => {
  it('answers the first network of a session from the file when the congruence network is the same', async () => {
    const first = await call('getNetwork', { type: 'congruence' });
    expect(Object.values(coalitionsOf(first)).some((c) => c !== null)).toBe(true);
    await reopenWithMarkedCache();
    const again = await call('getNetwork', { type: 'congruence' });
    // The same actors, each with its remembered coalition (marked), in another network type too.
    expect(coalitionsOf(again)).toEqual(Object.fromEntries(Object.entries(coalitionsOf(first)).map(([a, c]) => [a, c === null ? null : 41])));
    expect(coalitionsOf(await call('getNetwork', { type: 'conflict', normalization: 'jaccard' }))).toEqual(coalitionsOf(again));
  });

  it('finds coalitions again after a claim changes', async () => {
    const first = await call('getNetwork', { type: 'congruence' });
    await reopenWithMarkedCache();
    // The claims behind a's agreement with b no longer name a (the sample's are held by both): they meet on fewer.
    const [a, b] = first.actors.filter((x) => x.coalition !== null);
    const behind = await call('getNetworkEdgeClaims', { type: 'congruence', edgeSource: a!.id, edgeTarget: b!.id });
    const moved = behind.filter((c) => c.actorId === a!.id);
    expect(moved.length).toBeGreaterThan(0);
    const before = new Map((await nb.core.store.getClaims(nb.sampleId)).map((c) => [c.id, c.actorIds]));
    for (const c of moved) {
      const rest = before.get(c.claimId)!.filter((id) => id !== a!.id);
      await call('updateClaim', { articleId: c.articleId, id: c.claimId, patch: { actorIds: rest.length > 0 ? rest : [b!.id] } });
    }
    const changed = await call('getNetwork', { type: 'congruence' });
    expect(changed.edges.find((e) => e.source === a!.id || e.target === a!.id)?.weight ?? 0).toBeLessThan(
      first.edges.find((e) => e.source === a!.id || e.target === a!.id)!.weight,
    );
    expect(Object.values(coalitionsOf(changed))).not.toContain(41);
    // Put back, the claims are those of the first network: its entry is found (still marked).
    for (const c of moved) await call('updateClaim', { articleId: c.articleId, id: c.claimId, patch: { actorIds: before.get(c.claimId)! } });
    const back = await call('getNetwork', { type: 'congruence' });
    expect(Object.keys(coalitionsOf(back))).toEqual(Object.keys(coalitionsOf(first)));
    expect(Object.values(coalitionsOf(back))).toContain(41);
  });

  it('finds coalitions again for another filter and after a codebook change that changes the network', async () => {
    const first = await call('getNetwork', { type: 'congruence' });
    const [a, b] = first.actors.filter((x) => x.coalition !== null);
    await reopenWithMarkedCache();
    // A parent set in the registry changes nothing while actors are drawn as themselves: the same network, the same coalitions.
    await call('updateActor', { id: a!.id, patch: { parentId: b!.id } });
    expect(Object.values(coalitionsOf(await call('getNetwork', { type: 'congruence' })))).toContain(41);
    // Another filter: actors rolled up to their parents (a's statements are b's), another congruence network.
    const rolled = await call('getNetwork', { type: 'congruence', rollUp: 'parent' });
    expect(rolled.actors.map((x) => x.id)).not.toContain(a!.id);
    expect(Object.values(coalitionsOf(rolled))).not.toContain(41);
    // A codebook change that changes the network: a merged into b.
    await call('mergeActors', { fromId: a!.id, intoId: b!.id });
    const merged = await call('getNetwork', { type: 'congruence' });
    expect(merged.actors.map((x) => x.id)).not.toContain(a!.id);
    expect(Object.values(coalitionsOf(merged))).not.toContain(41);
  });

  it('ignores a damaged file and writes a good one', async () => {
    await call('getNetwork', { type: 'congruence' });
    await nb.core.close();
    writeFileSync(cacheFile(), '{"format":"stancebook-network-coalitions","entr');
    nb.core = await openNotebookCore(nb.dir, CORE_OPTIONS);
    const network = await call('getNetwork', { type: 'congruence' });
    expect(Object.values(coalitionsOf(network)).some((c) => c !== null)).toBe(true);
    await nb.core.close();
    expect(readCache().entries).toHaveLength(1);
  });
});

describe('what the view asks for', () => {
  it('names as many propositions per edge as asked, counts them all, and says what coalitions were found on', async () => {
    const full = await call('getNetwork', { type: 'congruence' });
    const short = await call('getNetwork', { type: 'congruence', edgePropositions: 1 });
    const edge = full.edges.find((e) => e.propositionCount > 1)!;
    const same = short.edges.find((e) => e.source === edge.source && e.target === edge.target)!;
    expect(same.propositions).toHaveLength(1);
    expect(edge.propositions).toContainEqual(same.propositions[0]);
    expect(same.propositionCount).toBe(edge.propositionCount);
    // The sample's congruence network is small: coalitions on all of it.
    expect(full.coalitionsFrom).toEqual({ edges: full.edgeCount, perActor: null });
  });
});
