import { httpUrlOrNull } from '../../../shared/model';
/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Escapes text so Markdown renders it literally while staying readable and verbatim for
 * ordinary prose: only characters that can start markup are escaped (emphasis, strikethrough,
 * code and tilde fences, links, images, HTML, entities), plus block markers at a line's start. A note's
 * `[x](javascript:...)` or `<script>` stays plain characters.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_~[\]<>&])/g, '\\$1')
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

/** An article's URL as exports write it: http(s) only (no mailto, no script or data URLs), else null. */
export function safeArticleUrl(url: string | null): string | null {
  return httpUrlOrNull(url);
}

/**
 * A self-contained HTML page: inline CSS only, and a Content-Security-Policy that forbids
 * scripts and every external resource, so an exported file can load nothing when opened.
 * `title` is text (escaped here); `style` and `body` are markup the caller built escaped.
 */
export function htmlDocument(page: { title: string; style: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${page.style}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
