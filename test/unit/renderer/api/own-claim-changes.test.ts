import { describe, expect, it } from 'vitest';
import type { CallOptions } from '../../../../shared/api';
import { isOwnClaimChange, onLostEcho, ownClaimChange } from '../../../../renderer/src/api/own-claim-changes';

describe('own claim changes, by change id', () => {
  it('sends each change with an id of its own and knows exactly its echoes, whenever they come', async () => {
    const sent: CallOptions[] = [];
    await ownClaimChange('a1', async (options) => sent.push(options));
    await ownClaimChange('a1', async (options) => sent.push(options));
    const [first, second] = sent.map((o) => o.changeId!);
    expect(first).toMatch(/^[A-Za-z0-9_-]{1,100}$/);
    expect(second).not.toBe(first);
    // Another window's event on the same article (no id, or an id not ours) is not an echo.
    expect(isOwnClaimChange({ scope: 'claims', articleId: 'a1' })).toBe(false);
    expect(isOwnClaimChange({ scope: 'claims', articleId: 'a1', changeId: 'someone-else' })).toBe(false);
    // Echoes after the answer (browser mode: events and answers travel apart), more than one per change, all known.
    expect(isOwnClaimChange({ scope: 'claims', articleId: 'a1', changeId: second })).toBe(true);
    expect(isOwnClaimChange({ scope: 'claims', articleId: 'a1', changeId: first })).toBe(true);
    expect(isOwnClaimChange({ scope: 'codebook', changeId: first })).toBe(true);
  });

  it('an echo that comes while the change runs (Electron: the event before the answer) is known too', async () => {
    let seen = false;
    await ownClaimChange('a1', async ({ changeId }) => {
      seen = isOwnClaimChange({ scope: 'claims', articleId: 'a1', changeId });
    });
    expect(seen).toBe(true);
  });

  it('a change that fails after its echo was skipped asks for that article to be fetched; one without an echo does not', async () => {
    const lost: string[] = [];
    const stop = onLostEcho((articleId) => lost.push(articleId));
    let failedId: string | undefined;
    await expect(
      ownClaimChange('a1', async ({ changeId }) => {
        failedId = changeId;
        expect(isOwnClaimChange({ scope: 'claims', articleId: 'a1', changeId })).toBe(true);
        throw new Error('the write failed part-way');
      }),
    ).rejects.toThrow('part-way');
    await expect(ownClaimChange('a2', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    stop();
    expect(lost).toEqual(['a1']);
    // A late event of the failed change is no longer taken as an echo: it refetches.
    expect(isOwnClaimChange({ scope: 'claims', articleId: 'a1', changeId: failedId })).toBe(false);
  });
});
