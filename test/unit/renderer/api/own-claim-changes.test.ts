import { afterEach, describe, expect, it, vi } from 'vitest';
import { onLostEcho, ownClaimChange, takeOwnClaimChange } from '../../../../renderer/src/api/own-claim-changes';

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

  it('a change that fails after an event was taken for it asks for that article to be fetched', async () => {
    const lost: string[] = [];
    const stop = onLostEcho((articleId) => lost.push(articleId));
    // Another window's event arrives while this change runs and is taken as its echo; then the change fails.
    await expect(
      ownClaimChange('a1', async () => {
        expect(takeOwnClaimChange('a1')).toBe(true);
        throw new Error('unknown actor');
      }),
    ).rejects.toThrow('unknown actor');
    // A failure whose entry was still waiting skipped nothing.
    await expect(ownClaimChange('a2', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    stop();
    expect(lost).toEqual(['a1']);
  });
});
