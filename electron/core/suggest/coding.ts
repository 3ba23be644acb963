import type { Codebook } from '../../../shared/model';

/*
 * The coding a suggestion proposes from the codebook: the actor whose name or alias is the
 * speaker (or names the source: "China's foreign ministry" is China), and the issue whose name
 * or one of whose propositions occurs in the content. The stance is never guessed.
 */

function norm(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `phrase` occurs in `text` as whole words, ignoring case. */
function containsPhrase(text: string, phrase: string): boolean {
  const p = norm(phrase);
  if (!p) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(p)}($|[^\\p{L}\\p{N}])`, 'u').test(norm(text));
}

/** The actor a speaker (and the source mention) points to, or null when none answers to it. */
export function actorForSpeaker(codebook: Codebook, speaker: string, sourceText: string | null): string | null {
  const wanted = norm(speaker);
  const names = (a: Codebook['actors'][number]): string[] => [a.name, ...a.aliases];
  const exact = codebook.actors.find((a) => names(a).some((n) => norm(n) === wanted));
  if (exact) return exact.id;
  // "Mr. Wang" or "Wang Yi's office": a multi-word alias or name found inside the speaker.
  const inside = codebook.actors.find((a) => names(a).some((n) => n.length > 2 && containsPhrase(speaker, n)));
  if (inside) return inside.id;
  if (sourceText) {
    const named = codebook.actors.find((a) => names(a).some((n) => n.length > 2 && containsPhrase(sourceText, n)));
    if (named) return named.id;
  }
  return null;
}

/** The issue named in the content: the longest issue name or proposition found there, or null. */
export function issueForContent(codebook: Codebook, content: string): string | null {
  let best: { id: string; length: number } | null = null;
  for (const issue of codebook.issues) {
    for (const term of [issue.name, ...issue.propositions]) {
      if (term.length > (best?.length ?? 0) && containsPhrase(content, term)) best = { id: issue.id, length: term.length };
    }
  }
  return best?.id ?? null;
}
