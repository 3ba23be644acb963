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
 * Escapes text so Markdown renders it literally while staying readable and verbatim for
 * ordinary prose: only characters that can start markup are escaped (emphasis, code, links,
 * images, HTML, entities), plus block markers at a line's start. A note's
 * `[x](javascript:...)` or `<script>` stays plain characters.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>&])/g, '\\$1')
    .replace(/^(\s*)([#+\-=>|])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
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
