import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClaimTarget } from '../../../../shared/model/claim';

/** The read-only shared fixtures: a real news article and the claims an analyst marked in it. */
const SHARED_FIXTURES = '/work/shared/fixtures';

export interface GoldClaim {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

function readShared(relative: string): string {
  return readFileSync(fileURLToPath(new URL(`file://${SHARED_FIXTURES}/${relative}`)), 'utf8');
}

/** The article's text exactly as the gold offsets index it. */
export const ARTICLE = readShared('articles/us-china-talks-2024.txt');

/** The ten gold claims, in file order. */
export const GOLD: readonly GoldClaim[] = (JSON.parse(readShared('gold/us-china-talks-2024.claims.json')) as { claims: GoldClaim[] }).claims;

/** A gold claim as the selectors the notebook stores. */
export function goldTarget(claim: GoldClaim): ClaimTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
    position: { type: 'TextPositionSelector', start: claim.start, end: claim.end },
  };
}

/** All gold claims as targets. */
export const GOLD_TARGETS: readonly ClaimTarget[] = GOLD.map(goldTarget);

/** The article's paragraphs (it has one paragraph per line). */
export function paragraphs(text: string = ARTICLE): string[] {
  return text.split('\n');
}

/** Index of the gold claim whose quote starts with `opening` (fails loudly if none). */
export function goldIndex(opening: string): number {
  const index = GOLD.findIndex((claim) => claim.exact.startsWith(opening));
  if (index < 0) throw new Error(`No gold claim starts with "${opening}"`);
  return index;
}
