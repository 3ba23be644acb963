import type { Article, Block, Claim, Codebook, Stance } from '../../../shared/model';
import { sortClaims } from '../claims/claims';
import { headingOf, type DocumentHeading } from './heading';

/** A run of an article's text, with the claims (by number) that cover it. */
export interface ArticleSegment {
  text: string;
  /** Numbers of the claims covering this run, outermost first; empty for plain text. */
  claims: number[];
  /** Numbers of the claims that end with this run: their note markers follow it. */
  markersAfter: number[];
}

export interface ArticleBlockView {
  kind: Block['kind'];
  level?: number;
  ordered?: boolean;
  /** For table cells: the table, row, column and whether it is a header cell. */
  table?: number;
  row?: number;
  col?: number;
  header?: boolean;
  colSpan?: number;
  rowSpan?: number;
  segments: ArticleSegment[];
}

/** One numbered note: a claim resolved to names, as the end of the document lists it. */
export interface ArticleNote {
  number: number;
  claimId: string;
  quote: string;
  actors: string;
  issue: string | null;
  stance: Stance | null;
  proposition: string;
  speaker: string | null;
  note: string;
  tags: string[];
  anchorStatus: Claim['anchor']['status'];
}

/** An article with its claims highlighted in place and numbered notes, ready to render. */
export interface AnnotatedArticle extends DocumentHeading {
  blocks: ArticleBlockView[];
  notes: ArticleNote[];
}

interface Span {
  number: number;
  start: number;
  end: number;
  /** Where the note marker goes: the claim's end, or the end of the last block it reaches. */
  markerAt: number;
}

function segmentsOf(text: string, block: { start: number; end: number }, spans: Span[]): ArticleSegment[] {
  const cuts = new Set([block.start, block.end]);
  for (const span of spans) {
    if (span.start > block.start && span.start < block.end) cuts.add(span.start);
    if (span.end > block.start && span.end < block.end) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: ArticleSegment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    segments.push({
      text: text.slice(from, to),
      claims: spans.filter((s) => s.start <= from && s.end >= to).map((s) => s.number),
      markersAfter: spans.filter((s) => s.markerAt === to).map((s) => s.number),
    });
  }
  return segments;
}

/**
 * Lays an article out block by block with each placed claim highlighted over its range and a
 * numbered marker where it ends; claims are numbered in reading order, and the notes list
 * every claim, orphans included (they are listed but cannot be highlighted). Overlapping
 * claims split the text into runs that know every claim covering them.
 */
export function buildAnnotatedArticle(article: Article, claims: Claim[], codebook: Codebook): AnnotatedArticle {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const issueName = new Map(codebook.issues.map((i) => [i.id, i.name]));
  const stanceById = new Map(codebook.stances.map((s) => [s.id, s]));
  const ordered = sortClaims(claims);
  const notes: ArticleNote[] = ordered.map((claim, index) => ({
    number: index + 1,
    claimId: claim.id,
    quote: claim.target.quote.exact,
    actors: claim.actorIds.map((id) => actorName.get(id) ?? id).join(' & '),
    issue: claim.issueId ? (issueName.get(claim.issueId) ?? claim.issueId) : null,
    stance: claim.stanceId ? (stanceById.get(claim.stanceId) ?? null) : null,
    proposition: claim.proposition,
    speaker: claim.speaker,
    note: claim.note,
    tags: claim.tags,
    anchorStatus: claim.anchor.status,
  }));
  const blocks: Block[] = article.blocks.length ? article.blocks : [{ kind: 'paragraph', start: 0, end: article.text.length }];
  // A claim ending between blocks (in a gap the blocks do not cover) gets its marker at the
  // end of the last block it reaches, so no marker is ever lost.
  const markerAt = (start: number, end: number): number => {
    if (blocks.some((b) => b.start < end && end <= b.end)) return end;
    const reached = blocks.filter((b) => b.end < end && b.end > start).map((b) => b.end);
    return reached.length ? Math.max(...reached) : end;
  };
  const spans: Span[] = ordered
    .map((claim, index) => ({ number: index + 1, start: claim.target.position.start, end: claim.target.position.end, claim }))
    .filter(({ claim, start, end }) => claim.anchor.status !== 'orphaned' && start < end && end <= article.text.length)
    .map(({ number, start, end }) => ({ number, start, end, markerAt: markerAt(start, end) }));
  return {
    ...headingOf(article),
    blocks: blocks.map((block) => ({
      kind: block.kind,
      level: block.level,
      ordered: block.ordered,
      ...(block.kind === 'table-cell'
        ? { table: block.table, row: block.row, col: block.col, header: block.header ?? false, colSpan: block.colSpan, rowSpan: block.rowSpan }
        : {}),
      segments: segmentsOf(
        article.text,
        block,
        spans.filter((s) => s.start < block.end && s.end > block.start),
      ),
    })),
    notes,
  };
}
