// The Hypothesis client's published anchoring, re-implemented as the benchmark's baseline:
// hypothesis/client src/annotator/anchoring/match-quote.ts (`matchQuote`, `search`,
// `textMatchScore`) and the order in html.ts's `anchor()`: the TextPositionSelector is tried
// first and kept if the text there equals the quote; otherwise the quote is searched (every
// verbatim occurrence, else approx-string-match with up to half the quote's length, capped at
// 256, in errors) and the best match by 50·quote + 20·prefix + 20·suffix + 2·position is taken,
// whatever its score. There is no orphan unless nothing matches within the error budget, and no
// "needs review".
import approxSearch from 'approx-string-match';
import type { ClaimTarget } from '../../shared/model/claim';

interface Match {
  start: number;
  end: number;
  errors: number;
}

function search(text: string, str: string, maxErrors: number): Match[] {
  let matchPos = 0;
  const exactMatches: Match[] = [];
  while (matchPos !== -1) {
    matchPos = text.indexOf(str, matchPos);
    if (matchPos !== -1) {
      exactMatches.push({ start: matchPos, end: matchPos + str.length, errors: 0 });
      matchPos += 1;
    }
  }
  if (exactMatches.length > 0) return exactMatches;
  return approxSearch(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0.0;
  const matches = search(text, str, str.length);
  return 1 - (matches[0]?.errors ?? str.length) / str.length;
}

export function matchQuote(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number } = {},
): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const scoreMatch = (match: Match): number => {
    const quoteWeight = 50;
    const prefixWeight = 20;
    const suffixWeight = 20;
    const posWeight = 2;
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
      : 1.0;
    const suffixScore = context.suffix ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix) : 1.0;
    let posScore = 1.0;
    if (typeof context.hint === 'number') {
      const offset = Math.abs(match.start - context.hint);
      posScore = 1.0 - offset / text.length;
    }
    const rawScore = quoteWeight * quoteScore + prefixWeight * prefixScore + suffixWeight * suffixScore + posWeight * posScore;
    const maxScore = quoteWeight + prefixWeight + suffixWeight + posWeight;
    return rawScore / maxScore;
  };
  const scored = matches.map((m) => ({ start: m.start, end: m.end, score: scoreMatch(m) }));
  scored.sort((a, b) => b.score - a.score);
  return scored[0] ?? null;
}

/** Hypothesis's anchoring of one target: position first (if the quote is there), then the quote. */
export function hypothesisAnchor(text: string, target: ClaimTarget): { start: number; end: number } | null {
  const { start, end } = target.position;
  if (text.slice(start, end) === target.quote.exact) return { start, end };
  const match = matchQuote(text, target.quote.exact, {
    prefix: target.quote.prefix,
    suffix: target.quote.suffix,
    hint: start,
  });
  return match ? { start: match.start, end: match.end } : null;
}
