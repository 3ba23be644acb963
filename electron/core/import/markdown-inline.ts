/**
 * Markdown to plain text with markdown-it's tokens (CommonMark + GFM tables and strikethrough):
 * the canonical text is what a reader sees, so link targets, emphasis markers and inline HTML go;
 * their visible words stay, and character references (`&mdash;`, `&#8212;`) become characters.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** One parser for every import: HTML is recognised so that its tags can be dropped, never rendered. */
export const markdown = new MarkdownIt('default', { html: true, linkify: false, typographer: false });

/** The visible text of an inline token's children. */
export function inlineTokensText(children: readonly Token[] | null): string {
  let out = '';
  for (const token of children ?? []) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        out += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      case 'image':
        // The alt text, never the source.
        out += inlineTokensText(token.children);
        break;
      default:
        // Markup (emphasis, links, inline HTML tags) has no visible text of its own.
        break;
    }
  }
  return out;
}

/** Strips inline Markdown from one block's text, keeping the words a reader sees. */
export function stripInlineMarkdown(text: string): string {
  const [inline] = markdown.parseInline(text, {});
  return inlineTokensText(inline?.children ?? null);
}
