import { useEffect, useRef } from 'react';
import cytoscape, { type Core } from 'cytoscape';
import type { Network } from '../../../../shared/api/contract-networks';
import { ACTOR_KINDS, type ActorKind } from '../../../../shared/model';

interface NetworkGraphProps {
  network: Network;
  /** The edge picked in the list or the graph (`source|target`), drawn wider. */
  selectedEdge: string | null;
  onSelectEdge(key: string): void;
  /** Names of propositions for two-mode nodes. */
  propositionLabel(index: number): string;
  /** Nodes coloured by coalition (default) or by the actor's kind (the legend is beside the graph). */
  colourBy?: 'coalition' | 'kind';
  kindOf?: (actorId: string) => ActorKind | null;
  /** Called once the graph's first frame is drawn (each time a new graph is). */
  onDrawn?(): void;
}

/** CSS custom property, read at draw time so the graph follows the theme (light or dark). */
function cssVar(element: HTMLElement, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

const COALITION_VARS = ['--coalition-0', '--coalition-1', '--coalition-2', '--coalition-3', '--coalition-4', '--coalition-5'];

export const edgeKey = (source: string, target: string) => `${source}|${target}`;

/** Edge widths drawn, from the weakest edge to the strongest. */
const WIDTH_STEPS = 9;

/**
 * The network drawn with Cytoscape.js on a canvas: actors as nodes coloured by coalition or kind,
 * edges green for agreement and red for disagreement, wider with weight. The canvas is a picture
 * for the eye; the edge list beside it is the same network for the keyboard and screen readers
 * (the canvas is hidden from them).
 */
export function NetworkGraph({ network, selectedEdge, onSelectEdge, propositionLabel, colourBy = 'coalition', kindOf, onDrawn }: NetworkGraphProps) {
  const box = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);
  const select = useRef(onSelectEdge);
  const drawn = useRef(onDrawn);
  useEffect(() => {
    select.current = onSelectEdge;
    drawn.current = onDrawn;
  }, [onSelectEdge, onDrawn]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const twoMode = network.type === 'twomode';
    const colour = (name: string, fallback: string) => cssVar(element, name, fallback);
    // Colours and widths are classes, not data mappers: with a mapper cytoscape works out a style
    // of its own for every element (2,500 at 500 actors), with classes once per class: cytoscape's
    // first drawing of the bench's dense network (506 actors, 2,000 edges) took about a third less
    // time (median of five cold runs 813 -> 485 ms on a loaded machine). Widths come in WIDTH_STEPS steps.
    // Actor kinds take the six coalition colours too, in ACTOR_KINDS order (so both themes have them; KindLegend.tsx).
    const paletteOf = (id: string, coalition: number | null): number | null => {
      if (colourBy === 'kind') {
        const kind = kindOf?.(id) ?? null;
        return kind === null ? null : ACTOR_KINDS.indexOf(kind);
      }
      return coalition === null ? null : coalition % COALITION_VARS.length;
    };
    const maxWeight = Math.max(1, ...network.edges.map((e) => Math.abs(e.weight)));
    const nodes = [
      ...network.actors.map((a) => {
        const palette = paletteOf(a.id, a.coalition);
        return {
          data: {
            id: `a:${a.id}`,
            label: a.name,
            // Dense networks are laid out on a circle in coalition order, so coalitions are arcs.
            order: a.coalition ?? Number.MAX_SAFE_INTEGER,
          },
          classes: palette === null ? 'colour-none' : `colour-${palette}`,
        };
      }),
      ...(twoMode ? network.propositions.map((_, i) => ({ data: { id: `p:${i}`, label: propositionLabel(i) }, classes: 'proposition' })) : []),
    ];
    // A dense network (hundreds of actors, thousands of edges) is drawn the cheap way: edges as
    // thin haystack lines (no per-edge geometry), labels only once zoomed in far enough to read
    // them, and small nodes on one circle that fits the box (spaced to avoid overlap, 500 actors
    // make a circle the zoom limits cannot fit, and only a tangle of edges shows).
    const dense = nodes.length > 150 || network.edges.length > 1500;
    const [thinnest, widest] = dense ? [0.5, 2.5] : [1, 6];
    const edges = network.edges.map((e) => ({
      data: {
        id: edgeKey(e.source, e.target),
        source: `a:${e.source}`,
        target: twoMode ? `p:${e.target}` : `a:${e.target}`,
      },
      classes: `${network.type === 'conflict' || e.weight < 0 ? 'conflict' : 'congruence'} width-${Math.round((Math.abs(e.weight) / maxWeight) * (WIDTH_STEPS - 1))}`,
    }));
    const classStyles = [
      ...COALITION_VARS.map((name, i) => ({ selector: `node.colour-${i}`, style: { 'background-color': colour(name, '#1f5a85') } })),
      { selector: 'node.colour-none', style: { 'background-color': colour('--muted', '#5b626d') } },
      { selector: 'node.proposition', style: { 'background-color': colour('--line-strong', '#c9c5bb'), shape: 'round-rectangle' as const } },
      { selector: 'edge.conflict', style: { 'line-color': colour('--edge-conflict', '#b3261e') } },
      { selector: 'edge.congruence', style: { 'line-color': colour('--edge-congruence', '#2e7d4f') } },
      ...Array.from({ length: WIDTH_STEPS }, (_, step) => ({
        selector: `edge.width-${step}`,
        style: { width: thinnest + ((widest - thinnest) * step) / (WIDTH_STEPS - 1) },
      })),
    ];
    const cy = cytoscape({
      container: element,
      elements: { nodes, edges },
      // A force layout reads well up to a few hundred nodes and edges; beyond, it costs seconds and shows a hairball, so a circle.
      // A handful of nodes reads best evenly spaced on a circle too (a force layout may stack two).
      layout: dense
        ? {
            name: 'circle',
            avoidOverlap: false,
            // The radius is chosen to fit the box at zoom 1, centred: fitting would measure every edge and label first.
            fit: false,
            radius: Math.max(120, Math.min(element.clientWidth, element.clientHeight) / 2 - 30),
            sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) => a.data('order') - b.data('order'),
          }
        : nodes.length <= 8
          ? { name: 'circle' }
          : { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 120 },
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            color: colour('--ink', '#1d2127'),
            'font-size': 11,
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: dense ? 8 : 18,
            height: dense ? 8 : 18,
            ...(dense ? { 'min-zoomed-font-size': 16 } : {}),
          },
        },
        { selector: 'edge', style: { opacity: dense ? 0.35 : 0.75, 'curve-style': dense ? 'haystack' : 'straight' } },
        ...classStyles,
        {
          selector: 'edge.picked',
          style: { opacity: 1, 'underlay-color': colour('--focus', '#1a66c2'), 'underlay-opacity': 0.35, 'underlay-padding': 4 } as never,
        },
      ],
      minZoom: 0.2,
      maxZoom: 4,
      wheelSensitivity: 0.2,
    });
    // A few nodes would otherwise be fitted at four times their size: keep labels at reading size.
    if (cy.zoom() > 1.6) {
      cy.zoom(1.6);
      cy.center();
    }
    cy.on('tap', 'edge', (event) => select.current(event.target.id()));
    cy.one('render', () => drawn.current?.());
    graph.current = cy;
    return () => {
      cy.destroy();
      graph.current = null;
    };
  }, [network, propositionLabel, colourBy, kindOf]);

  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    cy.edges().removeClass('picked');
    if (selectedEdge) cy.getElementById(selectedEdge).addClass('picked');
  }, [selectedEdge, network]);

  return <div ref={box} className="network-canvas" aria-hidden="true" data-testid="network-canvas" />;
}
