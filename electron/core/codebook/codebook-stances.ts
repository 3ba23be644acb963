import { UserError } from '../../../shared/api';
import type { CodebookChange } from '../../../shared/api/contract-annotate';
import type { Codebook, Stance } from '../../../shared/model';
import type { CoreContext } from '../context';
import { assertDistinct, assertUnused, changeResult, codebookStep, collectClaimChanges, requireEntry, sameName } from './codebook-step';

/** The highest value the model allows (the contract checks the range of values given). */
const MAX_VALUE = 10;

export interface StanceFields {
  label: string;
  color: string;
  value: number;
}

/** The scale in order, most opposed first; stored that way so every reader sees the same order. */
function ordered(stances: readonly Stance[]): Stance[] {
  return [...stances].sort((a, b) => a.value - b.value);
}

function assertLabelFree(stances: readonly Stance[], exceptId: string | null, label: string): void {
  const holder = stances.find((s) => s.id !== exceptId && sameName(s.label, label));
  if (holder)
    throw new UserError('conflict', `There is already a stance "${holder.label}" on the scale. Pick another label, or merge the two stances.`);
}

/** Values order the scale, so two stances may not share one. */
function assertValueFree(stances: readonly Stance[], exceptId: string | null, value: number): void {
  const holder = stances.find((s) => s.id !== exceptId && s.value === value);
  if (holder) {
    throw new UserError(
      'conflict',
      `The value ${value} is already the place of "${holder.label}" on the scale. Pick a free value, or use moveStance to reorder the scale.`,
    );
  }
}

function withStances(codebook: Codebook, stances: Stance[]): Codebook {
  return { ...codebook, stances: ordered(stances) };
}

/** Adds a stance at `value`, or one step after the most supportive stance, as one undo step. */
export function createStance(ctx: CoreContext, fields: Omit<StanceFields, 'value'> & { value?: number }): Promise<Stance> {
  return codebookStep(ctx, 'Add stance', (codebook) => {
    const label = fields.label.trim();
    assertLabelFree(codebook.stances, null, label);
    const value = fields.value ?? (codebook.stances.length ? Math.max(...codebook.stances.map((s) => s.value)) + 1 : 0);
    if (value > MAX_VALUE) {
      throw new UserError(
        'invalid-request',
        `The scale is full at the supportive end (values go up to ${MAX_VALUE}). Give the new stance a free value, or move stances first.`,
      );
    }
    assertValueFree(codebook.stances, null, value);
    const stance: Stance = { id: ctx.newId('stance'), label, color: fields.color, value };
    return { codebook: withStances(codebook, [...codebook.stances, stance]), result: stance };
  });
}

/** Changes a stance's label, colour or value (which must stay unique), as one undo step. */
export function updateStance(ctx: CoreContext, id: string, patch: Partial<StanceFields>): Promise<Stance> {
  return codebookStep(ctx, 'Edit stance', (codebook) => {
    const stance = requireEntry(codebook.stances, id, 'stance');
    if (patch.label !== undefined) assertLabelFree(codebook.stances, id, patch.label);
    if (patch.value !== undefined) assertValueFree(codebook.stances, id, patch.value);
    const updated: Stance = { ...stance, ...patch, label: patch.label?.trim() ?? stance.label };
    return {
      codebook: withStances(
        codebook,
        codebook.stances.map((s) => (s.id === id ? updated : s)),
      ),
      result: updated,
    };
  });
}

/**
 * Moves a stance to place `toIndex` on the scale (0 = most opposed), as one undo step. The
 * scale keeps the same set of values, handed out again in the new order, so values stay unique
 * and the neutral point (0) stays where it was on the scale.
 */
export function moveStance(ctx: CoreContext, id: string, toIndex: number): Promise<CodebookChange> {
  return codebookStep(ctx, 'Reorder stances', (codebook) => {
    const scale = ordered(codebook.stances);
    const from = scale.findIndex((s) => s.id === id);
    if (from < 0) requireEntry(codebook.stances, id, 'stance');
    if (toIndex >= scale.length) {
      throw new UserError(
        'invalid-request',
        `The scale has ${scale.length} stances, so the place must be from 0 to ${scale.length - 1}; it was ${toIndex}.`,
      );
    }
    const values = scale.map((s) => s.value);
    const [moving] = scale.splice(from, 1);
    scale.splice(toIndex, 0, moving!);
    const next = withStances(
      codebook,
      scale.map((s, i) => ({ ...s, value: values[i]! })),
    );
    return { codebook: next, result: changeResult(next, []) };
  });
}

/** Merges stance `fromId` into `intoId`, as one undo step: claims taking the first take the second. */
export function mergeStances(ctx: CoreContext, fromId: string, intoId: string): Promise<CodebookChange> {
  return codebookStep(ctx, 'Merge stances', async (codebook) => {
    assertDistinct(fromId, intoId, 'stance');
    requireEntry(codebook.stances, fromId, 'stance');
    requireEntry(codebook.stances, intoId, 'stance');
    const next = withStances(
      codebook,
      codebook.stances.filter((s) => s.id !== fromId),
    );
    const claims = await collectClaimChanges(ctx, (claim) => (claim.stanceId === fromId ? { ...claim, stanceId: intoId } : claim));
    return { codebook: next, claims, result: changeResult(next, claims) };
  });
}

/**
 * Removes a stance, as one undo step. While claims take it, `reassignTo` must name their new
 * stance, or be null to leave them without one.
 */
export function deleteStance(ctx: CoreContext, id: string, reassignTo?: string | null): Promise<CodebookChange> {
  return codebookStep(ctx, 'Delete stance', async (codebook) => {
    const stance = requireEntry(codebook.stances, id, 'stance');
    if (reassignTo) {
      assertDistinct(id, reassignTo, 'stance');
      requireEntry(codebook.stances, reassignTo, 'stance');
    }
    const claims = await collectClaimChanges(ctx, (claim) => (claim.stanceId === id ? { ...claim, stanceId: reassignTo ?? null } : claim));
    if (reassignTo === undefined) assertUnused(claims.length, 'stance', stance.label);
    const next = withStances(
      codebook,
      codebook.stances.filter((s) => s.id !== id),
    );
    return { codebook: next, claims, result: changeResult(next, claims) };
  });
}
