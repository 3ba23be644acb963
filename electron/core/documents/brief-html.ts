import type { AnnotatedBrief, BriefEntry } from './brief-model';
import { escapeHtml, htmlDocument, safeArticleUrl } from './escape';

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.55 Georgia, 'Times New Roman', serif; color: #1d1d1f; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font: 600 1.25rem/1.3 system-ui, sans-serif; border-bottom: 2px solid #ddd; padding-bottom: .25rem; margin-top: 2.2rem; }
h3 { font: 600 1rem/1.3 system-ui, sans-serif; color: #444; margin: 1.4rem 0 .6rem; }
.meta { font: .9rem/1.5 system-ui, sans-serif; color: #555; margin: 0 0 1rem; }
.standfirst { font-style: italic; color: #333; }
.claim { margin: 0 0 1.1rem; padding: .2rem 0 .2rem .9rem; border-left: 5px solid var(--stance, #999); break-inside: avoid; }
.claim blockquote { margin: .3rem 0; font-size: 1.02rem; }
.facts { font: .85rem/1.4 system-ui, sans-serif; color: #333; }
.stance { display: inline-block; padding: 0 .45rem; border-radius: .6rem; color: #fff; background: var(--stance, #777); font-weight: 600; }
.note { font: .9rem/1.45 system-ui, sans-serif; background: #f6f5f0; padding: .35rem .6rem; border-radius: 4px; white-space: pre-wrap; }
.status { color: #8a2b06; font-weight: 600; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`;

function entryHtml(entry: BriefEntry): string {
  const colour = entry.stance?.color ?? '#777777';
  const facts = [
    `<span class="stance">${escapeHtml(entry.stance?.label ?? 'no stance')}</span>`,
    entry.proposition ? `on <em>${escapeHtml(entry.proposition)}</em>` : '',
    entry.speaker ? `· speaker: ${escapeHtml(entry.speaker)}` : '',
    entry.anchorStatus === 'exact' ? '' : `· <span class="status">${escapeHtml(entry.anchorStatus)}</span>`,
  ]
    .filter(Boolean)
    .join(' ');
  const note = entry.note.trim() ? `<p class="note"><strong>Note:</strong> ${escapeHtml(entry.note.trim())}</p>` : '';
  const tags = entry.tags.length ? `<p class="facts">Tags: ${entry.tags.map(escapeHtml).join(', ')}</p>` : '';
  return `<article class="claim" id="claim-${escapeHtml(entry.claimId)}" style="--stance: ${escapeHtml(colour)}">
<p class="facts">${facts}</p>
<blockquote>${escapeHtml(entry.quote)}</blockquote>
${note}${tags}</article>`;
}

/**
 * The brief as one self-contained HTML file: inline CSS, no scripts, no external resources,
 * every piece of user text escaped. A Content-Security-Policy forbids anything else loading.
 */
export function renderBriefHtml(brief: AnnotatedBrief): string {
  const url = safeArticleUrl(brief.url);
  const meta = [
    brief.source ? escapeHtml(brief.source) : null,
    brief.author ? `by ${escapeHtml(brief.author)}` : null,
    brief.publishedAt ? `<time datetime="${escapeHtml(brief.publishedAt)}">${escapeHtml(brief.publishedAt)}</time>` : null,
    url ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : null,
  ].filter(Boolean);
  const sections = brief.issues
    .map(
      (issue) => `<section>
<h2>${escapeHtml(issue.issue)}</h2>
${issue.actorGroups.map((group) => `<h3>${escapeHtml(group.actors)}</h3>\n${group.entries.map(entryHtml).join('\n')}`).join('\n')}
</section>`,
    )
    .join('\n');
  return htmlDocument({
    title: `${brief.title} — annotated brief`,
    style: STYLE,
    body: `<header>
<h1>${escapeHtml(brief.title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
${brief.standfirst ? `<p class="standfirst">${escapeHtml(brief.standfirst)}</p>` : ''}
<p class="meta">${brief.claimCount} claim${brief.claimCount === 1 ? '' : 's'}, grouped by issue and actor.</p>
</header>
<main>
${sections}
</main>`,
  });
}
