import type { Paragraph } from './tokenize';

const CAPTION = /^(photo|image|file photo|pictured|caption)\b|\b(getty images|ap photo|reuters\/|afp photo|afp\/getty|\/ap\b|\/getty)\b/i;
const SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'as',
  'from',
  'is',
  'vs',
  'vs.',
]);

/**
 * Headlines, subheads, bylines and photo captions: they give no suggestions. A paragraph is one
 * when it is a caption by its wording, has no closing punctuation, or is set in title case.
 */
export function looksLikeHeadlineOrCaption(text: string, paragraph: Paragraph): boolean {
  const body = text.slice(paragraph.start, paragraph.end);
  if (CAPTION.test(body)) return true;
  if (!/[.!?:"”’)]$/.test(body)) return true;
  const words = body.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length >= 3) {
    const capitalised = words.filter((w) => /^[A-Z]/.test(w)).length;
    if (capitalised / words.length >= 0.75 && paragraph.sentences.length <= 2) return true;
  }
  return false;
}
