/**
 * Mann–Kendall trend test (Mann 1945; Kendall 1975) with the variance correction of Hamed & Rao
 * (1998) for autocorrelated series.
 *
 *   S = Σ_{i<j} sign(y_j − y_i),  Var S = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 (t: tie group sizes)
 *   Z = (S − sign S)/√Var S (continuity-corrected), p two-sided; τ_b = S/√(n₀(n₀ − n₂)),
 *   n₀ = n(n−1)/2, n₂ = Σ t(t−1)/2.
 *
 * Hamed & Rao: remove the Theil–Sen trend (slope per step), rank the residuals, take the
 * autocorrelations ρ_k of the ranks at lags 1…n−1 and keep those outside ±z_{0.975}/√n; then
 *
 *   n/n* = 1 + 2/(n(n−1)(n−2)) · Σ_k (n−k)(n−k−1)(n−k−2)·ρ_k,  Var* S = Var S · n/n*.
 *
 * Positive autocorrelation (usual in yearly indicators) inflates the variance, so fewer trends
 * pass as significant than the plain test claims. These are the formulas of R's trend::mk.test
 * and modifiedmk::mmkh, and of pymannkendall's hamed_rao_modification_test.
 */
import { phiInv, twoSidedP } from "./normal.js";
import { averageRanks, tieGroups } from "./ranks.js";
import { theilSen } from "./theil-sen.js";

export interface HamedRao {
  /** n/n*: the factor applied to Var S (> 1 under positive autocorrelation). */
  readonly factor: number;
  readonly varS: number;
  readonly z: number;
  readonly p: number;
}

export interface MannKendall {
  readonly n: number;
  readonly s: number;
  readonly varS: number;
  /** Kendall's τ_b between y and time. */
  readonly tau: number;
  readonly z: number;
  /** Two-sided p-value without autocorrelation correction. */
  readonly p: number;
  /** Corrected test; null when the correction factor is not positive (strong negative lags). */
  readonly hamedRao: HamedRao | null;
}

const zOf = (s: number, varS: number): number =>
  s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0;

/** Autocorrelations at lags 1..maxLag (R's acf: demeaned, divided by n at every lag). */
export function autocorrelation(v: ArrayLike<number>, maxLag: number): Float64Array {
  const n = v.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += v[i] as number;
  mean /= n;
  const d = Float64Array.from(v, (x) => x - mean);
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += (d[i] as number) * (d[i] as number);
  const out = new Float64Array(maxLag);
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let i = 0; i + k < n; i++) ck += (d[i] as number) * (d[i + k] as number);
    out[k - 1] = c0 > 0 ? ck / c0 : 0;
  }
  return out;
}

/** Null with fewer than three values. */
export function mannKendall(
  y: ArrayLike<number>,
  opts: {
    readonly level?: number;
    /** Theil–Sen slope per step, when the caller has it already. */
    readonly slope?: number;
  } = {},
): MannKendall | null {
  const n = y.length;
  if (n < 3) return null;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const yi = y[i] as number;
    for (let j = i + 1; j < n; j++) {
      const d = (y[j] as number) - yi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  const ties = tieGroups(y);
  const varS =
    (n * (n - 1) * (2 * n + 5) - ties.reduce((a, t) => a + t * (t - 1) * (2 * t + 5), 0)) / 18;
  const n0 = (n * (n - 1)) / 2;
  const n2 = ties.reduce((a, t) => a + (t * (t - 1)) / 2, 0);
  const tau = n0 - n2 > 0 ? s / Math.sqrt(n0 * (n0 - n2)) : Number.NaN;
  const z = varS > 0 ? zOf(s, varS) : 0;
  const p = varS > 0 ? twoSidedP(z) : 1;

  const level = opts.level ?? 0.95;
  const slope = opts.slope ?? theilSen(y)?.slope ?? 0;
  const resid = Float64Array.from(y, (v, i) => v - slope * i);
  const rho = autocorrelation(averageRanks(resid), n - 1);
  const bound = phiInv((1 + level) / 2) / Math.sqrt(n);
  let sum = 0;
  for (let k = 1; k <= n - 1; k++) {
    const r = rho[k - 1] as number;
    if (Math.abs(r) > bound) sum += (n - k) * (n - k - 1) * (n - k - 2) * r;
  }
  const factor = 1 + (2 / (n * (n - 1) * (n - 2))) * sum;
  let hamedRao: HamedRao | null = null;
  if (factor > 0 && varS > 0) {
    const v = varS * factor;
    const zc = zOf(s, v);
    hamedRao = { factor, varS: v, z: zc, p: twoSidedP(zc) };
  }
  return { n, s, varS, tau, z, p, hamedRao };
}
