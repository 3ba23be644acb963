import type { Codebook } from '../../../shared/model';

/*
 * The coding a suggestion proposes from the codebook: the actor whose name or alias is the
 * speaker (or names the source: "China's foreign ministry" is China), and the issue whose name
 * or one of whose propositions occurs in the content. The stance is never guessed.
 */

function norm(s: string): string {
  return s.normalize('NFKC').toLocaleLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Normalised codebook names and propositions, kept: the same ones are looked for in every
 * suggestion of every article (an article's first suggestions took ~50 ms of normalising and of
 * compiling one Unicode regular expression per name). Cleared if it grows past a codebook's worth.
 */
const normalised = new Map<string, string>();
function normOf(s: string): string {
  let n = normalised.get(s);
  if (n === undefined) {
    if (normalised.size > 20_000) normalised.clear();
    normalised.set(s, (n = norm(s)));
  }
  return n;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the whole character (code point) ending just before `at` is a letter or digit. */
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const low = text.charCodeAt(at - 1);
  const ch = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? String.fromCodePoint(text.codePointAt(at - 2)!) : text[at - 1]!;
  return WORD_CHAR.test(ch);
}

/** Whether the whole character (code point) starting at `at` is a letter or digit. */
function wordCharAt(text: string, at: number): boolean {
  const cp = text.codePointAt(at);
  return cp !== undefined && WORD_CHAR.test(String.fromCodePoint(cp));
}

/** The last text normalised: one speaker or quote is checked against every name in turn. */
let lastText = '';
let lastNormalised = '';
function normText(text: string): string {
  if (text !== lastText) {
    lastNormalised = norm(text);
    lastText = text;
  }
  return lastNormalised;
}

/** Whether `phrase` occurs in `text` as whole words, ignoring case (both normalised as by `norm`). */
function containsPhrase(text: string, phrase: string): boolean {
  const p = normOf(phrase);
  if (!p) return false;
  const t = normText(text);
  for (let at = t.indexOf(p); at !== -1; at = t.indexOf(p, at + 1)) {
    if (!wordCharBefore(t, at) && !wordCharAt(t, at + p.length)) return true;
  }
  return false;
}

/** The actor a speaker (and the source mention) points to, or null when none answers to it. */
export function actorForSpeaker(codebook: Codebook, speaker: string, sourceText: string | null): string | null {
  const wanted = normText(speaker);
  const names = (a: Codebook['actors'][number]): string[] => [a.name, ...a.aliases];
  const exact = codebook.actors.find((a) => names(a).some((n) => normOf(n) === wanted));
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
