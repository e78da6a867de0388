/**
 * The three-category ordered probit of one vote, P(y | μ, γ1, γ2) with y = 1 (yes) when
 * z < γ1, 2 (abstain) when γ1 < z < γ2 and 3 (no) when z > γ2, z ~ N(μ, 1): the truncated-normal
 * mean the E-step needs, and the first and second derivatives of log P the cutpoint step and the
 * standard errors need.
 *
 * Tail probabilities go through the scaled complementary error function erfcx (stdlib): the ratio
 * φ(a)/Q(a) is then computed without underflow however far a vote lies in a tail, which a
 * plain erfc loses beyond |a| ≈ 37 and rounds badly well before.
 */
import erfc from "@stdlib/math-base-special-erfc";
import erfcx from "@stdlib/math-base-special-erfcx";

const SQRT1_2 = Math.SQRT1_2;
const SQRT_2_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Standard normal density. */
export function phi(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal CDF Φ(x). */
export function Phi(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** Inverse Mills ratio φ(a)/(1 − Φ(a)) (the mean of N(0,1) truncated to (a, ∞)), for any a. */
export function millsUpper(a: number): number {
  return SQRT_2_PI / erfcx(a * SQRT1_2);
}

/**
 * log(Φ(b) − Φ(a)) for a < b (−∞ and ∞ allowed): the log probability of a vote. Computed in the
 * tail where it is small, so that votes far in a tail do not round to log 0.
 */
export function logIntervalProb(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) {
    // log Φ(b) = log Q(−b); Q(x) = ½ e^{−x²/2} erfcx(x/√2).
    return b > 0 ? Math.log1p(-0.5 * erfc(b * SQRT1_2)) : logQ(-b);
  }
  if (b === Number.POSITIVE_INFINITY)
    return a < 0 ? Math.log1p(-0.5 * erfc(-a * SQRT1_2)) : logQ(a);
  if (a >= 0) return logQ(a) + Math.log1p(-Math.exp(logQ(b) - logQ(a)));
  if (b <= 0) return logQ(-b) + Math.log1p(-Math.exp(logQ(-a) - logQ(-b)));
  return Math.log(Phi(b) - Phi(a));
}

/** log(1 − Φ(x)) for x ≥ 0 (and anywhere erfcx is finite). */
function logQ(x: number): number {
  return Math.log(0.5 * erfcx(x * SQRT1_2)) - 0.5 * x * x;
}

/**
 * E[ε | a < ε < b] for ε ~ N(0, 1), a < b (−∞ and ∞ allowed): (φ(a) − φ(b)) / (Φ(b) − Φ(a)).
 * When both bounds lie in one tail the ratio is rewritten with erfcx so that neither the
 * numerator nor the denominator underflows.
 */
export function truncatedMean(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return -millsUpper(-b);
  if (b === Number.POSITIVE_INFINITY) return millsUpper(a);
  if (b - a < 1e-9) return 0.5 * (a + b);
  if (a >= 0) return upperTailMean(a, b);
  if (b <= 0) return -upperTailMean(-b, -a);
  const p = Phi(b) - Phi(a);
  return (phi(a) - phi(b)) / p;
}

/** truncatedMean for 0 ≤ a < b: √(2/π)(1 − r) / (erfcx(a/√2) − r·erfcx(b/√2)), r = e^{(a²−b²)/2}. */
function upperTailMean(a: number, b: number): number {
  const r = Math.exp(0.5 * (a * a - b * b));
  const den = erfcx(a * SQRT1_2) - r * erfcx(b * SQRT1_2);
  if (!(den > 0)) return 0.5 * (a + b);
  return (SQRT_2_PI * (1 - r)) / den;
}

/**
 * Derivatives of log P(y) for one vote, as the cutpoint step and the standard errors use them.
 * With a = γ_lo − μ and b = γ_hi − μ the bounds of the vote's category:
 * - `dLo`, `dHi`: ∂ log P / ∂γ_lo and ∂γ_hi (0 for an infinite bound);
 * - `dLoLo`, `dHiHi`, `dLoHi`: the second derivatives;
 * - `info`: −∂² log P / ∂μ², the observed information about μ (≥ 0: the ordered probit is
 *   log-concave).
 */
export interface VoteDerivatives {
  dLo: number;
  dHi: number;
  dLoLo: number;
  dHiHi: number;
  dLoHi: number;
  info: number;
}

/** Fills `out` with the derivatives of log P for bounds a < b (see VoteDerivatives). */
export function voteDerivatives(a: number, b: number, out: VoteDerivatives): void {
  if (a === Number.NEGATIVE_INFINITY) {
    // log Φ(b): λ = φ(b)/Φ(b); d/db = λ; d²/db² = −λ(λ + b).
    const l = millsUpper(-b);
    const h = -l * (l + b);
    out.dLo = 0;
    out.dHi = l;
    out.dLoLo = 0;
    out.dHiHi = h;
    out.dLoHi = 0;
    out.info = -h;
    return;
  }
  if (b === Number.POSITIVE_INFINITY) {
    // log(1 − Φ(a)): λ = φ(a)/Q(a); d/da = −λ; d²/da² = −λ(λ − a).
    const l = millsUpper(a);
    const h = -l * (l - a);
    out.dLo = -l;
    out.dHi = 0;
    out.dLoLo = h;
    out.dHiHi = 0;
    out.dLoHi = 0;
    out.info = -h;
    return;
  }
  // log(Φ(b) − Φ(a)): with u = φ(a)/P and v = φ(b)/P,
  // d/da = −u, d/db = v, d²/da² = a·u − u², d²/db² = −b·v − v², d²/da db = u·v,
  // and in μ (a and b both move by −dμ): d²/dμ² = d²/da² + d²/db² + 2 d²/da db.
  const { u, v } = densityRatios(a, b);
  out.dLo = -u;
  out.dHi = v;
  out.dLoLo = a * u - u * u;
  out.dHiHi = -b * v - v * v;
  out.dLoHi = u * v;
  out.info = -(out.dLoLo + out.dHiHi + 2 * out.dLoHi);
}

/** φ(a)/P and φ(b)/P with P = Φ(b) − Φ(a), computed in the tail where P is small. */
function densityRatios(a: number, b: number): { u: number; v: number } {
  if (b - a < 1e-9) {
    // A vanishing interval: P ≈ φ(m)(b − a); the ratios grow without bound but stay finite.
    const w = Math.max(b - a, 1e-9);
    return { u: 1 / w, v: 1 / w };
  }
  if (a >= 0) return tailRatios(a, b);
  if (b <= 0) {
    const r = tailRatios(-b, -a);
    return { u: r.v, v: r.u };
  }
  const p = Phi(b) - Phi(a);
  return { u: phi(a) / p, v: phi(b) / p };
}

/** densityRatios for 0 ≤ a < b, through erfcx: P = ½e^{−a²/2}(erfcx(a/√2) − r·erfcx(b/√2)). */
function tailRatios(a: number, b: number): { u: number; v: number } {
  const r = Math.exp(0.5 * (a * a - b * b));
  const den = erfcx(a * SQRT1_2) - r * erfcx(b * SQRT1_2);
  const u = SQRT_2_PI / den;
  return { u, v: u * r };
}
