import { claimsDigest } from './claims/claim-digests';
import type { CoreContext } from './context';
import { searchServiceOf } from './search/handlers';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** How long after the search is ready the claims digest is loaded (Positions is rarely the first thing opened). */
const DIGEST_DELAY_MS = 1500;

/** A word that most notebooks hold, searched once so the first real search finds statements prepared and index pages read. */
const WARM_QUERY = 'said';

/**
 * Readies what a session's first requests need, in the background, once a long-running host
 * (the browser mode, the desktop app; never a one-shot command) has opened a notebook: the
 * search index opened and caught up with the store (its stamps compared in slices), one search
 * run through it, then, after a pause, the claims digest loaded for the first Positions map. Each step is the
 * work the first search or the first map would otherwise do while the analyst waits; each is
 * already sliced or short, and the event loop turns between them, so requests are served
 * meanwhile. A failure here is no one's: the request that needs the part does it again and
 * reports its own error. Stops early when `stopped()` says the notebook is closing.
 */
export async function warmUp(context: CoreContext, stopped: () => boolean): Promise<void> {
  const steps: (() => Promise<unknown>)[] = [
    async () => searchServiceOf(context)?.whenCurrent(),
    async () => searchServiceOf(context)?.search({ query: WARM_QUERY, limit: 1, offset: 0 }),
    // The digest after a pause: the page's first requests and a first search come first.
    () => sleep(DIGEST_DELAY_MS),
    () => claimsDigest(context),
  ];
  for (const step of steps) {
    await nextTurn();
    if (stopped()) return;
    try {
      await step();
    } catch {
      // The first request that needs this part tries again, and says what went wrong.
    }
  }
}
