import { replaceEqualDeep } from '@tanstack/react-query';
import type { ArticleWithClaims } from '../../../shared/api';
import type { Claim } from '../../../shared/model';

/** Reading order, as the core sends claims: by start, then the longer one first. */
function before(a: Claim, b: Claim): boolean {
  const pa = a.target.position;
  const pb = b.target.position;
  return pa.start < pb.start || (pa.start === pb.start && pa.end > pb.end);
}

/**
 * The cached article with a claim just saved put in (or replaced), in reading order, so the
 * reader shows it at once instead of after the whole article and its claims come again. The
 * refetch that follows confirms it; unchanged claims keep their identity, so only what shows
 * the new claim draws again.
 */
export function withSavedClaim(data: ArticleWithClaims, claim: Claim): ArticleWithClaims {
  const claims = data.claims.filter((c) => c.id !== claim.id);
  claims.splice(readingIndex(claims, claim), 0, claim);
  return { ...data, claims };
}

/**
 * Where a claim goes among claims in reading order: the index of the first claim it comes
 * before (claims.length if none). For a claim not in the list, that is its next neighbour.
 */
export function readingIndex(claims: readonly Claim[], claim: Claim): number {
  let lo = 0;
  let hi = claims.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(claims[mid] as Claim, claim)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cached article without a claim just deleted (the same object when it had no such claim). */
export function withoutClaim(data: ArticleWithClaims, claimId: string): ArticleWithClaims {
  const claims = data.claims.filter((c) => c.id !== claimId);
  return claims.length === data.claims.length ? data : { ...data, claims };
}

/**
 * Structural sharing for the article query: keeps the cached objects that did not change, so
 * only what shows a changed claim draws again. React Query's own sharing pairs claims by
 * position, which after an insertion pairs every later claim with its neighbour: all of them
 * would be compared deeply and come out as new objects. Here claims are paired by id, and a
 * claim still the same object (an update made from this window) costs nothing.
 */
export function shareArticleData(previous: unknown, next: unknown): unknown {
  if (!previous || !next) return next;
  const old = previous as ArticleWithClaims;
  const fresh = next as ArticleWithClaims;
  if (!Array.isArray(old.claims) || !Array.isArray(fresh.claims)) return replaceEqualDeep(previous, next);
  const byId = new Map(old.claims.map((c) => [c.id, c]));
  const claims = fresh.claims.map((c) => {
    const before = byId.get(c.id);
    return before ? replaceEqualDeep(before, c) : c;
  });
  const article = replaceEqualDeep(old.article, fresh.article);
  const sameClaims = claims.length === old.claims.length && claims.every((c, i) => c === old.claims[i]);
  if (article === old.article && sameClaims) return old;
  return { ...fresh, article, claims: sameClaims ? old.claims : claims };
}
