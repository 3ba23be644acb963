import type { AnnotatedArticle, ArticleBlockView, ArticleNote } from './article-model';
import { articleParts } from './article-tables';
import { escapeMarkdown, safeArticleUrl } from './escape';

function noteLine(note: ArticleNote): string {
  const facts = [
    note.actors || 'No actor',
    note.stance?.label ?? 'no stance',
    note.proposition ? `on ${note.proposition}` : null,
    note.issue ? `(${note.issue})` : null,
    note.speaker ? `speaker: ${note.speaker}` : null,
    note.anchorStatus === 'orphaned' ? 'not found in the current text' : null,
  ].filter((f): f is string => Boolean(f));
  const parts = [`[^${note.number}]: ${escapeMarkdown(facts.join(' · '))} — “${escapeMarkdown(note.quote)}”`];
  if (note.note.trim()) parts.push(`    Note: ${escapeMarkdown(note.note.trim()).replace(/\n/g, '\n    ')}`);
  if (note.tags.length) parts.push(`    Tags: ${note.tags.map(escapeMarkdown).join(', ')}`);
  return parts.join('\n');
}

/**
 * The article as Markdown: claimed text in bold with a footnote marker where each claim ends,
 * the claims as footnotes (GitHub and Pandoc render them). User text is escaped throughout.
 */
export function renderArticleMarkdown(view: AnnotatedArticle): string {
  const out: string[] = [`# ${escapeMarkdown(view.title)}`, ''];
  const url = safeArticleUrl(view.url);
  const meta = [
    view.source ? `Source: ${escapeMarkdown(view.source)}` : null,
    view.author ? `Author: ${escapeMarkdown(view.author)}` : null,
    view.publishedAt ? `Published: ${view.publishedAt}` : null,
    url ? `URL: <${url}>` : null,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join('  \n'), '');
  const textOf = (block: ArticleBlockView): string =>
    block.segments
      .map((s) => {
        const body = escapeMarkdown(s.text);
        const marked = s.claims.length && body.trim() ? `**${body}**` : body;
        return marked + s.markersAfter.map((n) => `[^${n}]`).join('');
      })
      .join('');
  for (const part of articleParts(view.blocks)) {
    if ('table' in part) {
      // A GitHub-flavoured table: the first row is its header row (Markdown tables need one).
      const lines = part.table.rows.map((row) => `| ${row.map((cell) => (cell ? textOf(cell).replace(/\|/g, '\\|') : '')).join(' | ')} |`);
      lines.splice(1, 0, `|${part.table.rows[0]!.map(() => ' --- ').join('|')}|`);
      out.push(...lines, '');
      continue;
    }
    const { block } = part;
    const text = textOf(block);
    if (block.kind === 'heading') out.push(`${'#'.repeat(Math.min(6, (block.level ?? 1) + 1))} ${text}`, '');
    else if (block.kind === 'quote') out.push(`> ${text.replace(/\n/g, '\n> ')}`, '');
    else if (block.kind === 'list-item') out.push(`${block.ordered ? '1.' : '-'} ${text}`, '');
    else out.push(text, '');
  }
  if (view.notes.length) out.push(...view.notes.map(noteLine), '');
  return `${out.join('\n').trimEnd()}\n`;
}
