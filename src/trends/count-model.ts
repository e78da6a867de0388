/**
 * Conjugate models for event counts x_t seen with an exposure e_t (the source's volume in period
 * t divided by its mean volume, so that a rate is "events per average period"). Each gives the
 * log marginal likelihood of a segment, the evidence Bayesian change-point methods compare:
 *
 * - poisson: x_t ~ Poisson(λ·e_t), λ ~ Gamma(a, b) (shape, rate):
 *     log m = Σ[x log e − log x!] + a log b − log Γ(a) + log Γ(a + X) − (a + X)·log(b + E)
 * - negbin: x_t ~ NegBin(size r·e_t, p), p ~ Beta(α, β), a Poisson whose rate is itself
 *     Gamma-distributed, so the variance m + m²/r per unit exposure exceeds the mean (GDELT and
 *     ICEWS counts are overdispersed: one happening is reported many times):
 *     log m = Σ[log Γ(x + r e) − log Γ(r e) − log x!] + log B(α + rE, β + X) − log B(α, β)
 *
 * with X = Σx, E = Σe over the segment. Prior: one pseudo-observation at the series' mean rate
 * on top of a Jeffreys-like 0.5, so the model adapts to the scale of the counts. The dispersion r
 * is not learnt per segment (no conjugate prior exists): it is a moment estimate from successive
 * differences of the rates (von Neumann 1941), which a level shift barely moves.
 */
import gammaln from "@stdlib/math-base-special-gammaln";

export const COUNT_MODELS = ["negbin", "poisson"] as const;
export type CountModelName = (typeof COUNT_MODELS)[number];

export interface CountModel {
  readonly name: CountModelName;
  readonly n: number;
  /** Mean rate per unit exposure over the whole series. */
  readonly rate: number;
  /** NegBin size per unit exposure (Infinity for poisson). */
  readonly size: number;
  /** Log marginal likelihood of x[s..e). */
  logMarginal(s: number, e: number): number;
}

/** Above this size the negative binomial is a Poisson for all practical purposes. */
const POISSON_SIZE = 1e4;

export interface CountInput {
  readonly counts: ArrayLike<number>;
  /** Source volume per period (default: all equal). */
  readonly volume?: ArrayLike<number>;
}

/** Exposures e_t = v_t / mean(v); all 1 without volumes. */
export function exposures(input: CountInput): Float64Array {
  const n = input.counts.length;
  const v = input.volume;
  if (!v) return new Float64Array(n).fill(1);
  if (v.length !== n) throw new RangeError(`volume has ${v.length} values, counts ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += v[i] as number;
  mean /= n;
  return Float64Array.from(v, (x) => x / mean);
}

/** Moment estimate of the NegBin size from successive differences of the rates x/e. */
export function estimateSize(x: ArrayLike<number>, e: ArrayLike<number>, rate: number): number {
  const n = x.length;
  if (n < 3 || rate <= 0) return Number.POSITIVE_INFINITY;
  let w = 0;
  for (let t = 0; t + 1 < n; t++) {
    const et = e[t] as number;
    const eu = e[t + 1] as number;
    const d = (x[t + 1] as number) / eu - (x[t] as number) / et;
    w += (d * d) / (1 / et + 1 / eu);
  }
  w /= n - 1;
  return w > rate ? (rate * rate) / (w - rate) : Number.POSITIVE_INFINITY;
}

export function countModel(
  name: CountModelName,
  input: CountInput,
  opts: { readonly size?: number } = {},
): CountModel {
  const x = input.counts;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (!(Number.isInteger(v) && v >= 0)) {
      throw new RangeError(`count ${i} is ${v}: counts must be whole numbers ≥ 0`);
    }
  }
  const e = exposures(input);
  for (let i = 0; i < n; i++) {
    if (!((e[i] as number) > 0)) throw new RangeError(`volume ${i} is not positive`);
  }
  const sumX = new Float64Array(n + 1);
  const sumE = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    sumX[i + 1] = (sumX[i] as number) + (x[i] as number);
    sumE[i + 1] = (sumE[i] as number) + (e[i] as number);
  }
  const rate = n ? (sumX[n] as number) / (sumE[n] as number) : 0;
  let size =
    name === "poisson" ? Number.POSITIVE_INFINITY : (opts.size ?? estimateSize(x, e, rate));
  if (size > POISSON_SIZE) size = Number.POSITIVE_INFINITY;
  const seg = (p: Float64Array, s: number, t: number) => (p[t] as number) - (p[s] as number);

  if (!Number.isFinite(size)) {
    const a = rate + 0.5;
    const b = 1;
    const base = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      base[i + 1] = (base[i] as number) + xi * Math.log(e[i] as number) - gammaln(xi + 1);
    }
    const prior = a * Math.log(b) - gammaln(a);
    return {
      name,
      n,
      rate,
      size,
      logMarginal: (s, t) => {
        const X = seg(sumX, s, t);
        const E = seg(sumE, s, t);
        return seg(base, s, t) + prior + gammaln(a + X) - (a + X) * Math.log(b + E);
      },
    };
  }

  const r = size;
  const alpha = r + 0.5;
  const beta = rate + 0.5;
  const lbeta = (p: number, q: number) => gammaln(p) + gammaln(q) - gammaln(p + q);
  const base = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const k = r * (e[i] as number);
    base[i + 1] = (base[i] as number) + gammaln(xi + k) - gammaln(k) - gammaln(xi + 1);
  }
  const prior = lbeta(alpha, beta);
  return {
    name,
    n,
    rate,
    size,
    logMarginal: (s, t) =>
      seg(base, s, t) + lbeta(alpha + r * seg(sumE, s, t), beta + seg(sumX, s, t)) - prior,
  };
}
