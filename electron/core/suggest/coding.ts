import type { Codebook } from '../../../shared/model';

/*
 * The coding a suggestion proposes from the codebook: the actor whose name or alias is the
 * speaker (or names the source: "China's foreign ministry" is China), and the issue whose name
 * or one of whose propositions occurs in the content. The stance is never guessed.
 */

function norm(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The character (code point) that ends just before `index`, or '' at the start. */
function before(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index);
}

/** The character (code point) that starts at `index`, or '' at the end. */
function at(text: string, index: number): string {
  const point = text.codePointAt(index);
  return point === undefined ? '' : String.fromCodePoint(point);
}

/**
 * Whether the normalised `phrase` occurs in the normalised `text` as whole words: no letter or
 * digit right before or after it (what `(^|[^\p{L}\p{N}])phrase($|[^\p{L}\p{N}])` matches, without
 * a regular expression built per phrase).
 */
function containsWords(text: string, phrase: string): boolean {
  if (!phrase) return false;
  for (let from = text.indexOf(phrase); from >= 0; from = text.indexOf(phrase, from + 1)) {
    if (!WORD_CHARACTER.test(before(text, from)) && !WORD_CHARACTER.test(at(text, from + phrase.length))) return true;
  }
  return false;
}

/** What the suggester codes with: the codebook's names, normalised once. */
export interface SuggestionCoder {
  /** The actor a speaker (and the source mention) points to, or null when none answers to it. */
  actorForSpeaker(speaker: string, sourceText: string | null): string | null;
  /** The issue named in the content: the longest issue name or proposition found there, or null. */
  issueForContent(content: string): string | null;
}

/**
 * The suggester's coding for one codebook. Every name, alias, issue name and proposition is
 * normalised once here, not once per suggestion: with a registry of 500 actors an article's
 * suggestions built ~1,000 regular expressions each, ~300 ms of the server's time for one
 * article (decision 0025).
 */
export function suggestionCoder(codebook: Codebook): SuggestionCoder {
  const actors = codebook.actors.map((a) => {
    const names = [a.name, ...a.aliases];
    return {
      id: a.id,
      names: names.map(norm),
      // Only names of more than two characters are looked for inside a speaker or a source.
      phrases: names.filter((n) => n.length > 2).map(norm),
    };
  });
  const issues = codebook.issues.map((issue) => ({
    id: issue.id,
    terms: [issue.name, ...issue.propositions].map((term) => ({ length: term.length, phrase: norm(term) })),
  }));
  const named = (text: string) => actors.find((a) => a.phrases.some((p) => containsWords(text, p)))?.id ?? null;
  return {
    actorForSpeaker(speaker, sourceText) {
      const wanted = norm(speaker);
      const exact = actors.find((a) => a.names.includes(wanted));
      if (exact) return exact.id;
      // "Mr. Wang" or "Wang Yi's office": a multi-word alias or name found inside the speaker.
      return named(wanted) ?? (sourceText ? named(norm(sourceText)) : null);
    },
    issueForContent(content) {
      const text = norm(content);
      let best: { id: string; length: number } | null = null;
      for (const issue of issues) {
        for (const term of issue.terms) {
          if (term.length > (best?.length ?? 0) && containsWords(text, term.phrase)) best = { id: issue.id, length: term.length };
        }
      }
      return best?.id ?? null;
    },
  };
}
