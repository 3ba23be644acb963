import { MIN_TYPING_PREFIX, type ParsedQuery, type QueryTerm } from './query-parser';
import { STOP_WORDS } from './stop-words';

/** What a parsed query becomes: the FTS5 MATCH expression and the words to highlight. */
export interface FtsQuery {
  /** null when nothing is left to match (only stop words): no document matches. */
  match: string | null;
  /** Words to highlight, as the tokenizer folds them; prefixes highlight every word they start. */
  highlight: QueryTerm[];
  /** The phrases, for highlighting where their words stand together. */
  phrases: ParsedQuery['phrases'];
}

/** A token quoted for FTS5 (tokens are letters and digits only; quotes are doubled all the same). */
const quoted = (words: string[]): string => `"${words.join(' ').replace(/"/g, '""')}"`;

/**
 * Turns the parsed query into an FTS5 expression: every word and phrase must match (AND), as the
 * query language says. A bare stop word is left out (it ranks nothing and is in most documents);
 * inside a phrase it counts, and FTS5 checks it at its position. A prefix is `"word"*`; an open
 * phrase's last word is a prefix when it has enough letters, and is dropped while shorter.
 */
export function toFtsQuery(parsed: ParsedQuery): FtsQuery {
  const parts: string[] = [];
  const highlight: QueryTerm[] = [];
  for (const term of parsed.terms) {
    if (!term.prefix && STOP_WORDS.has(term.word)) continue;
    parts.push(`${quoted([term.word])}${term.prefix ? '*' : ''}`);
    highlight.push(term);
  }
  const phrases: ParsedQuery['phrases'] = [];
  for (const phrase of parsed.phrases) {
    let words = phrase.words;
    let prefix = phrase.lastIsPrefix;
    if (prefix && (words[words.length - 1]?.length ?? 0) < MIN_TYPING_PREFIX) {
      words = words.slice(0, -1);
      prefix = false;
    }
    if (words.length === 0) continue;
    if (words.length === 1 && !prefix && STOP_WORDS.has(words[0]!)) continue;
    parts.push(`${quoted(words)}${prefix ? '*' : ''}`);
    phrases.push({ words, lastIsPrefix: prefix });
  }
  return { match: parts.length ? parts.join(' AND ') : null, highlight, phrases };
}
