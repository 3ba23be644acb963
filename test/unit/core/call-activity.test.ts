import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../../shared/api';
import { CallActivity } from '../../../electron/core/call-activity';

/** A call the test answers when it wants. */
function heldCall() {
  let answer!: () => void;
  const answered = new Promise<string>((resolve) => (answer = () => resolve('answered')));
  return { answered, answer };
}

/** Whether the promise has settled, after the microtasks queued so far. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('background work waiting for a quiet moment', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function activityWith(call: () => Promise<string>) {
    const activity = new CallActivity();
    const handlers = activity.track({ getNotebookInfo: call } as unknown as ApiHandlers) as unknown as { getNotebookInfo(): Promise<string> };
    return { activity, handlers };
  }

  it('goes at once when no call was answered lately', async () => {
    const { activity } = activityWith(async () => 'x');
    expect(await settled(activity.whenQuiet(250, 10_000))).toBe(true);
  });

  it('waits while a call runs, then for the quiet period after it, and passes the answer through', async () => {
    const held = heldCall();
    const { activity, handlers } = activityWith(() => held.answered);
    const call = handlers.getNotebookInfo();
    const quiet = activity.whenQuiet(250, 10_000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(quiet)).toBe(false);
    held.answer();
    await expect(call).resolves.toBe('answered');
    await vi.advanceTimersByTimeAsync(200);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(await settled(quiet)).toBe(true);
  });

  it('starts the quiet period again when a call comes in during it', async () => {
    const { activity, handlers } = activityWith(async () => 'x');
    await handlers.getNotebookInfo();
    const quiet = activity.whenQuiet(250, 10_000);
    await vi.advanceTimersByTimeAsync(200);
    await handlers.getNotebookInfo();
    await vi.advanceTimersByTimeAsync(200);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(60);
    expect(await settled(quiet)).toBe(true);
  });

  it('goes after the longest wait even while calls keep running', async () => {
    const held = heldCall();
    const { activity, handlers } = activityWith(() => held.answered);
    void handlers.getNotebookInfo();
    const quiet = activity.whenQuiet(250, 1500);
    await vi.advanceTimersByTimeAsync(1490);
    expect(await settled(quiet)).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(await settled(quiet)).toBe(true);
    held.answer();
  });

  it('counts a call that fails as ended, and passes its error through', async () => {
    const { activity, handlers } = activityWith(async () => {
      throw new Error('refused');
    });
    await expect(handlers.getNotebookInfo()).rejects.toThrow('refused');
    const quiet = activity.whenQuiet(250, 10_000);
    await vi.advanceTimersByTimeAsync(260);
    expect(await settled(quiet)).toBe(true);
  });
});
