import type { CallOptions, NotebookChanged } from '../../../shared/api';

/**
 * Claim changes this window makes itself. Each call is sent with a change id of its own
 * (CallOptions.changeId); the core puts that id on every change event the call causes, in every
 * host, so an event is this window's echo exactly when it carries one of these ids. The window
 * already has the claim the core answered in its cache (app/claim-cache.ts), so its own echo
 * need not refetch the article: with thousands of claims that is megabytes on every save.
 */
interface OwnChange {
  articleId: string;
  /** Whether an event of the change has come (and was skipped). */
  echoed: boolean;
}
const ownChanges = new Map<string, OwnChange>();
/** Ids kept: the events of a change may come after its answer (browser mode), so ids stay a while; the oldest go first. */
const KEPT = 500;
const lostEchoListeners = new Set<(articleId: string) => void>();

/**
 * Called with an article whose claims event was skipped for a change that then failed: the
 * cache was not updated from an answer, so the article must be fetched after all.
 */
export function onLostEcho(listener: (articleId: string) => void): () => void {
  lostEchoListeners.add(listener);
  return () => lostEchoListeners.delete(listener);
}

function newChangeId(): string {
  return `claim-${crypto.randomUUID()}`;
}

/** Runs a claim change of this window (create, update, delete) on one article, sent with a change id of its own. */
export async function ownClaimChange<T>(articleId: string, change: (options: CallOptions) => Promise<T>): Promise<T> {
  const changeId = newChangeId();
  ownChanges.set(changeId, { articleId, echoed: false });
  while (ownChanges.size > KEPT) ownChanges.delete(ownChanges.keys().next().value!);
  try {
    return await change({ changeId });
  } catch (error) {
    const entry = ownChanges.get(changeId);
    ownChanges.delete(changeId);
    if (entry?.echoed) for (const listener of lostEchoListeners) listener(articleId);
    throw error;
  }
}

/** Whether an event is the echo of one of this window's own claim changes. */
export function isOwnClaimChange(event: NotebookChanged): boolean {
  const entry = event.changeId === undefined ? undefined : ownChanges.get(event.changeId);
  if (!entry) return false;
  entry.echoed = true;
  return true;
}
