/**
 * Standard errors of the positions from the curvature of the log posterior at the estimate
 * (a Laplace approximation): for each state, the precision matrix of its chain of positions is
 * the observed information of its votes (Σ β_j² · I_j, I_j the ordered-probit information about
 * the latent mean) plus the random-walk and initial priors; the variance of each position is the
 * diagonal of the inverse, taken in O(T) per state. Item parameters and the standardisation are
 * treated as known, which understates the uncertainty of states with many votes a little
 * (docs/ideal-points.md); for states with few votes the prior dominates and the interval is wide.
 */
import { type EstimateOptions, type ItemParameters, lowerBound, upperBound } from "./estimate.js";
import { type VoteDerivatives, voteDerivatives } from "./ordinal-probit.js";
import { chainDiagonal, chainInverseDiagonal, walkPrecisions } from "./random-walk.js";
import type { VoteData } from "./vote-data.js";

export function standardErrors(
  data: VoteData,
  theta: Float64Array,
  items: ItemParameters,
  opts: Pick<EstimateOptions, "smooth" | "initialPrecision">,
): Float64Array {
  const nUnits = data.unitCcode.length;
  const info = new Float64Array(nUnits);
  const d: VoteDerivatives = { dLo: 0, dHi: 0, dLoLo: 0, dHiHi: 0, dLoHi: 0, info: 0 };
  for (let j = 0; j < items.beta.length; j++) {
    const b = items.beta[j] as number;
    const g1 = items.gamma1[j] as number;
    const g2 = items.gamma2[j] as number;
    for (let k = data.itemStart[j] as number; k < (data.itemStart[j + 1] as number); k++) {
      const u = data.obsUnit[k] as number;
      const mu = b * (theta[u] as number);
      const y = data.obsVote[k] as number;
      voteDerivatives(lowerBound(y, g1, g2) - mu, upperBound(y, g1, g2) - mu, d);
      info[u] = (info[u] as number) + b * b * d.info;
    }
  }
  const lambda = walkPrecisions(data, opts.smooth);
  const diag = new Float64Array(nUnits);
  chainDiagonal(data, lambda, opts.initialPrecision, info, diag);
  const variance = new Float64Array(nUnits);
  const work = new Float64Array(nUnits);
  for (let s = 0; s + 1 < data.stateStart.length; s++) {
    const start = data.stateStart[s] as number;
    chainInverseDiagonal(
      diag,
      lambda,
      start,
      (data.stateStart[s + 1] as number) - start,
      variance,
      work,
    );
  }
  return variance.map(Math.sqrt);
}
