import { describe, expect, it } from "vitest";
import type { DyadResult } from "../../src/frames/dyad-result.js";
import { dyadTrends } from "../../src/frames/dyad-trends.js";

const state = { ccode: 365, iso3: "RUS", name: "Russia" };
function result(): DyadResult {
  const rows = [];
  for (let y = 1980; y < 2020; y++) {
    const i = y - 1980;
    const volume = 1e6 * (1 + 0.05 * i);
    const events = Math.round(((y < 2000 ? 30 : 60) * volume) / 1e6 + (i % 3) - 1);
    rows.push({
      year: y,
      un_agree: y < 1985 ? null : (y < 2000 ? 0.7 : 0.87) + ((i * 7) % 5) * 0.004,
      gdelt_events: events,
      gdelt_share: (events / volume) * 1e6,
    });
  }
  return {
    dyad: { a: state, b: { ccode: 710, iso3: "CHN", name: "China" }, directed: false },
    period: "year",
    notes: [],
    indicators: [
      { name: "un_agree", description: "", unit: "0…1", source: "", citation: "" },
      { name: "gdelt_events", description: "", unit: "events", source: "", citation: "" },
      {
        name: "gdelt_share",
        description: "",
        unit: "per million events",
        source: "",
        citation: "",
      },
    ],
    rows,
  };
}

describe("dyadTrends", () => {
  const t = dyadTrends(result());

  it("finds the level shift of a yearly indicator with its interval, years as labels", () => {
    const un = t.indicators.find((d) => d.name === "un_agree");
    expect(un?.n).toBe(35);
    expect(un?.missing).toBe(5);
    expect(un?.method).toBe("pelt-linear");
    expect(un?.changepoints.map((c) => c.time)).toEqual(["2000"]);
    expect(un?.segments.map((s) => [s.startTime, s.endTime])).toEqual([
      ["1985", "1999"],
      ["2000", "2019"],
    ]);
    expect(un?.segments[1]?.mean).toBeCloseTo(0.878, 2);
    expect(un?.trend?.slope).toBeGreaterThan(0);
    expect(un?.segments[1]?.trend?.n).toBe(20);
  });

  it("event counts: negative-binomial model on volume-normalised counts, P(change since)", () => {
    const ev = t.indicators.find((d) => d.name === "gdelt_events");
    expect(ev?.method).toBe("bocpd-negbin");
    expect(ev?.volumeNormalised).toBe(true);
    // The volume grows 5% a year throughout; only the rate's doubling in 2000 is a change.
    expect(ev?.changepoints.map((c) => c.time)).toEqual(["2000"]);
    const since = new Map(ev?.changeSince?.map((c) => [c.time, c.p]));
    expect(since.get("1995")).toBeGreaterThan(0.9);
    expect(since.get("2010")).toBeLessThan(0.2);
  });

  it("times list the rows; an indicator without data says so", () => {
    expect(t.times).toHaveLength(40);
    const r = result();
    for (const row of r.rows) row.un_agree = null;
    const empty = dyadTrends(r).indicators.find((d) => d.name === "un_agree");
    expect(empty).toMatchObject({ n: 0, missing: 40, changepoints: [], trend: null });
  });
});
