import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Network, NetworkTypeName } from '../../../../shared/api/contract-networks';
import { api } from '../../api/client';
import { keys, useCodebook } from '../../app/queries';
import { errorText } from '../../components/status-context';
import type { CodebookLookup } from '../claims/codebook-lookup';
import { ExportProgress } from '../export/ExportProgress';
import { useExporter } from '../export/use-exporter';
import { ActorScopeControls, scopeRequest, type ActorScopeValue } from '../registry/ActorScopeControls';
import { CoderField } from '../coders/CoderField';
import { KindLegend } from './KindLegend';
import { NetworkGraph, edgeKey } from './NetworkGraph';
import { FIRST_SETTINGS, networkQueryKey, networkRequest, type NetworkSettings } from './network-request';
import { PolarisationLine } from './PolarisationLine';
import './networks.css';

interface NetworksViewProps {
  lookup: CodebookLookup;
  onOpenClaim(articleId: string, claimId: string): void;
}

const TYPES: { value: NetworkTypeName; label: string }[] = [
  { value: 'congruence', label: 'Agreement (congruence)' },
  { value: 'conflict', label: 'Disagreement (conflict)' },
  { value: 'subtract', label: 'Agreement minus disagreement' },
  { value: 'twomode', label: 'Actors × propositions' },
];
const WINDOWS = [
  { days: 30, step: 7, label: '30 days, step 7' },
  { days: 90, step: 30, label: '90 days, step 30' },
  { days: 365, step: 90, label: 'One year, step 90 days' },
];

/** Connections listed before "Show all". */
const LIST_FIRST = 200;

const weightText = (weight: number) => (Number.isInteger(weight) ? String(weight) : weight.toFixed(2));

/**
 * Who agrees with whom: the actor network of the notebook as the Discourse Network Analyzer
 * draws it, over a moving time window. The graph is for the eye; the list of connections beside
 * it carries the same network for the keyboard and screen readers, and opens each connection's
 * claims, each one click from its place in the article.
 */
export function NetworksView({ lookup, onOpenClaim }: NetworksViewProps) {
  const [type, setType] = useState<NetworkTypeName>(FIRST_SETTINGS.type);
  const [normalization, setNormalization] = useState<NetworkSettings['normalization']>(FIRST_SETTINGS.normalization);
  const [windowChoice, setWindowChoice] = useState(0);
  /** The window shown (index into windows), or null for all dates. */
  const [windowIndex, setWindowIndex] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const [scope, setScope] = useState<ActorScopeValue>(FIRST_SETTINGS.scope);
  // One coder's claims only, or everyone's ('').
  const [coderId, setCoderId] = useState(FIRST_SETTINGS.coderId);
  const [colourBy, setColourBy] = useState<'coalition' | 'kind'>('coalition');
  const codebook = useCodebook();
  const exporter = useExporter();
  const claimsHeading = useRef<HTMLHeadingElement>(null);

  const spec = WINDOWS[windowChoice]!;
  // The windows are asked for once the network is drawn: the core answers one request at a time,
  // and the network is what the view paints first (and its drawing and the windows' work would
  // otherwise compete for the same cores).
  const [windowsWanted, setWindowsWanted] = useState(false);
  const [graphDrawn, setGraphDrawn] = useState(false);
  const windows = useQuery({
    queryKey: [...keys.positions, 'network-windows', spec.days, spec.step, scope, coderId],
    queryFn: () =>
      api.getNetworkWindows({
        windowDays: spec.days,
        stepDays: spec.step,
        duplicates: 'article',
        ...scopeRequest(scope),
        ...(coderId ? { coderId } : {}),
      }),
    enabled: windowsWanted,
  });
  const shown = windowIndex !== null ? windows.data?.[windowIndex] : undefined;
  const request = useMemo(
    () => networkRequest({ type, normalization, window: shown ? { from: shown.from, to: shown.to } : undefined, scope, coderId }),
    [type, normalization, shown, scope, coderId],
  );
  // The first network may have been asked for when the Networks button was pressed (network-request.ts).
  const network = useQuery({
    queryKey: networkQueryKey(request),
    queryFn: () => api.getNetwork(request),
    placeholderData: (previous) => previous,
  });
  if (!windowsWanted && network.isFetched && (graphDrawn || !network.data?.edges.length)) setWindowsWanted(true);
  const edgeClaims = useQuery({
    queryKey: [...keys.positions, 'network-edge', request, selectedEdge],
    queryFn: () => {
      const [edgeSource, edgeTarget] = selectedEdge!.split('|');
      return api.getNetworkEdgeClaims({ ...request, edgeSource: edgeSource!, edgeTarget: edgeTarget! });
    },
    enabled: !!selectedEdge,
  });

  // Playing steps through the windows, one a second and a half, and stops at the last.
  useEffect(() => {
    if (!playing || !windows.data?.length) return;
    const timer = setInterval(() => {
      setWindowIndex((index) => {
        const next = index === null ? 0 : index + 1;
        if (next >= windows.data!.length - 1) setPlaying(false);
        return Math.min(next, windows.data!.length - 1);
      });
    }, 1500);
    return () => clearInterval(timer);
  }, [playing, windows.data]);

  const data: Network | undefined = network.data;
  const propositionLabel = useCallback(
    (index: number) => {
      const p = data?.propositions[index];
      return p ? `${lookup.issuePath(p.issueId) || p.issueId}: ${p.proposition}` : '';
    },
    [data, lookup],
  );
  const actorName = (id: string) => data?.actors.find((a) => a.id === id)?.name ?? lookup.actor(id)?.name ?? id;
  const targetName = (id: string) => (data?.type === 'twomode' ? propositionLabel(Number(id)) : actorName(id));
  const kindOf = useCallback((id: string) => lookup.actor(id)?.kind ?? null, [lookup]);
  const edges = useMemo(() => [...(data?.edges ?? [])].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)), [data]);
  // The list starts with the strongest connections; the rest on request (thousands of buttons would hold up the first paint).
  const [expanded, setExpanded] = useState<Network | null>(null);
  const listed = expanded !== null && expanded === data ? edges.length : LIST_FIRST;
  const onDrawn = useCallback(() => setGraphDrawn(true), []);
  const pick = (key: string) => {
    setSelectedEdge(key);
    requestAnimationFrame(() => claimsHeading.current?.focus());
  };

  return (
    <div className="networks-view" data-testid="networks-view">
      <header className="networks-head">
        <div>
          <h2 className="networks-title">Networks</h2>
          <p className="muted networks-summary" role="status">
            {data
              ? `${data.actors.length} ${data.actors.length === 1 ? 'actor' : 'actors'}, ${data.edgeCount} ${data.edgeCount === 1 ? 'connection' : 'connections'}${data.edgeCount > data.edges.length ? ` (the ${data.edges.length} strongest shown)` : ''}, ${data.statements} statements${shown ? ` from ${shown.from} to ${shown.to}` : ''}`
              : ' '}
          </p>
        </div>
        <div className="networks-controls" role="group" aria-label="Network settings">
          <label className="networks-field">
            <span>Network</span>
            <select className="input" value={type} onChange={(e) => (setType(e.target.value as NetworkTypeName), setSelectedEdge(null))}>
              {TYPES.map((t) => (
                <option key={t.value} value={t.value}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          <label className="networks-field">
            <span>Weights</span>
            <select
              className="input"
              value={normalization}
              disabled={type === 'twomode'}
              onChange={(e) => setNormalization(e.target.value as typeof normalization)}
            >
              <option value="none">Counts</option>
              <option value="average">Per average activity</option>
              <option value="jaccard">Jaccard</option>
              <option value="cosine">Cosine</option>
            </select>
          </label>
          <ActorScopeControls
            actors={codebook.data?.actors ?? []}
            value={scope}
            onChange={(next) => (setScope(next), setSelectedEdge(null), setWindowIndex(null), setPlaying(false))}
            fieldClass="networks-field"
          />
          <CoderField
            className="networks-field"
            load={windows.isFetched || coderId !== ''}
            value={coderId}
            onChange={(next) => (setCoderId(next), setSelectedEdge(null), setWindowIndex(null), setPlaying(false))}
          />
          <label className="networks-field">
            <span>Colour</span>
            <select className="input" value={colourBy} onChange={(e) => setColourBy(e.target.value as 'coalition' | 'kind')}>
              <option value="coalition">By coalition</option>
              <option value="kind">By actor kind</option>
            </select>
          </label>
          <label className="networks-field">
            <span>Window length</span>
            <select
              className="input"
              value={windowChoice}
              onChange={(e) => (setWindowChoice(Number(e.target.value)), setWindowIndex(null), setPlaying(false))}
            >
              {WINDOWS.map((w, i) => (
                <option key={w.days} value={i}>
                  {w.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            disabled={exporter.job !== null || !data?.edges.length}
            onClick={() => void exporter.run('Network as GraphML', () => api.exportNetwork({ ...request, format: 'graphml' }))}
          >
            Export GraphML
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={exporter.job !== null || !data?.edges.length}
            onClick={() => void exporter.run('Network as CSV', () => api.exportNetwork({ ...request, format: 'csv' }))}
          >
            Export CSV
          </button>
          {exporter.job && <ExportProgress job={exporter.job} />}
        </div>
      </header>

      {(network.error || windows.error) && (
        <p className="form-error" role="alert">
          The network could not be worked out: {errorText(network.error ?? windows.error)}
        </p>
      )}

      {windows.data && windows.data.length > 1 && (
        <section className="networks-time" aria-labelledby="networks-time-title">
          <h3 id="networks-time-title" className="networks-subtitle">
            Over time <span className="muted">(polarisation: the share of disagreement between actors)</span>
          </h3>
          <PolarisationLine windows={windows.data} current={windowIndex} />
          <div className="networks-slider">
            <button
              type="button"
              className="button button--small"
              onClick={() => (setWindowIndex(null), setPlaying(false))}
              aria-pressed={windowIndex === null}
            >
              All dates
            </button>
            <input
              type="range"
              min={0}
              max={windows.data.length - 1}
              value={windowIndex ?? 0}
              aria-label="Time window"
              aria-valuetext={shown ? `${shown.from} to ${shown.to}` : 'all dates'}
              onChange={(e) => (setWindowIndex(Number(e.target.value)), setSelectedEdge(null))}
            />
            <button type="button" className="button button--small" onClick={() => setPlaying(!playing)}>
              {playing ? 'Pause' : 'Play'}
            </button>
          </div>
        </section>
      )}

      {data && data.edges.length === 0 && (
        <p className="empty-note">
          No two actors meet on a proposition {shown ? 'in this window' : 'yet'}. Claims with an actor, an issue, a proposition and a stance make the
          network.
        </p>
      )}

      {data && data.edges.length > 0 && (
        <div className="networks-body">
          <NetworkGraph
            network={data}
            selectedEdge={selectedEdge}
            onSelectEdge={pick}
            propositionLabel={propositionLabel}
            colourBy={colourBy}
            kindOf={kindOf}
            onDrawn={onDrawn}
          />
          <section className="networks-side" aria-labelledby="networks-edges-title">
            <h3 id="networks-edges-title" className="networks-subtitle">
              Connections
            </h3>
            <ul className="networks-edges">
              {edges.slice(0, listed).map((e) => {
                const key = edgeKey(e.source, e.target);
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className={`network-edge ${e.weight < 0 || data.type === 'conflict' ? 'network-edge--conflict' : 'network-edge--congruence'}`}
                      aria-pressed={selectedEdge === key}
                      onClick={() => pick(key)}
                    >
                      <span className="network-edge-ends">
                        {actorName(e.source)} — {targetName(e.target)}
                      </span>
                      <span className="network-edge-weight">{weightText(e.weight)}</span>
                      <span className="network-edge-props muted">
                        {e.propositions.map((p) => p.proposition).join('; ')}
                        {e.propositionCount > e.propositions.length && ` and ${e.propositionCount - e.propositions.length} more`}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {edges.length > listed && (
              <button type="button" className="link-button" onClick={() => setExpanded(data)}>
                Show all {edges.length} connections (the {listed} strongest are listed)
              </button>
            )}
            {colourBy === 'kind' && <KindLegend kinds={data.actors.map((a) => kindOf(a.id))} />}
            {data.actors.some((a) => a.coalition !== null) && (
              <>
                <h3 className="networks-subtitle">Coalitions</h3>
                {data.coalitionsFrom?.perActor && (
                  <p className="muted networks-note" data-testid="coalitions-basis">
                    Found on each actor’s {data.coalitionsFrom.perActor} strongest agreements ({data.coalitionsFrom.edges.toLocaleString('en')} ties),
                    not on every agreement: nearly every pair of actors agrees on something here.
                  </p>
                )}
                <ul className="networks-coalitions">
                  {[...new Set(data.actors.map((a) => a.coalition).filter((c) => c !== null))]
                    .sort((a, b) => a - b)
                    .map((c) => (
                      <li key={c}>
                        {colourBy === 'coalition' && <span className={`coalition-dot coalition-dot--${c! % 6}`} aria-hidden="true" />} Coalition{' '}
                        {c! + 1}:{' '}
                        {data.actors
                          .filter((a) => a.coalition === c)
                          .map((a) => a.name)
                          .join(', ')}
                      </li>
                    ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}

      {selectedEdge && (
        <section className="networks-claims" aria-labelledby="networks-claims-title" onKeyDown={(e) => e.key === 'Escape' && setSelectedEdge(null)}>
          <h3 id="networks-claims-title" className="networks-subtitle" tabIndex={-1} ref={claimsHeading}>
            Claims behind {actorName(selectedEdge.split('|')[0]!)} — {targetName(selectedEdge.split('|')[1]!)}
          </h3>
          {edgeClaims.error && <p className="form-error">{errorText(edgeClaims.error)}</p>}
          <ul>
            {(edgeClaims.data ?? []).map((c) => (
              <li key={`${c.claimId}-${c.actorId}`} className="network-claim">
                <blockquote>“{c.quote}”</blockquote>
                <p className="muted">
                  {actorName(c.actorId)} · {lookup.stance(c.stanceId)?.label ?? 'no stance'} · {c.proposition} · {c.articleTitle} ({c.day}){' '}
                  <button type="button" className="link-button" onClick={() => onOpenClaim(c.articleId, c.claimId)}>
                    Show in the article
                  </button>
                </p>
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setSelectedEdge(null)}>
            Back to the network
          </button>
        </section>
      )}
    </div>
  );
}
