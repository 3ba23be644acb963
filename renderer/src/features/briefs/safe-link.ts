/**
 * Links a brief may hold: web pages and e-mail addresses. Briefs are exported to HTML, PDF and
 * Word and opened elsewhere, so javascript:, data: and file: links are never let in (the core
 * refuses them too).
 */
export function isSafeLink(url: string): boolean {
  return /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i.test(url.trim());
}

/** What the analyst typed, made into a link: "example.org" becomes "https://example.org". */
export function normaliseLink(input: string): string {
  const url = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(url)) return `mailto:${url}`;
  return `https://${url}`;
}
