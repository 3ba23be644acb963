/** "2024-12-21" → "21 December 2024"; read as a calendar date, so no time zone can shift it. */
export function formatDate(iso: string | null, style: 'long' | 'short' = 'long'): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
