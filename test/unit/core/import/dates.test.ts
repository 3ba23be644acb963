import { describe, expect, it } from 'vitest';
import { parseDate, parseDateLine, parsePdfDate } from '../../../../electron/core/import/dates';

describe('parseDate', () => {
  it.each([
    ['Saturday, December 21, 2024', '2024-12-21'],
    ['December 21, 2024', '2024-12-21'],
    ['Dec. 21, 2024', '2024-12-21'],
    ['21 December 2024', '2024-12-21'],
    ['21st of December 2024', '2024-12-21'],
    ['Sat, 21 Dec 2024 10:00:00 GMT', '2024-12-21'],
    ['2024-12-21', '2024-12-21'],
    // The date as the page states it: no shift to UTC.
    ['2024-08-29T06:15:00+08:00', '2024-08-29'],
  ])('reads %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each(['2024-02-30', 'Smarch 3, 2024', 'The US and China', '', null])('refuses %s', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('parseDateLine', () => {
  it('accepts a line that is only a date', () => {
    expect(parseDateLine('Saturday, December 21, 2024')).toBe('2024-12-21');
    expect(parseDateLine('2024-12-21')).toBe('2024-12-21');
  });

  it('refuses a sentence that starts with a date', () => {
    expect(parseDateLine('December 21, 2024 was the day the talks ended.')).toBeNull();
  });
});

describe('parsePdfDate', () => {
  it("reads D:YYYYMMDDHHmmSS+HH'mm'", () => {
    expect(parsePdfDate("D:20241221093000+01'00'")).toBe('2024-12-21');
    expect(parsePdfDate('garbage')).toBeNull();
  });
});
