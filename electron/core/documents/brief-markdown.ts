import type { AnnotatedBrief, BriefEntry } from './brief-model';
import { escapeMarkdown, safeArticleUrl } from './escape';

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

function entryMarkdown(entry: BriefEntry, index: number): string {
  const facts = [
    `**${escapeMarkdown(entry.stance?.label ?? 'no stance')}**`,
    entry.proposition ? escapeMarkdown(entry.proposition) : null,
    entry.speaker ? `speaker: ${escapeMarkdown(entry.speaker)}` : null,
    entry.anchorStatus === 'exact' ? null : `anchor: ${entry.anchorStatus}`,
  ].filter(Boolean);
  const lines = [`${index}. ${facts.join(' · ')}`, '', quoteBlock(entry.quote)];
  if (entry.note.trim()) lines.push('', `*Note:* ${escapeMarkdown(entry.note.trim())}`);
  if (entry.tags.length) lines.push('', `Tags: ${entry.tags.map(escapeMarkdown).join(', ')}`);
  return lines.join('\n');
}

/** The brief as CommonMark: user text escaped so it renders as written, never as markup. */
export function renderBriefMarkdown(brief: AnnotatedBrief): string {
  const out: string[] = [`# ${escapeMarkdown(brief.title)}`, ''];
  const url = safeArticleUrl(brief.url);
  const meta = [
    brief.source ? `Source: ${escapeMarkdown(brief.source)}` : null,
    brief.author ? `Author: ${escapeMarkdown(brief.author)}` : null,
    brief.publishedAt ? `Published: ${brief.publishedAt}` : null,
    url ? `URL: <${url}>` : null,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join('  \n'), '');
  if (brief.standfirst) out.push(`*${escapeMarkdown(brief.standfirst)}*`, '');
  out.push(`${brief.claimCount} claim${brief.claimCount === 1 ? '' : 's'}.`, '');
  for (const issue of brief.issues) {
    out.push(`## ${escapeMarkdown(issue.issue)}`, '');
    for (const group of issue.actorGroups) {
      out.push(`### ${escapeMarkdown(group.actors)}`, '');
      group.entries.forEach((entry, i) => out.push(entryMarkdown(entry, i + 1), ''));
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
