/**
 * The dynamic ordinal ideal-point model of Bailey, Strezhnev & Voeten (2017), fit by EM instead
 * of MCMC (docs/ideal-points.md has the model, the choices and the references).
 *
 * Vote of unit u (a state in a session) on item j: z = β_j θ_u + ε, ε ~ N(0, 1); yes when
 * z < γ1_j, abstain when γ1_j < z < γ2_j, no when z > γ2_j. Priors: β_j ~ N(0, 1); a state's
 * first session θ ~ N(0, 1); later sessions a random walk θ_t ~ N(θ_prev, 1/λ_t) with
 * λ_t = κ (n_t + n_prev) / n_t / gap (n the votes cast: a session with few votes leans on the one
 * before). Cutpoints are free within ±7.
 *
 * One iteration (ECM/ECME, Meng & Rubin 1993; Liu & Rubin 1994):
 * 1. E-step: E[z | vote, θ, β, γ], the mean of a truncated normal, for every vote;
 * 2. θ-step: for every state, the exact maximiser of the expected complete-data log posterior
 *    over its chain of sessions (a tridiagonal system);
 * 3. β-step: the same for each item's discrimination, given the new θ;
 * 4. γ-step: a Newton step on the observed-data log likelihood of each item's two cutpoints;
 * 5. identification: θ standardised over all state-sessions and turned so that the USA is
 *    positive, with β and γ transformed so that the likelihood is unchanged (as the authors'
 *    sampler does at every draw).
 * It stops when no position moves by more than `tolerance` between iterations.
 */
import {
  logIntervalProb,
  truncatedMean,
  type VoteDerivatives,
  voteDerivatives,
} from "./ordinal-probit.js";
import { chainDiagonal, solveChain, walkPrecisions } from "./random-walk.js";
import { ANCHOR_CCODE, standardise, startValues } from "./start-values.js";
import type { VoteData } from "./vote-data.js";

export interface EstimateOptions {
  /** κ, the scale of the random-walk precision (larger: smoother paths). */
  readonly smooth: number;
  /** Precision of the prior on a state's first session. */
  readonly initialPrecision: number;
  /** Precision of the prior on item discriminations. */
  readonly betaPrecision: number;
  /** Cutpoints are kept within ±this bound (the authors' sampler truncates at ±7). */
  readonly cutpointBound: number;
  /** Largest change of any position between iterations at convergence. */
  readonly tolerance: number;
  readonly maxIterations: number;
  /** Seeds the perturbation of the start values. */
  readonly seed: number;
  /** Standard deviation of that perturbation. */
  readonly jitter: number;
}

export const DEFAULT_ESTIMATE: EstimateOptions = {
  smooth: 1,
  initialPrecision: 1,
  betaPrecision: 1,
  cutpointBound: 7,
  tolerance: 1e-4,
  maxIterations: 2000,
  seed: 1,
  jitter: 0.1,
};

export interface EstimateProgress {
  readonly iteration: number;
  readonly maxIterations: number;
  /** Largest change of a position in this iteration. */
  readonly change: number;
  readonly tolerance: number;
}

export interface ItemParameters {
  readonly beta: Float64Array;
  readonly gamma1: Float64Array;
  readonly gamma2: Float64Array;
}

export interface Estimate extends ItemParameters {
  /** Position of every unit (VoteData order), standardised over all units, USA positive. */
  readonly theta: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest change of a position in the last iteration. */
  readonly change: number;
  /** Log posterior (up to a constant) at the estimate. */
  readonly logPosterior: number;
}

/** Bounds (lower, upper) of the latent z for a vote code, given the item's cutpoints. */
function lowerBound(vote: number, g1: number, g2: number): number {
  return vote === 1 ? Number.NEGATIVE_INFINITY : vote === 2 ? g1 : g2;
}
function upperBound(vote: number, g1: number, g2: number): number {
  return vote === 1 ? g1 : vote === 2 ? g2 : Number.POSITIVE_INFINITY;
}

/** θ, β, γ1, γ2 as views of one vector, so that SQUAREM can extrapolate all of them at once. */
interface Params {
  readonly all: Float64Array;
  readonly theta: Float64Array;
  readonly beta: Float64Array;
  readonly gamma1: Float64Array;
  readonly gamma2: Float64Array;
}

function params(nUnits: number, nItems: number): Params {
  const all = new Float64Array(nUnits + 3 * nItems);
  return {
    all,
    theta: all.subarray(0, nUnits),
    beta: all.subarray(nUnits, nUnits + nItems),
    gamma1: all.subarray(nUnits + nItems, nUnits + 2 * nItems),
    gamma2: all.subarray(nUnits + 2 * nItems),
  };
}

/**
 * Fits the model; `onProgress` is told after every EM step. The EM map is accelerated by SQUAREM
 * (Varadhan & Roland 2008, scheme S3): two EM steps give a direction, the extrapolated point is
 * stabilised by a third EM step and kept only when its log posterior is not lower than that of
 * the plain second step.
 */
export function estimate(
  data: VoteData,
  opts: EstimateOptions = DEFAULT_ESTIMATE,
  onProgress?: (p: EstimateProgress) => void,
): Estimate {
  const nUnits = data.unitCcode.length;
  const nItems = data.itemRcid.length;
  const em = new EmMap(data, opts);
  let p0 = params(nUnits, nItems);
  p0.theta.set(startValues(data, opts.seed, opts.jitter));
  // Start items: β from the start positions, cutpoints by a few Newton steps given β.
  startItems(data, p0.theta, p0.beta);
  p0.gamma1.fill(-0.5);
  p0.gamma2.fill(0.5);
  for (let i = 0; i < 10; i++)
    cutpointStep(data, p0.theta, p0.beta, p0.gamma1, p0.gamma2, opts.cutpointBound);
  identify(p0.theta, p0.beta, p0.gamma1, p0.gamma2, em.anchor);

  let p1 = params(nUnits, nItems);
  let p2 = params(nUnits, nItems);
  const p3 = params(nUnits, nItems);
  const r = new Float64Array(p0.all.length);
  const v = new Float64Array(p0.all.length);
  let iteration = 0;
  let change = Number.POSITIVE_INFINITY;
  const step = (from: Params, to: Params): void => {
    em.apply(from, to);
    iteration++;
    change = maxChange(from.theta, to.theta);
    onProgress?.({
      iteration,
      maxIterations: opts.maxIterations,
      change,
      tolerance: opts.tolerance,
    });
  };
  while (iteration < opts.maxIterations && change > opts.tolerance) {
    step(p0, p1);
    if (change <= opts.tolerance) {
      [p0, p1] = [p1, p0];
      break;
    }
    step(p1, p2);
    if (change <= opts.tolerance || iteration >= opts.maxIterations) {
      [p0, p2] = [p2, p0];
      break;
    }
    let rr = 0;
    let vv = 0;
    for (let i = 0; i < r.length; i++) {
      const a = (p1.all[i] as number) - (p0.all[i] as number);
      const b = (p2.all[i] as number) - (p1.all[i] as number) - a;
      r[i] = a;
      v[i] = b;
      rr += a * a;
      vv += b * b;
    }
    const alpha = vv > 0 ? Math.min(-1, -Math.sqrt(rr / vv)) : -1;
    // p3 = p0 − 2αr + α²v, cutpoints put back in order and bounds, then one EM step from it.
    for (let i = 0; i < r.length; i++) {
      p3.all[i] =
        (p0.all[i] as number) - 2 * alpha * (r[i] as number) + alpha * alpha * (v[i] as number);
    }
    orderCutpoints(p3.gamma1, p3.gamma2, opts.cutpointBound);
    const plain = change;
    step(p3, p1);
    // The step from the extrapolated point measures how far that point is from a fixed point.
    let accepted = alpha === -1;
    if (!accepted) {
      const lp2 = em.logPosterior(p2);
      accepted = em.logPosterior(p1) >= lp2 - 1e-12 * Math.abs(lp2);
    }
    if (accepted) [p0, p1] = [p1, p0];
    else {
      // The extrapolation overshot: continue from the plain second step.
      change = plain;
      [p0, p2] = [p2, p0];
    }
  }
  return {
    theta: p0.theta.slice(),
    beta: p0.beta.slice(),
    gamma1: p0.gamma1.slice(),
    gamma2: p0.gamma2.slice(),
    iterations: iteration,
    converged: change <= opts.tolerance,
    change,
    logPosterior: em.logPosterior(p0),
  };
}

function maxChange(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number));
    if (d > m) m = d;
  }
  return m;
}

function orderCutpoints(gamma1: Float64Array, gamma2: Float64Array, bound: number): void {
  for (let j = 0; j < gamma1.length; j++) {
    let g1 = Math.max(-bound, Math.min(bound, gamma1[j] as number));
    let g2 = Math.max(-bound, Math.min(bound, gamma2[j] as number));
    if (g1 > g2) g1 = g2 = (g1 + g2) / 2;
    gamma1[j] = g1;
    gamma2[j] = g2;
  }
}

/** One EM step (E, θ, β, γ, identification) as a map from parameters to parameters. */
class EmMap {
  readonly anchor: number[];
  private readonly lambda: Float64Array;
  private readonly m: Float64Array;
  private readonly sumBM: Float64Array;
  private readonly sumBB: Float64Array;
  private readonly diag: Float64Array;
  private readonly work: Float64Array;

  constructor(
    private readonly data: VoteData,
    private readonly opts: EstimateOptions,
  ) {
    const nUnits = data.unitCcode.length;
    this.anchor = anchorUnits(data);
    this.lambda = walkPrecisions(data, opts.smooth);
    this.m = new Float64Array(data.obsUnit.length);
    this.sumBM = new Float64Array(nUnits);
    this.sumBB = new Float64Array(nUnits);
    this.diag = new Float64Array(nUnits);
    this.work = new Float64Array(nUnits);
  }

  logPosterior(p: Params): number {
    return logPosterior(this.data, p.theta, p, this.lambda, this.opts);
  }

  apply(from: Params, to: Params): void {
    const { data, opts, m, sumBM, sumBB, diag, lambda } = this;
    const nItems = data.itemRcid.length;
    const theta = from.theta;
    // 1. E-step, with the sums the θ-step needs.
    sumBM.fill(0);
    sumBB.fill(0);
    for (let j = 0; j < nItems; j++) {
      const b = from.beta[j] as number;
      const g1 = from.gamma1[j] as number;
      const g2 = from.gamma2[j] as number;
      for (let k = data.itemStart[j] as number; k < (data.itemStart[j + 1] as number); k++) {
        const u = data.obsUnit[k] as number;
        const mu = b * (theta[u] as number);
        const y = data.obsVote[k] as number;
        const z = mu + truncatedMean(lowerBound(y, g1, g2) - mu, upperBound(y, g1, g2) - mu);
        m[k] = z;
        sumBM[u] = (sumBM[u] as number) + b * z;
        sumBB[u] = (sumBB[u] as number) + b * b;
      }
    }
    // 2. θ-step: one tridiagonal system per state.
    chainDiagonal(data, lambda, opts.initialPrecision, sumBB, diag);
    const next = to.theta;
    for (let s = 0; s + 1 < data.stateStart.length; s++) {
      const start = data.stateStart[s] as number;
      const len = (data.stateStart[s + 1] as number) - start;
      solveChain(diag, lambda, sumBM, start, len, next, this.work);
    }
    // 3. β-step, given the new θ.
    for (let j = 0; j < nItems; j++) {
      let tz = 0;
      let tt = opts.betaPrecision;
      for (let k = data.itemStart[j] as number; k < (data.itemStart[j + 1] as number); k++) {
        const t = next[data.obsUnit[k] as number] as number;
        tz += t * (m[k] as number);
        tt += t * t;
      }
      to.beta[j] = tz / tt;
    }
    // 4. γ-step, from the current cutpoints.
    to.gamma1.set(from.gamma1);
    to.gamma2.set(from.gamma2);
    cutpointStep(data, next, to.beta, to.gamma1, to.gamma2, opts.cutpointBound);
    // 5. Identification.
    identify(next, to.beta, to.gamma1, to.gamma2, this.anchor);
  }
}

/** Units of the anchor state (the USA), whose mean position is made positive. */
function anchorUnits(data: VoteData): number[] {
  const out: number[] = [];
  for (let u = 0; u < data.unitCcode.length; u++)
    if (data.unitCcode[u] === ANCHOR_CCODE) out.push(u);
  return out;
}

/**
 * Standardise θ over all units and turn it so that the anchor's mean is positive; β and γ move
 * with it so that every β·θ − γ, and so the likelihood, stays the same.
 */
export function identify(
  theta: Float64Array,
  beta: Float64Array,
  gamma1: Float64Array,
  gamma2: Float64Array,
  anchor: readonly number[],
): void {
  const { mean, sd } = standardise(theta);
  let sign = 1;
  if (anchor.length) {
    let s = 0;
    for (const u of anchor) s += theta[u] as number;
    if (s < 0) sign = -1;
  }
  if (sign < 0) for (let u = 0; u < theta.length; u++) theta[u] = -(theta[u] as number);
  for (let j = 0; j < beta.length; j++) {
    const b = beta[j] as number;
    // β θ_old = β (sd θ_std + mean): the item sees β·sd on the new scale and a shift β·mean.
    gamma1[j] = (gamma1[j] as number) - b * mean;
    gamma2[j] = (gamma2[j] as number) - b * mean;
    beta[j] = sign * b * sd;
  }
}

function startItems(data: VoteData, theta: Float64Array, beta: Float64Array): void {
  for (let j = 0; j < beta.length; j++) {
    let n = 0;
    let st = 0;
    let sc = 0;
    let stt = 0;
    let stc = 0;
    for (let k = data.itemStart[j] as number; k < (data.itemStart[j + 1] as number); k++) {
      const t = theta[data.obsUnit[k] as number] as number;
      const c = (data.obsVote[k] as number) - 2;
      n++;
      st += t;
      sc += c;
      stt += t * t;
      stc += t * c;
    }
    const vt = stt - (st * st) / n;
    const cov = stc - (st * sc) / n;
    // Slope of the codes (−1, 0, 1) on θ, doubled towards the probit scale and kept moderate.
    const slope = vt > 0 ? (2 * cov) / vt : 0;
    beta[j] = Math.max(-3, Math.min(3, slope));
  }
}

const scratch: VoteDerivatives = { dLo: 0, dHi: 0, dLoLo: 0, dHiHi: 0, dLoHi: 0, info: 0 };

/**
 * One Newton step per item on the observed-data log likelihood of its cutpoints (concave), the
 * step capped at 1 and the result kept ordered and within ±bound. An item without abstentions
 * has one cutpoint (γ1 = γ2), an item without yes votes γ1 at −bound, one without no votes γ2 at
 * +bound: the likelihood has no finite maximiser in those directions.
 */
export function cutpointStep(
  data: VoteData,
  theta: Float64Array,
  beta: Float64Array,
  gamma1: Float64Array,
  gamma2: Float64Array,
  bound: number,
): void {
  const d = scratch;
  for (let j = 0; j < beta.length; j++) {
    const b = beta[j] as number;
    let g1 = gamma1[j] as number;
    let g2 = gamma2[j] as number;
    let grad1 = 0;
    let grad2 = 0;
    let h11 = 0;
    let h22 = 0;
    let h12 = 0;
    let n1 = 0;
    let n2 = 0;
    let n3 = 0;
    for (let k = data.itemStart[j] as number; k < (data.itemStart[j + 1] as number); k++) {
      const mu = b * (theta[data.obsUnit[k] as number] as number);
      const y = data.obsVote[k] as number;
      voteDerivatives(lowerBound(y, g1, g2) - mu, upperBound(y, g1, g2) - mu, d);
      if (y === 1) {
        n1++;
        grad1 += d.dHi;
        h11 += d.dHiHi;
      } else if (y === 2) {
        n2++;
        grad1 += d.dLo;
        h11 += d.dLoLo;
        grad2 += d.dHi;
        h22 += d.dHiHi;
        h12 += d.dLoHi;
      } else {
        n3++;
        grad2 += d.dLo;
        h22 += d.dLoLo;
      }
    }
    const cap = (x: number) => Math.max(-1, Math.min(1, x));
    const old1 = g1;
    const old2 = g2;
    if (n2 === 0) {
      // One cutpoint between yes and no.
      const h = h11 + h22;
      const g = (g1 + g2) / 2 + cap(h < 0 ? -(grad1 + grad2) / h : 0);
      g1 = g2 = g;
    } else {
      const det = h11 * h22 - h12 * h12;
      if (det > 0 && h11 < 0) {
        g1 += cap(-(h22 * grad1 - h12 * grad2) / det);
        g2 += cap(-(h11 * grad2 - h12 * grad1) / det);
      } else {
        if (h11 < 0) g1 += cap(-grad1 / h11);
        if (h22 < 0) g2 += cap(-grad2 / h22);
      }
      if (n1 === 0) g1 = -bound;
      if (n3 === 0) g2 = bound;
    }
    g1 = Math.max(-bound, Math.min(bound, g1));
    g2 = Math.max(-bound, Math.min(bound, g2));
    if (g1 > g2) g1 = g2 = (g1 + g2) / 2;
    // Far from the optimum (where the log likelihood is nearly flat on one side) a Newton step
    // can overshoot back and forth: a longer step is kept only if the likelihood does not fall,
    // else halved.
    if (Math.max(Math.abs(g1 - old1), Math.abs(g2 - old2)) > 0.05) {
      const before = itemLogLik(data, theta, j, b, old1, old2);
      for (let h = 0; h < 20 && itemLogLik(data, theta, j, b, g1, g2) < before; h++) {
        g1 = (g1 + old1) / 2;
        g2 = (g2 + old2) / 2;
      }
    }
    gamma1[j] = g1;
    gamma2[j] = g2;
  }
}

function itemLogLik(
  data: VoteData,
  theta: Float64Array,
  j: number,
  b: number,
  g1: number,
  g2: number,
): number {
  let ll = 0;
  for (let k = data.itemStart[j] as number; k < (data.itemStart[j + 1] as number); k++) {
    const mu = b * (theta[data.obsUnit[k] as number] as number);
    const y = data.obsVote[k] as number;
    ll += logIntervalProb(lowerBound(y, g1, g2) - mu, upperBound(y, g1, g2) - mu);
  }
  return ll;
}

/** Log posterior up to a constant: the votes' log likelihood plus the log priors. */
export function logPosterior(
  data: VoteData,
  theta: Float64Array,
  items: ItemParameters,
  lambda: Float64Array,
  opts: Pick<EstimateOptions, "initialPrecision" | "betaPrecision">,
): number {
  let lp = 0;
  for (let j = 0; j < items.beta.length; j++) {
    const b = items.beta[j] as number;
    const g1 = items.gamma1[j] as number;
    const g2 = items.gamma2[j] as number;
    lp += itemLogLik(data, theta, j, b, g1, g2) - 0.5 * opts.betaPrecision * b * b;
  }
  for (let u = 0; u < theta.length; u++) {
    const p = data.unitPrev[u] as number;
    const t = theta[u] as number;
    if (p < 0) lp -= 0.5 * opts.initialPrecision * t * t;
    else lp -= 0.5 * (lambda[u] as number) * (t - (theta[p] as number)) ** 2;
  }
  return lp;
}

export { lowerBound, upperBound };
