const DEBOUNCE_MS = 150;

/** How long the search box waits before asking the core: a typed key waits for the next, a paste does not. */
export function searchDelay(before: string, now: string): number {
  return Math.abs(now.length - before.length) > 1 ? 0 : DEBOUNCE_MS;
}
