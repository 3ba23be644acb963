import { UserError } from '../../../shared/api';
import type { CodebookChange } from '../../../shared/api/contract-annotate';
import { ACTOR_ATTRIBUTE_KEYS, type Actor, type ActorAttributes, type Claim } from '../../../shared/model';
import { assertParentAllowed, childrenAfterDelete, childrenAfterMerge } from './actor-parents';
import type { CoreContext } from '../context';
import { assertDistinct, assertUnused, changeResult, codebookStep, collectClaimChanges, requireEntry, sameName, uniqueNames } from './codebook-step';

export interface ActorFields extends ActorAttributes {
  name: string;
  aliases: string[];
  color: string | null;
}

/** The attributes a create or update sets: given ones only, blank text stored as null. */
function attributesOf(fields: Partial<ActorFields>): ActorAttributes {
  const out: ActorAttributes = {};
  for (const key of ACTOR_ATTRIBUTE_KEYS) {
    if (!(key in fields) || fields[key] === undefined) continue;
    const value = fields[key];
    (out as Record<string, unknown>)[key] =
      typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' && key !== 'notes' ? value.trim() : value;
  }
  return out;
}

/**
 * Refuses a name or alias another actor already answers to: "Beijing" cannot name a new actor
 * while it is one of China's aliases, or claims coded by name would be ambiguous.
 */
function assertNamesFree(actors: readonly Actor[], exceptId: string | null, names: readonly string[]): void {
  for (const name of names) {
    const holder = actors.find((a) => a.id !== exceptId && (sameName(a.name, name) || a.aliases.some((al) => sameName(al, name))));
    if (holder) {
      const how = sameName(holder.name, name) ? 'is the name of' : 'is an alias of';
      throw new UserError(
        'conflict',
        `"${name}" ${how} the actor "${holder.name}". Pick another name, or merge the two actors if they are the same.`,
      );
    }
  }
}

/** Replaces one actor id on a claim by another (or removes it), keeping the list free of repeats. */
function swapActor(claim: Claim, fromId: string, intoId: string | null): Claim {
  if (!claim.actorIds.includes(fromId)) return claim;
  const actorIds = [...new Set(claim.actorIds.flatMap((a) => (a === fromId ? (intoId ? [intoId] : []) : [a])))];
  return { ...claim, actorIds };
}

/** Adds an actor, as one undo step. */
export function createActor(ctx: CoreContext, fields: Partial<ActorFields> & { name: string }): Promise<Actor> {
  return codebookStep(ctx, 'Add actor', (codebook) => {
    const name = fields.name.trim();
    const actor: Actor = {
      id: ctx.newId('actor'),
      name,
      aliases: uniqueNames(fields.aliases ?? [], name),
      color: fields.color ?? null,
      ...attributesOf(fields),
    };
    assertNamesFree(codebook.actors, null, [actor.name, ...actor.aliases]);
    if (actor.parentId) assertParentAllowed(codebook.actors, actor.id, actor.parentId);
    codebook.actors.push(actor);
    return { codebook, result: actor };
  });
}

/** Renames or recolours an actor, replaces its aliases, or sets its attributes (null clears one), as one undo step. Claims refer by id, so none change. */
export function updateActor(ctx: CoreContext, id: string, patch: Partial<ActorFields>): Promise<Actor> {
  return codebookStep(ctx, 'Edit actor', (codebook) => {
    const actor = requireEntry(codebook.actors, id, 'actor');
    const name = patch.name?.trim() ?? actor.name;
    const aliases = uniqueNames(patch.aliases ?? actor.aliases, name);
    // Only what this edit sets is checked, so an old overlap elsewhere does not block unrelated edits.
    assertNamesFree(codebook.actors, id, [...(patch.name !== undefined ? [name] : []), ...(patch.aliases ?? [])]);
    const attributes = attributesOf(patch);
    if (attributes.parentId) assertParentAllowed(codebook.actors, id, attributes.parentId);
    Object.assign(actor, { name, aliases, color: patch.color !== undefined ? patch.color : actor.color }, attributes);
    return { codebook, result: actor };
  });
}

/**
 * Merges actor `fromId` into `intoId`, as one undo step: every claim naming the first names the
 * second (once), and the first's name and aliases become aliases of the second.
 */
export function mergeActors(ctx: CoreContext, fromId: string, intoId: string): Promise<CodebookChange> {
  return codebookStep(ctx, 'Merge actors', async (codebook) => {
    assertDistinct(fromId, intoId, 'actor');
    const from = requireEntry(codebook.actors, fromId, 'actor');
    const into = requireEntry(codebook.actors, intoId, 'actor');
    into.aliases = uniqueNames([...into.aliases, from.name, ...from.aliases], into.name);
    // What the survivor does not know, it learns from the merged actor; its own attributes stay.
    for (const key of ACTOR_ATTRIBUTE_KEYS) {
      if (key !== 'parentId' && (into[key] === undefined || into[key] === null) && from[key] !== undefined && from[key] !== null)
        (into as Record<string, unknown>)[key] = from[key];
    }
    codebook.actors = childrenAfterMerge(
      codebook.actors.filter((a) => a.id !== fromId),
      from,
      intoId,
    );
    const claims = await collectClaimChanges(ctx, (claim) => swapActor(claim, fromId, intoId));
    return { codebook, claims, result: changeResult(codebook, claims) };
  });
}

/**
 * Removes an actor, as one undo step. While claims use it, `reassignTo` must say where they go:
 * another actor's id, or null to take the actor off them.
 */
export function deleteActor(ctx: CoreContext, id: string, reassignTo?: string | null): Promise<CodebookChange> {
  return codebookStep(ctx, 'Delete actor', async (codebook) => {
    const actor = requireEntry(codebook.actors, id, 'actor');
    if (reassignTo) {
      assertDistinct(id, reassignTo, 'actor');
      requireEntry(codebook.actors, reassignTo, 'actor');
    }
    const claims = await collectClaimChanges(ctx, (claim) => swapActor(claim, id, reassignTo ?? null));
    if (reassignTo === undefined) assertUnused(claims.length, 'actor', actor.name);
    codebook.actors = childrenAfterDelete(
      codebook.actors.filter((a) => a.id !== id),
      id,
    );
    return { codebook, claims, result: changeResult(codebook, claims) };
  });
}
