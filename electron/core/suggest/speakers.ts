import { PERSON_TITLES, PERSONAL_PRONOUNS, ROLE_NOUNS, TITLE_WORDS } from './cues';
import type { TokenRange } from './noun-phrases';
import type { Token } from './tokenize';

/**
 * Resolves source mentions to speakers along an article: a named mention ("Foreign Minister
 * Wang Yi") gives the name without titles ("Wang Yi") and becomes the last named speaker; a
 * pronoun or "the minister" refers back to the last named speaker where there is one.
 */
export class SpeakerResolver {
  private lastNamed: string | null = null;
  private named: string[] = [];

  /** The last named speaker, for quotes that inherit one. */
  get last(): string | null {
    return this.lastNamed;
  }

  resolve(tokens: Token[], range: TokenRange, text: string): string {
    const mention = text.slice(tokens[range.start]!.start, tokens[range.end - 1]!.end);
    const head = tokens[range.end - 1]!;
    if (range.end - range.start === 1 && head.pos === 'PRON') {
      return PERSONAL_PRONOUNS.has(head.lower) || head.lower === 'i' || head.lower === 'we' ? (this.lastNamed ?? mention) : mention;
    }
    if (head.pos === 'PROPN') {
      // The trailing run of proper nouns, without the titles in front of the name.
      let first = range.end - 1;
      while (
        first > range.start &&
        (tokens[first - 1]!.pos === 'PROPN' ||
          tokens[first - 1]!.text === '.' ||
          (/^\p{Lu}/u.test(tokens[first - 1]!.text) && tokens[first - 1]!.pos !== 'DET'))
      )
        first--;
      // Titles go ("Foreign Minister Wang Yi" is Wang Yi) unless a lone word would be left
      // that no personal title announced ("the White House" stays whole).
      const runStart = first;
      while (first < range.end - 1 && TITLE_WORDS.has(tokens[first]!.lower)) first++;
      if (first > runStart && first === range.end - 1 && !PERSON_TITLES.has(tokens[first - 1]!.lower)) first = runStart;
      let name = text.slice(tokens[first]!.start, head.end);
      // "Wang" after "Wang Yi": the same person, named in full.
      if (!/\s/.test(name)) name = this.named.find((n) => n.split(/\s+/).includes(name)) ?? name;
      else if (!this.named.includes(name)) this.named.push(name);
      this.lastNamed = name;
      return name;
    }
    const firstWord = tokens[range.start]!.lower;
    if ((firstWord === 'the' || firstWord === 'this') && range.end - range.start <= 3 && ROLE_NOUNS.has(head.lower) && this.lastNamed) {
      return this.lastNamed;
    }
    return mention.replace(/^the\s+/i, ''); // "The defence ministry" speaks as "defence ministry"
  }
}
