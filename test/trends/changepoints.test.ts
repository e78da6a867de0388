import { describe, expect, it } from "vitest";
import { binarySegmentation } from "../../src/trends/binary-segmentation.js";
import { changepointIntervals } from "../../src/trends/changepoint-interval.js";
import { detectChangepoints, penaltyPath } from "../../src/trends/changepoints.js";
import { crops } from "../../src/trends/crops.js";
import { changepointsOnRows } from "../../src/trends/observed.js";
import { pelt } from "../../src/trends/pelt.js";
import { parsePenalty, penalty } from "../../src/trends/penalty.js";
import {
  normalLinearCost,
  normalMeanCost,
  normalMeanVarCost,
} from "../../src/trends/segment-cost.js";
import { hasNile, NO_NILE, nile } from "./nile.js";
import { mulberry32 } from "./simulate.js";

describe.skipIf(!hasNile)(`Nile test vectors (METHODS.md) ${hasNile ? "" : NO_NILE}`, () => {
  const { flow, year } = hasNile ? nile() : { flow: [], year: [] };

  it("has the 100 annual flows 1871–1970", () => {
    expect(flow).toHaveLength(100);
    expect(year[0]).toBe(1871);
    expect(year[28]).toBe(1899);
  });

  it("the default finds one change, at index 28 (1899), segment means 1097.75 and 849.97", () => {
    const r = detectChangepoints(flow);
    expect(r.method).toBe("pelt-linear");
    expect(r.penalty.name).toBe("mbic");
    expect(r.changepoints.map((c) => c.index)).toEqual([28]);
    expect(r.segments.map((s) => [s.start, s.end, s.n])).toEqual([
      [0, 27, 28],
      [28, 99, 72],
    ]);
    expect(r.segments[0]?.mean).toBeCloseTo(1097.75, 10);
    expect(r.segments[1]?.mean).toBeCloseTo(849.9722222, 6);
    expect(Number(r.segments[1]?.mean.toFixed(2))).toBe(849.97);
  });

  it("the normal mean cost (changepoint's cpt.mean on a z-scored series) and BinSeg agree", () => {
    expect(
      detectChangepoints(flow, { method: "pelt-mean" }).changepoints.map((c) => c.index),
    ).toEqual([28]);
    expect(
      detectChangepoints(flow, { method: "binseg-mean" }).changepoints.map((c) => c.index),
    ).toEqual([28]);
  });

  it("mean-variance PELT with MBIC gives R's cpt.meanvar(Nile, 'PELT', 'MBIC') = 4, 6, 28", () => {
    const cost = normalMeanVarCost(flow);
    const pen = penalty("mbic", flow.length, 2);
    // changepoint: MBIC for 2 changing parameters is 4·log n, plus log(length) per segment.
    expect(pen.value).toBeCloseTo(4 * Math.log(100), 12);
    const opts = { penalty: pen.value, perSegmentLog: true, minSegLen: 2 };
    expect(pelt(cost, opts).changepoints).toEqual([4, 6, 28]);
    expect(pelt(cost, { ...opts, prune: false }).changepoints).toEqual([4, 6, 28]);
    const r = detectChangepoints(flow, { method: "pelt-meanvar", minSegLen: 2 });
    expect(r.changepoints.map((c) => c.index)).toEqual([4, 6, 28]);
    // With the default minimum segment of 5 the zero-variance pair 1875–1876 cannot be a segment.
    const d = detectChangepoints(flow, { method: "pelt-meanvar" });
    expect(d.changepoints.map((c) => c.index)).toEqual([28]);
  });

  it("the 95% interval of the 1899 change holds it and is a few years wide", () => {
    const [c] = detectChangepoints(flow).changepoints;
    expect(c?.lower).toBeLessThanOrEqual(28);
    expect(c?.upper).toBeGreaterThanOrEqual(28);
    expect((c?.upper ?? 0) - (c?.lower ?? 0)).toBeLessThanOrEqual(6);
    expect(c?.lower).toBeGreaterThanOrEqual(24);
  });

  it("CROPS lists contiguous penalty ranges, each solved by PELT at its midpoint", () => {
    const path = penaltyPath(flow, { range: { min: 1, max: 100 } });
    expect(path.length).toBeGreaterThanOrEqual(3);
    expect(path[0]?.penaltyFrom).toBe(1);
    expect(path.at(-1)?.penaltyTo).toBe(100);
    expect(path.at(-1)?.changepoints).toEqual([]);
    expect(path.find((s) => s.changepoints.length === 1)?.changepoints).toEqual([28]);
    for (let i = 1; i < path.length; i++) {
      expect(path[i]?.penaltyFrom).toBeCloseTo(path[i - 1]?.penaltyTo as number, 9);
      expect(path[i]?.changepoints.length).toBeLessThan(path[i - 1]?.changepoints.length as number);
    }
  });
});

describe("PELT", () => {
  const series = (seed: number, n: number) => {
    const u = mulberry32(seed);
    return Array.from(
      { length: n },
      (_, i) => (i > n / 3 ? 1.5 : 0) + (i > (2 * n) / 3 ? -2 : 0) + u() + u() - 1,
    );
  };

  it("its pruning never changes the optimum (checked against optimal partitioning)", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const x = series(seed, 60 + seed);
      for (const cost of [normalMeanCost(x, 0.4), normalMeanVarCost(x), normalLinearCost(x, 0.4)]) {
        for (const minSegLen of [1, 2, 5]) {
          for (const [beta, perSegmentLog] of [
            [2, false],
            [8, true],
            [20, true],
          ] as const) {
            const o = { penalty: beta, perSegmentLog, minSegLen };
            const a = pelt(cost, o);
            const b = pelt(cost, { ...o, prune: false });
            expect(a.cost + beta * a.changepoints.length).toBeCloseTo(
              b.cost + beta * b.changepoints.length,
              9,
            );
          }
        }
      }
    }
  });

  it("keeps every segment at least minSegLen long and finds planted changes", () => {
    const x = series(7, 90);
    const r = pelt(normalMeanCost(x, 0.4), { penalty: 3 * Math.log(90), minSegLen: 5 });
    expect(r.changepoints).toHaveLength(2);
    expect(Math.abs((r.changepoints[0] as number) - 31)).toBeLessThanOrEqual(2);
    expect(Math.abs((r.changepoints[1] as number) - 61)).toBeLessThanOrEqual(2);
    const b = binarySegmentation(normalMeanCost(x, 0.4), {
      penalty: 3 * Math.log(90),
      minSegLen: 5,
    });
    expect(b.changepoints).toEqual(r.changepoints);
  });

  it("CROPS finds the same solutions as PELT run on a fine grid of penalties", () => {
    const x = series(3, 80);
    const cost = normalMeanCost(x, 0.3);
    const path = crops(cost, { min: 0.5, max: 200 }, { minSegLen: 2 });
    const counts = new Set(path.map((s) => s.changepoints.length));
    for (let beta = 0.5; beta <= 200; beta *= 1.05) {
      expect(counts.has(pelt(cost, { penalty: beta, minSegLen: 2 }).changepoints.length)).toBe(
        true,
      );
    }
  });

  it("interval: a sharp change gets a one-point interval, a flat likelihood spans its range", () => {
    const step = [...Array(20).fill(0), ...Array(20).fill(10)].map((v, i) => v + (i % 2) * 0.01);
    const [iv] = changepointIntervals(normalMeanCost(step, 0.01), [20], { minSegLen: 2 });
    expect(iv).toEqual({ lower: 20, upper: 20 });
    const flat = Array(40).fill(1);
    const [f] = changepointIntervals(normalMeanCost(flat, 1), [20], { minSegLen: 2 });
    expect(f?.lower).toBeLessThanOrEqual(3);
    expect(f?.upper).toBeGreaterThanOrEqual(37);
  });
});

describe("series with gaps and odd input", () => {
  it("indices name rows: missing rows are skipped and listed", () => {
    const v: Array<number | null> = [];
    for (let i = 0; i < 40; i++) v.push(i < 20 ? 1 + (i % 3) * 0.1 : 5 + (i % 3) * 0.1);
    v[3] = null;
    v[20] = null;
    const r = changepointsOnRows(v, { method: "pelt-mean" });
    expect(r.missing).toEqual([3, 20]);
    expect(r.changepoints.map((c) => c.index)).toEqual([21]);
    expect(r.segments.map((s) => [s.start, s.end, s.n])).toEqual([
      [0, 19, 19],
      [21, 39, 19],
    ]);
  });

  it("a constant or short series has no change; penalties parse by name or number", () => {
    expect(detectChangepoints(Array(30).fill(2)).changepoints).toEqual([]);
    expect(detectChangepoints([1, 5, 1]).segments).toHaveLength(1);
    expect(parsePenalty("BIC")).toEqual({ name: "bic" });
    expect(parsePenalty("12.5")).toEqual({ name: "manual", value: 12.5 });
    expect(() => parsePenalty("huge")).toThrow(/Unknown penalty/);
    expect(penalty("aic", 50, 1).value).toBe(4);
    expect(penalty("bic", 50, 2).value).toBeCloseTo(3 * Math.log(50), 12);
  });
});
