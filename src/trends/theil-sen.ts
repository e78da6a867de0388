/**
 * Theil–Sen slope (Theil 1950; Sen 1968): the median of the slopes of all pairs of points with
 * different x, robust to outliers and to non-normal noise. The interval is Sen's (1968, eq. 2.6)
 * distribution-free one, and the intercept median(y) − slope·median(x); both as
 * scipy.stats.theilslopes computes them (its default method "separate"), so values can be
 * compared with it directly.
 */
import { phiInv } from "./normal.js";
import { roundHalfEven, selectKth, selectMedian, tieGroups } from "./ranks.js";

export interface TheilSen {
  /** Change in y per unit of x. */
  readonly slope: number;
  readonly intercept: number;
  /** Confidence interval of the slope at `level`. */
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly n: number;
}

// One buffer for the pair slopes, grown when needed: a dyad's trends call this for every
// indicator and segment, and fresh arrays of n²/2 values kept the garbage collector busy.
let buffer = new Float64Array(0);
function scratch(size: number): Float64Array {
  if (buffer.length < size) buffer = new Float64Array(Math.max(size, 2 * buffer.length));
  return buffer;
}

const tieTerm = (groups: number[]) => groups.reduce((s, k) => s + k * (k - 1) * (2 * k + 5), 0);

/** Theil–Sen fit of y on x (default x: 0, 1, …). Null with fewer than two distinct x. */
export function theilSen(
  y: ArrayLike<number>,
  x?: ArrayLike<number>,
  opts: { readonly level?: number } = {},
): TheilSen | null {
  const n = y.length;
  const xs = x ?? Float64Array.from({ length: n }, (_, i) => i);
  if (xs.length !== n) throw new RangeError(`x has ${xs.length} values, y has ${n}`);
  const level = opts.level ?? 0.95;
  // Every pair slope in a preallocated array; order statistics by selection, not a full sort
  // (this runs for every indicator and segment of a dyad).
  const all = scratch((n * (n - 1)) / 2);
  let nt = 0;
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    const yi = y[i] as number;
    for (let j = i + 1; j < n; j++) {
      // The slope of a pair is the same whichever point comes first.
      const dx = (xs[j] as number) - xi;
      if (dx !== 0) all[nt++] = ((y[j] as number) - yi) / dx;
    }
  }
  if (nt === 0) return null;
  const slopes = all.subarray(0, nt);
  const slope = selectMedian(slopes);
  const intercept =
    selectMedian(Float64Array.from(y)) - slope * selectMedian(Float64Array.from(xs));
  // Sen's variance of the number of positive pair slopes, ties in x and y removed.
  const alpha = 1 - level;
  const z = phiInv(alpha / 2);
  const sigsq = (n * (n - 1) * (2 * n + 5) - tieTerm(tieGroups(xs)) - tieTerm(tieGroups(y))) / 18;
  const sigma = Math.sqrt(sigsq);
  const ru = Math.min(roundHalfEven((nt - z * sigma) / 2), nt - 1);
  const rl = Math.max(roundHalfEven((nt + z * sigma) / 2) - 1, 0);
  return {
    slope,
    intercept,
    lower: selectKth(slopes, rl),
    upper: selectKth(slopes, ru),
    level,
    n,
  };
}
