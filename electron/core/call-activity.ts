import type { ApiHandlers } from '../../shared/api';

/**
 * Which contract calls the core is answering, so that background work (the warm-up after open)
 * can wait for a quiet moment instead of competing with what the analyst asked for: a call that
 * arrives goes ahead of work nobody is waiting for.
 */
export class CallActivity {
  private inFlight = 0;
  private quietTimers = new Set<() => void>();

  /** The handlers, each call counted while it runs. */
  track(handlers: ApiHandlers): ApiHandlers {
    const tracked: Record<string, (request: never) => Promise<unknown>> = {};
    for (const [name, handler] of Object.entries(handlers) as [string, (request: never) => Promise<unknown>][]) {
      tracked[name] = async (request) => {
        this.started();
        try {
          return await handler(request);
        } finally {
          this.ended();
        }
      };
    }
    return tracked as unknown as ApiHandlers;
  }

  /**
   * Resolves once no call has been answered for `quietMs` (at once if none was, ever, or lately),
   * or after `maxMs` whatever happens: background work waits for a pause, but not forever (the
   * app's background suggester can keep calls coming for minutes).
   */
  whenQuiet(quietMs: number, maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      let quietTimer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(quietTimer);
        clearTimeout(maxTimer);
        this.quietTimers.delete(restart);
        resolve();
      };
      // (Re)starts the quiet period; stops it while a call runs.
      const restart = () => {
        clearTimeout(quietTimer);
        if (this.inFlight === 0) quietTimer = setTimeout(done, quietMs).unref();
      };
      const maxTimer = setTimeout(done, maxMs).unref();
      this.quietTimers.add(restart);
      if (this.inFlight === 0 && !this.recently) return done();
      restart();
    });
  }

  /** Whether a call ended since the last quiet period began (a wait starting now waits `quietMs` first). */
  private recently = false;
  private recentTimer: ReturnType<typeof setTimeout> | undefined;

  private started(): void {
    this.inFlight++;
    for (const restart of this.quietTimers) restart();
  }

  private ended(): void {
    this.inFlight--;
    // A call that just ended is likely one of several (a page opening asks for a dozen things).
    this.recently = true;
    clearTimeout(this.recentTimer);
    this.recentTimer = setTimeout(() => (this.recently = false), RECENT_MS).unref();
    for (const restart of this.quietTimers) restart();
  }
}

/** How long after a call's end the core counts as busy for a wait that starts then. */
const RECENT_MS = 250;
