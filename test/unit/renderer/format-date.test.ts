import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, setDateLocale } from '../../../renderer/src/components/format-date';

describe('the one date format', () => {
  afterEach(() => setDateLocale(undefined));

  it("follows the locale: day month year in the analyst's order", () => {
    setDateLocale('en-GB');
    expect(formatDate('2024-12-21')).toBe('21 December 2024');
    expect(formatDate('2024-12-21', 'short')).toBe('21 Dec 2024');
    setDateLocale('en-US');
    expect(formatDate('2024-12-21')).toBe('December 21, 2024');
    setDateLocale('de-DE');
    expect(formatDate('2024-12-21')).toBe('21. Dezember 2024');
  });

  it('reads a calendar date without a time zone shifting it, and leaves what is not a date alone', () => {
    setDateLocale('en-GB');
    expect(formatDate('2024-01-01')).toBe('1 January 2024');
    expect(formatDate('2024-12-21T23:30:00.000Z')).toBe('21 December 2024');
    expect(formatDate(null)).toBe('');
    expect(formatDate('sometime')).toBe('sometime');
  });

  it('shows an instant with its time of day', () => {
    setDateLocale('en-GB');
    expect(formatDateTime('2024-12-21T10:05:00.000Z')).toMatch(/^21 Dec 2024, \d{2}:\d{2}$/);
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});
