import { describe, expect, it } from 'vitest';
import { AnchoringError, CONTEXT_LENGTH, describeRange, trimRange } from '../../../../shared/anchoring';
import { UserError } from '../../../../shared/api/errors';
import { ARTICLE, GOLD } from './article-fixture';

describe('describeRange on the gold claims', () => {
  it.each(GOLD.map((claim, index) => [index, claim] as const))('reproduces gold claim %i selectors exactly', (_index, claim) => {
    expect(describeRange(ARTICLE, claim.start, claim.end)).toEqual({
      quote: { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      position: { type: 'TextPositionSelector', start: claim.start, end: claim.end },
    });
  });

  it('keeps what context exists at the edges of the article', () => {
    const opening = describeRange(ARTICLE, 0, 8);
    expect(opening.quote).toEqual({ type: 'TextQuoteSelector', exact: 'Saturday', prefix: '', suffix: ARTICLE.slice(8, 8 + CONTEXT_LENGTH) });
    const closing = describeRange(ARTICLE, ARTICLE.length - 12, ARTICLE.length);
    expect(closing.quote.exact).toBe('Conversation');
    expect(closing.quote.suffix).toBe('');
    expect(closing.quote.prefix).toHaveLength(CONTEXT_LENGTH);
  });
});

describe('describeRange refuses bad selections with a message for the analyst', () => {
  const cases: Array<[string, number, number, string, string]> = [
    ['empty', 100, 100, 'empty', 'The selection is empty'],
    ['negative', -3, 10, 'negative', 'The selection starts before the beginning of the article (-3 to 10)'],
    ['reversed', 200, 150, 'reversed', 'The selection ends before it starts (starts at 200, ends at 150)'],
    [
      'past the end',
      2900,
      5012,
      'past-end',
      `The selection runs past the end of the article (ends at 5012, article has ${ARTICLE.length} characters)`,
    ],
    ['fractional', 1.5, 10, 'not-a-whole-number', 'The selection must start and end at whole character positions (got 1.5 to 10)'],
    ['not a number', Number.NaN, 10, 'not-a-whole-number', 'The selection must start and end at whole character positions (got NaN to 10)'],
  ];

  it.each(cases)('%s', (_name, start, end, reason, message) => {
    const attempt = () => describeRange(ARTICLE, start, end);
    expect(attempt).toThrow(AnchoringError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as AnchoringError).reason).toBe(reason);
      expect((error as AnchoringError).code).toBe('anchoring-failed');
    }
  });

  it('whitespace only (the line break between two paragraphs)', () => {
    const lineBreak = ARTICLE.indexOf('\n');
    expect(() => describeRange(ARTICLE, lineBreak, lineBreak + 1)).toThrow('The selection contains only spaces or line breaks');
  });

  it('a selection that cuts an emoji in half', () => {
    const text = 'Leaders shook hands \u{1F91D} in Beijing';
    const emoji = text.indexOf('\u{1F91D}');
    expect(() => describeRange(text, 0, emoji + 1)).toThrow(/cuts a character in half/);
    expect(describeRange(text, 0, emoji + 2).quote.exact).toBe('Leaders shook hands \u{1F91D}');
  });
});

describe('trimRange', () => {
  it('drops spaces and line breaks around a selection, like a double-click that took the space', () => {
    const claim = GOLD[0]!;
    // The gold claim's paragraph starts after a line break; select from the break to past the period.
    const trimmed = trimRange(ARTICLE, claim.start - 1, claim.end);
    expect(trimmed).toEqual({ start: claim.start, end: claim.end });
    const padded = `  ${claim.exact} \n`;
    expect(trimRange(padded, 0, padded.length)).toEqual({ start: 2, end: 2 + claim.exact.length });
  });

  it('leaves a whitespace-only selection alone so describeRange can name the problem', () => {
    expect(trimRange('a   b', 1, 4)).toEqual({ start: 1, end: 4 });
    expect(() => describeRange('a   b', 1, 4)).toThrow(/only spaces/);
  });

  it('validates the range like describeRange', () => {
    expect(() => trimRange(ARTICLE, 10, 5)).toThrow(AnchoringError);
  });
});
