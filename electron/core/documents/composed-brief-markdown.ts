import { attributionOf, type ComposedBrief, type DocBlock, type Inline } from './composed-brief-model';
import { escapeMarkdown, safeArticleUrl } from './escape';

/**
 * A link target Markdown cannot misread (already limited to http, https and mailto by
 * safeUrl): whitespace, brackets, parentheses, backslashes and backticks percent-encoded.
 */
function linkTarget(href: string): string {
  return href.replace(/[\s()<>[\]\\`]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x80 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c);
  });
}

/** Text for a place that must stay on one line (a heading, a footnote): line breaks become spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** `breaks: false` for headings, where a hard break would end the heading: it becomes a space. */
function inlineMarkdown(inline: Inline[], breaks = true): string {
  return inline
    .map((run) => {
      if (run.kind === 'break') return breaks ? '\\\n' : ' ';
      // Emphasis markers must touch the words, so surrounding spaces stay outside them.
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
      if (!core) return run.text;
      let text = escapeMarkdown(breaks ? core : oneLine(core));
      if (run.strike) text = `~~${text}~~`;
      if (run.italic) text = `*${text}*`;
      if (run.bold) text = `**${text}**`;
      if (run.href) text = `[${text}](${linkTarget(run.href)})`;
      return `${lead}${text}${trail}`;
    })
    .join('');
}

/** Lines of a block, without the blank line that separates blocks. */
function blockLines(block: DocBlock): string[] {
  switch (block.kind) {
    case 'heading':
      // The brief's title is the one level-1 heading; the document's headings sit below it.
      return [`${'#'.repeat(block.level + 1)} ${inlineMarkdown(block.inline, false)}`];
    case 'paragraph':
      return inlineMarkdown(block.inline).split('\n');
    case 'rule':
      return ['---'];
    case 'quote':
      return blocksLines(block.blocks).map((line) => (line ? `> ${line}` : '>'));
    case 'list':
      return block.items.flatMap((item, index) => {
        const marker = block.ordered ? `${block.start + index}. ` : '- ';
        const lines = blocksLines(item);
        const indent = ' '.repeat(marker.length);
        return lines.map((line, i) => (i === 0 ? `${marker}${line}` : line ? `${indent}${line}` : ''));
      });
    case 'citation': {
      const lines = block.citation.quote.split('\n');
      const quote = lines.map((line, i) => `> ${i === 0 ? '“' : ''}${escapeMarkdown(line)}${i === lines.length - 1 ? `”[^${block.note}]` : ''}`);
      return [...quote, '>', `> — ${escapeMarkdown(oneLine(attributionOf(block.citation)))}`];
    }
    case 'missing-citation': {
      // Every line of a multi-line quote stays inside the block quote (and so inside a list item).
      const quote = block.quote ? ` “${escapeMarkdown(block.quote)}”` : '';
      const text = `*Citation unavailable:* ${escapeMarkdown(oneLine(block.reason))}${quote}[^${block.note}]`;
      return text.split('\n').map((line) => (line ? `> ${line}` : '>'));
    }
  }
}

function blocksLines(blocks: DocBlock[]): string[] {
  const out: string[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push('');
    out.push(...blockLines(block));
  });
  return out;
}

/**
 * A brief as CommonMark with footnotes (the GitHub/Pandoc `[^n]` form): the analyst's text
 * with its formatting, each citation a quote with who holds it, on what issue and with what
 * stance, and a numbered note giving the article, outlet, date and address. Text is escaped
 * so nothing the analyst or a source wrote becomes markup.
 */
export function renderComposedBriefMarkdown(brief: ComposedBrief): string {
  const out = [`# ${escapeMarkdown(oneLine(brief.title))}`, '', ...blocksLines(brief.blocks)];
  if (brief.notes.length > 0) {
    out.push('', '## Sources', '');
    for (const note of brief.notes) {
      if (note.source) {
        const { title, source, publishedAt, url } = note.source;
        const address = safeArticleUrl(url);
        const parts = [
          `“${escapeMarkdown(oneLine(title))}”`,
          source ? escapeMarkdown(oneLine(source)) : null,
          publishedAt ? escapeMarkdown(publishedAt) : null,
          address ? `<${linkTarget(address)}>` : null,
        ];
        out.push(`[^${note.note}]: ${parts.filter(Boolean).join(', ')}.`);
      } else {
        out.push(`[^${note.note}]: ${escapeMarkdown(oneLine(note.missing ?? 'Citation unavailable.'))}`);
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
