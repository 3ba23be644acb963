import { createHash } from 'node:crypto';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { ActorNetwork, PairWeights } from './networks';

/**
 * Coalitions: communities of actors in the congruence network, found by Louvain modularity
 * optimisation (graphology-communities-louvain), with a seeded random walk so the same notebook
 * always gives the same coalitions. Actors with no congruence edge form no coalition (null).
 * Coalitions are numbered from 0 by size, largest first.
 */
export function coalitions(congruence: ActorNetwork, seed = 1): Map<string, number | null> {
  const graph = new Graph({ type: 'undirected' });
  for (const e of congruence.edges) {
    if (e.weight <= 0) continue;
    graph.mergeNode(e.source);
    graph.mergeNode(e.target);
    graph.mergeEdge(e.source, e.target, { weight: e.weight });
  }
  return communities(graph, congruence.actors, seed);
}

/**
 * The same coalitions read straight off the pair weights (unnormalised congruence), without
 * building the congruence network's edges and their propositions first: what the network
 * service uses, as a dense notebook has a hundred thousand congruence edges.
 */
export function coalitionsOfWeights(
  weights: PairWeights,
  actors: readonly string[],
  seed = 1,
  key = coalitionKey(weights, actors, seed),
  basis = coalitionBasis(weights),
): Map<string, number | null> {
  // Coalitions are a pure function of the actors and their congruence weights: the same ones
  // (another network type or normalisation of the same claims, a repeated request) are answered
  // from the last few computed, found by content, not by request.
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    recent.set(key, known);
    return new Map(known);
  }
  const found = computeCoalitions(weights, actors, seed, basis);
  recent.set(key, found);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return new Map(found);
}

/** The last coalitions computed, by content key, oldest first. */
const recent = new Map<string, Map<string, number | null>>();
const RECENT = 4;

/**
 * Above this many congruence edges, coalitions are found on each actor's COALITION_TIES_PER_ACTOR
 * strongest agreements only (their union): on a dense notebook nearly every pair of actors agrees
 * on something, and community detection over a complete graph of 500 actors (125,000 edges) costs
 * more than the rest of the network together. Each actor keeps its strongest ties, so none is
 * left out; the view and the export say when this was done (`coalitionsFrom`).
 */
const COALITION_EDGE_LIMIT = 20_000;
const COALITION_TIES_PER_ACTOR = 30;

/** Which congruence edges coalitions are found on: all (keep null), or each actor's strongest. */
export interface CoalitionBasis {
  /** Edges community detection runs on. */
  edges: number;
  /** Null: the whole congruence network; else each actor's this many strongest agreements. */
  perActor: number | null;
  /** Pair (i, j), i < j, at i * n + j: 1 when kept (null: every pair with a positive weight). */
  keep: Uint8Array | null;
}

export function coalitionBasis(weights: PairWeights, limit = COALITION_EDGE_LIMIT, perActor = COALITION_TIES_PER_ACTOR): CoalitionBasis {
  const { congruence } = weights;
  const n = weights.active.length;
  let all = 0;
  for (let x = 0; x < congruence.length; x++) if (congruence[x]! > 0) all++;
  if (all <= limit) return { edges: all, perActor: null, keep: null };
  const keep = new Uint8Array(n * n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Actor i's agreements; the perActor-th largest is the cut, ties taken in actor order.
    let count = 0;
    for (let j = 0; j < n; j++) {
      const w = j === i ? 0 : i < j ? congruence[i * n + j]! : congruence[j * n + i]!;
      row[j] = w;
      if (w > 0) count++;
    }
    const cut = count <= perActor ? Number.MIN_VALUE : Float64Array.from(row).sort()[n - perActor]!;
    let ties = perActor;
    for (let j = 0; j < n; j++) if (row[j]! > cut) ties--;
    for (let j = 0; j < n; j++) {
      const w = row[j]!;
      if (w > cut || (w === cut && w > 0 && ties-- > 0)) keep[i < j ? i * n + j : j * n + i] = 1;
    }
  }
  let edges = 0;
  for (let x = 0; x < keep.length; x++) edges += keep[x]!;
  return { edges, perActor, keep };
}

/**
 * What coalitions depend on, as one SHA-256: the seed, the limits above, the actors asked about
 * (in order), the actors with a statement (in the pair matrix's order) and every congruence
 * weight. The same key is the same congruence network, in this session or a later one
 * (coalition-cache.ts).
 */
export function coalitionKey(weights: PairWeights, actors: readonly string[], seed = 1): string {
  const hash = createHash('sha256');
  hash.update(
    `${seed}:${COALITION_EDGE_LIMIT}:${COALITION_TIES_PER_ACTOR}\u0001${actors.join('\u0000')}\u0001${weights.active.join('\u0000')}\u0001`,
  );
  hash.update(new Uint8Array(weights.congruence.buffer, weights.congruence.byteOffset, weights.congruence.byteLength));
  return hash.digest('hex');
}

function computeCoalitions(weights: PairWeights, actors: readonly string[], seed: number, basis: CoalitionBasis): Map<string, number | null> {
  const graph = new Graph({ type: 'undirected' });
  const { active, congruence } = weights;
  const n = active.length;
  const keep = basis.keep;
  // Nodes and edges go in in the order of the network's sorted edges (source, then target), so
  // the seeded Louvain finds the same coalitions as from the network itself.
  const order = Array.from(active.keys()).sort((x, y) => (active[x]! < active[y]! ? -1 : active[x]! > active[y]! ? 1 : 0));
  // Nodes added are flagged in a typed array, and edges keyed by their number: a dense notebook's
  // hundred thousand edges would otherwise cost two node look-ups and a generated key each.
  const added = new Uint8Array(n);
  let edgeKey = 0;
  for (let x = 0; x < n; x++) {
    const i = order[x]!;
    for (let y = x + 1; y < n; y++) {
      const j = order[y]!;
      const pair = i < j ? i * n + j : j * n + i;
      const w = congruence[pair]!;
      if (w <= 0 || (keep && keep[pair] === 0)) continue;
      if (added[i] === 0) {
        graph.addNode(active[i]!);
        added[i] = 1;
      }
      if (added[j] === 0) {
        graph.addNode(active[j]!);
        added[j] = 1;
      }
      graph.addUndirectedEdgeWithKey(edgeKey++, active[i]!, active[j]!, { weight: w });
    }
  }
  return communities(graph, actors, seed);
}

function communities(graph: Graph, actors: readonly string[], seed: number): Map<string, number | null> {
  const result = new Map<string, number | null>(actors.map((a) => [a, null]));
  if (graph.order === 0) return result;
  let state = seed >>> 0;
  const rng = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const found = louvain(graph, { rng, getEdgeWeight: 'weight' });
  const sizes = new Map<number, number>();
  for (const c of Object.values(found)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  for (const [actor, c] of Object.entries(found)) result.set(actor, order.indexOf(c));
  return result;
}
