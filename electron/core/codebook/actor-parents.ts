import { UserError } from '../../../shared/api';
import type { Actor } from '../../../shared/model';

/**
 * Refuses a parent that is missing, the actor itself, or one of its own descendants (which would
 * close a cycle: China → Foreign Ministry → China). The message names the chain, so the analyst
 * sees which link to change.
 */
export function assertParentAllowed(actors: readonly Actor[], actorId: string, parentId: string): void {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const parent = byId.get(parentId);
  if (!parent)
    throw new UserError('not-found', `There is no actor "${parentId}" to be the parent. Pick an actor of the codebook, or leave the parent empty.`);
  if (parentId === actorId)
    throw new UserError('invalid-request', `An actor cannot be its own parent ("${parent.name}"). Pick another parent, or leave it empty.`);
  const chain: string[] = [parent.name];
  const seen = new Set<string>([parentId]);
  for (let at = parent.parentId; at; at = byId.get(at)?.parentId) {
    if (seen.has(at)) break; // an old cycle in a hand-edited file: not this edit's doing
    seen.add(at);
    const name = byId.get(at)?.name ?? at;
    chain.push(name);
    if (at === actorId) {
      throw new UserError(
        'invalid-request',
        `"${parent.name}" belongs to this actor (${chain.join(' → ')}), so it cannot be its parent: that would make a cycle. Change the other link first, or pick another parent.`,
      );
    }
  }
}

/** After an actor is deleted: its children lose their parent (they are not deleted, and their claims stay theirs). */
export function childrenAfterDelete(actors: Actor[], deletedId: string): Actor[] {
  return actors.map((a) => (a.parentId === deletedId ? { ...a, parentId: null } : a));
}

/**
 * After `from` is merged into `intoId`: its children move to the survivor. Were the survivor
 * itself below `from`, the child of `from` on its line takes `from`'s parent instead (no cycle).
 */
export function childrenAfterMerge(actors: Actor[], from: Actor, intoId: string): Actor[] {
  // The survivor and its ancestors up to `from` cannot become the survivor's children.
  const survivorLine = new Set([intoId, ...(ancestorsOf(actors).get(intoId) ?? [])]);
  const grandparent = from.parentId && from.parentId !== intoId ? from.parentId : null;
  return actors.map((a) => {
    if (a.parentId !== from.id) return a;
    return { ...a, parentId: survivorLine.has(a.id) ? grandparent : intoId };
  });
}

/**
 * The ancestors of each actor, nearest first, ignoring links to missing actors and stopping at
 * any cycle a hand-edited file may hold (so a loop never hangs a view).
 */
export function ancestorsOf(actors: readonly Pick<Actor, 'id' | 'parentId'>[]): Map<string, string[]> {
  const parentOf = new Map(actors.map((a) => [a.id, a.parentId ?? null]));
  const out = new Map<string, string[]>();
  for (const actor of actors) {
    const chain: string[] = [];
    const seen = new Set([actor.id]);
    for (let at = parentOf.get(actor.id); at && parentOf.has(at) && !seen.has(at); at = parentOf.get(at)) {
      chain.push(at);
      seen.add(at);
    }
    out.set(actor.id, chain);
  }
  return out;
}
