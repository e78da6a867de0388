import { describe, expect, it } from "vitest";
import { aggregate, assess, evaluateBinding, testHolds } from "../../src/assess/assess.js";
import { loadCase } from "../../src/assess/case-file.js";
import { ingest } from "../../src/ingest/index.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

// METHODS.md prints the PARC score of H3 in the worked matrix as −1.414214 (= −√2 to 6 places).
// biome-ignore lint/suspicious/noApproximativeNumericConstant: the published test vector, as printed
const METHODS_PARC_H3 = -1.414214;

describe("binding arithmetic", () => {
  it("aggregates the years with data", () => {
    expect(aggregate("mean", [1, 2, 6])).toBe(3);
    expect(aggregate("min", [4, 2, 6])).toBe(2);
    expect(aggregate("max", [4, 2, 6])).toBe(6);
    expect(aggregate("last", [4, 2, 6])).toBe(6);
    expect(aggregate("change", [4, 2, 6])).toBe(2);
    expect(aggregate("change", [4])).toBeNull();
    expect(aggregate("mean", [])).toBeNull();
  });

  it("tests with every operator, equality to a relative 1e-12", () => {
    expect(testHolds(0.8, ">= 0.8")).toBe(true);
    expect(testHolds(0.1 + 0.7, ">= 0.8")).toBe(true); // 0.7999999999999999
    expect(testHolds(0.8, "> 0.8")).toBe(false);
    expect(testHolds(0.5, "<0.8")).toBe(true);
    expect(testHolds(0.8, "<= 0.8")).toBe(true);
    expect(testHolds(3, "== 3")).toBe(true);
    expect(testHolds(3, "!= 3")).toBe(false);
    expect(testHolds(-0.2, "> -1e-1")).toBe(false);
  });
});

describe("assess without data", () => {
  it("scores the METHODS.md matrix and leaves the bound item inapplicable, not true or false", async () => {
    const c = await loadCase(fixture("cases/minimal.yaml"));
    const r = await assess(null, c, ["heuer", "parc", "bayes"]);
    const b1 = r.evidence.find((e) => e.id === "B1");
    expect(b1?.binding).toMatchObject({ value: null, held: null, applied: "none" });
    expect(b1?.ratings).toEqual({ H1: "NA", H2: "NA", H3: "NA" });
    expect(r.rules.parc?.scores?.H1).toBeCloseTo(-5, 12);
    expect(r.rules.parc?.scores?.H3).toBeCloseTo(METHODS_PARC_H3, 6);
    expect(r.rules.bayes?.posterior?.H2).toBeCloseTo(0.701754, 6);
    expect(r.rules.heuer).toEqual({
      scores: { H1: 2, H2: 0, H3: 1 },
      ranking: ["H2", "H3", "H1"],
      ties: [],
    });
    expect(r.hypotheses.map((h) => h.prior)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // The conclusion hinges on E1; what the data could say about B1 changes nothing.
    expect(r.sensitivity.map((s) => `${s.rule} ${s.evidence} ${s.change} ${s.new_leader}`)).toEqual(
      ["heuer E1 remove H2 = H3", "parc E1 remove H2 = H3", "bayes E1 remove H3"],
    );
  });
});

describe.skipIf(!hasData)(
  `assess with data (${hasData ? "real COW trade" : NO_DATA_REASON})`,
  () => {
    it("evaluates the bound item on the store: mean trade asymmetry RUS–CHN 2010–2014 ≥ 0.6", async () => {
      const store = await tempStore();
      await ingest(store, [dataFile("trade_cow")]);
      const c = await loadCase(fixture("cases/minimal.yaml"));
      const b = c.evidence.find((e) => e.id === "B1")?.binding;
      if (!b) throw new Error("fixture lost its binding");
      const res = await evaluateBinding(store, b);
      expect(res.years.map((y) => y.year)).toEqual([2010, 2011, 2012, 2013, 2014]);
      expect(res.value).toBeCloseTo(
        (0.8654728845907129 +
          0.8522101737971298 +
          0.8515302162672052 +
          0.8595528788404891 +
          0.8720088031763165) /
          5,
        12,
      );
      expect(res).toMatchObject({ held: true, applied: "ratings" });
      const r = await assess(store, c, ["bayes"]);
      expect(r.evidence.find((e) => e.id === "B1")?.ratings).toEqual({
        H1: "N",
        H2: "N",
        H3: "CC",
      });
      expect(Object.keys(r.rules)).toEqual(["bayes"]);
      // With B1 (H3: CC) the posterior of H3 rises from 0.280702 to .1024·.95 / (.0064·.5 + .256·.5 + .1024·.95).
      expect(r.rules.bayes?.posterior?.H3).toBeCloseTo(0.09728 / (0.0032 + 0.128 + 0.09728), 9);
    });

    it("is inapplicable where the store has no data for the years", async () => {
      const store = await tempStore();
      await ingest(store, [dataFile("trade_cow")]);
      const res = await evaluateBinding(store, {
        indicator: "trade_asymmetry",
        dyad: ["RUS", "CHN"],
        years: [2016, 2018],
        aggregate: "mean",
        test: ">= 0.6",
        ratings_if_false: {},
      });
      expect(res).toMatchObject({ value: null, held: null, applied: "none" });
      expect(res.detail).toMatch(/no data in these years/);
    });
  },
);
