/**
 * A diagnostic for benchmarks (test/bench/journey-bench.ts), off unless asked for:
 * `STANCEBOOK_STALL_REPORT=<ms>` makes `stancebook serve` note every time its event loop could
 * not run for longer than <ms> (a 5 ms timer that fires late by that much) and print one line on
 * stderr per stall: `stancebook-stall {"at":<epoch ms when it ended>,"ms":<how long>}`. The line
 * goes out after the stall, so a bench can charge it to the step it was driving at that moment.
 */
export const STALL_LINE_PREFIX = 'stancebook-stall ';
const TICK_MS = 5;

/** Starts the reporter when the variable holds a positive number of ms; returns its stop, or null. */
export function startStallReport(env: NodeJS.ProcessEnv, err: (line: string) => void): (() => void) | null {
  const raw = env.STANCEBOOK_STALL_REPORT;
  if (!raw) return null;
  const threshold = Number(raw);
  if (!Number.isFinite(threshold) || threshold <= 0) {
    err(`STANCEBOOK_STALL_REPORT takes a number of milliseconds (e.g. 20), not "${raw}"; stalls are not reported.`);
    return null;
  }
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    last = now;
    if (late > threshold) err(`${STALL_LINE_PREFIX}${JSON.stringify({ at: Math.round(performance.timeOrigin + now), ms: Math.round(late) })}`);
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
