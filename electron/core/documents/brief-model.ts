import type { Article, Claim, Codebook, Stance } from '../../../shared/model';
import { sortClaims } from '../claims/claims';
import { headingOf, type DocumentHeading } from './heading';

/** One claim as a brief shows it: everything resolved to names. */
export interface BriefEntry {
  claimId: string;
  quote: string;
  stance: Stance | null;
  proposition: string;
  speaker: string | null;
  note: string;
  tags: string[];
  /** As stored, or 'needs review' for a placement the analyst has not confirmed yet. */
  anchorStatus: Claim['anchor']['status'] | 'needs review';
  position: { start: number; end: number };
}

export interface BriefActorGroup {
  /** The actor names holding these claims, e.g. "United States" or "United States & China". */
  actors: string;
  entries: BriefEntry[];
}

export interface BriefIssueGroup {
  issue: string;
  actorGroups: BriefActorGroup[];
}

/** An annotated brief of one article, ready to render in any format. */
export interface AnnotatedBrief extends DocumentHeading {
  claimCount: number;
  issues: BriefIssueGroup[];
}

const NO_ISSUE = 'No issue';
const NO_ACTOR = 'No actor';

/**
 * Groups an article's claims by issue (codebook order, unassigned last) and then by the
 * actors holding them (a claim held jointly is one joint position, listed once), claims in
 * text order within a group. Quotes are taken verbatim from the claim's selector.
 */
export function buildAnnotatedBrief(article: Article, claims: Claim[], codebook: Codebook): AnnotatedBrief {
  const actorName = new Map(codebook.actors.map((a) => [a.id, a.name]));
  const issueOrder = new Map(codebook.issues.map((issue, index) => [issue.id, index]));
  const issueName = new Map(codebook.issues.map((i) => [i.id, i.name]));
  const stanceById = new Map(codebook.stances.map((s) => [s.id, s]));

  const byIssue = new Map<string, Map<string, BriefEntry[]>>();
  for (const claim of sortClaims(claims)) {
    const issueKey = claim.issueId ?? '';
    const actors = claim.actorIds.map((id) => actorName.get(id) ?? id).join(' & ') || NO_ACTOR;
    const groups = byIssue.get(issueKey) ?? new Map<string, BriefEntry[]>();
    byIssue.set(issueKey, groups);
    const entries = groups.get(actors) ?? [];
    groups.set(actors, entries);
    entries.push({
      claimId: claim.id,
      quote: claim.target.quote.exact,
      stance: claim.stanceId ? (stanceById.get(claim.stanceId) ?? null) : null,
      proposition: claim.proposition,
      speaker: claim.speaker,
      note: claim.note,
      tags: claim.tags,
      anchorStatus: claim.anchor.status !== 'orphaned' && claim.anchor.review ? 'needs review' : claim.anchor.status,
      position: { start: claim.target.position.start, end: claim.target.position.end },
    });
  }

  const issueKeys = [...byIssue.keys()].sort(
    (a, b) => (issueOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (issueOrder.get(b) ?? Number.MAX_SAFE_INTEGER),
  );
  return {
    ...headingOf(article),
    claimCount: claims.length,
    issues: issueKeys.map((key) => ({
      issue: key ? (issueName.get(key) ?? key) : NO_ISSUE,
      actorGroups: [...(byIssue.get(key) ?? new Map()).entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([actors, entries]) => ({ actors, entries })),
    })),
  };
}

/** A file name from a title: letters, digits and dashes only. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'brief';
}
