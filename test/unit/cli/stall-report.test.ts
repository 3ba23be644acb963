import { describe, expect, it } from 'vitest';
import { STALL_LINE_PREFIX, startStallReport } from '../../../electron/cli/stall-report';

/** Holds the event loop for `ms` of wall clock (what a synchronous step in the core would do). */
function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

/** Resolves once the reporter has printed a line (its timer runs after the block ends). */
function nextLine(lines: string[]): Promise<string> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (lines.length > 0) {
        clearInterval(poll);
        resolve(lines[0]!);
      }
    }, 1);
  });
}

describe('the serve stall report (STANCEBOOK_STALL_REPORT)', () => {
  it('is off unless the variable is set', () => {
    const lines: string[] = [];
    expect(startStallReport({}, (line) => lines.push(line))).toBeNull();
    expect(lines).toEqual([]);
  });

  it('refuses a value that is not a positive number of milliseconds, saying what it takes', () => {
    const lines: string[] = [];
    expect(startStallReport({ STANCEBOOK_STALL_REPORT: 'yes' }, (line) => lines.push(line))).toBeNull();
    expect(lines).toEqual(['STANCEBOOK_STALL_REPORT takes a number of milliseconds (e.g. 20), not "yes"; stalls are not reported.']);
  });

  it('prints one parseable line for a stall at least as long as the loop was held', async () => {
    const lines: string[] = [];
    const stop = startStallReport({ STANCEBOOK_STALL_REPORT: '30' }, (line) => lines.push(line))!;
    try {
      // Let the reporter's timer start, then hold the loop: the timer can only fire late by at
      // least the time held minus its 5 ms tick, whatever the machine's speed.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const before = Date.now();
      block(120);
      const line = await nextLine(lines);
      expect(line.startsWith(STALL_LINE_PREFIX)).toBe(true);
      const stall = JSON.parse(line.slice(STALL_LINE_PREFIX.length)) as { at: number; ms: number; cpuMs: number };
      expect(stall.ms).toBeGreaterThanOrEqual(115);
      // The busy loop's CPU time is counted (at most the wall time, give or take the clock's grain).
      expect(stall.cpuMs).toBeGreaterThan(0);
      expect(stall.cpuMs).toBeLessThanOrEqual(stall.ms + 20);
      expect(stall.at).toBeGreaterThanOrEqual(before + 100); // when it ended (two clocks: a little slack)
    } finally {
      stop();
    }
  });
});
