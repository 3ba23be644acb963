import { UserError } from '../../../shared/api';
import type { AgreementReport, AgreementUnit, AlphaSummary, KnownCoder } from '../../../shared/api/contract-coders';
import type { ArticleSummary, Claim } from '../../../shared/model';
import type { CoreContext } from '../context';
import { krippendorffAlpha, type AlphaLevel } from './alpha';
import { MIN_SPAN_IOU, matchSpans } from './match-spans';

const MATCHING = `Claims by different coders are one span when their character ranges overlap with an intersection over union of at least ${MIN_SPAN_IOU}, matched best first (highest overlap first, one claim per coder per span). Alpha is computed over matched spans; unmatched spans are listed, not counted as disagreement.`;

/** Which articles a report covers: given ids, a collection (by name, ignoring case), or all. */
function articlesInScope(ctx: CoreContext, request: { articleIds?: string[]; collection?: string }): ArticleSummary[] {
  const all = ctx.store.listArticles();
  if (request.articleIds && request.collection) {
    throw new UserError('invalid-request', 'Give article ids or a collection for the agreement report, not both.');
  }
  if (request.articleIds) {
    const byId = new Map(all.map((a) => [a.id, a]));
    const missing = request.articleIds.filter((id) => !byId.has(id));
    if (missing.length) {
      throw new UserError('not-found', `There is no article "${missing[0]}" in this notebook. Check the id (stancebook list shows them).`);
    }
    return [...new Set(request.articleIds)].map((id) => byId.get(id)!);
  }
  if (request.collection) {
    const wanted = request.collection.toLocaleLowerCase();
    const inCollection = all.filter((a) => a.collections.some((c) => c.toLocaleLowerCase() === wanted));
    if (inCollection.length === 0) {
      throw new UserError('not-found', `No article is in a collection called "${request.collection}". Check the name in the library's collections.`);
    }
    return inCollection;
  }
  return all;
}

/** The values a claim gives each variable of the report; undefined = missing. */
function actorValue(claim: Claim): string | undefined {
  return claim.actorIds.length ? [...claim.actorIds].sort().join('+') : undefined;
}

function alphaOf(values: (string | undefined)[][], level: AlphaLevel, order?: string[]): AlphaSummary {
  const units = values.map((unit) => unit.filter((v): v is string => v !== undefined));
  const result = krippendorffAlpha(units, level, order);
  return { alpha: result.alpha, level: level === 'ordinal' ? 'ordinal' : 'nominal', units: result.units, pairable: result.pairable };
}

/** The name each coder last had in a claim's history (entries are oldest first); `names` carries a fold over earlier claims on. */
export function coderNames(claims: Claim[], names = new Map<string, string | null>()): Map<string, string | null> {
  for (const claim of claims) {
    if (claim.createdBy && !names.has(claim.createdBy)) names.set(claim.createdBy, null);
    for (const entry of claim.history ?? []) if (entry.by) names.set(entry.by, entry.byName ?? names.get(entry.by) ?? null);
  }
  return names;
}

/**
 * The agreement report over the articles in scope: articles with claims by two or more coders,
 * their claims matched into spans (match-spans.ts), Krippendorff's alpha for actor (the set of
 * actors as one nominal value), issue (nominal) and stance (ordinal along the codebook's scale),
 * and the unmatched spans per coder. Reads the claims of every article in scope.
 */
export async function getAgreementReport(
  ctx: CoreContext,
  request: { articleIds?: string[]; collection?: string },
  currentCoder: KnownCoder | null,
): Promise<AgreementReport> {
  const scope = articlesInScope(ctx, request);
  const codebook = ctx.store.getCodebook();
  const units: AgreementUnit[] = [];
  const unmatched: AgreementReport['unmatched'] = [];
  const articles: AgreementReport['articles'] = [];
  const allClaims: Claim[] = [];
  let singleCoderArticles = 0;
  let claimsWithoutCoder = 0;

  for (const summary of scope) {
    if (summary.claimCount === 0) continue;
    const claims = await ctx.store.getClaims(summary.id);
    const coded = claims.filter((c) => c.createdBy);
    claimsWithoutCoder += claims.length - coded.length;
    if (new Set(coded.map((c) => c.createdBy)).size < 2) {
      if (coded.length > 0) singleCoderArticles++;
      continue;
    }
    articles.push({ id: summary.id, title: summary.title });
    allClaims.push(...coded);
    const matched = matchSpans(coded);
    for (const unit of matched.units) {
      units.push({
        articleId: summary.id,
        articleTitle: summary.title,
        overlap: unit.overlap,
        claims: unit.claims,
        differs: differences(unit.claims),
      });
    }
    for (const claim of matched.unmatched) {
      unmatched.push({ coderId: claim.createdBy!, articleId: summary.id, articleTitle: summary.title, claim });
    }
  }

  const stanceOrder = [...codebook.stances].sort((a, b) => a.value - b.value).map((s) => s.id);
  const known = new Set(stanceOrder);
  const alpha = {
    actor: alphaOf(
      units.map((u) => u.claims.map(actorValue)),
      'nominal',
    ),
    issue: alphaOf(
      units.map((u) => u.claims.map((c) => c.issueId ?? undefined)),
      'nominal',
    ),
    stance: alphaOf(
      units.map((u) => u.claims.map((c) => (c.stanceId && known.has(c.stanceId) ? c.stanceId : undefined))),
      'ordinal',
      stanceOrder,
    ),
  };
  return {
    matching: MATCHING,
    articles,
    singleCoderArticles,
    claimsWithoutCoder,
    coders: coderSummary(allClaims, units, currentCoder),
    alpha,
    units,
    unmatched,
  };
}

function differences(claims: Claim[]): AgreementUnit['differs'] {
  const differs: AgreementUnit['differs'] = [];
  const varies = (value: (c: Claim) => string | null | undefined) => new Set(claims.map((c) => value(c) ?? '')).size > 1;
  if (varies(actorValue)) differs.push('actor');
  if (varies((c) => c.issueId)) differs.push('issue');
  if (varies((c) => c.stanceId)) differs.push('stance');
  return differs;
}

function coderSummary(claims: Claim[], units: AgreementUnit[], currentCoder: KnownCoder | null): AgreementReport['coders'] {
  const names = coderNames(claims);
  if (currentCoder) names.set(currentCoder.id, currentCoder.name);
  const matched = new Map<string, number>();
  for (const unit of units) for (const c of unit.claims) matched.set(c.createdBy!, (matched.get(c.createdBy!) ?? 0) + 1);
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.createdBy!, (counts.get(c.createdBy!) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, name: names.get(id) ?? null, claims: count, matched: matched.get(id) ?? 0 }))
    .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
}
