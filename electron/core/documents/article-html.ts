import type { AnnotatedArticle, ArticleBlockView, ArticleNote, ArticleSegment } from './article-model';
import { articleParts, type ArticleTableView } from './article-tables';
import { escapeHtml, htmlDocument, safeArticleUrl } from './escape';

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; max-width: 44rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
.meta { font: .9rem/1.5 system-ui, sans-serif; color: #555; margin: 0 0 1rem; }
.standfirst { font-style: italic; color: #333; }
mark.claim { background: var(--hl, #fff3b0); color: inherit; border-bottom: 2px solid var(--stance, #999); padding: 0 1px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.claim.overlap { border-bottom-style: double; border-bottom-width: 4px; }
sup.marker { font: 700 .7rem system-ui, sans-serif; color: #8a2b06; }
sup.marker a { color: inherit; text-decoration: none; }
blockquote.block { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid #ccc; color: #333; }
h2, h3, h4 { font-family: system-ui, sans-serif; }
section.notes { margin-top: 2.5rem; border-top: 2px solid #ddd; font: .9rem/1.45 system-ui, sans-serif; }
section.notes li { margin: 0 0 .8rem; break-inside: avoid; }
.stance { display: inline-block; padding: 0 .4rem; border-radius: .6rem; color: #fff; background: var(--stance, #777); font-weight: 600; }
.note { background: #f6f5f0; padding: .3rem .5rem; border-radius: 4px; white-space: pre-wrap; }
.status { color: #8a2b06; font-weight: 600; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

function segmentHtml(segment: ArticleSegment, notes: Map<number, ArticleNote>): string {
  let html = escapeHtml(segment.text);
  const inner = segment.claims[segment.claims.length - 1];
  if (inner !== undefined) {
    const colour = notes.get(inner)?.stance?.color ?? '#999999';
    const style = `--stance: ${colour}; --hl: ${colour}33`;
    const overlap = segment.claims.length > 1 ? ' overlap' : '';
    html = `<mark class="claim${overlap}" data-claims="${segment.claims.join(' ')}" style="${escapeHtml(style)}">${html}</mark>`;
  }
  const markers = segment.markersAfter.map((n) => `<sup class="marker" id="ref-${n}"><a href="#note-${n}">[${n}]</a></sup>`);
  return html + markers.join('');
}

function blockHtml(block: ArticleBlockView, notes: Map<number, ArticleNote>): string {
  const body = block.segments.map((s) => segmentHtml(s, notes)).join('');
  if (block.kind === 'heading') {
    // The title is the only h1; headings in the text start at h2.
    const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
    return `<h${level}>${body}</h${level}>`;
  }
  if (block.kind === 'quote') return `<blockquote class="block"><p>${body}</p></blockquote>`;
  if (block.kind === 'list-item') return `<p class="list-item">${block.ordered ? '' : '• '}${body}</p>`;
  return `<p>${body}</p>`;
}

function tableHtml(table: ArticleTableView, notes: Map<number, ArticleNote>): string {
  const rows = table.rows.map((row, r) => {
    const cells = row.flatMap((cell, c) => {
      if (table.covered.has(`${r}:${c}`)) return [];
      if (!cell) return ['<td></td>'];
      const body = cell.segments.map((s) => segmentHtml(s, notes)).join('');
      const spans = `${cell.colSpan ? ` colspan="${cell.colSpan}"` : ''}${cell.rowSpan ? ` rowspan="${cell.rowSpan}"` : ''}`;
      return [cell.header ? `<th${spans}>${body}</th>` : `<td${spans}>${body}</td>`];
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table class="article-table">\n${rows.join('\n')}\n</table>`;
}

function noteHtml(note: ArticleNote): string {
  const facts = [
    note.actors ? `<strong>${escapeHtml(note.actors)}</strong>` : '<strong>No actor</strong>',
    note.stance ? `<span class="stance" style="--stance: ${escapeHtml(note.stance.color)}">${escapeHtml(note.stance.label)}</span>` : 'no stance',
    note.proposition ? `on <em>${escapeHtml(note.proposition)}</em>` : '',
    note.issue ? `(${escapeHtml(note.issue)})` : '',
    note.speaker ? `· speaker: ${escapeHtml(note.speaker)}` : '',
    note.anchorStatus === 'orphaned' ? '· <span class="status">not found in the current text</span>' : '',
  ].filter(Boolean);
  return `<li id="note-${note.number}" value="${note.number}">
<p>${facts.join(' ')}</p>
<p>“${escapeHtml(note.quote)}”</p>
${note.note.trim() ? `<p class="note">${escapeHtml(note.note.trim())}</p>` : ''}${note.tags.length ? `<p>Tags: ${note.tags.map(escapeHtml).join(', ')}</p>` : ''}
</li>`;
}

/**
 * The article as one self-contained HTML file with its claims highlighted in their stance's
 * colour and numbered notes at the end. No scripts or external resources; every piece of
 * user text is escaped; a Content-Security-Policy forbids anything else from loading.
 */
export function renderArticleHtml(view: AnnotatedArticle): string {
  const notes = new Map(view.notes.map((n) => [n.number, n]));
  const url = safeArticleUrl(view.url);
  const meta = [
    view.source ? escapeHtml(view.source) : null,
    view.author ? `by ${escapeHtml(view.author)}` : null,
    view.publishedAt ? `<time datetime="${escapeHtml(view.publishedAt)}">${escapeHtml(view.publishedAt)}</time>` : null,
    url ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : null,
  ].filter(Boolean);
  return htmlDocument({
    title: `${view.title} — annotated`,
    style: STYLE,
    body: `<header>
<h1>${escapeHtml(view.title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
${view.standfirst ? `<p class="standfirst">${escapeHtml(view.standfirst)}</p>` : ''}
</header>
<main>
${articleParts(view.blocks)
  .map((part) => ('block' in part ? blockHtml(part.block, notes) : tableHtml(part.table, notes)))
  .join('\n')}
</main>
<section class="notes">
<h2>Claims</h2>
<ol>
${view.notes.map(noteHtml).join('\n')}
</ol>
</section>`,
  });
}
