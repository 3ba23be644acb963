import { describe, expect, it } from 'vitest';
import { PropositionPositions, propositionKey, shiftOf } from '../../../../electron/core/positions/position-rules';

/** The one definition of clash, agreement and shift (docs/decisions/0008-clash-per-proposition.md). */
describe('position rules', () => {
  const note = (
    p: PropositionPositions<string>,
    proposition: string,
    actor: string,
    stance: string,
    value: number,
    issueId: string | null = 'issue',
  ) => p.note(`${issueId}|${propositionKey(proposition)}`, issueId, proposition, actor, stance, value);

  it('a clash is opposite sides of neutral on the same proposition, not on the same issue', () => {
    const p = new PropositionPositions<string>();
    // The sample's Taiwan: two propositions of one issue.
    note(p, 'Peace and stability across the Taiwan Strait', 'us', 'supports', 1, 'taiwan');
    note(p, 'Taiwan independence', 'china', 'strongly-opposes', -2, 'taiwan');
    expect(p.relations()).toEqual([]);
    // The sample's South China Sea: one proposition, both sides.
    note(p, "China's territorial claims", 'china', 'strongly-supports', 2, 'scs');
    note(p, "china's  territorial claims.", 'us', 'opposes', -1, 'scs');
    expect(p.relations()).toEqual([
      {
        kind: 'clash',
        issueId: 'scs',
        proposition: "China's territorial claims",
        supporters: [{ actorId: 'china', stanceId: 'strongly-supports', value: 2 }],
        opponents: [{ actorId: 'us', stanceId: 'opposes', value: -1 }],
        neutral: [],
      },
    ]);
  });

  it("an actor's position is its latest stance: a later statement can end a clash or make one", () => {
    const p = new PropositionPositions<string>();
    note(p, 'Tariffs', 'us', 'supports', 1);
    note(p, 'Tariffs', 'china', 'opposes', -1);
    expect(p.relations().map((r) => r.kind)).toEqual(['clash']);
    note(p, 'Tariffs', 'us', 'neutral', 0);
    expect(p.relations()).toEqual([]);
    note(p, 'Tariffs', 'eu', 'strongly-opposes', -2);
    expect(p.relations()).toMatchObject([{ kind: 'agree', opponents: [{ actorId: 'eu' }, { actorId: 'china' }], neutral: [{ actorId: 'us' }] }]);
  });

  it('the same words under two issues are two propositions', () => {
    const p = new PropositionPositions<string>();
    note(p, 'Sanctions', 'us', 'supports', 1, 'russia');
    note(p, 'Sanctions', 'china', 'opposes', -1, 'iran');
    expect(p.relations()).toEqual([]);
  });

  it('a shift is a different latest stance stated on a later day than the first', () => {
    expect(shiftOf({ date: '2024-01-01', stanceId: 'opposes' }, { date: '2024-06-01', stanceId: 'supports' }, 'supports')).toEqual({
      fromStanceId: 'opposes',
      toStanceId: 'supports',
      since: '2024-01-01',
      until: '2024-06-01',
    });
    // Same day: one article's different points, not a shift.
    expect(shiftOf({ date: '2024-01-01', stanceId: 'opposes' }, { date: '2024-01-01', stanceId: 'supports' }, 'supports')).toBeNull();
    // Back where it started.
    expect(shiftOf({ date: '2024-01-01', stanceId: 'opposes' }, { date: '2024-06-01', stanceId: 'opposes' }, 'opposes')).toBeNull();
    // The latest (undated) stance is the first one again.
    expect(shiftOf({ date: '2024-01-01', stanceId: 'opposes' }, { date: '2024-06-01', stanceId: 'supports' }, 'opposes')).toBeNull();
    expect(shiftOf(null, null, 'opposes')).toBeNull();
  });
});
