/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escapes text so Markdown renders it literally: no emphasis, links, images, HTML or headings
 * can come from user-written text (a note's `[x](javascript:...)` stays plain characters).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_{}[\]()#+\-.!|>~])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Only http(s) and mailto links survive into an export; anything else is dropped. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
