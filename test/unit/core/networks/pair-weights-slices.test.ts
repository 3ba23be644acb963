import { describe, expect, it } from 'vitest';
import { pairWeights, pairWeightsInSlices } from '../../../../electron/core/networks/networks';
import type { Side, Statement } from '../../../../electron/core/networks/statements';

describe('pair weights worked out in slices', () => {
  it('are the weights worked out at once, with a turn of the event loop after every row', async () => {
    let seed = 5;
    const rand = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const statements: Statement[] = Array.from({ length: 3000 }, (_, i) => ({
      actorId: `actor-${rand(60)}`,
      concept: `issue|proposition ${rand(25)}`,
      side: (rand(3) - 1) as Side,
      articleId: `article-${rand(400)}`,
      claimIndex: i,
      day: `2024-0${1 + rand(9)}-1${rand(10)}`,
    }));
    // Work queued before the call runs before it ends: the pass gave the event loop a turn.
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    // A slice of 0 ms: a turn after the profiles and after each of the 60 actors' rows.
    const sliced = await pairWeightsInSlices(statements, 0);
    expect(otherWorkRan).toBe(true);
    const whole = pairWeights(statements);
    expect(sliced.active).toEqual(whole.active);
    expect(sliced.concepts).toEqual(whole.concepts);
    expect(Array.from(sliced.congruence)).toEqual(Array.from(whole.congruence));
    expect(Array.from(sliced.conflict)).toEqual(Array.from(whole.conflict));
    expect(Array.from(sliced.activity)).toEqual(Array.from(whole.activity));
    expect(Array.from(sliced.norm)).toEqual(Array.from(whole.norm));
    expect(whole.congruence.some((w) => w > 0) && whole.conflict.some((w) => w > 0)).toBe(true);
  });
});
