// Reads brat standoff attribution annotations (PolNeAR's format: T lines with Source, Cue,
// Content, Attribution spans; E lines tying them together) into gold attributions.

/** A gold attribution: each role as a list of character ranges (brat spans may be split). */
export interface GoldAttribution {
  content: [number, number][];
  cue: [number, number][];
  source: [number, number][];
  cueText: string;
}

/** Parses one .ann file. Lines it does not understand are reported in `problems`, not guessed. */
export function parseBrat(ann: string): { attributions: GoldAttribution[]; problems: string[] } {
  const spans = new Map<string, { ranges: [number, number][]; text: string }>();
  const events: string[] = [];
  const problems: string[] = [];
  for (const [n, line] of ann.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const [id, body, text] = line.split('\t');
    if (!id || body === undefined) {
      problems.push(`line ${n + 1}: not tab-separated`);
    } else if (id.startsWith('T')) {
      const m = /^(\w+) (.+)$/.exec(body);
      if (!m) {
        problems.push(`line ${n + 1}: no span`);
        continue;
      }
      const ranges = m[2]!.split(';').map((part) => part.trim().split(' ').map(Number) as [number, number]);
      spans.set(id, { ranges, text: text ?? '' });
    } else if (id.startsWith('E')) {
      events.push(body);
    }
  }
  const attributions: GoldAttribution[] = [];
  for (const event of events) {
    const roles = new Map<string, string>();
    for (const part of event.split(' ')) {
      const [role, ref] = part.split(':');
      if (role && ref) roles.set(role.replace(/\d+$/, ''), ref);
    }
    const content = spans.get(roles.get('Content') ?? '');
    if (!content) continue; // an attribution without content cannot be scored
    const cue = spans.get(roles.get('Cue') ?? '');
    const source = spans.get(roles.get('Source') ?? '');
    attributions.push({ content: content.ranges, cue: cue?.ranges ?? [], source: source?.ranges ?? [], cueText: cue?.text ?? '' });
  }
  return { attributions, problems };
}

/** Length of the union of ranges. */
function covered(ranges: [number, number][]): number {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [s, e] of sorted) {
    const from = Math.max(s, reach);
    if (e > from) total += e - from;
    reach = Math.max(reach, e);
  }
  return total;
}

/** Intersection over union of a suggested range and a (possibly split) gold span. */
export function overlapRatio(start: number, end: number, gold: [number, number][]): number {
  const clipped: [number, number][] = [];
  for (const [s, e] of gold) {
    const a = Math.max(s, start);
    const b = Math.min(e, end);
    if (b > a) clipped.push([a, b]);
  }
  const inter = covered(clipped);
  const union = covered([...gold, [start, end]]);
  return union === 0 ? 0 : inter / union;
}

/** Whether a range touches any of the gold ranges. */
export function touches(start: number, end: number, gold: [number, number][]): boolean {
  return gold.some(([s, e]) => start < e && s < end);
}
