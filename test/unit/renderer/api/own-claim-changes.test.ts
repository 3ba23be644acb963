import { afterEach, describe, expect, it, vi } from 'vitest';
import { ownClaimChange, takeOwnClaimChange } from '../../../../renderer/src/api/own-claim-changes';

describe('own claim changes', () => {
  afterEach(() => vi.useRealTimers());

  it('lets exactly one event per own change skip the refetch, for that article only', async () => {
    await ownClaimChange('a1', async () => 'saved');
    expect(takeOwnClaimChange('a2')).toBe(false);
    expect(takeOwnClaimChange('a1')).toBe(true);
    expect(takeOwnClaimChange('a1')).toBe(false);
  });

  it('counts the change while it runs (the event comes before the answer)', async () => {
    let seen = false;
    await ownClaimChange('a1', async () => {
      seen = takeOwnClaimChange('a1');
    });
    expect(seen).toBe(true);
  });

  it('forgets a change that failed, and one whose event never came', async () => {
    await expect(ownClaimChange('a1', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(takeOwnClaimChange('a1')).toBe(false);
    vi.useFakeTimers();
    await ownClaimChange('a1', async () => null);
    vi.advanceTimersByTime(11_000);
    expect(takeOwnClaimChange('a1')).toBe(false);
  });
});
