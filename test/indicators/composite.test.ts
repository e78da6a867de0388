import { describe, expect, it } from "vitest";
import {
  allianceLevel,
  armsAlignment,
  armsDependenceComponent,
  capabilityComponent,
  computeComposites,
  DEFAULT_WEIGHTS,
  exerciseIntensity,
  parseWeights,
  tradeAsymmetryComponent,
  weightedMean,
} from "../../src/indicators/composite.js";

const N = Number.NaN;
const none = { defense: N, offense: N, neutral: N, nonagg: N, consul: N };
const cowNone = { defense: N, neutral: N, nonagg: N, entente: N };

describe("composite components", () => {
  it("alliance level: ATOP first, COW when ATOP does not cover the year, null when neither does", () => {
    expect(
      allianceLevel({ defense: 0, offense: 0, neutral: 0, nonagg: 1, consul: 1 }, cowNone),
    ).toBe(0.5);
    expect(
      allianceLevel({ defense: 1, offense: 0, neutral: 0, nonagg: 1, consul: 1 }, cowNone),
    ).toBe(1);
    expect(
      allianceLevel({ defense: 0, offense: 0, neutral: 0, nonagg: 0, consul: 1 }, cowNone),
    ).toBe(0.25);
    expect(
      allianceLevel({ defense: 0, offense: 0, neutral: 0, nonagg: 0, consul: 0 }, cowNone),
    ).toBe(0);
    expect(allianceLevel(none, { defense: 0, neutral: 0, nonagg: 0, entente: 1 })).toBe(0.25);
    expect(allianceLevel(none, cowNone)).toBeNaN();
  });

  it("exercise intensity saturates: 0 → 0, 2 → 1 − e⁻¹", () => {
    expect(exerciseIntensity(0)).toBe(0);
    expect(exerciseIntensity(2)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(exerciseIntensity(N)).toBeNaN();
  });

  it("arms alignment: larger share; 0 when covered but nothing delivered; null outside coverage", () => {
    expect(armsAlignment(100, 0, 0.8, N)).toBe(0.8);
    expect(armsAlignment(0, 0, N, N)).toBe(0);
    expect(armsAlignment(N, N, N, N)).toBeNaN();
  });

  it("dependence components are signed: above 0 means a depends more on b", () => {
    // Russia–China 2014 trade shares (COW 4.0): Russia depends more on China.
    expect(tradeAsymmetryComponent(0.1199, 0.0176)).toBeCloseTo(
      (0.1199 - 0.0176) / (0.1199 + 0.0176),
      12,
    );
    expect(tradeAsymmetryComponent(0, 0)).toBeNaN();
    // China buys Russian arms (share of China's imports from Russia 0.7), Russia buys none from China.
    expect(armsDependenceComponent(500, 0, N, 0.7)).toBeCloseTo(-0.7, 12);
    expect(armsDependenceComponent(N, N, N, N)).toBeNaN();
    expect(capabilityComponent(0.04, 0.22)).toBeCloseTo(0.18 / 0.26, 12);
  });

  it("weighted mean renormalises over the components with data", () => {
    expect(weightedMean([0.5, N, 1], [0.5, 0.25, 0.25])).toBeCloseTo((0.25 + 0.25) / 0.75, 12);
    expect(weightedMean([N, N], [1, 1])).toBeNaN();
  });
});

describe("computeComposites", () => {
  it("combines the columns and reports the components used", () => {
    const col = (...v: number[]) => Float64Array.from(v);
    const c = computeComposites(2, {
      un_agree: col(0.8, N),
      atop_defense: col(0, N),
      atop_offense: col(0, N),
      atop_neutral: col(0, N),
      atop_nonagg: col(1, N),
      atop_consul: col(1, N),
      exercises_joint: col(2, N),
      trade_share_a: col(0.12, N),
      trade_share_b: col(0.02, N),
      cinc_a: col(N, N),
      cinc_b: col(N, N),
    });
    const e = 1 - Math.exp(-1);
    expect(c.alignment_index[0]).toBeCloseTo((0.35 * 0.8 + 0.35 * 0.5 + 0.15 * e) / 0.85, 12);
    expect(c.alignment_index_components).toEqual(["un+alliance+exercises", ""]);
    expect(c.dependence_asymmetry[0]).toBeCloseTo(0.1 / 0.14, 12);
    expect(c.dependence_asymmetry_components).toEqual(["trade", ""]);
    expect(c.alignment_index[1]).toBeNaN();
  });

  it("honours user weights; a zero weight drops a component", () => {
    const w = parseWeights("alignment.un=0,alignment.exercises=1");
    expect(w.alignment).toEqual({ un: 0, alliance: 0.35, arms: 0.15, exercises: 1 });
    expect(w.dependence).toEqual(DEFAULT_WEIGHTS.dependence);
    const c = computeComposites(
      1,
      { un_agree: Float64Array.of(0.8), exercises_joint: Float64Array.of(0) },
      w,
    );
    expect(c.alignment_index[0]).toBe(0);
    expect(c.alignment_index_components).toEqual(["exercises"]);
    expect(() => parseWeights("alignment.votes=1")).toThrow(/Bad weight "alignment.votes=1"/);
    expect(() => parseWeights("alignment.un=-1")).toThrow(/Bad weight/);
  });
});
