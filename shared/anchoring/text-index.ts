/**
 * A word-pair index of one normalised text, built once per revision and shared by every claim
 * re-anchored against it: which places a quote (or its context) could now be at, found by looking
 * up the quote's word pairs instead of scanning the text once per claim.
 *
 * Words are runs of letters and digits, compared without case (a copy-editor's capital letter
 * does not hide a sentence).
 */
export interface Token {
  /** The word, lower-cased. */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text)) !== null) {
    tokens.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

export interface TextIndex {
  /** Start offsets (of the first word) of every occurrence of the word pair `a b`. */
  pairs(a: string, b: string): readonly number[];
  /** Start offsets of every occurrence of one word. */
  word(word: string): readonly number[];
}

const NONE: readonly number[] = [];

export function buildTextIndex(text: string): TextIndex {
  const tokens = tokenize(text);
  const pairMap = new Map<string, number[]>();
  const wordMap = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const single = wordMap.get(token.word);
    if (single) single.push(token.start);
    else wordMap.set(token.word, [token.start]);
    const next = tokens[i + 1];
    if (!next) continue;
    const key = `${token.word} ${next.word}`;
    const list = pairMap.get(key);
    if (list) list.push(token.start);
    else pairMap.set(key, [token.start]);
  }
  return {
    pairs: (a, b) => pairMap.get(`${a} ${b}`) ?? NONE,
    word: (word) => wordMap.get(word) ?? NONE,
  };
}
