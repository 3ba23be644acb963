// Reading a V8 CPU profile (Chromium's Profiler.stop, Node's --cpu-prof) in the benches' --trace output.

/** The parts of a V8 CPU profile the benches read. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The `count` functions the profile spent most of their own time in, one line each: ms, name, file:line:column. */
export function topSelfTime(profile: CpuProfile, count: number): string[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const column = columnNumber === undefined ? '' : `:${columnNumber + 1}`;
    const name = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}${column}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`);
}
