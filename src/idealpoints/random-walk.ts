/**
 * One state's positions over its sessions under a Gaussian random-walk prior form a chain: the
 * precision matrix of its conditional posterior is symmetric tridiagonal (each session is tied to
 * the one before and the one after). Two O(T) routines serve the fit: solving the system (the
 * θ-step of EM) and the diagonal of its inverse (the variances behind the standard errors).
 *
 * The chain of T units is described by `diag[0…T−1]` and `off[1…T−1]` (off[t] couples t−1 and
 * t; the matrix entry is −off[t]), read from `start` in the caller's arrays.
 */
import type { VoteData } from "./vote-data.js";

/** Random-walk precision λ of every unit (0 for a state's first session). */
export function walkPrecisions(data: VoteData, smooth: number): Float64Array {
  const n = data.unitCcode.length;
  const lambda = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const p = data.unitPrev[u] as number;
    if (p < 0) continue;
    const nu = data.unitVotes[u] as number;
    const np = data.unitVotes[p] as number;
    lambda[u] = (smooth * (nu + np)) / nu / (data.unitGap[u] as number);
  }
  return lambda;
}

/**
 * The diagonal of every state's chain: the votes' precision of each unit (`own`: Σβ² in the
 * θ-step, the observed information for the standard errors) plus its priors, the initial one or
 * the walk from the session before, and the walk to the session after.
 */
export function chainDiagonal(
  data: VoteData,
  lambda: Float64Array,
  initialPrecision: number,
  own: Float64Array,
  out: Float64Array,
): void {
  const n = data.unitCcode.length;
  for (let u = 0; u < n; u++) {
    const before = data.unitPrev[u] === -1 ? initialPrecision : (lambda[u] as number);
    const after = u + 1 < n && data.unitPrev[u + 1] === u ? (lambda[u + 1] as number) : 0;
    out[u] = (own[u] as number) + before + after;
  }
}

/**
 * Solves A x = rhs for the chain's units start … start+T−1 (Thomas algorithm: A is positive
 * definite, so no pivoting is needed). `work` holds T scratch values.
 */
export function solveChain(
  diag: Float64Array,
  off: Float64Array,
  rhs: Float64Array,
  start: number,
  len: number,
  out: Float64Array,
  work: Float64Array,
): void {
  // Forward sweep with A[t][t−1] = A[t−1][t] = −off[t]: pivot d'[t] = diag[t] + off[t]·c'[t−1],
  // c'[t] = −off[t+1]/d'[t], y[t] = (rhs[t] + off[t]·y[t−1]) / d'[t].
  let prevC = 0;
  let prevY = 0;
  for (let t = 0; t < len; t++) {
    const u = start + t;
    const o = t === 0 ? 0 : (off[u] as number);
    const dp = (diag[u] as number) + o * prevC;
    const y = ((rhs[u] as number) + o * prevY) / dp;
    const next = t + 1 < len ? (off[u + 1] as number) : 0;
    const c = -next / dp;
    work[t] = c;
    out[u] = y;
    prevC = c;
    prevY = y;
  }
  // Back substitution: x[t] = y[t] − c'[t]·x[t+1].
  for (let t = len - 2; t >= 0; t--) {
    const u = start + t;
    out[u] = (out[u] as number) - (work[t] as number) * (out[u + 1] as number);
  }
}

/**
 * The diagonal of A⁻¹ for the chain: (A⁻¹)[t][t] = 1 / (f[t] + g[t] − diag[t]) with f the
 * forward and g the backward pivots of the elimination.
 */
export function chainInverseDiagonal(
  diag: Float64Array,
  off: Float64Array,
  start: number,
  len: number,
  out: Float64Array,
  work: Float64Array,
): void {
  let f = 0;
  for (let t = 0; t < len; t++) {
    const u = start + t;
    const o = t === 0 ? 0 : (off[u] as number);
    f = t === 0 ? (diag[u] as number) : (diag[u] as number) - (o * o) / f;
    work[t] = f;
  }
  let g = 0;
  for (let t = len - 1; t >= 0; t--) {
    const u = start + t;
    const o = t === len - 1 ? 0 : (off[u + 1] as number);
    g = t === len - 1 ? (diag[u] as number) : (diag[u] as number) - (o * o) / g;
    out[u] = 1 / ((work[t] as number) + g - (diag[u] as number));
  }
}
