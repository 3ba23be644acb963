import Papa from 'papaparse';
import type { Codebook } from '../../../shared/model';
import type { ArticleClaims } from './gather';
import { safeArticleUrl } from '../export/escape';

/** The columns, in order: what an analyst filters and pivots on in a spreadsheet. */
export const CSV_COLUMNS = [
  'article',
  'date',
  'source',
  'url',
  'actors',
  'issue',
  'stance',
  'speaker',
  'proposition',
  'quote',
  'note',
  'tags',
] as const;

/**
 * Neutralises spreadsheet formula injection (OWASP): a cell starting with = + - @ (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) gets a leading
 * apostrophe, so "=HYPERLINK(...)" in a quote or note shows as text instead of running.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Claims as CSV, one row per claim, articles in the order given and claims in text order.
 * Multiple actors and tags are joined with "; ". RFC 4180 quoting by papaparse, CRLF line ends
 * and a byte order mark so spreadsheet programs read the UTF-8 correctly.
 */
export function renderClaimsCsv(articles: ArticleClaims[], codebook: Codebook): string {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const issueName = new Map(codebook.issues.map((i) => [i.id, i.name]));
  const stanceLabel = new Map(codebook.stances.map((s) => [s.id, s.label]));
  const rows = articles.flatMap(({ article, claims }) =>
    claims.map((claim) =>
      [
        article.title,
        article.publishedAt ?? '',
        article.source ?? '',
        safeArticleUrl(article.url) ?? '',
        claim.actorIds.map((id) => actorName.get(id) ?? id).join('; '),
        claim.issueId ? (issueName.get(claim.issueId) ?? claim.issueId) : '',
        claim.stanceId ? (stanceLabel.get(claim.stanceId) ?? claim.stanceId) : '',
        claim.speaker ?? '',
        claim.proposition,
        claim.target.quote.exact,
        claim.note,
        claim.tags.join('; '),
      ].map(neutraliseFormula),
    ),
  );
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}
