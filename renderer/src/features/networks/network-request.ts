import type { QueryClient } from '@tanstack/react-query';
import type { NetworkTypeName } from '../../../../shared/api/contract-networks';
import { api } from '../../api/client';
import { keys } from '../../app/query-keys';
import { ALL_ACTORS, scopeRequest, type ActorScopeValue } from '../registry/ActorScopeControls';

/*
 * The Networks view's request, apart from the view (which is loaded on first use, with the graph
 * library): the app starts the view's first network the moment the analyst presses its button,
 * so the server works it out while the view's code is fetched and parsed, instead of after.
 */

/** Propositions named per connection (the rest counted): a dense network's 5,000 edges would otherwise carry megabytes of names. */
const EDGE_PROPOSITIONS = 3;
/**
 * Connections drawn and listed at most, the strongest (the summary says so; exports take all): on
 * a dense notebook nearly every pair of 500 actors is connected, and past a couple of thousand
 * edges the drawing is a hairball that costs seconds to lay out and draw.
 */
const MAX_EDGES = 2000;

/** What the view's controls choose. */
export interface NetworkSettings {
  type: NetworkTypeName;
  normalization: 'none' | 'average' | 'jaccard' | 'cosine';
  /** The time window shown, or undefined for all dates. */
  window: { from: string; to: string } | undefined;
  scope: ActorScopeValue;
  /** One coder's claims only, or everyone's (''). */
  coderId: string;
}

/** What the view shows when it opens. */
export const FIRST_SETTINGS: NetworkSettings = { type: 'congruence', normalization: 'none', window: undefined, scope: ALL_ACTORS, coderId: '' };

/** The getNetwork request for the view's settings. */
export function networkRequest({ type, normalization, window, scope, coderId }: NetworkSettings) {
  return {
    type,
    normalization,
    duplicates: 'article' as const,
    edgePropositions: EDGE_PROPOSITIONS,
    maxEdges: MAX_EDGES,
    ...(window ? { publishedFrom: window.from, publishedTo: window.to } : {}),
    ...scopeRequest(scope),
    ...(coderId ? { coderId } : {}),
  };
}

export type NetworkRequest = ReturnType<typeof networkRequest>;

/** The query cache's key for a network (under positions: claim and codebook changes invalidate both). */
export const networkQueryKey = (request: NetworkRequest) => [...keys.positions, 'network', request] as const;

/**
 * Starts the request for the network the view shows first, unless it is cached or on its way: the
 * view, once drawn, finds it in the query cache (or joins the request in flight).
 */
export function prefetchFirstNetwork(client: QueryClient): void {
  const request = networkRequest(FIRST_SETTINGS);
  void client.prefetchQuery({ queryKey: networkQueryKey(request), queryFn: () => api.getNetwork(request) });
}
