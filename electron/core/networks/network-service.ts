import { UserError } from '../../../shared/api';
import type { Network } from '../../../shared/api/contract-networks';
import type { PositionsFilter } from '../../../shared/api/contract-positions';
import type { Claim } from '../../../shared/model';
import { inTextOrder } from '../claims/claim-digests';
import type { CoreContext } from '../context';
import { coalitionCache } from './coalition-cache';
import { coalitionBasis, coalitionKey, coalitionsOfWeights } from './coalitions';
import { writeOneMode, writeTwoMode, type NetworkFormat, type NodeLabels } from './formats';
import { gatherStatements, type GatheredStatements } from './gather';
import {
  MAX_EDGE_CONCEPTS,
  oneModeNetwork,
  pairWeightsInSlices,
  twoModeNetwork,
  type Normalization,
  type OneModeType,
  type PairWeights,
} from './networks';
import { polarisation } from './polarisation';
import { conceptKey, type DuplicateRule, type Statement } from './statements';
import { movingWindowsInSlices, type TimeWindow } from './windows';
import { claimScope } from '../coders/coder-digest';

type Settings = PositionsFilter & {
  type: OneModeType | 'twomode';
  normalization?: Normalization;
  duplicates?: DuplicateRule;
  maxEdges?: number;
  edgePropositions?: number;
};
type CoalitionsFrom = NonNullable<Network['coalitionsFrom']>;

interface Computed {
  gathered: GatheredStatements;
  statements: Statement[];
  network: Network;
  labels: NodeLabels;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function filterOf(request: Settings): PositionsFilter {
  // Everything but the network's own settings is the filter, so fields added to the filter pass through.
  const {
    type: _type,
    normalization: _normalization,
    duplicates: _duplicates,
    maxEdges: _maxEdges,
    edgePropositions: _edgePropositions,
    ...filter
  } = request;
  return filter;
}

async function compute(ctx: CoreContext, request: Settings, withCoalitions = true): Promise<Computed> {
  const gathered = await gatherStatements(ctx, filterOf(request), request.duplicates ?? 'article');
  const statements = gathered.statements;
  // A turn of the event loop between the steps (reading, pair weights, coalitions, edges), each a
  // few tens of milliseconds at 100,000 claims, so no request waits for the whole (decision 0014).
  await turn();
  const codebook = ctx.store.getCodebook();
  const actorNames = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const issueNames = new Map(codebook.issues.map((i) => [i.id, i.name]));
  const ref = (concept: string) => gathered.concepts.get(concept)!;
  const weights = await pairWeightsInSlices(statements);
  await turn();
  // The claims behind one edge need no coalitions: they are skipped there.
  const found = withCoalitions ? await coalitionsOf(ctx, weights, [...new Set(statements.map((s) => s.actorId))].sort()) : null;
  const coalition = found?.byActor ?? new Map<string, number | null>();
  if (found) await turn();
  const labels: NodeLabels = {
    actorName: (id) => actorNames.get(id) ?? id,
    conceptName: (concept) => `${issueNames.get(ref(concept).issueId) ?? ref(concept).issueId}: ${ref(concept).proposition}`,
    coalition: (id) => coalition.get(id) ?? null,
  };
  const actors = [...new Set(statements.map((s) => s.actorId))]
    .sort((a, b) => labels.actorName(a).localeCompare(labels.actorName(b)))
    .map((id) => ({ id, name: labels.actorName(id), coalition: coalition.get(id) ?? null }));
  let network: Network;
  if (request.type === 'twomode') {
    const cells = twoModeNetwork(statements);
    const concepts = [...new Set(cells.map((c) => c.concept))];
    const conceptIndex = new Map(concepts.map((c, i) => [c, i]));
    network = {
      type: 'twomode',
      actors,
      propositions: concepts.map(ref),
      edges: cells.map((c, i) => ({
        source: c.actorId,
        target: String(conceptIndex.get(c.concept) ?? i),
        weight: c.for - c.against,
        propositions: [ref(c.concept)],
        propositionCount: 1,
      })),
      edgeCount: cells.length,
      statements: statements.length,
      polarisation: polarisation(statements, weights),
      ...(found ? { coalitionsFrom: found.from } : {}),
    };
  } else {
    const one = oneModeNetwork(
      statements,
      request.type,
      request.normalization ?? 'none',
      weights,
      request.edgePropositions ?? MAX_EDGE_CONCEPTS,
      request.maxEdges ?? Number.POSITIVE_INFINITY,
    );
    network = {
      type: request.type,
      actors,
      propositions: [],
      edges: one.edges.map((e) => ({
        source: e.source,
        target: e.target,
        weight: e.weight,
        propositions: e.concepts.map(ref),
        propositionCount: e.conceptCount,
      })),
      edgeCount: one.edgeCount,
      statements: statements.length,
      polarisation: polarisation(statements, weights),
      ...(found ? { coalitionsFrom: found.from } : {}),
    };
  }
  return { gathered, statements, network, labels };
}

/**
 * The coalitions of the congruence network: remembered by content in this session
 * (coalitionsOfWeights) and across sessions (coalition-cache.ts), so the first network of a
 * session over claims seen before skips community detection.
 */
async function coalitionsOf(
  ctx: CoreContext,
  weights: PairWeights,
  actors: string[],
): Promise<{ byActor: Map<string, number | null>; from: CoalitionsFrom }> {
  const key = coalitionKey(weights, actors);
  const cache = coalitionCache(ctx);
  const known = await cache.get(key);
  if (known && known.coalitions.length === actors.length) {
    return { byActor: new Map(actors.map((a, i) => [a, known.coalitions[i]!])), from: { edges: known.edges, perActor: known.perActor } };
  }
  const basis = coalitionBasis(weights);
  await turn();
  const byActor = coalitionsOfWeights(weights, actors, undefined, key, basis);
  await cache.put(key, { coalitions: actors.map((a) => byActor.get(a) ?? null), edges: basis.edges, perActor: basis.perActor });
  return { byActor, from: { edges: basis.edges, perActor: basis.perActor } };
}

export async function getNetwork(ctx: CoreContext, request: Settings): Promise<Network> {
  return (await compute(ctx, request)).network;
}

export async function getNetworkWindows(
  ctx: CoreContext,
  request: PositionsFilter & { windowDays: number; stepDays: number; duplicates?: DuplicateRule },
): Promise<TimeWindow[]> {
  const gathered = await gatherStatements(ctx, filterOf({ ...request, type: 'congruence' }), request.duplicates ?? 'article');
  // Reading the statements and the windows' first slice are separate turns (together they held the server ~130 ms).
  await turn();
  return movingWindowsInSlices(gathered.statements, request.windowDays, request.stepDays);
}

/** The claims behind one edge, oldest first: both actors' claims on the edge's propositions. */
export async function getNetworkEdgeClaims(ctx: CoreContext, request: Settings & { edgeSource: string; edgeTarget: string }) {
  const { network, statements, gathered } = await compute(ctx, request, false);
  const edge = network.edges.find(
    (e) =>
      (e.source === request.edgeSource && e.target === request.edgeTarget) || (e.source === request.edgeTarget && e.target === request.edgeSource),
  );
  if (!edge)
    throw new UserError('not-found', 'There is no such edge in this network (the filter or the claims may have changed). Reopen the network.');
  // Every proposition behind the edge (the network names at most a dozen): recomputed for the two ends alone.
  const ends = statements.filter((s) => s.actorId === request.edgeSource || s.actorId === request.edgeTarget);
  const wanted =
    network.type === 'twomode'
      ? new Set(edge.propositions.map((p) => conceptKey(p.issueId, p.proposition)))
      : new Set(oneModeNetwork(ends, network.type, 'none', undefined, Number.POSITIVE_INFINITY).edges.flatMap((e) => e.concepts));
  const actors = network.type === 'twomode' ? new Set([edge.source]) : new Set([edge.source, edge.target]);
  const picked = statements
    .filter((s) => actors.has(s.actorId) && wanted.has(s.concept))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  // Only the articles that hold the edge's claims are read. A statement's index counts the claims
  // the digest held: with a coder (or blind coding) in scope, only those claims (coders/coder-digest.ts).
  const scope = await claimScope(ctx, [...gathered.articles.values()], request.coderId);
  const claimsOf = new Map<string, Claim[]>();
  const out = [];
  for (const s of picked) {
    let claims = claimsOf.get(s.articleId);
    if (!claims) {
      const all = inTextOrder(await ctx.store.getClaims(s.articleId));
      claimsOf.set(s.articleId, (claims = scope ? all.filter((c) => scope(s.articleId, c)) : all));
    }
    const claim = claims[s.claimIndex];
    const article = gathered.articles.get(s.articleId);
    if (!claim || !article) continue;
    const info = gathered.concepts.get(s.concept)!;
    out.push({
      claimId: claim.id,
      articleId: s.articleId,
      articleTitle: article.title,
      actorId: s.actorId,
      quote: claim.target.quote.exact,
      stanceId: claim.stanceId,
      issueId: info.issueId,
      proposition: info.proposition,
      day: s.day,
    });
  }
  return out;
}

export async function exportNetwork(ctx: CoreContext, request: Settings & { format: NetworkFormat }) {
  const { statements, labels } = await compute(ctx, request);
  const content =
    request.type === 'twomode'
      ? writeTwoMode(twoModeNetwork(statements), request.format, labels)
      : writeOneMode(oneModeNetwork(statements, request.type, request.normalization ?? 'none'), request.format, labels);
  const extension = { graphml: 'graphml', csv: 'csv', matrix: 'csv', dl: 'dl' }[request.format];
  const mimeType = {
    graphml: 'application/graphml+xml',
    csv: 'text/csv; charset=utf-8',
    matrix: 'text/csv; charset=utf-8',
    dl: 'text/plain; charset=utf-8',
  }[request.format];
  return {
    filename: `network-${request.type}${request.format === 'matrix' ? '-matrix' : ''}.${extension}`,
    mimeType,
    content,
    encoding: 'utf8' as const,
  };
}
