/**
 * Bayesian online change-point detection (Adams & MacKay 2007) for counts, with a constant
 * hazard H (the prior probability that any period starts a new segment; 1/H is the expected
 * segment length). After each period the posterior over where the current segment began is
 * updated from the model's predictive probabilities:
 *
 *   P(start s, x_0..t) ∝ P(start s, x_0..t−1)·(1 − H)·p(x_t | x_s..t−1)        for s < t
 *   P(start t, x_0..t) ∝ Σ_s P(start s, x_0..t−1) · H · p(x_t | prior)
 *
 * p(x_t | x_s..t−1) = m(x_s..t)/m(x_s..t−1), the ratio of the model's marginal likelihoods. The
 * final posterior answers "how likely is it that the level changed since period T?":
 * P(current segment starts at T or later).
 *
 * The segmentation reported with it is the maximum a posteriori one of the same product-partition
 * model (Fearnhead 2006): optimal partitioning with cost −2·log m(segment) and, per change,
 * 2·log((1 − H)/H), exact rather than read off the online run lengths.
 */
import type { CountModel } from "./count-model.js";
import { pelt } from "./pelt.js";

export interface BocpdResult {
  /** P(segment in progress at the last period started at index s), s = 0..n−1. */
  readonly startPosterior: Float64Array;
  /** changeSince[T] = P(a change at index T or later), T = 0..n−1 (changeSince[0] is 0). */
  readonly changeSince: Float64Array;
  /** MAP change points (first index of each new segment). */
  readonly changepoints: number[];
  /** Hazard used. */
  readonly hazard: number;
}

function logSumExp(v: Float64Array, len: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < len; i++) if ((v[i] as number) > max) max = v[i] as number;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let s = 0;
  for (let i = 0; i < len; i++) s += Math.exp((v[i] as number) - max);
  return max + Math.log(s);
}

export function bocpd(
  model: CountModel,
  opts: { readonly hazard?: number; readonly minSegLen?: number } = {},
): BocpdResult {
  const n = model.n;
  const h = opts.hazard ?? 0.01;
  if (!(h > 0 && h < 1)) throw new RangeError(`hazard must be in (0, 1), got ${h}`);
  const logH = Math.log(h);
  const log1mH = Math.log1p(-h);
  // lp[s]: log P(current segment started at s, data so far), normalised each step.
  const lp = new Float64Array(Math.max(n, 1)).fill(Number.NEGATIVE_INFINITY);
  if (n > 0) lp[0] = 0;
  for (let t = 1; t < n; t++) {
    const total = logSumExp(lp, t);
    for (let s = 0; s < t; s++) {
      lp[s] =
        (lp[s] as number) + log1mH + model.logMarginal(s, t + 1) - model.logMarginal(s, t) - total;
    }
    lp[t] = logH + model.logMarginal(t, t + 1);
    const z = logSumExp(lp, t + 1);
    for (let s = 0; s <= t; s++) lp[s] = (lp[s] as number) - z;
  }
  const startPosterior = Float64Array.from(lp.subarray(0, n), (v) => Math.exp(v));
  const changeSince = new Float64Array(n);
  let acc = 0;
  for (let s = n - 1; s >= 1; s--) {
    acc += startPosterior[s] as number;
    changeSince[s] = Math.min(1, acc);
  }
  const map = pelt(
    { name: "mean", n, params: 1, cost: (s, e) => -2 * model.logMarginal(s, e) },
    {
      penalty: 2 * (log1mH - logH),
      minSegLen: opts.minSegLen ?? 1,
      // −log m is not guaranteed to satisfy PELT's pruning condition: exact search where cheap.
      prune: n > 2000,
    },
  );
  return { startPosterior, changeSince, changepoints: map.changepoints, hazard: h };
}
