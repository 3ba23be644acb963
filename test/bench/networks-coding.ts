// How the networks bench codes its synthetic claims: two codings of the same notebook.
//  - complete: every actor speaks mostly on two issues of its own, on any of 20 propositions per
//    issue with any stance; with 500 actors nearly every pair meets (a complete graph).
//  - sparse (realistic): actors chosen by a Zipf law (a few speak often, most rarely), each holding
//    positions on a few propositions of its own (3 on each of its two issues) with a leaning it
//    mostly keeps; pairs meet only where their propositions overlap.
import type { Claim, Codebook } from '../../shared/model';

export type Coding = 'complete' | 'sparse';
export type Recode = (claim: Claim, random: () => number) => Claim;

const pick = <T>(xs: readonly T[], random: () => number) => xs[Math.floor(random() * xs.length)] as T;

function lcg(seed: number): () => number {
  let a = seed >>> 0;
  return () => ((a = (a * 1103515245 + 12345) >>> 0), a / 4294967296);
}

export function codingFor(coding: Coding, codebook: Codebook): Recode {
  return coding === 'complete' ? completeCoding(codebook) : sparseCoding(codebook);
}

function completeCoding(codebook: Codebook): Recode {
  const homeRandom = lcg(99);
  const homes = new Map(codebook.actors.map((a) => [a.id, [pick(codebook.issues, homeRandom).id, pick(codebook.issues, homeRandom).id]]));
  return (claim, random) => {
    const actor = pick(codebook.actors, random).id;
    const issueId = random() < 0.9 ? pick(homes.get(actor)!, random) : pick(codebook.issues, random).id;
    const partner = codebook.actors.filter((a) => homes.get(a.id)!.includes(issueId));
    return {
      ...claim,
      actorIds: random() < 0.15 && partner.length > 1 ? [actor, pick(partner, random).id] : [actor],
      issueId,
      proposition: `Proposition ${Math.floor(random() * 20)}`,
      stanceId: pick(codebook.stances, random).id,
    };
  };
}

/** Zipf's law over ranks 1..n with exponent s: returns a sampler of 0-based ranks. */
function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) cumulative[r] = total += 1 / Math.pow(r + 1, s);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function sparseCoding(codebook: Codebook): Recode {
  const setup = lcg(7);
  const byValue = [...codebook.stances].sort((a, b) => a.value - b.value);
  const forStances = byValue.filter((s) => s.value > 0);
  const againstStances = byValue.filter((s) => s.value < 0);
  const neutral = byValue.filter((s) => s.value === 0);
  interface Held {
    issueId: string;
    proposition: string;
    leaning: 1 | -1;
  }
  // Each actor: two issues, three propositions on each, a leaning on each proposition.
  const held = new Map<string, Held[]>();
  const holders = new Map<string, string[]>();
  for (const actor of codebook.actors) {
    const mine: Held[] = [];
    for (let h = 0; h < 2; h++) {
      const issueId = pick(codebook.issues, setup).id;
      for (let p = 0; p < 3; p++) {
        const proposition = `Proposition ${Math.floor(setup() * 20)}`;
        mine.push({ issueId, proposition, leaning: setup() < 0.5 ? 1 : -1 });
        const key = `${issueId}|${proposition}`;
        holders.set(key, [...(holders.get(key) ?? []), actor.id]);
      }
    }
    held.set(actor.id, mine);
  }
  let rank: (() => number) | null = null;
  return (claim, random) => {
    rank ??= zipf(codebook.actors.length, 1.1, random);
    const actor = codebook.actors[rank()]!.id;
    const position = pick(held.get(actor)!, random);
    const roll = random();
    // Mostly the actor's leaning; sometimes neutral, sometimes the other side (a shift, a concession).
    const side = roll < 0.8 ? position.leaning : roll < 0.9 ? 0 : -position.leaning;
    const stance = side > 0 ? pick(forStances, random) : side < 0 ? pick(againstStances, random) : (neutral[0] ?? pick(byValue, random));
    const others = (holders.get(`${position.issueId}|${position.proposition}`) ?? []).filter((a) => a !== actor);
    return {
      ...claim,
      actorIds: random() < 0.15 && others.length > 0 ? [actor, pick(others, random)] : [actor],
      issueId: position.issueId,
      proposition: position.proposition,
      stanceId: stance.id,
    };
  };
}
