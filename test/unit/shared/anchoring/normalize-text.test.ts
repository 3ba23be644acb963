import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../shared/anchoring';
import { ARTICLE } from './article-fixture';

describe('normalizeText', () => {
  it('straightens quotes, unifies dashes and collapses whitespace', () => {
    const original = 'agree to disagree.\u201D\n\nHe said \u2018no\u2019 \u2014 twice\u2026\u00A0end';
    expect(normalizeText(original).text).toBe("agree to disagree.\" He said 'no' - twice... end");
  });

  it('maps every normalised offset back to the character it came from', () => {
    const original = 'A  \u201Cquote\u201D\u00AD\n\ttail\u2026';
    const normalized = normalizeText(original);
    expect(normalized.text).toBe('A "quote" tail...');
    const word = normalized.text.indexOf('quote');
    expect(original.slice(normalized.toOriginalStart(word), normalized.toOriginalEnd(word + 5))).toBe('quote');
    const quoted = normalized.text.indexOf('"quote"');
    expect(original.slice(normalized.toOriginalStart(quoted), normalized.toOriginalEnd(quoted + 7))).toBe('\u201Cquote\u201D');
    // The three dots of an ellipsis all come from one character; a range ending there covers it whole.
    expect(normalized.toOriginalEnd(normalized.text.length)).toBe(original.length);
    expect(normalized.toOriginalStart(normalized.text.length)).toBe(original.length);
  });

  it('finds the normalised offset of an original offset, even inside a collapsed run', () => {
    const original = 'one \n\n two';
    const normalized = normalizeText(original);
    expect(normalized.text).toBe('one two');
    expect(normalized.toNormalizedOffset(original.indexOf('two'))).toBe(4);
    expect(normalized.toNormalizedOffset(5)).toBe(4);
    expect(normalized.toNormalizedOffset(0)).toBe(0);
  });

  it('leaves the plain-ASCII article the same length apart from its one pair of curly quotes', () => {
    const normalized = normalizeText(ARTICLE);
    expect(normalized.text.length).toBe(ARTICLE.length);
    expect(normalized.text).toContain('"agree to disagree."');
    expect(normalized.text).toBe(ARTICLE.replace(/[\u201C\u201D]/g, '"').replace(/\n/g, ' '));
  });
});
