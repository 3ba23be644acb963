/**
 * Claim changes this window makes itself, waiting for their change event. The window already
 * puts the claim the core answered into its cache (app/claim-cache.ts), so the event need not
 * refetch the article: with thousands of claims that is megabytes to send, parse and compare
 * on every save. One entry per change, taken by the first event for its article; an entry whose
 * event never came is dropped after a while.
 */
const ownClaimChanges: { articleId: string; at: number }[] = [];
const OWN_CHANGE_TTL_MS = 10_000;
const lostEchoListeners = new Set<(articleId: string) => void>();

/**
 * Called with an article whose claims event was skipped for a change that then failed: the
 * event was somebody else's (another window, an undo), so the article must be fetched after all.
 */
export function onLostEcho(listener: (articleId: string) => void): () => void {
  lostEchoListeners.add(listener);
  return () => lostEchoListeners.delete(listener);
}

/** Runs a claim change of this window (create, update, delete) on one article. */
export async function ownClaimChange<T>(articleId: string, change: () => Promise<T>): Promise<T> {
  const entry = { articleId, at: Date.now() };
  ownClaimChanges.push(entry);
  try {
    return await change();
  } catch (error) {
    const at = ownClaimChanges.indexOf(entry);
    if (at >= 0) ownClaimChanges.splice(at, 1);
    else for (const listener of lostEchoListeners) listener(articleId);
    throw error;
  }
}

/** Whether a claims event for the article is the echo of this window's own change (and takes it). */
export function takeOwnClaimChange(articleId: string): boolean {
  const now = Date.now();
  while (ownClaimChanges[0] && now - ownClaimChanges[0].at > OWN_CHANGE_TTL_MS) ownClaimChanges.shift();
  const at = ownClaimChanges.findIndex((c) => c.articleId === articleId);
  if (at < 0) return false;
  ownClaimChanges.splice(at, 1);
  return true;
}
