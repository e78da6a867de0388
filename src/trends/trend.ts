/**
 * The trend of a series: Theil–Sen slope per unit of time with its interval, and the
 * Mann–Kendall test with and without Hamed & Rao's autocorrelation correction. `p` is the
 * corrected p-value where the correction applies (the one to report for yearly indicators).
 */
import { mannKendall } from "./mann-kendall.js";
import { theilSen } from "./theil-sen.js";

export interface Trend {
  readonly n: number;
  /** Change per unit of `time` (per year for yearly series). */
  readonly slope: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly intercept: number;
  /** Kendall's τ_b with time and the Mann–Kendall S. */
  readonly tau: number;
  readonly s: number;
  /** Two-sided p, Hamed & Rao corrected (uncorrected where the correction is undefined). */
  readonly p: number;
  /** Two-sided p of the plain Mann–Kendall test. */
  readonly pUncorrected: number;
  /** Hamed & Rao's n/n* (null when not applicable). */
  readonly varianceFactor: number | null;
}

/** Null below three values. */
export function trend(
  y: ArrayLike<number>,
  time?: ArrayLike<number>,
  opts: { readonly level?: number } = {},
): Trend | null {
  const level = opts.level ?? 0.95;
  const ts = theilSen(y, time, { level });
  // With one time unit per step (yearly data without gaps) the slope per step is the one just
  // computed; Hamed & Rao's detrending needs it, so it is not computed twice.
  let unit = true;
  for (let i = 1; time && i < time.length && unit; i++) {
    unit = (time[i] as number) - (time[i - 1] as number) === 1;
  }
  const mk = mannKendall(y, { level, ...(ts && unit ? { slope: ts.slope } : {}) });
  if (!ts || !mk) return null;
  return {
    n: mk.n,
    slope: ts.slope,
    lower: ts.lower,
    upper: ts.upper,
    level,
    intercept: ts.intercept,
    tau: mk.tau,
    s: mk.s,
    p: mk.hamedRao?.p ?? mk.p,
    pUncorrected: mk.p,
    varianceFactor: mk.hamedRao?.factor ?? null,
  };
}
