/**
 * Case and accent folding for the library's filters and sorting, so "Zürich", "ZURICH" and
 * "zurich" match. The search area keeps its own, position-mapping fold for highlights; the
 * library only compares whole strings, so this one can be a plain function.
 */

// Printable ASCII and ordinary whitespace only need lower-casing; anything else is decomposed.
const NON_ASCII = /[^ -~\t\n\r]/;
const COMBINING_MARKS = /\p{M}/gu;

/** Lower case, accents removed, runs of whitespace as one space, trimmed. */
export function foldKey(text: string): string {
  const lower = NON_ASCII.test(text) ? text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase() : text.toLowerCase();
  return lower.replace(/\s+/g, ' ').trim();
}

/**
 * The key two tag or collection names are the same under: case-insensitive, but accents
 * count ("Resume" and "Résumé" can be different collections; "Taiwan" and "taiwan" cannot).
 */
export function labelKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
