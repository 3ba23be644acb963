import type { SuggestedAttribution, TextSpan } from '../../../shared/model/suggestion';
import { HEARER_VERBS, isSpeechForm, isWeakForm } from './cues';
import { hasProperNoun, nounPhraseAfter, nounPhraseBefore, type TokenRange } from './noun-phrases';
import { quoteRanges, type QuoteRange } from './quotes';
import { SpeakerResolver } from './speakers';
import { readableQuotes, tokenize, type Paragraph, type Sentence, type Token } from './tokenize';
import { looksLikeHeadlineOrCaption } from './headlines';

/** The suggester's version: stored with every suggestion, so a re-run can tell what made it. */
export const SUGGESTER_VERSION = '1.0.0';

const END_PUNCT = new Set(['.', '!', '?', ';']);
const OPEN_QUOTES = new Set(['“', '"', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '’']);
const MIN_CONTENT_TOKENS = 3;

interface Cue {
  start: number; // token index
  end: number; // token index, exclusive
}

interface Found {
  content: TextSpan;
  cue: Cue;
  source: TokenRange;
  pattern: SuggestedAttribution['pattern'];
}

/** Cues outside quotations: verbs of saying and "according to". */
function findCues(sentence: Sentence, quotes: QuoteRange[]): Cue[] {
  const cues: Cue[] = [];
  const { tokens } = sentence;
  tokens.forEach((token, i) => {
    if (insideQuote(quotes, token.start)) return;
    if (token.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      cues.push({ start: i, end: i + 2 });
      return;
    }
    if (!isSpeechForm(token.lower)) return;
    const previous = tokens[i - 1]?.lower;
    if (previous === 'to' || previous === 'which' || previous === '-') return; // "declined to say", "which said", "self-described"
    if (token.pos !== 'VERB' && !(token.pos === 'NOUN' && !isWeakForm(token.lower) && /^(says|said|told)$/.test(token.lower))) return;
    if (token.lower === 'pointed' || token.lower === 'points' || token.lower === 'point') {
      if (tokens[i + 1]?.lower === 'out') cues.push({ start: i, end: i + 2 });
      return;
    }
    if (/^continu/.test(token.lower) && !/^[,:“"]$/.test(tokens[i + 1]?.text ?? '.') && !END_PUNCT.has(tokens[i + 1]?.text ?? '.')) return; // "continue cooperating"
    cues.push({ start: i, end: i + 1 });
  });
  return cues;
}

function insideQuote(quotes: QuoteRange[], offset: number): boolean {
  return quotes.some((q) => offset > q.start && offset < q.end - 1);
}

function span(tokens: Token[], from: number, to: number): TextSpan {
  return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

function hasVerb(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return true;
  return false;
}

/** The end of a sentence's content: before its final full stop, keeping a closing quote mark. */
function contentEnd(tokens: Token[]): number {
  let end = tokens.length;
  while (
    end > 0 &&
    (END_PUNCT.has(tokens[end - 1]!.text) || (CLOSE_QUOTES.has(tokens[end - 1]!.text) && end >= 2 && END_PUNCT.has(tokens[end - 2]!.text)))
  ) {
    if (CLOSE_QUOTES.has(tokens[end - 1]!.text)) return end; // ... firm.” keeps the quote whole
    end--;
  }
  return end;
}

/**
 * True when what follows `from` is no clause of its own: only adverbials ("in a statement",
 * "on Tuesday during a speech"), punctuation, or a comma and whatever hangs from it
 * (", citing low growth").
 */
function onlyTrailer(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.text === ',' || token.text === '—' || token.text === ';') return !OPEN_QUOTES.has(tokens[k + 1]?.text ?? '');
    if (token.pos === 'PRON' || token.pos === 'AUX' || (token.pos === 'VERB' && !isSpeechForm(token.lower)) || token.lower === 'that') return false;
    if (OPEN_QUOTES.has(token.text) && k <= from + 1) return false;
  }
  return true;
}

const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
  'recently',
  'previously',
  'earlier',
  'later',
  'also',
  'again',
  'repeatedly',
  'then',
  'now',
  'once',
  'publicly',
  'privately',
  'flatly',
  'simply',
  'bluntly',
  'frankly',
  'openly',
  'late',
  'early',
]);
const LEADING_PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'with',
  'to',
  'via',
  'last',
  'this',
  'earlier',
  'from',
  'over',
  'of',
]);

/** Skips adverbials after a cue: "said on Friday in a statement ..." continues after them. */
function skipAdverbials(tokens: Token[], from: number): number {
  let k = from;
  for (let guard = 0; guard < 8 && k < tokens.length; guard++) {
    const token = tokens[k]!;
    if (TIME_WORDS.has(token.lower) || token.text === ',') {
      k++;
    } else if (LEADING_PREPOSITIONS.has(token.lower) && (token.pos === 'ADP' || token.pos === 'DET' || token.pos === 'ADJ')) {
      const np = nounPhraseAfter(tokens, k + 1);
      if (!np) break;
      k = np.end;
    } else break;
  }
  return k;
}

const SUBORDINATORS = new Set(['while', 'although', 'though', 'because', 'when', 'if', 'since', 'whereas', 'as', 'after', 'before']);

/**
 * Where reported speech ends: at ", but" outside quotation marks, where the reporter's words
 * usually take over; in a sentence that opens with "While ..." or "Although ...", at the comma
 * that closes that clause.
 */
function clauseEnd(tokens: Token[], from: number, end: number): number {
  const subordinate = SUBORDINATORS.has(tokens[0]?.lower ?? '');
  let open = false;
  for (let k = from; k < end; k++) {
    const token = tokens[k]!;
    if (token.text === '“') open = true;
    else if (token.text === '”') open = false;
    else if (token.text === '"') open = !open;
    if (open || k - from < MIN_CONTENT_TOKENS) continue;
    if (token.text === ',' && tokens[k + 1]?.lower === 'but' && tokens[k + 2]?.lower !== 'that') return k; // ", but that ..." goes on
    if (token.text === ',' && PARTICIPLE_CUES.test(tokens[k + 1]?.lower ?? '')) return k;
    if (token.text === ',' && /^(which|who)$/.test(tokens[k + 1]?.lower ?? '')) return k;
    if (subordinate && token.text === ',') return k;
    // "... and said ...", "... but noted ...": the next attribution starts; "while ..." leaves the content.
    if (token.pos === 'CCONJ') {
      let v = k + 1;
      while (tokens[v]?.pos === 'ADV' || tokens[v]?.pos === 'AUX' || tokens[v]?.pos === 'PART') v++;
      if (tokens[v]?.pos === 'VERB' && isSpeechForm(tokens[v]!.lower)) return tokens[k - 1]?.text === ',' ? k - 1 : k;
    }
    if (/^(while|though|although|whereas)$/.test(token.lower)) return tokens[k - 1]?.text === ',' ? k - 1 : k;
  }
  for (let k = from; subordinate && k < end; k++) {
    // “candid, and constructive,” there was ...: the quote closes the clause.
    if (CLOSE_QUOTES.has(tokens[k]!.text) && tokens[k - 1]?.text === ',' && k > from + MIN_CONTENT_TOKENS) return k + 1;
  }
  return end;
}

/**
 * Past the hearer of "told reporters", "warned Beijing": the noun phrase after a hearer verb,
 * unless a verb follows it, when it is the subject of the content ("warned the deal could fail").
 */
function afterHearer(tokens: Token[], cue: Cue): number {
  if (!HEARER_VERBS.has(tokens[cue.start]!.lower)) return cue.end;
  const hearer = nounPhraseAfter(tokens, cue.end);
  if (!hearer) return cue.end;
  const next = tokens[hearer.end];
  return next && (next.pos === 'VERB' || next.pos === 'AUX') ? cue.end : hearer.end;
}

/** Where the content after a cue starts: past a hearer ("told reporters"), an adverbial and "that". */
function contentStartAfter(tokens: Token[], cue: Cue): number {
  let k = afterHearer(tokens, cue);
  for (let look = k; look < Math.min(tokens.length, k + 14); look++) {
    const token = tokens[look]!;
    if (token.lower === 'that' && (look === k || tokens[look - 1]!.pos !== 'DET')) return look + 1;
    if (token.pos === 'VERB' || token.pos === 'AUX' || OPEN_QUOTES.has(token.text)) break;
  }
  k = skipAdverbials(tokens, k);
  while (k < tokens.length && (tokens[k]!.text === ',' || tokens[k]!.text === ':' || tokens[k]!.text === '—')) k++;
  return k;
}

const PARTICIPLE_CUES =
  /^(saying|adding|noting|arguing|telling|warning|insisting|claiming|explaining|stating|declaring|writing|asking|acknowledging|admitting|urging|predicting|vowing|promising|suggesting|complaining|contending|asserting|stressing|emphasizing|emphasising|calling|tweeting|recalling|answering|replying|responding|announcing|pointing)$/;

/**
 * The subject of a cue separated from it by commas: "Barkley, who said ..., said" and
 * "Wang Yi, China's top diplomat, said" (the name before the inserted phrase), "who said"
 * (the name the relative clause hangs on) and ", saying ..." (the subject of the sentence).
 */
function subjectAcrossComma(tokens: Token[], cueAt: Cue, earlier: TokenRange | null): TokenRange | null {
  let at = cueAt.start;
  while (at > 0 && (tokens[at - 1]!.pos === 'ADV' || tokens[at - 1]!.pos === 'AUX' || tokens[at - 1]!.pos === 'PART')) at--;
  const cue = { start: at, end: cueAt.end };
  const previous = tokens[cue.start - 1];
  if (!previous) return null;
  if (previous.pos === 'CCONJ' && (previous.lower === 'but' || previous.lower === 'and') && cue.start >= 3) {
    // "The spokesman refused to answer but said ...": the sentence's subject.
    const first = skipAdverbials(tokens, 0);
    const subject = nounPhraseAfter(tokens, first);
    return subject && subject.end < cue.start - 1 ? subject : null;
  }
  if (previous.lower === 'who') return nounPhraseBefore(tokens, tokens[cue.start - 2]?.text === ',' ? cue.start - 2 : cue.start - 1);
  if (previous.text === ',' && PARTICIPLE_CUES.test(tokens[cueAt.start]!.lower)) {
    if (earlier) return earlier; // "Trump told a rally, saying ...": the same speaker
    let first = skipAdverbials(tokens, 0);
    while (first < cue.start && (tokens[first]!.pos === 'CCONJ' || tokens[first]!.pos === 'ADV' || tokens[first]!.text === ',')) first++;
    const subject = nounPhraseAfter(tokens, first);
    return subject && subject.start < cue.start - 1 ? subject : null;
  }
  if (previous.text !== ',') return null;
  for (let k = cue.start - 2; k > 0 && cue.start - k < 40; k--) {
    if (tokens[k]!.text !== ',') continue;
    const name = nounPhraseBefore(tokens, k);
    const inserted = tokens[k + 1]!;
    const isInsert =
      inserted.lower === 'who' ||
      inserted.lower === 'whose' ||
      /^(its|his|her|their)$/.test(inserted.lower) ||
      inserted.pos === 'ADV' ||
      inserted.pos === 'ADP' ||
      inserted.pos === 'DET' ||
      inserted.pos === 'PROPN' ||
      inserted.pos === 'ADJ' ||
      inserted.pos === 'NOUN' ||
      inserted.pos === 'NUM';
    const opensClause = name !== null && (name.start <= 1 || CLOSE_QUOTES.has(tokens[name.start - 1]!.text) || tokens[name.start - 1]!.text === ',');
    if (name && isInsert && opensClause && hasProperNoun(tokens, name)) return name;
    // "Another pollster, David Woodard of Clemson University, said": the name is inserted.
    const insertedName = nounPhraseAfter(tokens, k + 1);
    if (
      name &&
      opensClause &&
      inserted.pos === 'PROPN' &&
      insertedName &&
      tokens[insertedName.end]?.text === ',' &&
      insertedName.end === cue.start - 1
    )
      return insertedName;
  }
  return null;
}

/** Applies the sentence patterns to one cue; null when the cue has no source or no content. */
function matchCue(sentence: Sentence, cue: Cue, earlier: TokenRange | null = null): Found | null {
  const { tokens } = sentence;
  const cueWord = tokens[cue.start]!;
  if (cueWord.lower === 'according') {
    const source = nounPhraseAfter(tokens, cue.end);
    if (!source) return null;
    const afterSource = tokens[source.end];
    const clauseAfter =
      afterSource?.text === ',' && hasVerb(tokens, source.end + 1, contentEnd(tokens)) && contentEnd(tokens) - source.end > MIN_CONTENT_TOKENS;
    if (cue.start <= 1 || clauseAfter) {
      // According to NP, clause.
      let from = source.end;
      while (from < tokens.length && tokens[from]!.pos !== 'PUNCT') from++;
      from++;
      const end = contentEnd(tokens);
      if (end - from < MIN_CONTENT_TOKENS) return null;
      return { content: span(tokens, from, end), cue, source, pattern: 'according-to' };
    }
    // clause, according to NP.
    let end = cue.start;
    while (end > 0 && tokens[end - 1]!.pos === 'PUNCT' && !CLOSE_QUOTES.has(tokens[end - 1]!.text)) end--;
    if (end < MIN_CONTENT_TOKENS) return null;
    return { content: span(tokens, 0, end), cue, source, pattern: 'according-to' };
  }

  const before = tokens[cue.start - 1];
  const subject = nounPhraseBefore(tokens, cue.start) ?? subjectAcrossComma(tokens, cue, earlier);
  // clause, NP cue, clause.  ("The talks, Wang said, were candid.")
  if (subject && subject.start > 0 && tokens[subject.start - 1]!.text === ',' && tokens[cue.end]?.text === ',') {
    const end = contentEnd(tokens);
    if (end - cue.end > 2 && hasVerb(tokens, cue.end + 1, end) && !OPEN_QUOTES.has(tokens[cue.end + 1]?.text ?? '')) {
      return { content: span(tokens, 0, end), cue, source: subject, pattern: 'inverted' };
    }
  }
  // clause, NP cue.   /   “quote,” NP cue.
  // "“...,” Wang said": the quotation before the subject is the content, unless it is a title
  // quoted inside the reporter's sentence ("on Fox's “Sunday Morning Futures,” Issa said ...").
  const quoteOpensSentence = !tokens.slice(1, subject?.start ?? 0).some((t) => t.text === '“') || OPEN_QUOTES.has(tokens[0]!.text);
  const afterQuote = subject !== null && subject.start > 0 && CLOSE_QUOTES.has(tokens[subject.start - 1]!.text) && quoteOpensSentence;
  if (subject && subject.start > 0 && (afterQuote || onlyTrailer(tokens, cue.end))) {
    let end = subject.start;
    const mark = tokens[end - 1]!;
    if (mark.text === ',' || mark.text === '—' || CLOSE_QUOTES.has(mark.text)) {
      if (!CLOSE_QUOTES.has(mark.text)) end--;
      while (end > 0 && tokens[end - 1]!.text === ',') end--;
      if (end >= MIN_CONTENT_TOKENS && (hasVerb(tokens, 0, end) || (CLOSE_QUOTES.has(mark.text) && quoteOpensSentence))) {
        return { content: span(tokens, 0, end), cue, source: subject, pattern: 'inverted' };
      }
    }
  }
  // clause, cue NP.
  if (before && (before.text === ',' || CLOSE_QUOTES.has(before.text))) {
    const source = nounPhraseAfter(tokens, cue.end);
    if (source && (CLOSE_QUOTES.has(before.text) || onlyTrailer(tokens, source.end))) {
      let end = cue.start;
      if (before.text === ',') end--;
      while (end > 0 && tokens[end - 1]!.text === ',') end--;
      if (end >= MIN_CONTENT_TOKENS && (hasVerb(tokens, 0, end) || CLOSE_QUOTES.has(before.text))) {
        return { content: span(tokens, 0, end), cue, source, pattern: 'inverted' };
      }
    }
  }
  // NP cue (that) clause.
  if (subject) {
    const from = contentStartAfter(tokens, cue);
    const end = clauseEnd(tokens, from, contentEnd(tokens));
    if (end - from >= MIN_CONTENT_TOKENS && hasVerb(tokens, from, end)) {
      return { content: span(tokens, from, end), cue, source: subject, pattern: 'reported' };
    }
  }
  return null;
}

/** Extends a content span over the whole quotation it starts or ends in (quotes across sentences). */
function extendOverQuote(content: TextSpan, quotes: QuoteRange[]): { content: TextSpan; quoted: boolean } {
  for (const q of quotes) {
    const startsIt = content.start >= q.start && content.start <= q.start + 1 && content.end > q.start;
    const endsIt = content.end >= q.end - 1 && content.end <= q.end && content.start < q.end;
    if (startsIt || endsIt) return { content: { start: Math.min(content.start, q.start), end: Math.max(content.end, q.end) }, quoted: true };
  }
  return { content, quoted: false };
}

/** The quotation a sentence consists of (it opens the sentence and covers most of it), if any. */
function sentenceQuote(sentence: Sentence, quotes: QuoteRange[]): QuoteRange | null {
  for (const q of quotes) {
    if (q.start <= sentence.start + 1 && q.end >= sentence.start + 1 && q.end >= sentence.end - 2) return q;
  }
  return null;
}

/**
 * Finds the attributions in an article's text. Pure: no I/O, no clock; offsets are UTF-16
 * indices into `text` exactly as given. Headlines, captions and sentences without a cue give
 * nothing.
 */
export function suggestAttributions(original: string): SuggestedAttribution[] {
  const paragraphs = tokenize(original);
  const text = readableQuotes(original); // same length and offsets; '' read as a quotation mark
  const speakers = new SpeakerResolver();
  const found: SuggestedAttribution[] = [];
  let lastAttributedParagraph = -2;
  let pendingColon: { speaker: string; cue: TextSpan; source: TextSpan; paragraph: number } | null = null;

  const push = (s: SuggestedAttribution, paragraph: Paragraph): void => {
    const overlaps = found.some((f) => f.content.start < s.content.end && s.content.start < f.content.end);
    if (overlaps) return;
    found.push(s);
    lastAttributedParagraph = paragraph.index;
  };

  for (const paragraph of paragraphs) {
    if (looksLikeHeadlineOrCaption(text, paragraph)) {
      pendingColon = null;
      continue;
    }
    const quotes = quoteRanges(text, paragraph.start, paragraph.end);
    const sentences = paragraph.sentences;
    for (let si = 0; si < sentences.length; si++) {
      const sentence = sentences[si]!;
      const { tokens } = sentence;
      if (found.some((f) => f.content.start <= sentence.start && f.content.end >= sentence.end)) continue;
      let matched = false;
      let consumed = -1;
      let earlier: TokenRange | null = null;
      for (const cue of findCues(sentence, quotes)) {
        if (tokens[cue.start]!.start < consumed) continue;
        const hit = matchCue(sentence, cue, earlier);
        const cueSpan = span(tokens, cue.start, cue.end);
        if (!hit) {
          // "Wang said." after a quotation, or "Wang said:" before one.
          const subject = nounPhraseBefore(tokens, cue.start) ?? nounPhraseAfter(tokens, cue.end);
          if (!subject) continue;
          const afterCue = tokens.slice(afterHearer(tokens, cue));
          const previous = sentences[si - 1];
          const previousQuote = previous && sentenceQuote(previous, quotes);
          if (previousQuote && subject.start <= 1 && onlyTrailer(tokens, Math.max(subject.end, cue.end))) {
            const speaker = speakers.resolve(tokens, subject, text);
            push(
              {
                content: { start: previousQuote.start, end: previousQuote.end },
                cue: cueSpan,
                source: span(tokens, subject.start, subject.end),
                speaker,
                pattern: 'quote',
              },
              paragraph,
            );
            matched = true;
            break;
          }
          if (afterCue.length > 0 && afterCue[0]!.text === ':' && afterCue.length <= 2) {
            const speaker = speakers.resolve(tokens, subject, text);
            pendingColon = { speaker, cue: cueSpan, source: span(tokens, subject.start, subject.end), paragraph: paragraph.index };
            matched = true;
            break;
          }
          continue;
        }
        if (hit.pattern !== 'according-to' && tokens[hit.source.start]!.pos === 'PRON' && !speakers.last && !hasProperNoun(tokens, hit.source)) {
          // A pronoun with no one to refer to is still a source ("he said"), named as written.
        }
        const speaker = speakers.resolve(tokens, hit.source, text);
        earlier = hit.source;
        const extended = extendOverQuote(hit.content, quotes);
        push(
          {
            content: extended.content,
            cue: cueSpan,
            source: span(tokens, hit.source.start, hit.source.end),
            speaker,
            pattern: extended.quoted && hit.pattern !== 'according-to' ? 'quote' : hit.pattern,
          },
          paragraph,
        );
        matched = true;
        // A later cue after this content may attribute more (", adding that ..."); one inside it may not.
        consumed = Math.max(extended.content.end, cueSpan.end);
      }
      if (matched) continue;
      const quote = sentenceQuote(sentence, quotes);
      if (!quote) continue;
      if (pendingColon && pendingColon.paragraph >= paragraph.index - 1) {
        push(
          {
            content: { start: quote.start, end: quote.end },
            cue: pendingColon.cue,
            source: pendingColon.source,
            speaker: pendingColon.speaker,
            pattern: 'quote',
          },
          paragraph,
        );
        pendingColon = null;
        continue;
      }
      // A quotation without a cue of its own, after an attributed one: the same speaker goes on,
      // unless the next sentence attributes it ("“...” Wang said." is handled there).
      const next = sentences[si + 1];
      const nextAttributes = next !== undefined && findCues(next, quotes).length > 0 && next.tokens.length <= 8;
      if (!nextAttributes && speakers.last && lastAttributedParagraph >= paragraph.index - 1 && found.length > 0) {
        push(
          { content: { start: quote.start, end: quote.end }, cue: null, source: null, speaker: found.at(-1)!.speaker, pattern: 'floating' },
          paragraph,
        );
      }
    }
  }
  return mergeTurns(text, found).map((s) => ({ ...s, content: widenOverApostrophes(original, s.content) }));
}

/** A content starting or ending inside a '' quotation mark takes the whole mark. */
function widenOverApostrophes(text: string, content: TextSpan): TextSpan {
  const start = content.start > 0 && text.startsWith("''", content.start - 1) ? content.start - 1 : content.start;
  const end = text.startsWith("''", content.end - 1) ? content.end + 1 : content.end;
  return { start, end };
}

/**
 * A quotation that goes on after its cue ("“...,” Wang said. “...”") and the quoted paragraphs
 * that follow it are one speaker's turn: they join the attribution before them, as attribution
 * corpora annotate them (one content over the turn), so the analyst gets one suggestion per turn.
 */
function mergeTurns(text: string, found: SuggestedAttribution[]): SuggestedAttribution[] {
  const merged: SuggestedAttribution[] = [];
  for (const s of found) {
    const previous = merged.at(-1);
    if (
      previous &&
      s.pattern === 'floating' &&
      s.speaker === previous.speaker &&
      previous.pattern === 'quote' &&
      !/\n/.test(text.slice(previous.content.end, s.content.start))
    ) {
      let gap = text.slice(previous.content.end, s.content.start);
      for (const part of [previous.cue, previous.source]) {
        if (part && part.start >= previous.content.end && part.end <= s.content.start) {
          gap = gap.replace(text.slice(part.start, part.end), ' ');
        }
      }
      if (gap.split(/\s+/).filter((w) => /\w/.test(w)).length <= 4) {
        previous.content = { start: previous.content.start, end: s.content.end };
        continue;
      }
    }
    merged.push(s);
  }
  return merged;
}
