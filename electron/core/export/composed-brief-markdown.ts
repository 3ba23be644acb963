import { attributionOf, type ComposedBrief, type DocBlock, type Inline } from './composed-brief-model';
import { escapeMarkdown } from './escape';

/** A link target Markdown cannot misread: spaces and parentheses percent-encoded. */
function linkTarget(href: string): string {
  return href.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function inlineMarkdown(inline: Inline[]): string {
  return inline
    .map((run) => {
      if (run.kind === 'break') return '\\\n';
      // Emphasis markers must touch the words, so surrounding spaces stay outside them.
      const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? [];
      if (!core) return run.text;
      let text = escapeMarkdown(core);
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
      return [`${'#'.repeat(block.level + 1)} ${inlineMarkdown(block.inline)}`];
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
      return [...quote, '>', `> — ${escapeMarkdown(attributionOf(block.citation))}`];
    }
    case 'missing-citation': {
      const quote = block.quote ? ` “${escapeMarkdown(block.quote)}”` : '';
      return [`> *Citation unavailable:* ${escapeMarkdown(block.reason)}${quote}[^${block.note}]`];
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
  const out = [`# ${escapeMarkdown(brief.title)}`, '', ...blocksLines(brief.blocks)];
  if (brief.notes.length > 0) {
    out.push('', '## Sources', '');
    for (const note of brief.notes) {
      if (note.source) {
        const { title, source, publishedAt, url } = note.source;
        const parts = [`“${escapeMarkdown(title)}”`, source ? escapeMarkdown(source) : null, publishedAt, url ? `<${url}>` : null];
        out.push(`[^${note.note}]: ${parts.filter(Boolean).join(', ')}.`);
      } else {
        out.push(`[^${note.note}]: ${escapeMarkdown(note.missing ?? 'Citation unavailable.')}`);
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
