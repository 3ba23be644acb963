/**
 * A diagnostic for benchmarks (test/bench/journey-bench.ts), off unless asked for:
 * `STANCEBOOK_STALL_REPORT=<ms>` makes `stancebook serve` note every time its event loop could
 * not run for longer than <ms> (a 5 ms timer that fires late by that much) and print one line on
 * stderr per stall: `stancebook-stall {"at":<epoch ms when it ended>,"ms":<how long>,"cpuMs":<CPU
 * time the process used meanwhile>}`. The line goes out after the stall, so a bench can charge it
 * to the step it was driving at that moment. On a loaded machine a stall can be mostly waiting
 * for a core: `cpuMs` (all the process's threads) tells work from waiting.
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
  let lastCpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const late = now - last - TICK_MS;
    const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    last = now;
    lastCpu = cpu;
    if (late > threshold)
      err(`${STALL_LINE_PREFIX}${JSON.stringify({ at: Math.round(performance.timeOrigin + now), ms: Math.round(late), cpuMs: Math.round(cpuMs) })}`);
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
