import { describe, expect, it } from "vitest";
import { dyadOptions, eventFilter, panelOptions } from "../../src/frames/query-options.js";
import { parseWeights } from "../../src/indicators/composite.js";

describe("query options: one normaliser for the CLI and the API", () => {
  it("builds dyad options without undefined keys, so equal requests give equal objects", () => {
    const o = dyadOptions({ from: 2000, to: undefined, indicators: undefined, period: "month" });
    expect(o).toEqual({
      from: 2000,
      weights: parseWeights(undefined),
      period: "month",
      directed: false,
    });
    expect(Object.keys(o)).not.toContain("to");
    expect(JSON.stringify(dyadOptions({}))).toBe(
      JSON.stringify({ weights: parseWeights(undefined), period: "year", directed: false }),
    );
  });

  it("builds the event filter only when something is filtered", () => {
    expect(eventFilter({})).toBeUndefined();
    expect(eventFilter({ rootOnly: false, minSources: undefined })).toBeUndefined();
    expect(eventFilter({ rootOnly: true, minArticles: 3 })).toEqual({
      rootOnly: true,
      minArticles: 3,
    });
    expect(dyadOptions({ minSources: 2 }).events).toEqual({ minSources: 2 });
  });

  it("parses weights and refuses what the frames cannot take", () => {
    expect(dyadOptions({ weights: "dependence.trade=2" }).weights).toEqual(
      parseWeights("dependence.trade=2"),
    );
    expect(() => dyadOptions({ weights: "cooperation.nope=1" })).toThrow(/cooperation/);
    expect(() => dyadOptions({ from: 1700 })).toThrow(/1816/);
    expect(() => dyadOptions({ period: "week" as "year" })).toThrow(/period/);
    expect(() => dyadOptions({ minSources: -1 })).toThrow(/minSources/);
  });

  it("panel options: dyads default to all, intervals off, the limit kept, no trends", () => {
    expect(panelOptions({ limit: 10 })).toEqual({
      weights: parseWeights(undefined),
      period: "year",
      directed: false,
      dyads: "all",
      intervals: false,
      limit: 10,
    });
    expect(panelOptions({ dyads: "relevant", intervals: true, trends: true })).toMatchObject({
      dyads: "relevant",
      intervals: true,
    });
    expect(panelOptions({ trends: true })).not.toHaveProperty("trends");
  });
});
