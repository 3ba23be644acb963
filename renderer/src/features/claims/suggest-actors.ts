import type { Actor } from '../../../../shared/model';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Actors named (by name or alias, whole words) in the quote or just before it, where the
 * speaker is usually introduced ("China's Wang Yi emphasized that …"). Offered, never applied.
 */
export function suggestActors(actors: Actor[], text: string, start: number, end: number): Actor[] {
  const context = text.slice(Math.max(0, start - 160), end);
  return actors.filter((actor) =>
    [actor.name, ...actor.aliases].some((name) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(name)}($|[^\\p{L}])`, 'u').test(context)),
  );
}
