/**
 * The one date format of the app: the analyst's locale (the browser's), day month year in words
 * ("21 December 2024" in en-GB, "December 21, 2024" in en-US), so a date never reads two ways.
 * Inputs, axes, footnotes and lists all go through here; files the core exports keep ISO dates.
 */
let locale: string | undefined;

/**
 * The formatters made so far, by locale and style: making an Intl.DateTimeFormat costs ~0.1 ms
 * (its locale data is resolved each time), and the library's first page formats a date per row.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const full = `${locale ?? ''}|${key}`;
  let made = formatters.get(full);
  if (!made) formatters.set(full, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** Pins the locale (tests); undefined goes back to the browser's. */
export function setDateLocale(next: string | undefined): void {
  locale = next;
}

/** "2024-12-21" → "21 December 2024"; read as a calendar date, so no time zone can shift it. */
export function formatDate(iso: string | null, style: 'long' | 'short' = 'long'): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return formatter(style, {
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant (ISO time) as a date and a time of day in the analyst's zone: "21 Dec 2024, 14:05". */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('date-time', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
