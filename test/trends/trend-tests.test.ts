import { describe, expect, it } from "vitest";
import { autocorrelation, mannKendall } from "../../src/trends/mann-kendall.js";
import { averageRanks, roundHalfEven } from "../../src/trends/ranks.js";
import { theilSen } from "../../src/trends/theil-sen.js";
import { trend } from "../../src/trends/trend.js";
import { hasNile, NO_NILE, nile } from "./nile.js";

/*
 * Expected values from test/fixtures/trends/reference.py: an independent implementation in
 * Python's standard library (exact fractions, statistics.NormalDist) of the formulas of
 * scipy.stats.theilslopes / kendalltau, R trend::mk.test and modifiedmk::mmkh (Hamed & Rao 1998).
 * numpy and scipy are not installed here, so the reference is that script, not scipy itself.
 */
const close = (actual: number | undefined, expected: number) =>
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );

describe.skipIf(!hasNile)(
  `Theil–Sen and Mann–Kendall on the Nile ${hasNile ? "" : NO_NILE}`,
  () => {
    const { flow, year } = hasNile ? nile() : { flow: [], year: [] };

    it("Theil–Sen slope, intercept and Sen's 95% interval", () => {
      const ts = theilSen(flow, year);
      close(ts?.slope, -2.6);
      close(ts?.intercept, 5886.8);
      close(ts?.lower, -3.627906976744186);
      close(ts?.upper, -1.4285714285714286);
    });

    it("Mann–Kendall S, Var S, τ_b, Z, p and the Hamed–Rao correction", () => {
      const mk = mannKendall(flow);
      expect(mk?.s).toBe(-1387);
      close(mk?.varS, 112728.33333333333);
      close(mk?.tau, -0.280741334724613);
      close(mk?.z, -4.128066522844101);
      close(mk?.p, 3.658262921668598e-5);
      close(mk?.hamedRao?.factor, 2.1428983270987203);
      close(mk?.hamedRao?.varS, 241565.35691662692);
      close(mk?.hamedRao?.z, -2.8199791956451383);
      close(mk?.hamedRao?.p, 0.004802676310182719);
    });

    it("trend() reports the corrected p and the slope per year", () => {
      const t = trend(flow, year);
      close(t?.slope, -2.6);
      close(t?.p, 0.004802676310182719);
      close(t?.pUncorrected, 3.658262921668598e-5);
    });
  },
);

describe("ties in y and in x", () => {
  // Digits of pi against years with 2006 twice and 2012 missing (reference.py, "pi").
  const y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4];
  const x = [
    2000, 2001, 2002, 2003, 2004, 2005, 2006, 2006, 2007, 2008, 2009, 2010, 2011, 2013, 2014, 2015,
    2016, 2017, 2018, 2019,
  ];

  it("Theil–Sen leaves out pairs with equal x and corrects Sen's variance for ties", () => {
    const ts = theilSen(y, x);
    close(ts?.slope, 0.15384615384615385);
    close(ts?.intercept, -304.5);
    close(ts?.lower, -0.06666666666666667);
    close(ts?.upper, 0.5);
  });

  it("Mann–Kendall with tie groups; no significant lag leaves the variance as it is", () => {
    const mk = mannKendall(y);
    expect(mk?.s).toBe(40);
    close(mk?.varS, 930);
    close(mk?.tau, 0.2199928503485436);
    close(mk?.z, 1.2788603797787081);
    close(mk?.p, 0.2009462268643072);
    close(mk?.hamedRao?.factor, 1);
  });

  it("helpers: average ranks, numpy rounding, autocorrelation of a known series", () => {
    expect(Array.from(averageRanks([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
    expect([0.5, 1.5, 2.5, 3.5, 2.4].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2]);
    // 1, −1, 1, −1: lag-1 autocorrelation −3/4, lag 2 +2/4 (R's acf divides by n at every lag).
    const r = autocorrelation([1, -1, 1, -1], 2);
    expect(Array.from(r)).toEqual([-0.75, 0.5]);
  });

  it("too short a series has no test", () => {
    expect(mannKendall([1, 2])).toBeNull();
    expect(theilSen([5], [2000])).toBeNull();
    expect(trend([1, 2])).toBeNull();
  });
});
