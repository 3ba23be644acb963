import type { Article } from '../../../../shared/model';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The standfirst to show above the text, or null when it would repeat it: importers keep the
 * standfirst as the first paragraph of the canonical text (claims may sit in it), so a standfirst
 * equal to, or the start of, the first paragraph is shown once, as that paragraph.
 */
export function shownStandfirst(article: Pick<Article, 'standfirst' | 'text' | 'blocks'>): string | null {
  const standfirst = article.standfirst?.trim();
  if (!standfirst) return null;
  const first = article.blocks[0];
  const lede = first ? article.text.slice(first.start, first.end) : article.text.slice(0, standfirst.length * 2);
  return squash(lede).startsWith(squash(standfirst)) ? null : standfirst;
}
