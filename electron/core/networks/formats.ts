import Papa from 'papaparse';
import { neutraliseFormula } from '../exchange/csv-export';
import { attrs, xmlText } from '../exchange/xml';
import type { ActorNetwork, TwoModeCell } from './networks';

/** Names and attributes of the nodes, resolved from the codebook by the caller. */
export interface NodeLabels {
  actorName: (id: string) => string;
  actorKind?: (id: string) => string | null;
  conceptName: (concept: string) => string;
  coalition?: (id: string) => number | null;
}

export type NetworkFormat = 'graphml' | 'csv' | 'matrix' | 'dl';

const csv = (rows: (string | number)[][]) =>
  '\uFEFF' +
  Papa.unparse(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell))),
    { newline: '\r\n' },
  ) +
  '\r\n';

/** A DL label: quoted, with quotes inside doubled away (UCINET reads "..." labels with spaces and commas). */
const dlLabel = (text: string) => `"${text.replace(/["\r\n]/g, ' ')}"`;

/**
 * GraphML as Gephi, visone and graphology read it: declared keys, an undirected graph, node ids
 * that are the codebook ids with a `label`, edge `weight`. Two-mode graphs mark each node's
 * `mode` (actor or proposition).
 */
function graphml(
  nodes: { id: string; data: Record<string, string | number | null> }[],
  edges: { source: string; target: string; data: Record<string, string | number> }[],
): string {
  const keys = new Map<string, { for: 'node' | 'edge'; type: 'string' | 'double' | 'int' }>();
  const declare = (scope: 'node' | 'edge', data: Record<string, string | number | null>) => {
    for (const [name, value] of Object.entries(data)) {
      if (value === null || keys.has(`${scope}:${name}`)) continue;
      keys.set(`${scope}:${name}`, {
        for: scope,
        type: typeof value === 'number' ? (Number.isInteger(value) && name !== 'weight' ? 'int' : 'double') : 'string',
      });
    }
  };
  nodes.forEach((n) => declare('node', n.data));
  edges.forEach((e) => declare('edge', e.data));
  const keyId = (scope: string, name: string) => `${scope === 'node' ? 'n' : 'e'}_${name}`;
  const data = (scope: string, values: Record<string, string | number | null>) =>
    Object.entries(values)
      .filter(([, v]) => v !== null)
      .map(([name, v]) => `<data key="${keyId(scope, name)}">${xmlText(String(v))}</data>`)
      .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...keys].map(
      ([key, k]) => `  <key${attrs({ id: keyId(k.for, key.split(':')[1]!), for: k.for, 'attr.name': key.split(':')[1]!, 'attr.type': k.type })}/>`,
    ),
    '  <graph id="G" edgedefault="undirected">',
    ...nodes.map((n) => `    <node${attrs({ id: n.id })}>${data('node', n.data)}</node>`),
    ...edges.map((e, i) => `    <edge${attrs({ id: `e${i}`, source: e.source, target: e.target })}>${data('edge', e.data)}</edge>`),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** A one-mode actor network in one of the exchange formats. */
export function writeOneMode(network: ActorNetwork, format: NetworkFormat, labels: NodeLabels): string {
  const { actors, edges } = network;
  if (format === 'graphml') {
    return graphml(
      actors.map((id) => ({
        id,
        data: { label: labels.actorName(id), kind: labels.actorKind?.(id) ?? null, coalition: labels.coalition?.(id) ?? null },
      })),
      edges.map((e) => ({
        source: e.source,
        target: e.target,
        data: { weight: e.weight, propositions: e.concepts.map(labels.conceptName).join('; '), propositionCount: e.conceptCount },
      })),
    );
  }
  if (format === 'csv') {
    return csv([
      ['source', 'target', 'weight', 'propositions'],
      ...edges.map((e) => [labels.actorName(e.source), labels.actorName(e.target), e.weight, e.concepts.map(labels.conceptName).join('; ')]),
    ]);
  }
  const index = new Map(actors.map((a, i) => [a, i]));
  const matrix = actors.map(() => actors.map(() => 0));
  for (const e of edges) {
    matrix[index.get(e.source)!]![index.get(e.target)!] = e.weight;
    matrix[index.get(e.target)!]![index.get(e.source)!] = e.weight;
  }
  if (format === 'matrix') return csv([['', ...actors.map(labels.actorName)], ...actors.map((a, i) => [labels.actorName(a), ...matrix[i]!])]);
  return [
    `DL N=${actors.length}`,
    'FORMAT = FULLMATRIX DIAGONAL PRESENT',
    'LABELS EMBEDDED',
    'DATA:',
    actors.map((a) => dlLabel(labels.actorName(a))).join(' '),
    ...actors.map((a, i) => `${dlLabel(labels.actorName(a))} ${matrix[i]!.join(' ')}`),
    '',
  ].join('\r\n');
}

/**
 * The two-mode actor × proposition network. The edge weight (and matrix cell) is the net stance,
 * statements for minus statements against; the edge list and GraphML also carry each count.
 */
export function writeTwoMode(cells: TwoModeCell[], format: NetworkFormat, labels: NodeLabels): string {
  const actors = [...new Set(cells.map((c) => c.actorId))];
  const concepts = [...new Set(cells.map((c) => c.concept))];
  if (format === 'graphml') {
    return graphml(
      [
        ...actors.map((id) => ({ id: `actor:${id}`, data: { label: labels.actorName(id), mode: 'actor', kind: labels.actorKind?.(id) ?? null } })),
        ...concepts.map((c, i) => ({ id: `proposition:${i}`, data: { label: labels.conceptName(c), mode: 'proposition', kind: null } })),
      ],
      cells.map((c) => ({
        source: `actor:${c.actorId}`,
        target: `proposition:${concepts.indexOf(c.concept)}`,
        data: { weight: c.for - c.against, for: c.for, against: c.against, neutral: c.neutral },
      })),
    );
  }
  if (format === 'csv') {
    return csv([
      ['actor', 'proposition', 'weight', 'for', 'against', 'neutral'],
      ...cells.map((c) => [labels.actorName(c.actorId), labels.conceptName(c.concept), c.for - c.against, c.for, c.against, c.neutral]),
    ]);
  }
  const net = new Map(cells.map((c) => [`${c.actorId}\u0000${c.concept}`, c.for - c.against]));
  const row = (a: string) => concepts.map((c) => net.get(`${a}\u0000${c}`) ?? 0);
  if (format === 'matrix') return csv([['', ...concepts.map(labels.conceptName)], ...actors.map((a) => [labels.actorName(a), ...row(a)])]);
  return [
    `DL NR=${actors.length} NC=${concepts.length}`,
    'FORMAT = FULLMATRIX',
    'ROW LABELS:',
    ...actors.map((a) => dlLabel(labels.actorName(a))),
    'COLUMN LABELS:',
    ...concepts.map((c) => dlLabel(labels.conceptName(c))),
    'DATA:',
    ...actors.map((a) => row(a).join(' ')),
    '',
  ].join('\r\n');
}
