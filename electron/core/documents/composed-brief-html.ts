import { attributionOf, ORPHANED_NOTE, UNCONFIRMED_NOTE, type ComposedBrief, type DocBlock, type Inline } from './composed-brief-model';
import { escapeHtml, htmlDocument, safeArticleUrl } from './escape';

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; max-width: 44rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 { font: 600 1.35rem/1.3 system-ui, sans-serif; margin: 2rem 0 .6rem; }
h3 { font: 600 1.12rem/1.3 system-ui, sans-serif; margin: 1.6rem 0 .5rem; }
h4 { font: 600 1rem/1.3 system-ui, sans-serif; color: #444; margin: 1.3rem 0 .4rem; }
.meta { font: .85rem/1.5 system-ui, sans-serif; color: #555; margin: 0 0 1.6rem; }
blockquote { margin: 1rem 0; padding: 0 0 0 1rem; border-left: 3px solid #ccc; color: #333; }
.citation { margin: 1.2rem 0; padding: .4rem 0 .4rem 1rem; border-left: 5px solid var(--stance, #999); break-inside: avoid; }
.citation blockquote { border: 0; padding: 0; margin: 0 0 .35rem; font-size: 1.04rem; color: #1d1d1f; }
.citation figcaption { font: .85rem/1.45 system-ui, sans-serif; color: #333; }
.citation .orphaned { color: #8a2b06; }
.citation .unconfirmed { color: #7a5200; }
.citation .stance { display: inline-block; padding: 0 .45rem; border-radius: .6rem; color: #fff; background: var(--stance, #777); font-weight: 600; }
.citation--missing { border-left-color: #8a2b06; }
.citation--missing figcaption { color: #8a2b06; font-weight: 600; }
sup a { text-decoration: none; }
.notes { margin-top: 2.5rem; border-top: 1px solid #ccc; font: .85rem/1.5 system-ui, sans-serif; }
.notes h2 { font-size: 1rem; }
hr { border: 0; border-top: 1px solid #ccc; margin: 2rem 0; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } .citation { break-inside: avoid; } }
`;

function inlineHtml(inline: Inline[]): string {
  return inline
    .map((run) => {
      if (run.kind === 'break') return '<br>';
      let html = escapeHtml(run.text);
      if (run.underline) html = `<u>${html}</u>`;
      if (run.strike) html = `<s>${html}</s>`;
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      if (run.href) html = `<a href="${escapeHtml(run.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

function noteRef(note: number): string {
  return `<sup><a href="#note-${note}" id="ref-${note}" aria-label="Source ${note}">${note}</a></sup>`;
}

function blockHtml(block: DocBlock): string {
  switch (block.kind) {
    case 'heading': {
      const tag = `h${block.level + 1}`;
      return `<${tag}>${inlineHtml(block.inline)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${inlineHtml(block.inline)}</p>`;
    case 'rule':
      return '<hr>';
    case 'quote':
      return `<blockquote>\n${blocksHtml(block.blocks)}\n</blockquote>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${start}>\n${block.items.map((item) => `<li>${blocksHtml(item)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'citation': {
      const c = block.citation;
      const colour = c.stance?.color ?? '#777777';
      const url = safeArticleUrl(c.article.url);
      const cite = url ? ` cite="${escapeHtml(url)}"` : '';
      const who = c.actors.map((a) => a.name).join(' & ') || 'No actor';
      const caption = [
        `${escapeHtml(who)}${c.speaker ? ` (${escapeHtml(c.speaker)})` : ''}`,
        escapeHtml(c.issue?.path ?? 'No issue'),
        `<span class="stance">${escapeHtml(c.stance?.label ?? 'No stance')}</span>`,
        `<cite>${escapeHtml(c.article.title)}</cite>`,
        ...(c.anchor.status === 'orphaned' ? [`<em class="orphaned">${escapeHtml(ORPHANED_NOTE)}</em>`] : []),
        ...(c.anchor.status !== 'orphaned' && c.anchor.review ? [`<em class="unconfirmed">${escapeHtml(UNCONFIRMED_NOTE)}</em>`] : []),
      ].join(' · ');
      return `<figure class="citation" data-claim-id="${escapeHtml(c.claimId)}" style="--stance: ${escapeHtml(colour)}" aria-label="${escapeHtml(attributionOf(c))}">
<blockquote${cite}>“${escapeHtml(c.quote)}”</blockquote>
<figcaption>— ${caption} ${noteRef(block.note)}</figcaption>
</figure>`;
    }
    case 'missing-citation':
      return `<figure class="citation citation--missing">
${block.quote ? `<blockquote>“${escapeHtml(block.quote)}”</blockquote>\n` : ''}<figcaption>Citation unavailable: ${escapeHtml(block.reason)} ${noteRef(block.note)}</figcaption>
</figure>`;
  }
}

function blocksHtml(blocks: DocBlock[]): string {
  return blocks.map(blockHtml).join('\n');
}

function notesHtml(brief: ComposedBrief): string {
  if (brief.notes.length === 0) return '';
  const items = brief.notes.map((note) => {
    const back = ` <a href="#ref-${note.note}" aria-label="Back to citation ${note.note}">↩</a>`;
    if (!note.source) return `<li id="note-${note.note}">${escapeHtml(note.missing ?? 'Citation unavailable.')}${back}</li>`;
    const { title, source, publishedAt, url } = note.source;
    const safe = safeArticleUrl(url);
    const parts = [
      `“${escapeHtml(title)}”`,
      source ? escapeHtml(source) : null,
      publishedAt ? `<time datetime="${escapeHtml(publishedAt)}">${escapeHtml(publishedAt)}</time>` : null,
      safe ? `<a href="${escapeHtml(safe)}">${escapeHtml(safe)}</a>` : null,
    ].filter(Boolean);
    return `<li id="note-${note.note}">${parts.join(', ')}.${back}</li>`;
  });
  return `<section class="notes" aria-labelledby="sources">\n<h2 id="sources">Sources</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`;
}

/**
 * A brief as one self-contained HTML file: inline print-ready CSS, no scripts, no external
 * resources (a Content-Security-Policy forbids them), every piece of text escaped and only
 * http(s)/mailto links kept. Citations show the quote with who holds it, the issue and the
 * stance, linked to a numbered source note.
 */
export function renderComposedBriefHtml(brief: ComposedBrief): string {
  const updated = brief.updatedAt.slice(0, 10);
  return htmlDocument({
    title: brief.title,
    style: STYLE,
    body: `<header>
<h1>${escapeHtml(brief.title)}</h1>
<p class="meta">Brief, last edited <time datetime="${escapeHtml(updated)}">${escapeHtml(updated)}</time> · ${brief.notes.length} citation${brief.notes.length === 1 ? '' : 's'}</p>
</header>
<main>
${blocksHtml(brief.blocks)}
</main>
${notesHtml(brief)}`,
  });
}
