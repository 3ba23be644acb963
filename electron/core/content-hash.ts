import { createHash } from 'node:crypto';

/**
 * Normalises text for duplicate detection: Unicode NFKC, typographic quotes and dashes to
 * plain ones, case folded, all whitespace runs to one space. Two copies of a story that differ
 * only in such details are the same content.
 */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** sha256 (hex) of the normalised text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex');
}
