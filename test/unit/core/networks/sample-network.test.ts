import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type MethodName, type RequestOf, type ResponseOf } from '../../../../shared/api';
import { openTempNotebook, type TempNotebook } from '../../helpers/temp-notebook';

let nb: TempNotebook;
beforeAll(async () => (nb = await openTempNotebook()));
afterAll(() => nb.cleanup());

/** A contract call as a host makes it: validated, defaults filled; a refusal throws its message. */
async function call<K extends MethodName>(method: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const result = await dispatch(nb.core.handlers, method, request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ResponseOf<K>;
}

const names = () => new Map(nb.core.store.getCodebook().actors.map((a) => [a.name, a.id]));

describe('networks of the sample notebook', () => {
  it('joins the United States and China in congruence: the three claims they hold together', async () => {
    const network = await call('getNetwork', { type: 'congruence' });
    const us = names().get('United States')!;
    const china = names().get('China')!;
    const edge = network.edges.find(
      (e) => new Set([e.source, e.target]).size === 2 && [e.source, e.target].includes(us) && [e.source, e.target].includes(china),
    );
    expect(edge?.weight).toBe(3);
    expect(edge?.propositions.map((p) => p.proposition).sort()).toEqual([
      'A second round of intergovernmental dialogue on AI',
      'Continued cooperation on drug control, law enforcement, climate change and repatriation',
      'The talks were constructive',
    ]);
  });

  it('sets China against the United States on the South China Sea proposition only (not on Taiwan)', async () => {
    const network = await call('getNetwork', { type: 'conflict' });
    expect(network.edges).toHaveLength(1);
    expect(network.edges[0]!.weight).toBe(1);
    expect(network.edges[0]!.propositions).toEqual([
      { issueId: expect.any(String), proposition: "China's territorial claims and actions in the South China Sea" },
    ]);
    const claims = await call('getNetworkEdgeClaims', {
      type: 'conflict',
      edgeSource: network.edges[0]!.source,
      edgeTarget: network.edges[0]!.target,
    });
    expect(claims).toHaveLength(2);
    expect(new Set(claims.map((c) => c.proposition))).toEqual(new Set(["China's territorial claims and actions in the South China Sea"]));
    // Polarisation: 1 conflict against 3 congruence.
    expect(network.polarisation).toBeCloseTo(1 / 4, 10);
  });

  it('exports GraphML that graphology reads back with its weights and labels', async () => {
    const file = await call('exportNetwork', { type: 'congruence', format: 'graphml' });
    const graph = parseGraphml(Graph, file.content);
    const labels = graph.mapNodes((_, attributes) => attributes.label as string).sort();
    expect(labels).toEqual(expect.arrayContaining(['China', 'United States']));
    const weights = graph.mapEdges((_, attributes) => attributes.weight as number);
    expect(weights).toContain(3);
  });

  it('exports a CSV edge list, a matrix and UCINET DL', async () => {
    const csv = (await call('exportNetwork', { type: 'conflict', format: 'csv' })).content;
    expect(csv.split('\r\n')[0]).toBe('\uFEFFsource,target,weight,propositions');
    expect(csv).toMatch(/China,United States,1,South China Sea: China's territorial claims/);
    const dl = (await call('exportNetwork', { type: 'congruence', format: 'dl' })).content.split('\r\n');
    expect(dl[0]).toMatch(/^DL N=\d+$/);
    expect(dl).toContain('FORMAT = FULLMATRIX DIAGONAL PRESENT');
    const two = (await call('exportNetwork', { type: 'twomode', format: 'dl' })).content;
    expect(two).toMatch(/^DL NR=\d+ NC=\d+\r\nFORMAT = FULLMATRIX\r\nROW LABELS:/);
  });

  it('refuses a reversed date range with a clear message', async () => {
    await expect(call('getNetwork', { type: 'congruence', publishedFrom: '2025-01-01', publishedTo: '2024-01-01' })).rejects.toThrow(/reversed/);
  });
});

describe('duplicates dropped while gathering', () => {
  it('equal dropDuplicates over every statement, for each rule, coded and rolled up', async () => {
    const { gatherStatements } = await import('../../../../electron/core/networks/gather');
    const { dropDuplicates } = await import('../../../../electron/core/networks/statements');
    // A repeat: China says it again in a second article of the same day as the sample.
    const words = 'China is firmly committed to its territorial claims in the South China Sea, Beijing said again.';
    const { articleId } = await call('importText', { title: 'Again', text: words });
    await call('updateArticleMeta', { id: articleId, patch: { publishedAt: '2024-12-21' } });
    const codebook = nb.core.store.getCodebook();
    const sample = (await call('getArticle', { id: nb.sampleId })).claims.find((c) => c.target.quote.exact.startsWith('China is firmly'))!;
    await call('createClaim', {
      articleId,
      start: 0,
      end: words.length - 1,
      coding: { actorIds: sample.actorIds, issueId: sample.issueId, stanceId: sample.stanceId, proposition: sample.proposition },
    });
    await call('createClaim', {
      articleId,
      start: 0,
      end: 5,
      coding: { actorIds: sample.actorIds, issueId: sample.issueId, stanceId: sample.stanceId, proposition: sample.proposition },
    });
    expect(codebook.actors.length).toBeGreaterThan(0);
    for (const filter of [{}, { rollUp: 'top' as const }]) {
      const all = (await gatherStatements(nb.core.context, filter, 'include')).statements;
      for (const rule of ['article', 'day'] as const) {
        const gathered = (await gatherStatements(nb.core.context, filter, rule)).statements;
        expect(gathered).toEqual(dropDuplicates(all, rule));
      }
      // Not trivially equal: the repeat inside the new article goes under 'article', the one across articles of a day under 'day'.
      expect((await gatherStatements(nb.core.context, filter, 'article')).statements.length).toBe(all.length - 1);
      expect((await gatherStatements(nb.core.context, filter, 'day')).statements.length).toBe(all.length - 2);
    }
  });
});
