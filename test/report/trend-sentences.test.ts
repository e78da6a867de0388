import { describe, expect, it } from "vitest";
import type { DyadTrends, IndicatorTrends } from "../../src/frames/dyad-result.js";
import { renderSvg, unVotingChart } from "../../src/report/charts/index.js";
import { changeMarks } from "../../src/report/charts/lines.js";
import { trendSentence, trendSentences } from "../../src/report/trend-sentences.js";

const trend = (slope: number, p: number, n = 25) => ({
  n,
  slope,
  lower: slope - 0.01,
  upper: slope + 0.01,
  level: 0.95,
  intercept: 0,
  tau: 0.3,
  s: 40,
  p,
  pUncorrected: p,
  varianceFactor: 1,
});

const un: IndicatorTrends = {
  name: "un_agree",
  unit: "index 0…1",
  n: 25,
  missing: 0,
  method: "pelt-linear",
  penalty: { name: "mbic", value: 12 },
  changepoints: [
    { index: 9, time: "2000", lower: 9, upper: 11, lowerTime: "2000", upperTime: "2002" },
  ],
  segments: [
    {
      start: 0,
      end: 8,
      startTime: "1991",
      endTime: "1999",
      n: 9,
      mean: 0.7,
      sd: 0.03,
      trend: trend(0.02, 0.01, 9),
    },
    {
      start: 9,
      end: 24,
      startTime: "2000",
      endTime: "2015",
      n: 16,
      mean: 0.87,
      sd: 0.02,
      trend: trend(-0.003, 0.4, 16),
    },
  ],
  trend: trend(0.0069, 0.0004),
};

describe("trend sentences", () => {
  it("name each change with its interval and each segment with its mean and trend", () => {
    expect(trendSentence(un, "UN voting agreement", "fixed")).toBe(
      "UN voting agreement changed in 2000 (95% interval 2000–2002): 0.70 on average in 1991–1999 (trend +0.020 a year), then 0.87 in 2000–2015 (trend −0.0030 a year); over 1991–2015 the trend is +0.0069 a year (Theil–Sen; Mann–Kendall p < 0.001, corrected for autocorrelation).",
    );
  });

  it("say there is no change point, and nothing for a short series", () => {
    const flat = {
      ...un,
      changepoints: [],
      segments: [{ ...(un.segments[1] as IndicatorTrends["segments"][number]), startTime: "1991" }],
    };
    expect(trendSentence(flat, "Net alignment", "fixed")).toMatch(
      /^Net alignment shows no change point in 1991–2015 \(25 values; mean 0\.87\); over 1991–2015 the trend is/,
    );
    expect(trendSentence({ ...un, n: 9 }, "UN voting agreement", "fixed")).toBeNull();
  });

  it("speak of the headline indicators of a yearly trends block only", () => {
    const block: DyadTrends = { period: "year", times: [], indicators: [un] };
    const s = trendSentences(block, { a: "Russia", b: "China" });
    expect(s.map((x) => x.topic)).toEqual(["trends"]);
    expect(trendSentences({ ...block, period: "month" }, { a: "Russia", b: "China" })).toEqual([]);
  });
});

describe("change marks on the charts", () => {
  it("a dotted rule at each change and a rule over each segment at its mean", async () => {
    const block: DyadTrends = { period: "year", times: [], indicators: [un] };
    const marks = changeMarks(block, [{ key: "un_agree", label: "Agreement index (0–1)" }]);
    expect(marks?.changes).toEqual([
      {
        t: 2000,
        series: "Agreement index (0–1)",
        desc: "Agreement index (0–1): change in 2000 (95% interval 2000–2002)",
      },
    ]);
    expect(marks?.means.map((m) => [m.t0, m.t1, m.y])).toEqual([
      [1991, 1999, 0.7],
      [2000, 2015, 0.87],
    ]);
    // A series without a change point is not marked.
    expect(changeMarks(block, [{ key: "un_kappa", label: "k" }])).toBeUndefined();
    const rows = Array.from({ length: 25 }, (_, i) => ({
      year: 1991 + i,
      un_agree: i < 9 ? 0.7 : 0.87,
      un_kappa: 0.3,
    }));
    const svg = await renderSvg(unVotingChart(rows, { a: "Russia", b: "China", trends: block }));
    expect(svg).toContain('class="mark-rule role-mark changes_marks"');
    expect(svg).toContain("change in 2000 (95% interval 2000–2002)");
  });
});
