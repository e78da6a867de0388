/**
 * Bootstrap intervals of the UN voting measures: the joint roll calls of a dyad-year are
 * resampled with replacement (Efron & Tibshirani 1993, ch. 13, percentile interval), which is a
 * multinomial draw on the 3×3 table of joint votes. Every measure is recomputed per replicate
 * from the resampled table; the interval is the 2.5th to 97.5th percentile of the replicates in
 * which the measure is defined. See docs/indicators.md (UN voting similarity, intervals).
 */
import { quantileSorted, type Random } from "../core/random.js";
import { measuresFromCounts } from "./vote-measures.js";

/** Replicates per dyad-year. */
export const UN_BOOTSTRAP_REPLICATES = 500;
/** Two-sided coverage of the interval. */
export const UN_INTERVAL_LEVEL = 0.95;

export interface MeasureIntervals {
  /** [lo, hi] of agree, s, kappa, pi, in that order (NaN where undefined). */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/**
 * Percentile intervals of agree, s, kappa and pi from the joint counts
 * (`counts[3·(x−1) + (y−1)]`, x the first state's vote, y the second's). An interval is null
 * (NaN) when the measure is undefined in more than half of the replicates (kappa and pi when
 * both states nearly always vote alike and the same way).
 */
export function bootstrapIntervals(
  counts: ArrayLike<number>,
  random: Random,
  replicates = UN_BOOTSTRAP_REPLICATES,
  level = UN_INTERVAL_LEVEL,
): MeasureIntervals {
  const lo = new Float64Array(4).fill(Number.NaN);
  const hi = new Float64Array(4).fill(Number.NaN);
  let n = 0;
  for (let k = 0; k < 9; k++) n += counts[k] as number;
  if (n === 0) return { lo, hi };
  // Cumulative probabilities of the nine cells for inverse-CDF draws.
  const cum = new Float64Array(9);
  let acc = 0;
  for (let k = 0; k < 9; k++) {
    acc += (counts[k] as number) / n;
    cum[k] = acc;
  }
  cum[8] = 1;
  const draws = [0, 1, 2, 3].map(() => new Float64Array(replicates));
  const defined = [0, 0, 0, 0];
  const cell = new Int32Array(9);
  const out = new Float64Array(4);
  for (let r = 0; r < replicates; r++) {
    cell.fill(0);
    for (let i = 0; i < n; i++) {
      const u = random();
      let k = 0;
      while (u >= (cum[k] as number)) k++;
      cell[k] = (cell[k] as number) + 1;
    }
    measuresFromCounts(cell, n, out);
    for (let m = 0; m < 4; m++) {
      const v = out[m] as number;
      if (Number.isNaN(v)) continue;
      (draws[m] as Float64Array)[defined[m] as number] = v;
      defined[m] = (defined[m] as number) + 1;
    }
  }
  const tail = (1 - level) / 2;
  for (let m = 0; m < 4; m++) {
    const d = defined[m] as number;
    if (d * 2 <= replicates) continue;
    const sorted = (draws[m] as Float64Array).subarray(0, d).sort();
    lo[m] = quantileSorted(sorted, tail);
    hi[m] = quantileSorted(sorted, 1 - tail);
  }
  return { lo, hi };
}
