/**
 * Segment costs for change-point search: twice the negative maximised log-likelihood of one
 * segment x[s..e) (half-open, 0-based), computed in O(1) from prefix sums. Constants shared by
 * every segmentation of the same series may be left out: only differences matter.
 *
 * The two normal costs are those of R's changepoint package (Killick & Eckley 2014), so that a
 * segmentation can be checked against `cpt.mean` / `cpt.meanvar`.
 */

export const COSTS = ["linear", "mean", "meanvar"] as const;
/**
 * `linear`: normal, change in level and slope (a straight line per segment), variance known;
 * `mean`: normal, change in mean, variance known; `meanvar`: normal, change in mean and variance.
 */
export type CostName = (typeof COSTS)[number];

export interface SegmentCost {
  readonly name: string;
  /** Length of the series. */
  readonly n: number;
  /** Free parameters per segment (1 for a mean, 2 for a mean and a variance). */
  readonly params: number;
  /** −2 log-likelihood of x[s..e) at its own maximum-likelihood parameters. */
  cost(s: number, e: number): number;
  /**
   * Optional batch form for the search's inner loop: out[i] = cost(starts[i], e) for i < size.
   * One call per end instead of one per candidate start.
   */
  costsTo?(e: number, starts: Int32Array, size: number, out: Float64Array): void;
}

/** Prefix sums of x and x² (index i holds the sum of the first i values). */
export interface PrefixSums {
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

export function prefixSums(x: ArrayLike<number>): PrefixSums {
  const sum = new Float64Array(x.length + 1);
  const sumSq = new Float64Array(x.length + 1);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    sum[i + 1] = (sum[i] as number) + v;
    sumSq[i + 1] = (sumSq[i] as number) + v * v;
  }
  return { sum, sumSq };
}

/** Σ(x − x̄)² over x[s..e). */
export function segmentRss(p: PrefixSums, s: number, e: number): number {
  const n = e - s;
  const sx = (p.sum[e] as number) - (p.sum[s] as number);
  const sxx = (p.sumSq[e] as number) - (p.sumSq[s] as number);
  return sxx - (sx * sx) / n;
}

/**
 * Normal change in mean with known standard deviation `sigma`: Σ(x − x̄)²/σ². With σ = 1 this is
 * changepoint's `mll_mean`, which assumes the data are scaled to unit variance.
 */
export function normalMeanCost(x: ArrayLike<number>, sigma = 1): SegmentCost {
  if (!(sigma > 0)) throw new RangeError(`sigma must be positive, got ${sigma}`);
  const p = prefixSums(x);
  const w = 1 / (sigma * sigma);
  return {
    name: "mean",
    n: x.length,
    params: 1,
    cost: (s, e) => segmentRss(p, s, e) * w,
  };
}

/**
 * R's changepoint floors a zero segment variance at 1e-11 (`mll_meanvar`); kept so that
 * results match it. A constant stretch of two or more equal values then costs far less than any
 * real segment, which is why a minimum segment length above 2 matters for this cost.
 */
export const MIN_VARIANCE = 1e-11;

/** Normal change in mean and variance: n·(log 2π + log σ̂² + 1), σ̂² the ML variance. */
export function normalMeanVarCost(x: ArrayLike<number>): SegmentCost {
  const p = prefixSums(x);
  const log2pi = Math.log(2 * Math.PI);
  return {
    name: "meanvar",
    n: x.length,
    params: 2,
    cost: (s, e) => {
      const n = e - s;
      let v = segmentRss(p, s, e) / n;
      if (v <= 0) v = MIN_VARIANCE;
      return n * (log2pi + Math.log(v) + 1);
    },
  };
}

/** Prefix sums for straight-line fits against t = 0, 1, … (x, x², t, t², t·x). */
export interface LinePrefixSums extends PrefixSums {
  readonly t: Float64Array;
  readonly tt: Float64Array;
  readonly tx: Float64Array;
}

export function linePrefixSums(x: ArrayLike<number>): LinePrefixSums {
  const n = x.length;
  const t = new Float64Array(n + 1);
  const tt = new Float64Array(n + 1);
  const tx = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    t[i + 1] = (t[i] as number) + i;
    tt[i + 1] = (tt[i] as number) + i * i;
    tx[i + 1] = (tx[i] as number) + i * (x[i] as number);
  }
  return { ...prefixSums(x), t, tt, tx };
}

/** Residual sum of squares of the least-squares line through x[s..e). */
export function lineRss(p: LinePrefixSums, s: number, e: number): number {
  const { t, tt, tx, sum, sumSq } = p;
  const n = e - s;
  // Plain reads rather than a helper closure: this runs O(n²) times in a search.
  const st = (t[e] as number) - (t[s] as number);
  const sx = (sum[e] as number) - (sum[s] as number);
  const ctt = (tt[e] as number) - (tt[s] as number) - (st * st) / n;
  const cxx = (sumSq[e] as number) - (sumSq[s] as number) - (sx * sx) / n;
  const ctx = (tx[e] as number) - (tx[s] as number) - (st * sx) / n;
  // Rounding can leave a tiny negative residual for a perfect line.
  return Math.max(0, ctt > 0 ? cxx - (ctx * ctx) / ctt : cxx);
}

/** Normal change in level and slope with known standard deviation: line RSS/σ². */
export function normalLinearCost(x: ArrayLike<number>, sigma = 1): SegmentCost {
  if (!(sigma > 0)) throw new RangeError(`sigma must be positive, got ${sigma}`);
  const p = linePrefixSums(x);
  const w = 1 / (sigma * sigma);
  const { t, tt, tx, sum, sumSq } = p;
  return {
    name: "linear",
    n: x.length,
    params: 2,
    cost: (s, e) => lineRss(p, s, e) * w,
    costsTo: (e, starts, size, out) => {
      const te = t[e] as number;
      const tte = tt[e] as number;
      const txe = tx[e] as number;
      const se = sum[e] as number;
      const sse = sumSq[e] as number;
      for (let i = 0; i < size; i++) {
        const s = starts[i] as number;
        const n = e - s;
        const st = te - (t[s] as number);
        const sx = se - (sum[s] as number);
        const ctt = tte - (tt[s] as number) - (st * st) / n;
        const cxx = sse - (sumSq[s] as number) - (sx * sx) / n;
        const ctx = txe - (tx[s] as number) - (st * sx) / n;
        out[i] = Math.max(0, ctt > 0 ? cxx - (ctx * ctx) / ctt : cxx) * w;
      }
    },
  };
}
