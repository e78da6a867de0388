/**
 * Exact penalised segmentation: optimal partitioning (Jackson et al. 2005) with the pruning of
 * PELT (Killick, Fearnhead & Eckley 2012). Minimises
 *
 *   Σ_segments [C(segment) + λ·log(length) if MBIC] + β·(number of change points)
 *
 * over all segmentations whose segments are at least `minSegLen` long. A change point τ is the
 * 0-based index of the first observation of a new segment.
 *
 * Ties go to the earliest last change point, as in changepoint's PELT.c. The pruning is exact,
 * unlike PELT.c's, in two respects the theorem behind it (Killick et al. 2012, §3.1) needs:
 * - MBIC's log(length) terms make a split cost up to log(n/2) more, so the constant K of the
 *   pruning condition C(a,t) + C(t,b) + K ≤ C(a,b) is −log(n/2), not 0;
 * - with a minimum segment length m, the split point t that makes τ useless is itself only a
 *   valid last change for ends ≥ t + m, so τ is dropped m steps after it first fails the test.
 * `prune: false` gives plain optimal partitioning (O(n²)); the tests check that both agree.
 */
import type { SegmentCost } from "./segment-cost.js";

export interface PeltOptions {
  /** β, added once per change point. */
  readonly penalty: number;
  /** Add log(segment length) to each segment's cost (MBIC). */
  readonly perSegmentLog?: boolean;
  /** Shortest segment allowed (default 1). */
  readonly minSegLen?: number;
  /** Use PELT's pruning (default true). */
  readonly prune?: boolean;
}

export interface Segmentation {
  /** Sorted change points: first index of each new segment. */
  readonly changepoints: number[];
  /** Σ segment costs (with MBIC's log terms), without β: CROPS's Q(m). */
  readonly cost: number;
}

/** The cost of one segment as the search sees it (with MBIC's log(length) when asked). */
export function segmentCostFn(
  cost: SegmentCost,
  perSegmentLog: boolean,
): (s: number, e: number) => number {
  if (!perSegmentLog) return (s, e) => cost.cost(s, e);
  const log = new Float64Array(cost.n + 1);
  for (let i = 1; i <= cost.n; i++) log[i] = Math.log(i);
  return (s, e) => cost.cost(s, e) + (log[e - s] as number);
}

export function pelt(cost: SegmentCost, opts: PeltOptions): Segmentation {
  const n = cost.n;
  const m = Math.max(1, Math.floor(opts.minSegLen ?? 1));
  const beta = opts.penalty;
  const prune = opts.prune !== false;
  const c = segmentCostFn(cost, opts.perSegmentLog === true);
  if (n === 0) return { changepoints: [], cost: 0 };
  if (n < 2 * m) return { changepoints: [], cost: c(0, n) };

  // f[t]: optimal penalised cost of x[0..t); last[t]: its last change point (0 = none).
  const f = new Float64Array(n + 1);
  const last = new Int32Array(n + 1);
  f[0] = -beta;
  for (let t = m; t < 2 * m && t <= n; t++) f[t] = c(0, t);

  const slack = opts.perSegmentLog === true ? Math.log(n / 2) : 0;
  // Candidate last change points, compacted in place (typed arrays: this loop is the hot path).
  const cand = new Int32Array(n + 1);
  let size = 1;
  cand[0] = 0;
  // failedAt[τ]: first time τ failed the pruning test (−1: never).
  const failedAt = new Int32Array(n + 1).fill(-1);
  const values = new Float64Array(n + 1);
  const batch = cost.costsTo;
  const logLen = new Float64Array(n + 1);
  if (opts.perSegmentLog === true) for (let i = 1; i <= n; i++) logLen[i] = Math.log(i);
  for (let t = 2 * m; t <= n; t++) {
    // A segment ending at t may start at t − m at the latest: that candidate is new at time t.
    cand[size++] = t - m;
    if (batch) batch(t, cand, size, values);
    let best = Number.POSITIVE_INFINITY;
    let arg = 0;
    for (let i = 0; i < size; i++) {
      const tau = cand[i] as number;
      const seg = batch ? (values[i] as number) + (logLen[t - tau] as number) : c(tau, t);
      const v = (f[tau] as number) + seg + beta;
      values[i] = v;
      if (v < best) {
        best = v;
        arg = tau;
      }
    }
    f[t] = best;
    last[t] = arg;
    if (prune) {
      let kept = 0;
      for (let i = 0; i < size; i++) {
        const tau = cand[i] as number;
        if ((values[i] as number) > best + beta + slack && (failedAt[tau] as number) < 0) {
          failedAt[tau] = t;
        }
        const fa = failedAt[tau] as number;
        if (fa < 0 || t + 1 < fa + m) cand[kept++] = tau;
      }
      size = kept;
    }
  }

  const cps: number[] = [];
  for (let t = last[n] as number; t > 0; t = last[t] as number) cps.push(t);
  cps.reverse();
  return { changepoints: cps, cost: segmentationCost(c, cps, n) };
}

/** Σ segment costs of a segmentation given by its change points. */
export function segmentationCost(
  c: (s: number, e: number) => number,
  changepoints: readonly number[],
  n: number,
): number {
  let total = 0;
  let s = 0;
  for (const t of [...changepoints, n]) {
    total += c(s, t);
    s = t;
  }
  return total;
}
