/**
 * The standard normal CDF and quantile, from @stdlib (erfc / erfinv based, accurate to about
 * 1e-16): the tests compare p-values with an independent implementation to 1e-9.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

export const phi = (z: number): number => normalCdf(z, 0, 1);
export const phiInv = (p: number): number => normalQuantile(p, 0, 1);

/** Two-sided p-value of a standard normal statistic. */
export const twoSidedP = (z: number): number => 2 * phi(-Math.abs(z));
