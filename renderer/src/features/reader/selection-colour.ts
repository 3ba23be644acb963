/**
 * The colour a selection (and a claim being made) is drawn in, which must differ from every
 * stance colour, so the words being coded never look coded already. The stock choice is green
 * (the CSS variable --reading-selection; the usual stance scales run red to blue through grey);
 * a codebook whose scale uses a colour near it gets the first of the others far from all its stances.
 */
export const SELECTION_CANDIDATES = ['#3fbf5f', '#f2c230', '#d45fd6', '#20c4c4'] as const;

function rgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)] : null;
}

/** A perceptual distance between two colours ("redmean" weighted RGB), 0 for equal, about 765 at most. */
export function colourDistance(a: string, b: string): number {
  const x = rgb(a);
  const y = rgb(b);
  if (!x || !y) return Infinity;
  const r = (x[0] + y[0]) / 2;
  const [dr, dg, db] = [x[0] - y[0], x[1] - y[1], x[2] - y[2]];
  return Math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db);
}

/** Far enough apart to tell at a glance as a light tint: well above the gap between two close blues. */
export const DISTINCT = 150;

/**
 * The selection colour for a scale of stance colours: the first candidate at least DISTINCT from
 * every stance, else the one farthest from its nearest stance.
 */
export function selectionColourFor(stanceColours: readonly string[]): string {
  const nearest = (candidate: string) => Math.min(Infinity, ...stanceColours.map((s) => colourDistance(candidate, s)));
  const clear = SELECTION_CANDIDATES.find((c) => nearest(c) >= DISTINCT);
  if (clear) return clear;
  return [...SELECTION_CANDIDATES].sort((a, b) => nearest(b) - nearest(a))[0] as string;
}
