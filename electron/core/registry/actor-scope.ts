import type { ActorFilter, Codebook, RollUp } from '../../../shared/model';
import { ancestorsOf } from '../codebook/actor-parents';

/**
 * Which actor a coded actor is drawn as in positions and networks, or null when the filter leaves
 * it out. Null as a whole when nothing is rolled up or filtered (every actor is itself).
 */
export type ActorScope = ((actorId: string) => string | null) | null;

/** Country and affiliation compare as the analyst means them: case and surrounding space ignored. */
const fold = (text: string): string => text.normalize('NFC').trim().toLocaleLowerCase();

/**
 * The actor scope of a request:
 * - `rollUp` 'parent' draws each actor as its parent (an actor without one stays itself);
 *   'top' as the top of its parent chain (Wang Yi → Foreign Ministry → China: China).
 * - `actorFilter` keeps the actors drawn (after the roll-up) whose kind, country and affiliation are
 *   among those listed (each list given and not empty must match; an actor without the attribute
 *   does not). Filtering after the roll-up means "only governments" rolled up keeps the ministers'
 *   statements under their government.
 * Actors a claim names that the codebook no longer has are drawn as themselves, and only when no
 * filter is set (they have no attributes to match).
 */
export function actorScope(codebook: Codebook, filter: ActorFilter | undefined, rollUp: RollUp | undefined): ActorScope {
  const kinds = filter?.kinds?.length ? new Set(filter.kinds) : null;
  const countries = filter?.countries?.length ? new Set(filter.countries.map(fold)) : null;
  const affiliations = filter?.affiliations?.length ? new Set(filter.affiliations.map(fold)) : null;
  const filtering = kinds !== null || countries !== null || affiliations !== null;
  const rolling = rollUp === 'parent' || rollUp === 'top';
  if (!filtering && !rolling) return null;
  const byId = new Map(codebook.actors.map((a) => [a.id, a]));
  const ancestors = rolling ? ancestorsOf(codebook.actors) : new Map<string, string[]>();
  const memo = new Map<string, string | null>();
  return (actorId) => {
    const known = memo.get(actorId);
    if (known !== undefined) return known;
    const chain = ancestors.get(actorId) ?? [];
    const drawn = chain.length === 0 ? actorId : rollUp === 'parent' ? chain[0]! : chain[chain.length - 1]!;
    let kept: string | null = drawn;
    if (filtering) {
      const actor = byId.get(drawn);
      if (
        !actor ||
        (kinds && (!actor.kind || !kinds.has(actor.kind))) ||
        (countries && (!actor.country || !countries.has(fold(actor.country)))) ||
        (affiliations && (!actor.affiliation || !affiliations.has(fold(actor.affiliation))))
      )
        kept = null;
    }
    memo.set(actorId, kept);
    return kept;
  };
}

/** The filter's actor-related part of a request, for functions that take the whole request. */
export function scopeOf(codebook: Codebook, request: { actorFilter?: ActorFilter; rollUp?: RollUp }): ActorScope {
  return actorScope(codebook, request.actorFilter, request.rollUp);
}
