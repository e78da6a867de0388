/**
 * Change points of one series, the way `entente changepoints` and `entente trend` find them:
 * a method (search × cost), a penalty, a minimum segment length, and for each change an interval.
 * docs/trends.md explains the default (`pelt-linear`, MBIC, segments of at least 5) and why.
 */
import { defined } from "../core/defined.js";
import { BadInputError } from "../core/errors.js";
import { binarySegmentation } from "./binary-segmentation.js";
import { bocpd } from "./bocpd.js";
import { type ChangeInterval, changepointIntervals } from "./changepoint-interval.js";
import { type CountModelName, countModel } from "./count-model.js";
import { type CropsSolution, crops } from "./crops.js";
import {
  DEFAULT_HAZARD,
  DEFAULT_METHOD,
  DEFAULT_MIN_SEG,
  METHODS,
  type Method,
} from "./methods.js";
import { pelt, type Segmentation } from "./pelt.js";
import { type Penalty, type PenaltyName, penalty } from "./penalty.js";
import {
  type CostName,
  linePrefixSums,
  lineRss,
  normalLinearCost,
  normalMeanCost,
  normalMeanVarCost,
  prefixSums,
  type SegmentCost,
  segmentRss,
} from "./segment-cost.js";

export { DEFAULT_HAZARD, DEFAULT_METHOD, DEFAULT_MIN_SEG, METHODS, type Method };

export interface ChangepointOptions {
  readonly method?: Method;
  readonly penalty?: PenaltyName;
  /** The number for `penalty: "manual"`. */
  readonly penaltyValue?: number;
  readonly minSegLen?: number;
  /** Binary segmentation: most change points (default 5). */
  readonly maxChanges?: number;
  /** Credible level of the change-point intervals (default 0.95). */
  readonly level?: number;
  /** Count methods: source volume per period, to turn counts into rates. */
  readonly volume?: ArrayLike<number>;
  /** Count methods: prior probability of a change at each period (default 0.01). */
  readonly hazard?: number;
}

export interface Changepoint {
  /** First index of the new segment. */
  readonly index: number;
  /** Interval of the index at `level` (see changepoint-interval.ts). */
  readonly lower: number;
  readonly upper: number;
}

export interface Segment {
  /** First and last index (inclusive). */
  readonly start: number;
  readonly end: number;
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (null for a single value). */
  readonly sd: number | null;
}

export interface ChangepointResult {
  readonly method: Method;
  /** β per change (`hazard` for the count methods, with the hazard as value). */
  readonly penalty: { readonly name: PenaltyName | "hazard"; readonly value: number };
  readonly minSegLen: number;
  readonly changepoints: Changepoint[];
  readonly segments: Segment[];
  /** Count methods: changeSince[T] = P(a change at index T or later | all data). */
  readonly changeSince?: number[];
}

interface Family {
  readonly search: "pelt" | "binseg" | "bocpd";
  readonly cost: CostName | CountModelName;
}

export function methodParts(method: Method): Family {
  const [search, cost] = method.split("-") as [Family["search"], Family["cost"]];
  return { search, cost };
}

export function parseMethod(text: string | undefined): Method {
  if (text === undefined) return DEFAULT_METHOD;
  if ((METHODS as readonly string[]).includes(text)) return text as Method;
  throw new BadInputError("bad_method", `Unknown method "${text}"`, {
    hint: `Use one of ${METHODS.join(", ")}`,
  });
}

function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i] as number;
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += ((x[i] as number) - m) ** 2;
  return { mean: m, sd: n > 1 ? Math.sqrt(v / (n - 1)) : 0 };
}

/**
 * The noise scale of the normal costs with a known variance: the residual standard deviation of
 * the no-change model (one mean, or one straight line) over the whole series. It counts any
 * structure as noise, so a change must explain a large share of all the variation to be kept:
 * conservative by design (the Turing benchmark z-scores every series for the same reason, and
 * rewards few false alarms on short, autocorrelated real-world series).
 */
export function noiseScale(x: ArrayLike<number>, cost: "linear" | "mean"): number {
  const n = x.length;
  if (cost === "mean") return meanSd(x).sd;
  if (n < 3) return 0;
  return Math.sqrt(lineRss(linePrefixSums(x), 0, n) / (n - 2));
}

function normalCost(cost: CostName, x: ArrayLike<number>, sigma: number): SegmentCost {
  if (cost === "meanvar") return normalMeanVarCost(x);
  return cost === "linear" ? normalLinearCost(x, sigma) : normalMeanCost(x, sigma);
}

/** Pooled within-segment residual sd of a segmentation (for the interval's likelihood). */
function pooledSigma(cost: "linear" | "mean", x: ArrayLike<number>, cps: number[]): number {
  const n = x.length;
  const bounds = [0, ...cps, n];
  const perSeg = cost === "linear" ? 2 : 1;
  const dof = n - perSeg * (cps.length + 1);
  if (dof <= 0) return 0;
  let rss = 0;
  if (cost === "linear") {
    const p = linePrefixSums(x);
    for (let k = 0; k + 1 < bounds.length; k++) {
      rss += lineRss(p, bounds[k] as number, bounds[k + 1] as number);
    }
  } else {
    const p = prefixSums(x);
    for (let k = 0; k + 1 < bounds.length; k++) {
      rss += segmentRss(p, bounds[k] as number, bounds[k + 1] as number);
    }
  }
  return Math.sqrt(Math.max(0, rss) / dof);
}

export function segmentsOf(x: ArrayLike<number>, cps: readonly number[]): Segment[] {
  if (x.length === 0) return [];
  const bounds = [0, ...cps, x.length];
  const out: Segment[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const s = bounds[k] as number;
    const e = bounds[k + 1] as number;
    const part = Array.prototype.slice.call(x, s, e) as number[];
    const { mean, sd } = meanSd(part);
    out.push({ start: s, end: e - 1, n: e - s, mean, sd: e - s > 1 ? sd : null });
  }
  return out;
}

function withIntervals(cps: readonly number[], iv: readonly ChangeInterval[]): Changepoint[] {
  return cps.map((index, k) => ({
    index,
    lower: iv[k]?.lower ?? index,
    upper: iv[k]?.upper ?? index,
  }));
}

function checkValues(x: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i] as number)) {
      throw new RangeError(`value ${i} is ${x[i]}: drop missing values before the search`);
    }
  }
}

/** Standardise (x − mean)/sd so that prefix sums of large values (GDP in LCU) stay exact. */
function standardise(x: ArrayLike<number>): { z: Float64Array; sd: number } {
  const { mean, sd } = meanSd(x);
  const s = sd > 0 ? sd : 1;
  return { z: Float64Array.from(x, (v) => (v - mean) / s), sd };
}

export function detectChangepoints(
  x: ArrayLike<number>,
  opts: ChangepointOptions = {},
): ChangepointResult {
  checkValues(x);
  const method = opts.method ?? DEFAULT_METHOD;
  const { search, cost } = methodParts(method);
  const n = x.length;
  const level = opts.level ?? 0.95;

  if (search === "bocpd") {
    const minSegLen = opts.minSegLen ?? 2;
    const model = countModel(cost as CountModelName, {
      counts: x,
      ...(opts.volume ? { volume: opts.volume } : {}),
    });
    const r = bocpd(model, { hazard: opts.hazard ?? DEFAULT_HAZARD, minSegLen });
    const marginal: SegmentCost = {
      name: cost,
      n,
      params: 1,
      cost: (s, e) => -2 * model.logMarginal(s, e),
    };
    const iv = changepointIntervals(marginal, r.changepoints, { minSegLen, level });
    return {
      method,
      penalty: { name: "hazard", value: r.hazard },
      minSegLen,
      changepoints: r.changepoints.map(
        (index, k) => ({ index, ...(iv[k] as object) }) as Changepoint,
      ),
      segments: segmentsOf(x, r.changepoints),
      changeSince: Array.from(r.changeSince),
    };
  }

  const minSegLen = opts.minSegLen ?? DEFAULT_MIN_SEG;
  const normal = cost as CostName;
  const { z, sd } = standardise(x);
  const sigma = normal === "meanvar" ? 1 : noiseScale(z, normal);
  const pen = penalty(opts.penalty ?? "mbic", n, normal === "mean" ? 1 : 2, opts.penaltyValue);
  const penaltyOut = { name: pen.name, value: pen.value };
  // A constant series (or one too short to split) has no change to find.
  if (n < 2 * minSegLen || !(sd > 0) || !(sigma > 0)) {
    return {
      method,
      penalty: penaltyOut,
      minSegLen,
      changepoints: [],
      segments: segmentsOf(x, []),
    };
  }
  const c = normalCost(normal, normal === "meanvar" ? x : z, sigma);
  const found: Segmentation =
    search === "pelt"
      ? pelt(c, { penalty: pen.value, perSegmentLog: pen.perSegmentLog, minSegLen })
      : binarySegmentation(c, {
          penalty: pen.value,
          perSegmentLog: pen.perSegmentLog,
          minSegLen,
          ...defined({ maxChanges: opts.maxChanges }),
        });
  const cps = found.changepoints;
  // The intervals' likelihood: for the known-σ costs, σ re-estimated within the segments found
  // (a perfect fit, σ = 0, leaves no doubt about where the changes are).
  let iv: ChangeInterval[];
  if (normal === "meanvar") iv = changepointIntervals(c, cps, { minSegLen, level });
  else {
    const pooled = pooledSigma(normal, z, cps);
    iv =
      pooled > 0
        ? changepointIntervals(normalCost(normal, z, pooled), cps, { minSegLen, level })
        : cps.map((t) => ({ lower: t, upper: t }));
  }
  return {
    method,
    penalty: penaltyOut,
    minSegLen,
    changepoints: withIntervals(cps, iv),
    segments: segmentsOf(x, cps),
  };
}

/** Settings of `penaltyPath`: the method's search must be PELT. */
export interface PenaltyPathOptions extends ChangepointOptions {
  /** Penalty range (default: a quarter to four times the method's penalty). */
  readonly range?: { readonly min: number; readonly max: number };
}

/** CROPS listing for a PELT method: every optimal segmentation over a range of penalties. */
export function penaltyPath(x: ArrayLike<number>, opts: PenaltyPathOptions = {}): CropsSolution[] {
  checkValues(x);
  const method = opts.method ?? DEFAULT_METHOD;
  const { search, cost } = methodParts(method);
  if (search !== "pelt") {
    throw new BadInputError("bad_method", `A penalty path needs a PELT method, not ${method}`, {
      hint: "Use --method pelt-linear, pelt-mean or pelt-meanvar",
    });
  }
  const normal = cost as CostName;
  const n = x.length;
  const minSegLen = opts.minSegLen ?? DEFAULT_MIN_SEG;
  const pen: Penalty = penalty(
    opts.penalty ?? "mbic",
    n,
    normal === "mean" ? 1 : 2,
    opts.penaltyValue,
  );
  const { z, sd } = standardise(x);
  const sigma = normal === "meanvar" ? 1 : noiseScale(z, normal);
  if (n < 2 * minSegLen || !(sd > 0) || !(sigma > 0)) return [];
  const range = opts.range ?? { min: pen.value / 4, max: pen.value * 4 };
  return crops(normalCost(normal, normal === "meanvar" ? x : z, sigma), range, {
    perSegmentLog: pen.perSegmentLog,
    minSegLen,
  });
}
