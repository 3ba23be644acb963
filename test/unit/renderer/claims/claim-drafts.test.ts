import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { ArticleWithClaims } from '../../../../shared/api';
import type { ArticleSuggestions } from '../../../../shared/api/contract-suggest';
import type { Claim, ClaimCoding } from '../../../../shared/model';
import { claimMutations, draftClaim } from '../../../../renderer/src/features/claims/claim-mutations';
import { dropCoveredSuggestions, suggestionKeys } from '../../../../renderer/src/features/suggestions/suggestion-cache';
import { readingIndex, withoutClaim } from '../../../../renderer/src/app/claim-cache';
import { keys } from '../../../../renderer/src/app/query-keys';

const TEXT = 'The minister said the talks would go on. Officials denied it. The council met again on Monday.';
const CODING: ClaimCoding = { actorIds: ['act_a'], issueId: null, proposition: '', stanceId: 'st_support', speaker: null, tags: [], note: '' };

const saved = (id: string, start: number, end: number, coding: Partial<ClaimCoding> = {}): Claim => ({
  ...draftClaim('art', TEXT, start, end, { ...CODING, ...coding }, '2026-01-01T00:00:00.000Z')!,
  id,
});

function clientWith(claims: Claim[], suggestions: Array<{ start: number; end: number }> = []): QueryClient {
  const client = new QueryClient();
  client.setQueryData<ArticleWithClaims>(keys.article('art'), { article: { id: 'art', text: TEXT }, claims } as unknown as ArticleWithClaims);
  client.setQueryData<ArticleSuggestions>(suggestionKeys.article('art'), {
    articleId: 'art',
    coder: 'suggester',
    version: '1',
    rejectedCount: 0,
    suggestions: suggestions.map((content) => ({ id: `sug-${content.start}-${content.end}`, content }) as ArticleSuggestions['suggestions'][number]),
  });
  return client;
}

const cached = (client: QueryClient) => client.getQueryData<ArticleWithClaims>(keys.article('art'))!.claims;
const pending = (client: QueryClient) => client.getQueryData<ArticleSuggestions>(suggestionKeys.article('art'))!.suggestions.map((s) => s.id);

describe('draftClaim', () => {
  it('describes the range as the core does, with the coding typed and a stand-in id', () => {
    const draft = draftClaim('art', TEXT, 41, 61, CODING)!;
    expect(draft.id).toMatch(/^draft-/);
    expect(draft.target.quote.exact).toBe('Officials denied it.');
    expect(draft.target.quote.prefix).toBe(TEXT.slice(41 - 32, 41));
    expect(draft.target.position).toEqual({ type: 'TextPositionSelector', start: 41, end: 61 });
    expect(draft).toMatchObject({ articleId: 'art', stanceId: 'st_support', actorIds: ['act_a'], anchor: { status: 'exact' } });
  });

  it('is null for a range that cannot be a claim (the core says why)', () => {
    expect(draftClaim('art', TEXT, 40, 41, CODING)).toBeNull();
    expect(draftClaim('art', TEXT, 10, 500, CODING)).toBeNull();
  });
});

describe('a claim drawn before the core answers', () => {
  it('shows a new claim at once, in reading order, and the answer takes the draft’s place', () => {
    const first = saved('clm_1', 0, 40);
    const client = clientWith(
      [first],
      [
        { start: 41, end: 61 },
        { start: 62, end: 95 },
      ],
    );
    const mutations = claimMutations(client);
    const draft = draftClaim('art', TEXT, 41, 61, CODING)!;
    mutations.drawing(draft);
    expect(cached(client).map((c) => c.id)).toEqual(['clm_1', draft.id]);
    expect(cached(client)[0]).toBe(first);
    mutations.saved(saved('clm_2', 41, 61), true, draft.id);
    expect(cached(client).map((c) => c.id)).toEqual(['clm_1', 'clm_2']);
    // The suggestion the new claim covers is no longer pending; the other stays.
    expect(pending(client)).toEqual(['sug-62-95']);
  });

  it('takes a refused new claim back, leaving the others as they were', () => {
    const first = saved('clm_1', 0, 40);
    const client = clientWith([first]);
    const draft = draftClaim('art', TEXT, 41, 61, CODING)!;
    const takeBack = claimMutations(client).drawing(draft);
    takeBack();
    expect(cached(client)).toEqual([first]);
  });

  it('puts a refused edit back as the claim was', () => {
    const claim = saved('clm_1', 0, 40);
    const client = clientWith([claim]);
    const takeBack = claimMutations(client).drawing({ ...claim, stanceId: 'st_oppose' }, claim);
    expect(cached(client)[0]!.stanceId).toBe('st_oppose');
    takeBack();
    expect(cached(client)).toEqual([claim]);
  });

  it('does not take back what replaced the draft in the cache meanwhile (a newer answer)', () => {
    const claim = saved('clm_1', 0, 40);
    const client = clientWith([claim]);
    const takeBack = claimMutations(client).drawing({ ...claim, stanceId: 'st_oppose' }, claim);
    const newer = { ...claim, stanceId: 'st_neutral' };
    claimMutations(client).saved(newer, false);
    takeBack();
    expect(cached(client)).toEqual([newer]);
  });

  it('hides a claim being deleted and puts it back if the core refuses', () => {
    const [a, b] = [saved('clm_1', 0, 40), saved('clm_2', 41, 61)];
    const client = clientWith([a, b]);
    const putBack = claimMutations(client).hiding(b);
    expect(cached(client)).toEqual([a]);
    putBack();
    expect(cached(client)).toEqual([a, b]);
    expect(cached(client)[1]).toBe(b);
  });
});

describe('dropCoveredSuggestions', () => {
  it('drops the suggestions a claim covers by half their union or more, and keeps the list when none is', () => {
    const client = clientWith(
      [],
      [
        { start: 0, end: 40 },
        { start: 10, end: 20 },
        { start: 41, end: 61 },
      ],
    );
    dropCoveredSuggestions(client, 'art', { start: 0, end: 30 });
    // [0,40) overlaps 30 of 40; [10,20) only 10 of 30.
    expect(pending(client)).toEqual(['sug-10-20', 'sug-41-61']);
    const before = client.getQueryData(suggestionKeys.article('art'));
    dropCoveredSuggestions(client, 'art', { start: 62, end: 95 });
    expect(client.getQueryData(suggestionKeys.article('art'))).toBe(before);
  });
});

describe('withoutClaim', () => {
  it('keeps the cached article when it has no such claim', () => {
    const data = { article: { id: 'art' }, claims: [saved('clm_1', 0, 40)] } as unknown as ArticleWithClaims;
    expect(withoutClaim(data, 'clm_9')).toBe(data);
  });
});

describe('readingIndex', () => {
  it('gives a claim’s place in reading order: its next neighbour when it is no longer in the list', () => {
    const [a, b, c] = [saved('clm_1', 0, 40), saved('clm_2', 41, 61), saved('clm_3', 62, 94)];
    expect(readingIndex([a, c], b)).toBe(1);
    expect(readingIndex([a, b], c)).toBe(2);
    expect(readingIndex([b, c], a)).toBe(0);
    // At the same start, the longer claim comes first.
    expect(readingIndex([a, b, c], saved('clm_4', 41, 50))).toBe(2);
  });
});

describe('suggestions after deletes', () => {
  it('are asked for once the deletes stop for a moment, not after each', () => {
    vi.useFakeTimers();
    try {
      const [a, b] = [saved('clm_1', 0, 40), saved('clm_2', 41, 61)];
      const client = clientWith([a, b]);
      const stale = () => client.getQueryCache().find({ queryKey: suggestionKeys.article('art') })!.state.isInvalidated;
      const mutations = claimMutations(client);
      mutations.deleted(a);
      vi.advanceTimersByTime(600);
      mutations.deleted(b);
      vi.advanceTimersByTime(600);
      expect(stale()).toBe(false);
      expect(cached(client)).toEqual([]);
      vi.advanceTimersByTime(600);
      expect(stale()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
