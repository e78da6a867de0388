import { describe, expect, it } from "vitest";
import {
  logIntervalProb,
  Phi,
  phi,
  truncatedMean,
  type VoteDerivatives,
  voteDerivatives,
} from "../../src/idealpoints/ordinal-probit.js";

/** E[ε | a < ε < b] by the midpoint rule on a fine grid (independent of the closed form). */
function numericMean(a: number, b: number): number {
  const lo = Math.max(a, -40);
  const hi = Math.min(b, 40);
  const n = 200_000;
  const h = (hi - lo) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const x = lo + (i + 0.5) * h;
    const w = Math.exp(-0.5 * x * x);
    num += x * w;
    den += w;
  }
  return num / den;
}

const INF = Number.POSITIVE_INFINITY;

describe("ordered probit of one vote", () => {
  it("Phi and phi take their textbook values", () => {
    expect(Phi(0)).toBe(0.5);
    expect(Phi(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(Phi(-3)).toBeCloseTo(0.0013498980316301, 14);
    expect(phi(0)).toBeCloseTo(0.3989422804014327, 15);
  });

  it("truncatedMean matches numerical integration in the middle and deep in both tails", () => {
    const cases: Array<[number, number]> = [
      [-INF, 0],
      [0, INF],
      [-1, 0.5],
      [2, 3],
      [-3, -2],
      [8, 8.5],
      [-9, -8.7],
      [-INF, -6],
      [6, INF],
      [0.1, 0.100001],
    ];
    for (const [a, b] of cases) {
      const want = numericMean(a, b);
      expect(truncatedMean(a, b), `(${a}, ${b})`).toBeCloseTo(want, 5);
    }
    // Far beyond what erfc can represent the mean still tends to the bound (Mills ratio ~ a).
    expect(truncatedMean(40, INF)).toBeCloseTo(40.025, 3);
    expect(truncatedMean(-INF, -40)).toBeCloseTo(-40.025, 3);
    expect(Number.isFinite(truncatedMean(50, 51))).toBe(true);
  });

  it("logIntervalProb is finite and accurate in the tails", () => {
    expect(logIntervalProb(-INF, 0)).toBeCloseTo(Math.log(0.5), 14);
    expect(logIntervalProb(-1, 1)).toBeCloseTo(Math.log(0.6826894921370859), 12);
    // log Q(10) = −53.231285...
    expect(logIntervalProb(10, INF)).toBeCloseTo(-53.23128515051247, 8);
    expect(logIntervalProb(-INF, -10)).toBeCloseTo(-53.23128515051247, 8);
    // log(Q(10) − Q(11)) = log Q(10) + log(1 − Q(11)/Q(10)); Q(10) = 7.619853e−24,
    // Q(11) = 1.910660e−28, so the second term is −2.507512e−5.
    expect(logIntervalProb(10, 11)).toBeCloseTo(-53.23128515051247 - 2.507512e-5, 8);
    expect(Number.isFinite(logIntervalProb(40, 41))).toBe(true);
  });

  it("derivatives agree with finite differences of log P", () => {
    const d: VoteDerivatives = { dLo: 0, dHi: 0, dLoLo: 0, dHiHi: 0, dLoHi: 0, info: 0 };
    const h = 1e-4;
    const f = (a: number, b: number) => logIntervalProb(a, b);
    for (const [a, b] of [
      [-INF, 0.3],
      [-0.4, INF],
      [-0.7, 0.9],
      [1.5, 2.5],
      [-2.5, -1.2],
      [-INF, -4],
      [4, INF],
    ] as Array<[number, number]>) {
      voteDerivatives(a, b, d);
      if (Number.isFinite(a)) {
        expect(d.dLo, `dLo (${a},${b})`).toBeCloseTo((f(a + h, b) - f(a - h, b)) / (2 * h), 5);
        expect(d.dLoLo, `dLoLo (${a},${b})`).toBeCloseTo(
          (f(a + h, b) - 2 * f(a, b) + f(a - h, b)) / (h * h),
          3,
        );
      } else expect(d.dLo).toBe(0);
      if (Number.isFinite(b)) {
        expect(d.dHi, `dHi (${a},${b})`).toBeCloseTo((f(a, b + h) - f(a, b - h)) / (2 * h), 5);
        expect(d.dHiHi, `dHiHi (${a},${b})`).toBeCloseTo(
          (f(a, b + h) - 2 * f(a, b) + f(a, b - h)) / (h * h),
          3,
        );
      } else expect(d.dHi).toBe(0);
      // In μ both bounds move by −dμ: −d²/dμ² log P is the information, never negative.
      const g = (m: number) => f(a - m, b - m);
      expect(d.info, `info (${a},${b})`).toBeCloseTo(-(g(h) - 2 * g(0) + g(-h)) / (h * h), 3);
      expect(d.info).toBeGreaterThan(0);
    }
  });
});
