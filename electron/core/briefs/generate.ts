import { UserError } from '../../../shared/api';
import type { Article, Brief, Claim, Codebook } from '../../../shared/model';
import { requireArticle } from '../articles/articles';
import type { CoreContext } from '../context';
import { buildAnnotatedBrief } from '../documents/brief-model';
import { createBrief } from './briefs';
import { findClaims } from './citations';
import { bold, bulletList, citation, doc, heading, italic, link, paragraph, text, type DocNode } from './doc-nodes';
import { comparePositions, type PositionRelation } from './positions';

export interface GenerateBriefRequest {
  articleIds?: string[];
  claimIds?: string[];
  title?: string;
}

export const AGREE_CLASH_HEADING = 'Where actors agree and where they clash';
export const NOTES_HEADING = "Analyst's notes";

/** "2024-12-21" as "21 December 2024", read as a calendar date so no time zone shifts it. */
function longDate(iso: string | null): string | null {
  const [y, m, d] = (iso ?? '').split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function sourceLine(article: Article): DocNode[] {
  const facts = [article.source, longDate(article.publishedAt)].filter((f): f is string => !!f);
  return [link(article.title, article.url), ...(facts.length > 0 ? [text(` — ${facts.join(', ')}`)] : [])];
}

function relationLine(relation: PositionRelation): DocNode[] {
  const sides = relation.sides.map((s) => `${s.actor} ${s.stance.label}`).join('; ');
  return [
    bold(relation.kind === 'clash' ? 'Clash' : 'Agreement'),
    text(' on '),
    italic(relation.proposition),
    text(`${relation.issue ? ` (${relation.issue})` : ''}: ${sides}.`),
  ];
}

/** The claims to draft from: all claims of the chosen articles plus the chosen claims, once each. */
async function gatherClaims(ctx: CoreContext, request: GenerateBriefRequest): Promise<{ articles: Article[]; claims: Claim[] }> {
  const articleIds = [...new Set(request.articleIds ?? [])];
  const claimIds = [...new Set(request.claimIds ?? [])];
  if (articleIds.length === 0 && claimIds.length === 0) {
    throw new UserError('invalid-request', 'Choose at least one article or claim to draft a brief from.');
  }
  const articles = new Map<string, Article>();
  const claims = new Map<string, Claim>();
  for (const id of articleIds) {
    articles.set(id, await requireArticle(ctx, id));
    for (const claim of await ctx.store.getClaims(id)) claims.set(claim.id, claim);
  }
  const wanted = claimIds.filter((id) => !claims.has(id));
  const found = await findClaims(
    ctx,
    wanted.map((claimId) => ({ claimId })),
  );
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length > 0) throw new UserError('not-found', `There is no claim with id "${unknown[0]}" in this notebook. It may have been deleted.`);
  for (const { claim } of found.values()) {
    claims.set(claim.id, claim);
    if (!articles.has(claim.articleId)) articles.set(claim.articleId, await requireArticle(ctx, claim.articleId));
  }
  return { articles: [...articles.values()], claims: [...claims.values()] };
}

/** The positions part: per issue a heading, per actor group a subheading, per claim its stance, proposition and citation. */
function positionsSection(articles: Article[], claims: Claim[], codebook: Codebook): DocNode[] {
  if (claims.length === 0) return [paragraph(italic('These articles have no claims yet. Mark claims in the reader, then draft again.'))];
  const articleOrder = new Map(articles.map((a, i) => [a.id, i]));
  const byId = new Map(claims.map((c) => [c.id, c]));
  // buildAnnotatedBrief orders by position within one article; across articles, keep article order first.
  const rank = (claimId: string) => {
    const claim = byId.get(claimId);
    return claim ? [articleOrder.get(claim.articleId) ?? 0, claim.target.position.start] : [0, 0];
  };
  const grouped = buildAnnotatedBrief(articles[0] as Article, claims, codebook);
  const out: DocNode[] = [];
  for (const issue of grouped.issues) {
    out.push(heading(2, issue.issue));
    for (const group of issue.actorGroups) {
      out.push(heading(3, group.actors));
      const entries = [...group.entries].sort((a, b) => {
        const [ra, pa] = rank(a.claimId);
        const [rb, pb] = rank(b.claimId);
        return (ra ?? 0) - (rb ?? 0) || (pa ?? 0) - (pb ?? 0);
      });
      for (const entry of entries) {
        const articleId = byId.get(entry.claimId)?.articleId ?? '';
        out.push(
          paragraph(bold(entry.stance?.label ?? 'No stance'), text(entry.proposition ? ` ${entry.proposition}` : ' (no proposition yet)')),
          citation(entry.claimId, articleId, entry.quote),
        );
      }
    }
  }
  return out;
}

function notesSection(claims: Claim[], codebook: Codebook): DocNode[] {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const noted = claims.filter((c) => c.note.trim());
  const items = noted.map((c) => {
    const who = c.actorIds.map((id) => actorName.get(id) ?? id).join(' & ') || 'No actor';
    return [bold(`${who}, ${c.proposition || 'no proposition'}: `), text(c.note.trim())];
  });
  return [
    heading(2, NOTES_HEADING),
    ...(items.length > 0 ? [bulletList(items)] : [paragraph(italic('No notes on these claims yet.'))]),
    // Room for the analyst's own assessment.
    paragraph(),
  ];
}

function defaultTitle(articles: Article[]): string {
  const first = articles[0];
  if (articles.length === 1 && first) return `Brief: ${first.title}`.slice(0, 500);
  return `Brief on ${articles.length} articles`;
}

/**
 * Drafts a brief from articles and/or claims and stores it: the title; the sources (title,
 * source, date); per issue (codebook order) and actor group each position's stance and
 * proposition with the quote cited live; where actors agree and clash; the analyst's notes.
 * Throws not-found for an unknown article or claim id, invalid-request when nothing is chosen.
 */
export async function generateBrief(ctx: CoreContext, request: GenerateBriefRequest): Promise<Brief> {
  const { articles, claims } = await gatherClaims(ctx, request);
  const codebook = ctx.store.getCodebook();
  const title = request.title?.trim() || defaultTitle(articles);
  const relations = comparePositions(claims, codebook, articles);
  const clashes = relations.filter((r) => r.kind === 'clash');
  const agreements = relations.filter((r) => r.kind === 'agree');
  const content: DocNode[] = [
    heading(1, title),
    heading(2, articles.length === 1 ? 'Source' : 'Sources'),
    bulletList(articles.map(sourceLine)),
    ...positionsSection(articles, claims, codebook),
    heading(2, AGREE_CLASH_HEADING),
    ...(relations.length === 0 ? [paragraph(italic('No two actors took a position on the same proposition in these claims.'))] : []),
    ...(clashes.length > 0 ? [heading(3, 'Clashes'), bulletList(clashes.map(relationLine))] : []),
    ...(agreements.length > 0 ? [heading(3, 'Agreements'), bulletList(agreements.map(relationLine))] : []),
    ...notesSection(claims, codebook),
  ];
  return createBrief(ctx, title, doc(content));
}
