import { UserError } from '../../../shared/api/errors';
import { tokenize } from './fold-text';
import { STOP_WORDS } from './stop-words';

/** Most words (and phrase words) one query may hold; more is a paste, not a search. */
export const MAX_QUERY_WORDS = 32;
/** Letters needed before `*`: shorter prefixes match most of the vocabulary. */
export const MIN_EXPLICIT_PREFIX = 2;
/** Letters the last word needs before it is also matched as a prefix while typing. */
export const MIN_TYPING_PREFIX = 3;

/** One word of a query, folded, and whether it matches as a prefix. */
export interface QueryTerm {
  word: string;
  prefix: boolean;
}

/** A quoted phrase: its folded words in order, all to appear consecutively. */
export interface QueryPhrase {
  words: string[];
  /** True for a quote still open at the end of the query: its last word is being typed. */
  lastIsPrefix: boolean;
}

/** A parsed query: every term and every phrase must match (AND). */
export interface ParsedQuery {
  terms: QueryTerm[];
  phrases: QueryPhrase[];
}

function invalid(message: string): UserError {
  return new UserError('invalid-request', message);
}

/**
 * Parses the analyst's query: words, `"quoted phrases"` and `prefix*`. A quote left open (the
 * analyst is still typing) runs to the end. The last bare word is also a prefix while being
 * typed, i.e. unless the query ends with a space. Throws a UserError for empty or unusable
 * queries, with what to do instead.
 */
export function parseQuery(raw: string): ParsedQuery {
  const query = raw.normalize('NFC');
  if (!query.trim()) throw invalid('Type something to search for.');
  const terms: QueryTerm[] = [];
  const phrases: QueryPhrase[] = [];
  // Quoted parts, or runs without spaces and quotes (which may end in "*").
  const parts = query.match(/"[^"]*("|$)|[^\s"]+/g) ?? [];
  const endsTyping = !/[\s"]$/.test(query);
  parts.forEach((part, index) => {
    if (part.startsWith('"')) {
      const open = part.length === 1 || !part.endsWith('"');
      const words = tokenize(part.replace(/"/g, ''));
      const lastIsPrefix = open && endsTyping && index === parts.length - 1;
      if (words.length === 1) terms.push({ word: words[0] ?? '', prefix: lastIsPrefix && (words[0]?.length ?? 0) >= MIN_TYPING_PREFIX });
      else if (words.length > 1) phrases.push({ words, lastIsPrefix });
      return;
    }
    const explicitPrefix = part.endsWith('*');
    const words = tokenize(part);
    if (explicitPrefix) {
      const last = words[words.length - 1];
      if (!last || last.length < MIN_EXPLICIT_PREFIX || /[\p{L}\p{N}]\*+[\p{L}\p{N}]/u.test(part)) {
        throw invalid(`"${part}" cannot be searched: put * at the end of a word of at least ${MIN_EXPLICIT_PREFIX} letters, e.g. taiw*.`);
      }
    }
    const isLastPart = index === parts.length - 1;
    words.forEach((word, i) => {
      const lastWord = i === words.length - 1;
      const typing = isLastPart && lastWord && endsTyping && word.length >= MIN_TYPING_PREFIX;
      terms.push({ word, prefix: (lastWord && explicitPrefix) || typing });
    });
  });
  const wordCount = terms.length + phrases.reduce((n, p) => n + p.words.length, 0);
  if (wordCount === 0) throw invalid('Type a word to search for: the search has only punctuation or symbols in it.');
  if (wordCount > MAX_QUERY_WORDS) throw invalid(`A search can have at most ${MAX_QUERY_WORDS} words; this one has ${wordCount}. Shorten it.`);
  const indexable = terms.some((t) => t.prefix || !STOP_WORDS.has(t.word)) || phrases.some((p) => p.words.some((w) => !STOP_WORDS.has(w)));
  if (!indexable) {
    throw invalid('The search has only very common words (such as "the" or "of"); add a more specific word.');
  }
  return { terms, phrases };
}
