import type { Token } from './tokenize';

/** A token range [start, end) within one sentence. */
export interface TokenRange {
  start: number;
  end: number;
}

const NP_INNER = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);
const HEADS = new Set(['PROPN', 'NOUN']);
const LINKS = new Set(['of', 'for', 'at', 'from']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who']);

function isNpInner(token: Token, next?: Token): boolean {
  if (NP_INNER.has(token.pos) || POSSESSIVE.has(token.lower) || token.text === '-' || token.text === '.') return true;
  // A capitalised word the tagger read as a verb inside a name: "the Associated Press".
  return /^\p{Lu}/u.test(token.text) && next?.pos === 'PROPN';
}

/**
 * The noun phrase that ends right before `before` (adverbs, auxiliaries and "not" between the
 * phrase and the cue are skipped: "Wang Yi also said", "he had told"). Returns null when there
 * is no phrase with a noun or pronoun head there.
 */
export function nounPhraseBefore(tokens: Token[], before: number): TokenRange | null {
  let j = before - 1;
  while (j >= 0 && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'PART') && !POSSESSIVE.has(tokens[j]!.lower)) j--;
  if (j < 0) return null;
  // A party label or state after a name: "Rep. Earl Blumenauer (D-Ore.) said".
  if (tokens[j]!.text === ')') {
    let open = j - 1;
    while (open > 0 && j - open < 8 && tokens[open]!.text !== '(') open--;
    if (tokens[open]?.text === '(' && open > 0) {
      const inner = nounPhraseBefore(tokens, open);
      return inner ? { start: inner.start, end: j + 1 } : null;
    }
  }
  const last = tokens[j]!;
  if (last.pos === 'PRON') return SUBJECT_PRONOUNS.has(last.lower) && last.lower !== 'who' ? { start: j, end: j + 1 } : null;
  if (!HEADS.has(last.pos)) return null;
  const end = j + 1;
  let start = j;
  for (let k = j - 1; k >= 0 && end - k <= 10; k--) {
    const token = tokens[k]!;
    if (isNpInner(token, tokens[k + 1]) || (token.pos === 'PRON' && /^(his|her|their|its|our|my)$/.test(token.lower))) {
      start = k;
      if (token.pos === 'DET' || token.pos === 'PRON') break;
    } else if ((LINKS.has(token.lower) || token.lower === 'and') && k > 0 && HEADS.has(tokens[k - 1]!.pos)) {
      start = k;
    } else break;
  }
  // A phrase must not start with a link word or a stray possessive.
  while (start < end && (LINKS.has(tokens[start]!.lower) || POSSESSIVE.has(tokens[start]!.lower))) start++;
  return start < end ? { start, end } : null;
}

/** The noun phrase starting at `from` ("said Wang Yi", "according to the ministry"), or null. */
export function nounPhraseAfter(tokens: Token[], from: number): TokenRange | null {
  const first = tokens[from];
  if (!first) return null;
  if (first.pos === 'PRON' && SUBJECT_PRONOUNS.has(first.lower)) return { start: from, end: from + 1 };
  let lastHead = -1;
  for (let k = from; k < tokens.length && k - from < 12; k++) {
    const token = tokens[k]!;
    if (isNpInner(token, tokens[k + 1]) || (k === from && token.pos === 'PRON' && /^(his|her|their|its|our)$/.test(token.lower))) {
      if (token.pos === 'DET' && k > from && tokens[k - 1]!.pos !== 'ADP') break;
      if (HEADS.has(token.pos)) lastHead = k;
    } else if (!(LINKS.has(token.lower) && lastHead === k - 1)) break;
  }
  if (lastHead < 0) return null;
  return { start: from, end: lastHead + 1 };
}

/** Whether the range holds a proper noun (a named speaker). */
export function hasProperNoun(tokens: Token[], range: TokenRange): boolean {
  for (let k = range.start; k < range.end; k++) if (tokens[k]!.pos === 'PROPN') return true;
  return false;
}
