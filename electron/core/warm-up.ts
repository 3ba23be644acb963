import type { CallActivity } from './call-activity';
import { claimsDigest } from './claims/claim-digests';
import type { CoreContext } from './context';
import { searchServiceOf } from './search/handlers';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * When the claims digest is loaded after the search is ready: not before a short pause (the
 * page's first requests and a first search come first), then once no call has been answered for
 * a moment, and at the latest after the longer delay, busy or not.
 */
const DIGEST_PAUSE_MS = 400;
const DIGEST_QUIET_MS = 250;
const DIGEST_LATEST_MS = 1500;

/** A word that most notebooks hold, searched once so the first real search finds statements prepared and index pages read. */
const WARM_QUERY = 'said';

/**
 * Readies what a session's first requests need, in the background, once a long-running host
 * (the browser mode, the desktop app; never a one-shot command) has opened a notebook: the
 * search index opened and caught up with the store (its stamps compared in slices), one search
 * run through it, then, after a pause and once the core is answering no call (or at the latest
 * 1.5 s after), the claims digest loaded for the first Positions map or network. Each step is the
 * work the first search or the first map would otherwise do while the analyst waits; each is
 * already sliced or short, and the event loop turns between them, so requests are served
 * meanwhile. A failure here is no one's: the request that needs the part does it again and
 * reports its own error. Stops early when `stopped()` says the notebook is closing.
 */
export async function warmUp(context: CoreContext, stopped: () => boolean, activity: CallActivity): Promise<void> {
  const steps: (() => Promise<unknown>)[] = [
    async () => searchServiceOf(context)?.whenCurrent(),
    async () => searchServiceOf(context)?.search({ query: WARM_QUERY, limit: 1, offset: 0 }),
    // The digest after a pause and in a quiet moment: the page's first requests and a first search
    // come first, and the Positions map or Networks view clicked a second later finds it loaded.
    () => sleep(DIGEST_PAUSE_MS),
    () => activity.whenQuiet(DIGEST_QUIET_MS, DIGEST_LATEST_MS - DIGEST_PAUSE_MS),
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
