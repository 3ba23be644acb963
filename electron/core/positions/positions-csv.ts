import Papa from 'papaparse';
import type { PositionsMap } from '../../../shared/api/contract-positions';
import type { Codebook } from '../../../shared/model';
import { neutraliseFormula } from '../exchange/csv-export';

export const POSITIONS_CSV_COLUMNS = [
  'issue',
  'actor',
  'latest stance',
  'latest stance value',
  'claims',
  'stances recorded',
  'propositions',
  'shifts',
  'first dated stance',
  'first date',
  'last date',
  'clashes on',
] as const;

/**
 * The positions map as a spreadsheet, one row per actor and issue: the latest stance (and its
 * value on the scale, for sorting and charts), how many claims, the claims per stance, the
 * propositions with the actor's position on each, shifts, the first dated stance and the dates
 * spanned, and the propositions on which the actor clashes with another (as the map computes
 * them: position-rules.ts). Formula injection is neutralised in every name, as in the claims CSV.
 */
export function renderPositionsCsv(map: PositionsMap, codebook: Codebook): string {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const issues = new Map(codebook.issues.map((i) => [i.id, i]));
  const stance = new Map(codebook.stances.map((s) => [s.id, s]));
  const label = (id: string | null) => (id ? (stance.get(id)?.label ?? id) : 'no stance');
  const issuePath = (id: string | null): string => {
    const names: string[] = [];
    let current = id ? issues.get(id) : undefined;
    while (current && names.length < 8) {
      names.unshift(current.name);
      current = current.parentId ? issues.get(current.parentId) : undefined;
    }
    return id ? names.join(' › ') || id : 'No issue';
  };
  // Per issue and actor, the propositions on which the actor is on one side of a clash.
  const clashesOf = new Map<string, string[]>();
  for (const clash of map.clashes) {
    for (const side of [...clash.supporters, ...clash.opponents]) {
      const key = `${clash.issueId ?? ''}\u0000${side.actorId}`;
      clashesOf.set(key, [...(clashesOf.get(key) ?? []), clash.proposition]);
    }
  }
  const issueRank = new Map(map.issueIds.map((id, i) => [id ?? '', i]));
  const actorRank = new Map(map.actorIds.map((id, i) => [id, i]));
  const cells = [...map.cells].sort(
    (a, b) =>
      (issueRank.get(a.issueId ?? '') ?? 0) - (issueRank.get(b.issueId ?? '') ?? 0) ||
      (actorRank.get(a.actorId) ?? 0) - (actorRank.get(b.actorId) ?? 0),
  );
  const rows = cells.map((cell) => {
    const latest = cell.latestStanceId ? stance.get(cell.latestStanceId) : undefined;
    const more = cell.propositionCount - cell.propositions.length;
    // The stance value and the count are numbers this function writes (an opposing stance is
    // negative): they stay numbers a spreadsheet can sort, while every name is neutralised.
    return [
      neutraliseFormula(issuePath(cell.issueId)),
      neutraliseFormula(actorName.get(cell.actorId) ?? cell.actorId),
      neutraliseFormula(latest?.label ?? ''),
      latest ? String(latest.value) : '',
      String(cell.claimCount),
      neutraliseFormula(
        Object.entries(cell.stanceCounts)
          .sort(([a], [b]) => (stance.get(b)?.value ?? 0) - (stance.get(a)?.value ?? 0))
          .map(([id, n]) => `${n} ${label(id)}`)
          .join('; '),
      ),
      neutraliseFormula(
        [
          ...cell.propositions.map((p) => `${p.proposition || '(no proposition)'}: ${label(p.latestStanceId)}`),
          ...(more > 0 ? [`and ${more} more`] : []),
        ].join('; '),
      ),
      neutraliseFormula(
        cell.shifts
          .map((s) => `${s.proposition || '(no proposition)'}: ${label(s.fromStanceId)} → ${label(s.toStanceId)} (${s.since} to ${s.until})`)
          .join('; '),
      ),
      neutraliseFormula(cell.firstDated ? label(cell.firstDated.stanceId) : ''),
      cell.firstDated?.date ?? '',
      cell.lastDate ?? '',
      neutraliseFormula((clashesOf.get(`${cell.issueId ?? ''}\u0000${cell.actorId}`) ?? []).join('; ')),
    ];
  });
  return `\uFEFF${Papa.unparse({ fields: [...POSITIONS_CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}
