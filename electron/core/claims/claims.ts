import { UserError } from '../../../shared/api';
import { AnchoringError, describeRange } from '../../../shared/anchoring';
import type { Claim, ClaimCoding, ClaimTarget, Codebook } from '../../../shared/model';
import { requireArticle } from '../articles/articles';
import { isoNow, type CoreContext } from '../context';
import { assertWithinOneCell } from './table-cells';

const EMPTY_CODING: ClaimCoding = {
  actorIds: [],
  issueId: null,
  proposition: '',
  stanceId: null,
  speaker: null,
  tags: [],
  note: '',
};

/** Claims in reading order: by start, then the longer one first. */
export function sortClaims(claims: Claim[]): Claim[] {
  return [...claims].sort((a, b) => a.target.position.start - b.target.position.start || b.target.position.end - a.target.position.end);
}

/**
 * Refuses a coding that names codebook entries the notebook does not have, so no claim ever
 * points at nothing. The message names the unknown id.
 */
export function assertCodingKnown(codebook: Codebook, coding: Partial<ClaimCoding>): void {
  for (const actorId of coding.actorIds ?? []) {
    if (!codebook.actors.some((a) => a.id === actorId)) {
      throw new UserError('invalid-request', `Unknown actor "${actorId}". Pick an actor from the codebook or add it there first.`);
    }
  }
  if (coding.issueId && !codebook.issues.some((i) => i.id === coding.issueId)) {
    throw new UserError('invalid-request', `Unknown issue "${coding.issueId}". Pick an issue from the codebook or add it there first.`);
  }
  if (coding.stanceId && !codebook.stances.some((s) => s.id === coding.stanceId)) {
    throw new UserError('invalid-request', `Unknown stance "${coding.stanceId}". Pick a stance from the codebook's scale.`);
  }
}

function cleanCoding(coding: Partial<ClaimCoding>): Partial<ClaimCoding> {
  const cleaned = { ...coding };
  if (cleaned.actorIds) cleaned.actorIds = [...new Set(cleaned.actorIds)];
  if (cleaned.tags) cleaned.tags = [...new Set(cleaned.tags.map((t) => t.trim()).filter(Boolean))];
  if (cleaned.speaker !== undefined) cleaned.speaker = cleaned.speaker?.trim() || null;
  if (cleaned.proposition !== undefined) cleaned.proposition = cleaned.proposition.trim();
  return cleaned;
}

export async function getClaims(ctx: CoreContext, articleId: string): Promise<Claim[]> {
  return sortClaims(await ctx.store.getClaims(articleId));
}

/**
 * Builds a new claim over [start, end) of the article's current text, validating the range and
 * the coding, without storing it. Throws a UserError naming what was wrong.
 */
export async function planClaim(ctx: CoreContext, articleId: string, start: number, end: number, coding: Partial<ClaimCoding>): Promise<Claim> {
  // The text and blocks alone, not copied: a claim on a long article must not copy the article.
  const body = (await ctx.store.getArticleBody(articleId)) ?? (await requireArticle(ctx, articleId));
  assertWithinOneCell(body, start, end);
  const cleaned = cleanCoding(coding);
  assertCodingKnown(ctx.store.getCodebook(), cleaned);
  const now = isoNow(ctx);
  return {
    ...EMPTY_CODING,
    ...cleaned,
    id: ctx.newId('clm'),
    articleId,
    target: describeTarget(body.text, start, end),
    anchor: { status: 'exact', score: 1 },
    createdAt: now,
    updatedAt: now,
  };
}

/** Selectors for [start, end) of `text`; a bad range becomes a UserError the analyst can act on. */
export function describeTarget(text: string, start: number, end: number): ClaimTarget {
  try {
    return describeRange(text, start, end);
  } catch (error) {
    if (error instanceof AnchoringError) throw new UserError('anchoring-failed', error.message);
    throw error;
  }
}

/** The claim, or a not-found UserError that says what to do. */
export async function requireClaim(ctx: CoreContext, articleId: string, id: string): Promise<Claim> {
  const claim = await ctx.store.getClaim(articleId, id);
  if (!claim) {
    // No copy of the article unless it is missing (to say so).
    if ((await ctx.store.getArticleBody(articleId)) === null) await requireArticle(ctx, articleId);
    throw new UserError('not-found', `There is no claim "${id}" in this article. It may have been deleted; reload the article.`);
  }
  return claim;
}

/** The claim with `patch` applied and validated, not stored. */
export async function planClaimUpdate(
  ctx: CoreContext,
  articleId: string,
  id: string,
  patch: Partial<ClaimCoding>,
): Promise<{ before: Claim; after: Claim }> {
  const before = await requireClaim(ctx, articleId, id);
  const cleaned = cleanCoding(patch);
  assertCodingKnown(ctx.store.getCodebook(), cleaned);
  return { before, after: { ...before, ...cleaned, updatedAt: isoNow(ctx) } };
}
