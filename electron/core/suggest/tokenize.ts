import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type { ItemSentence, ItemToken, WinkMethods } from 'wink-nlp';
import type model from 'wink-eng-lite-web-model';

/** wink and its model (CommonJS) are required on first use: ~100 ms that `stancebook list` and the server's start need not pay. */
const requireOnUse = createRequire(import.meta.url);

/** One token with its UTF-16 range in the article text (end exclusive). */
export interface Token {
  text: string;
  lower: string;
  /** Universal POS tag from wink's English lite model (PROPN, NOUN, VERB, PUNCT ...). */
  pos: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  sentences: Sentence[];
}

let nlp: WinkMethods | undefined;

/** Abbreviations that stand before a name and never end a sentence. */
const TITLE_ABBREVIATIONS = new Set([
  'sen.',
  'rep.',
  'gov.',
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'gen.',
  'lt.',
  'col.',
  'sgt.',
  'adm.',
  'prof.',
  'rev.',
  'st.',
  'capt.',
  'maj.',
  'cpl.',
  'supt.',
  'amb.',
]);

/** wink's pipeline, loaded once (about 50 ms); the model ships inside the npm package. */
function pipeline(): WinkMethods {
  nlp ??= (requireOnUse('wink-nlp') as typeof winkNLP)(requireOnUse('wink-eng-lite-web-model') as typeof model, ['sbd', 'pos']);
  return nlp;
}

/** The non-blank lines of the text with their ranges: news text puts a paragraph on a line. */
function paragraphRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const line = /[^\r\n]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) ranges.push([start, end]);
  }
  return ranges;
}

/**
 * The text with typewriter double quotes written as two apostrophes ('' as in some newspapers'
 * archives) turned into one double quote and a space, on the side away from the word, so the
 * tagger reads them as quotation marks. The length is kept, so every offset stays the same.
 */
export function readableQuotes(text: string): string {
  return text.replace(/''/g, (_m, at: number) => (at === 0 || /[\s([—-]/.test(text[at - 1]!) ? ' "' : '" '));
}

/**
 * Splits the text into paragraphs, sentences and tagged tokens whose offsets point into the
 * text exactly as given: wink's tokens are found again in the text in order, so nothing is
 * trimmed or normalised before an offset is taken.
 */
export function tokenize(original: string): Paragraph[] {
  const text = readableQuotes(original);
  const { its } = pipeline();
  const paragraphs: Paragraph[] = [];
  for (const [pStart, pEnd] of paragraphRanges(text)) {
    const doc = pipeline().readDoc(text.slice(pStart, pEnd));
    const sentences: Sentence[] = [];
    let cursor = pStart;
    doc.sentences().each((sentence: ItemSentence) => {
      const tokens: Token[] = [];
      sentence.tokens().each((token: ItemToken) => {
        const value = token.out(its.value) as string;
        const at = text.indexOf(value, cursor);
        // wink keeps token text verbatim; a token not found close by is skipped, not guessed.
        if (at < 0 || at >= pEnd || at - cursor > 40) return;
        cursor = at + value.length;
        tokens.push({ text: value, lower: value.toLowerCase(), pos: token.out(its.pos) as string, start: at, end: cursor });
      });
      if (tokens.length === 0) return;
      const previous = sentences.at(-1);
      // wink ends a sentence after a title ("Sen. Bernie Sanders"): such a sentence goes on.
      if (previous && TITLE_ABBREVIATIONS.has(previous.tokens.at(-1)!.lower)) {
        previous.tokens.push(...tokens);
        previous.end = tokens.at(-1)!.end;
      } else sentences.push({ start: tokens[0]!.start, end: tokens.at(-1)!.end, tokens });
    });
    if (sentences.length > 0) paragraphs.push({ index: paragraphs.length, start: pStart, end: pEnd, sentences });
  }
  return paragraphs;
}
