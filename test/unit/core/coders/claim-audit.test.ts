import { describe, expect, it } from 'vitest';
import { boundHistory, diffClaim, stampClaim } from '../../../../electron/core/coders/claim-audit';
import { CLAIM_HISTORY_LIMIT, type Claim, type ClaimHistoryEntry } from '../../../../shared/model';

const claim: Claim = {
  id: 'clm_1',
  articleId: 'art_1',
  target: {
    quote: { type: 'TextQuoteSelector', exact: 'Taiwan is a red line', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 10, end: 30 },
  },
  anchor: { status: 'exact', score: 1 },
  actorIds: [],
  issueId: null,
  proposition: '',
  stanceId: null,
  speaker: null,
  tags: [],
  note: '',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};
const ann = { id: 'coder-ann', name: 'Ann' };

describe('claim audit', () => {
  it('lists each changed field once, with the anchor as state, range and quote', () => {
    const after: Claim = {
      ...claim,
      tags: ['red line'],
      note: 'x'.repeat(5000),
      anchor: { status: 'relocated', score: 0.9 },
      target: { ...claim.target, position: { type: 'TextPositionSelector', start: 12, end: 32 } },
    };
    const changes = diffClaim(claim, after);
    expect(changes.map((c) => c.field)).toEqual(['tags', 'note', 'anchor']);
    // A long note is kept to 1,000 characters in the history.
    expect((changes[1]!.to as string).length).toBe(1000);
    expect(changes[2]).toEqual({ field: 'anchor', from: 'placed 10–30 “Taiwan is a red line”', to: 'placed 12–32 “Taiwan is a red line”' });
  });

  it('stamps a new claim with its creator and a "created" entry; a re-anchoring does not change updatedBy', () => {
    const created = stampClaim(null, claim, ann, '2026-12-02T00:00:00.000Z', 'Create claim');
    expect(created).toMatchObject({ createdBy: 'coder-ann', updatedBy: 'coder-ann' });
    expect(created.history).toEqual([
      {
        at: '2026-12-02T00:00:00.000Z',
        by: 'coder-ann',
        byName: 'Ann',
        field: 'created',
        from: null,
        to: 'placed 10–30 “Taiwan is a red line”',
        step: 'Create claim',
      },
    ]);
    const moved = stampClaim(
      created,
      { ...created, target: { ...created.target, position: { type: 'TextPositionSelector', start: 11, end: 31 } } },
      { id: 'coder-rev', name: 'Rev' },
      '2026-12-03T00:00:00.000Z',
      'Edit article text',
    );
    expect(moved.updatedBy).toBe('coder-ann');
    expect(moved.history!.map((e) => e.field)).toEqual(['created', 'anchor']);
  });

  it(`keeps the first entry and the newest ones, ${CLAIM_HISTORY_LIMIT} in all`, () => {
    const entry = (n: number): ClaimHistoryEntry => ({
      at: String(n),
      by: null,
      byName: null,
      field: 'note',
      from: null,
      to: String(n),
      step: 'Edit claim',
    });
    const bounded = boundHistory(Array.from({ length: CLAIM_HISTORY_LIMIT + 50 }, (_, n) => entry(n)));
    expect(bounded).toHaveLength(CLAIM_HISTORY_LIMIT);
    expect(bounded[0]!.at).toBe('0');
    expect(bounded[1]!.at).toBe('51');
    expect(bounded.at(-1)!.at).toBe(String(CLAIM_HISTORY_LIMIT + 49));
  });
});
