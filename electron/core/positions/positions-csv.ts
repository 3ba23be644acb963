import Papa from 'papaparse';
import type { PositionsMap } from '../../../shared/api/contract-positions';
import type { Codebook } from '../../../shared/model';
import { neutraliseFormula } from '../exchange/csv-export';

export const POSITIONS_CSV_COLUMNS = ['issue', 'actor', 'latest stance', 'latest stance value', 'claims', 'first dated stance', 'first date', 'last date', 'stances recorded', 'clash'] as const;

/**
 * The positions map as a spreadsheet, one row per actor and issue: the latest stance (and its
 * value on the scale, for sorting and charts), how many claims, the first dated stance and the
 * dates spanned, every stance recorded with its count, and whether the issue is a clash.
 * Formula injection is neutralised in every name, as in the claims CSV.
 */
export function renderPositionsCsv(map: PositionsMap, codebook: Codebook): string {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const issues = new Map(codebook.issues.map((i) => [i.id, i]));
  const stance = new Map(codebook.stances.map((s) => [s.id, s]));
  const issuePath = (id: string | null): string => {
    const names: string[] = [];
    let current = id ? issues.get(id) : undefined;
    while (current && names.length < 8) {
      names.unshift(current.name);
      current = current.parentId ? issues.get(current.parentId) : undefined;
    }
    return id ? names.join(' › ') || id : 'No issue';
  };
  const clashing = new Set(map.clashes.map((c) => c.issueId ?? ''));
  const issueRank = new Map(map.issueIds.map((id, i) => [id ?? '', i]));
  const actorRank = new Map(map.actorIds.map((id, i) => [id, i]));
  const cells = [...map.cells].sort(
    (a, b) => (issueRank.get(a.issueId ?? '') ?? 0) - (issueRank.get(b.issueId ?? '') ?? 0) || (actorRank.get(a.actorId) ?? 0) - (actorRank.get(b.actorId) ?? 0),
  );
  const rows = cells.map((cell) => {
    const latest = cell.latestStanceId ? stance.get(cell.latestStanceId) : undefined;
    const first = cell.timeline[0];
    const last = cell.timeline[cell.timeline.length - 1];
    // The stance value and the count are numbers this function writes (an opposing stance is
    // negative): they stay numbers a spreadsheet can sort, while every name is neutralised.
    return [
      neutraliseFormula(issuePath(cell.issueId)),
      neutraliseFormula(actorName.get(cell.actorId) ?? cell.actorId),
      neutraliseFormula(latest?.label ?? ''),
      latest ? String(latest.value) : '',
      String(cell.claimCount),
      neutraliseFormula(first ? (stance.get(first[1])?.label ?? '') : ''),
      first?.[0] ?? '',
      last?.[0] ?? '',
      neutraliseFormula(
        Object.entries(cell.stanceCounts)
          .map(([id, n]) => `${stance.get(id)?.label ?? id} ${n}`)
          .join('; '),
      ),
      clashing.has(cell.issueId ?? '') ? 'yes' : '',
    ];
  });
  return `\uFEFF${Papa.unparse({ fields: [...POSITIONS_CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}
