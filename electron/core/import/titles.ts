/** Deriving a title when a source has none, shared by the text-like importers. */

/** Longest title derived from prose, in characters. */
export const MAX_DERIVED_TITLE = 120;

/**
 * The first sentence of a paragraph. A full stop only ends a sentence when a
 * capital or quote follows, so "U.S. officials" and "3.5 per cent" stay whole.
 */
export function firstSentence(paragraph: string): string {
  const m = /^(.{20,}?[.!?])["”’)]?\s+(?=["“‘(]?[A-Z])/.exec(paragraph);
  return (m ? m[0] : paragraph).trim();
}

/**
 * Shortens text to at most `max` characters at a word boundary, adding "…" when cut,
 * and dropping a final full stop (titles do not end with one).
 */
export function shortenTitle(text: string, max = MAX_DERIVED_TITLE): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s.replace(/\.$/, '');
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** A title from the first sentence of a paragraph, at most MAX_DERIVED_TITLE characters. */
export function titleFromProse(paragraph: string): string {
  return shortenTitle(firstSentence(paragraph));
}

/** The file name without folder and extension, for when nothing better exists. */
export function titleFromFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base
    .replace(/\.[^.]+$/, '')
    .replace(/[_]+/g, ' ')
    .trim();
  return stem || base || 'Untitled';
}

/**
 * Whether a line reads as a headline: short, a few words, not ending like a sentence.
 * "US and China agree to expand military contact" is one; a paragraph is not.
 */
export function looksLikeHeadline(line: string): boolean {
  const s = line.trim();
  const words = s.split(/\s+/).length;
  return s.length >= 3 && s.length <= 150 && words <= 20 && !/[.,;:]$/.test(s) && /\p{L}/u.test(s);
}
