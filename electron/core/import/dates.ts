/**
 * Reading publication dates as sources write them, into the model's YYYY-MM-DD.
 * Only the calendar date is kept: a time or zone is dropped without conversion,
 * because the date a reader sees on the page is the one the analyst will cite.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\\.?,?\\s+)?';
const MONTH = '([a-z]{3,9})\\.?';
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s]\d{2}:\d{2})/;
const MONTH_FIRST = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_FIRST = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');

/** Formats a calendar date, or null when it does not exist (e.g. 31 April). */
function calendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  // Full names and three- or four-letter abbreviations; "May" is both.
  return MONTHS[key] ?? (key.length > 3 ? MONTHS[key.slice(0, 3)] : undefined);
}

/**
 * Reads a date at the start of `value`: ISO ("2024-12-21", "2024-12-21T08:00:00Z"),
 * "Saturday, December 21, 2024", "Dec. 21, 2024", "21 December 2024", "Sat, 21 Dec 2024".
 * Returns YYYY-MM-DD, or null when it is not a date this knows.
 */
export function parseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  const iso = ISO.exec(s);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mf = MONTH_FIRST.exec(s);
  if (mf) {
    const month = monthNumber(mf[1]!);
    if (month) return calendarDate(Number(mf[3]), month, Number(mf[2]));
  }
  const df = DAY_FIRST.exec(s);
  if (df) {
    const month = monthNumber(df[2]!);
    if (month) return calendarDate(Number(df[3]), month, Number(df[1]));
  }
  return null;
}

/**
 * Like parseDate, but only when the whole line is the date (a dateline, not a
 * sentence that starts with one). Trailing punctuation is allowed.
 */
export function parseDateLine(line: string): string | null {
  const s = line.trim().replace(/[.\s]+$/, '');
  if (s.length > 40) return null;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const written = new RegExp(
    `^${WEEKDAY}(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?)\\s+\\d{4}$`,
    'i',
  );
  return iso || written.test(s) ? parseDate(s) : null;
}

/** Reads a PDF date string ("D:20241221093000+01'00'") into YYYY-MM-DD. */
export function parsePdfDate(value: string | null | undefined): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value?.trim() ?? '');
  if (!m) return null;
  return calendarDate(Number(m[1]), Number(m[2] ?? '1'), Number(m[3] ?? '1'));
}
