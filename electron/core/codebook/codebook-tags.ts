import { UserError } from '../../../shared/api';
import type { CodebookChange } from '../../../shared/api/contract-annotate';
import type { Claim, Tag } from '../../../shared/model';
import type { CoreContext } from '../context';
import { assertDistinct, assertUnused, changeResult, codebookStep, collectClaimChanges, requireEntry, sameName } from './codebook-step';

export interface TagFields {
  name: string;
  color: string | null;
}

function assertNameFree(tags: readonly Tag[], exceptId: string | null, name: string): void {
  const holder = tags.find((t) => t.id !== exceptId && sameName(t.name, name));
  if (holder) throw new UserError('conflict', `There is already a tag "${holder.name}". Pick another name, or merge the two tags.`);
}

/**
 * Claims carry tag names, not ids (so a tag typed on a claim needs no codebook entry): replaces
 * the name `from` (in any case) on a claim by `into`, or removes it, keeping the list free of repeats.
 */
function swapTag(claim: Claim, from: string, into: string | null): Claim {
  if (!claim.tags.some((t) => sameName(t, from))) return claim;
  const tags: string[] = [];
  for (const tag of claim.tags) {
    const next = sameName(tag, from) ? into : tag;
    if (next !== null && !tags.some((t) => sameName(t, next))) tags.push(next);
  }
  return { ...claim, tags };
}

/** Adds a tag, as one undo step. */
export function createTag(ctx: CoreContext, fields: { name: string; color?: string | null }): Promise<Tag> {
  return codebookStep(ctx, 'Add tag', (codebook) => {
    const name = fields.name.trim();
    assertNameFree(codebook.tags, null, name);
    const tag: Tag = { id: ctx.newId('tag'), name, color: fields.color ?? null };
    codebook.tags.push(tag);
    return { codebook, result: tag };
  });
}

/** Renames (every claim carrying the tag follows) or recolours a tag, as one undo step. */
export function updateTag(ctx: CoreContext, id: string, patch: Partial<TagFields>): Promise<Tag> {
  return codebookStep(ctx, 'Edit tag', async (codebook) => {
    const tag = requireEntry(codebook.tags, id, 'tag');
    const oldName = tag.name;
    if (patch.name !== undefined) {
      assertNameFree(codebook.tags, id, patch.name);
      tag.name = patch.name.trim();
    }
    if (patch.color !== undefined) tag.color = patch.color;
    const claims = tag.name === oldName ? [] : await collectClaimChanges(ctx, (claim) => swapTag(claim, oldName, tag.name));
    return { codebook, claims, result: tag };
  });
}

/** Merges tag `fromId` into `intoId`, as one undo step: claims carrying the first carry the second. */
export function mergeTags(ctx: CoreContext, fromId: string, intoId: string): Promise<CodebookChange> {
  return codebookStep(ctx, 'Merge tags', async (codebook) => {
    assertDistinct(fromId, intoId, 'tag');
    const from = requireEntry(codebook.tags, fromId, 'tag');
    const into = requireEntry(codebook.tags, intoId, 'tag');
    codebook.tags = codebook.tags.filter((t) => t.id !== fromId);
    const claims = await collectClaimChanges(ctx, (claim) => swapTag(claim, from.name, into.name));
    return { codebook, claims, result: changeResult(codebook, claims) };
  });
}

/**
 * Removes a tag, as one undo step. While claims carry it, `reassignTo` must name the tag they
 * carry instead, or be null to take it off them.
 */
export function deleteTag(ctx: CoreContext, id: string, reassignTo?: string | null): Promise<CodebookChange> {
  return codebookStep(ctx, 'Delete tag', async (codebook) => {
    const tag = requireEntry(codebook.tags, id, 'tag');
    let into: string | null = null;
    if (reassignTo) {
      assertDistinct(id, reassignTo, 'tag');
      into = requireEntry(codebook.tags, reassignTo, 'tag').name;
    }
    const claims = await collectClaimChanges(ctx, (claim) => swapTag(claim, tag.name, into));
    if (reassignTo === undefined) assertUnused(claims.length, 'tag', tag.name);
    codebook.tags = codebook.tags.filter((t) => t.id !== id);
    return { codebook, claims, result: changeResult(codebook, claims) };
  });
}
