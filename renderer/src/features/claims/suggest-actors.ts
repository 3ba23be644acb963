import type { Actor } from '../../../../shared/model';
import { sentenceAround } from './attribution';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Actors named (by name or alias, whole words) in the sentence the selection [start, end) sits
 * in, quote included: "China's Wang Yi emphasized that …" offers China. The sentence, not a
 * stretch of characters, so a name from the sentence before is not offered. Offered, never applied.
 */
export function suggestActors(actors: Actor[], text: string, start: number, end: number): Actor[] {
  const { from, to } = sentenceAround(text, start, end);
  const context = text.slice(Math.min(from, start), Math.max(to, end));
  return actors.filter((actor) =>
    [actor.name, ...actor.aliases].some((name) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(name)}($|[^\\p{L}])`, 'u').test(context)),
  );
}
