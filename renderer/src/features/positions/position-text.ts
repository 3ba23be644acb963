import type { PositionCell, Shift } from '../../../../shared/api/contract-positions';
import { plural } from '../../components/plural';
import type { CodebookLookup } from '../claims/codebook-lookup';

/** The claims per stance, most supportive first: "1 strongly supports · 1 neutral". */
export function stanceCounts(
  cell: Pick<PositionCell, 'stanceCounts' | 'claimCount'>,
  lookup: CodebookLookup,
): { id: string; label: string; color: string; count: number }[] {
  return Object.entries(cell.stanceCounts)
    .map(([id, count]) => ({ id, count, stance: lookup.stance(id) }))
    .sort((a, b) => (b.stance?.value ?? 0) - (a.stance?.value ?? 0))
    .map(({ id, count, stance }) => ({ id, count, label: stance?.label ?? 'unknown stance', color: stance?.color ?? '#8a8a8a' }));
}

export function stanceCountsText(cell: PositionCell, lookup: CodebookLookup): string {
  const parts = stanceCounts(cell, lookup).map((s) => `${s.count} ${s.label}`);
  const without = cell.claimCount - Object.values(cell.stanceCounts).reduce((n, c) => n + c, 0);
  if (without > 0) parts.push(`${without} without a stance`);
  return parts.join(' · ');
}

export function shiftText(shift: Shift, lookup: CodebookLookup): string {
  return `${lookup.stance(shift.fromStanceId)?.label ?? 'unknown'} → ${lookup.stance(shift.toStanceId)?.label ?? 'unknown'}`;
}

/** What a cell says, for its accessible name: who, on what, the stances counted, the propositions, shifts. */
export function describeCell(cell: PositionCell, actor: string, issue: string, lookup: CodebookLookup): string {
  const propositions = cell.propositions
    .map((p) => `${p.proposition || 'no proposition'} (${lookup.stance(p.latestStanceId)?.label ?? 'no stance'})`)
    .join('; ');
  const more = cell.propositionCount - cell.propositions.length;
  const shifts = cell.shifts.map((s) => `shifted ${shiftText(s, lookup)} on ${s.proposition || 'no proposition'}`).join('; ');
  return [
    `${actor} on ${issue}: ${stanceCountsText(cell, lookup)}`,
    `${plural(cell.propositionCount, 'proposition')}: ${propositions}${more > 0 ? ` and ${more} more` : ''}`,
    ...(shifts ? [shifts] : []),
  ].join('. ');
}
