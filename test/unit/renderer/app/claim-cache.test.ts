import { describe, expect, it } from 'vitest';
import type { ArticleWithClaims } from '../../../../shared/api';
import type { Claim } from '../../../../shared/model';
import { shareArticleData, withSavedClaim, withoutClaim } from '../../../../renderer/src/app/claim-cache';

const claim = (id: string, start: number, end: number) => ({ id, target: { position: { start, end } } }) as unknown as Claim;
const data = (claims: Claim[]) => ({ article: { id: 'art' }, claims }) as unknown as ArticleWithClaims;
const ids = (d: ArticleWithClaims) => d.claims.map((c) => c.id);

describe('claim cache updates', () => {
  const cached = data([claim('a', 0, 10), claim('b', 5, 20), claim('c', 5, 8), claim('d', 30, 40)]);

  it('puts a new claim in reading order: by start, the longer first', () => {
    expect(ids(withSavedClaim(cached, claim('n', 5, 12)))).toEqual(['a', 'b', 'n', 'c', 'd']);
    expect(ids(withSavedClaim(cached, claim('n', 50, 60)))).toEqual(['a', 'b', 'c', 'd', 'n']);
    expect(ids(withSavedClaim(cached, claim('n', 0, 99)))).toEqual(['n', 'a', 'b', 'c', 'd']);
  });

  it('replaces an edited claim, keeps the others (and their identity), never mutates the cache', () => {
    const next = withSavedClaim(cached, claim('b', 31, 32));
    expect(ids(next)).toEqual(['a', 'c', 'd', 'b']);
    expect(next.claims[0]).toBe(cached.claims[0]);
    expect(ids(cached)).toEqual(['a', 'b', 'c', 'd']);
    expect(next.article).toBe(cached.article);
  });

  it('takes a deleted claim out', () => {
    expect(ids(withoutClaim(cached, 'c'))).toEqual(['a', 'b', 'd']);
  });
});

describe('shareArticleData', () => {
  const full = (id: string, start: number, note = '') =>
    ({ id, note, target: { position: { start, end: start + 5 }, quote: { exact: id } } }) as unknown as Claim;
  const cached = {
    article: { id: 'art', blocks: [{ start: 0, end: 9 }] },
    claims: [full('a', 0), full('b', 10), full('c', 20)],
  } as unknown as ArticleWithClaims;
  const refetched = (claims: Claim[]) => JSON.parse(JSON.stringify({ ...cached, claims })) as ArticleWithClaims;

  it('keeps every unchanged claim (and the article) after an insertion, pairing claims by id', () => {
    const next = shareArticleData(cached, refetched([full('a', 0), full('n', 5), full('b', 10), full('c', 20)])) as ArticleWithClaims;
    expect(next.article).toBe(cached.article);
    expect(next.claims.map((c) => c.id)).toEqual(['a', 'n', 'b', 'c']);
    expect(next.claims[0]).toBe(cached.claims[0]);
    expect(next.claims[2]).toBe(cached.claims[1]);
    expect(next.claims[3]).toBe(cached.claims[2]);
  });

  it('gives back the cached data itself when nothing changed, and a new claim object when one did', () => {
    expect(shareArticleData(cached, refetched(cached.claims))).toBe(cached);
    const next = shareArticleData(cached, refetched([full('a', 0), full('b', 10, 'edited'), full('c', 20)])) as ArticleWithClaims;
    expect(next.claims[1]).not.toBe(cached.claims[1]);
    expect(next.claims[1]!.note).toBe('edited');
    expect(next.claims[2]).toBe(cached.claims[2]);
  });
});
