import { pairWeights, type PairWeights } from './networks';
import type { Statement } from './statements';

/**
 * Polarisation of a debate as the share of conflict in all agreement and disagreement between
 * actors: P = C⁻ / (C⁺ + C⁻), where C⁺ and C⁻ are the summed (unnormalised) congruence and
 * conflict weights over all pairs of actors. P is 0 when every pair of actors that meets on a
 * proposition stands on the same side, 1 when every such pair stands on opposite sides, and
 * undefined (null) when no two actors meet on any proposition.
 *
 * This is the conflict-share reading of polarisation in discourse networks (Leifeld, "Polarization
 * of coalitions in an agent-based model of political discourse", Computational Social Networks
 * 2014, measures it on the same congruence/conflict networks), chosen because it needs no
 * clustering, is stable on small windows, and can be checked by hand.
 */
export function polarisation(statements: Statement[], weights: PairWeights = pairWeights(statements)): number | null {
  let agree = 0;
  let disagree = 0;
  for (let x = 0; x < weights.congruence.length; x++) {
    agree += weights.congruence[x]!;
    disagree += weights.conflict[x]!;
  }
  return agree + disagree === 0 ? null : disagree / (agree + disagree);
}
