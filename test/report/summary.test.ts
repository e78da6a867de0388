import { describe, expect, it } from "vitest";
import { type Row, summarize } from "../../src/report/summary.js";

const N = { a: "Russia", b: "China" };
const rows: Row[] = [
  {
    year: 2012,
    trade_share_a: 0.1,
    trade_share_b: 0.02,
    trade_asymmetry: 0.83,
    un_agree: 0.9,
    un_kappa: 0.7,
    arms_tiv_a_to_b: 600,
    arms_tiv_b_to_a: 0,
    arms_share_b_from_a: 0.4,
    atop_defense: 0,
    atop_consul: 1,
    exercises_joint: 2,
  },
  {
    year: 2013,
    trade_share_a: 0.11,
    trade_share_b: 0.018,
    trade_asymmetry: 0.86,
    un_agree: null,
    un_kappa: null,
    arms_tiv_a_to_b: 650.4,
    arms_tiv_b_to_a: 0,
    arms_share_b_from_a: 0.5,
    atop_defense: 0,
    atop_consul: 1,
    exercises_joint: 0,
  },
  {
    year: 2014,
    trade_share_a: 0.1199,
    trade_share_b: 0.0176,
    trade_asymmetry: 0.872,
    un_agree: 0.8158,
    un_kappa: 0.62,
    arms_tiv_a_to_b: 560.5,
    arms_tiv_b_to_a: 0,
    arms_share_b_from_a: 0.5385,
    atop_defense: 0,
    atop_consul: 0,
    exercises_joint: null,
  },
];

describe("summary sentences", () => {
  const s = summarize(rows, N);
  const text = (topic: string) => s.filter((x) => x.topic === topic).map((x) => x.text);

  it("states trade shares in both directions with the earlier year", () => {
    expect(text("trade")).toEqual([
      "In 2014 China accounted for 12.0% of Russia's trade; Russia for 1.8% of China's. In 2012 the shares were 10.0% and 2.0%.",
      "By trade, Russia depends more on China: asymmetry 0.87 in 2014 (0.5 is symmetric, 1 is entirely one-sided).",
    ]);
  });

  it("sums arms deliveries over the recent years and gives the supplier's share", () => {
    expect(text("arms")).toEqual([
      "From 2012 to 2014 Russia delivered arms worth 1,811 TIV million to China; China delivered none to Russia. In 2014 Russia supplied 54% of China's arms imports.",
    ]);
  });

  it("gives UN agreement with kappa and the direction of change, skipping years without data", () => {
    expect(text("un")).toEqual([
      "In 2014 Russia and China voted the same way on 82% of UN General Assembly roll calls (Cohen's kappa 0.62), down from 90% in 2012.",
    ]);
  });

  it("reports the latest alliance year and counts exercises over the years with data", () => {
    expect(text("alliances")[0]).toMatch(
      /^In 2014, the latest year of the ATOP data, no alliance obligation bound Russia and China/,
    );
    expect(text("exercises")).toEqual([
      "Russia and China took part in 2 joint military exercises between 2012 and 2013 (in 1 of those years), the span the exercise data cover.",
    ]);
  });

  it("cites exactly the values each sentence uses", () => {
    const trade = s.find((x) => x.topic === "trade");
    expect(trade?.cites).toEqual([
      { indicator: "trade_share_a", year: 2014, value: 0.1199 },
      { indicator: "trade_share_b", year: 2014, value: 0.0176 },
      { indicator: "trade_share_a", year: 2012, value: 0.1 },
      { indicator: "trade_share_b", year: 2012, value: 0.02 },
    ]);
    for (const sentence of s) {
      for (const c of sentence.cites) {
        expect(rows.find((r) => r.year === c.year)?.[c.indicator]).toBe(c.value);
      }
    }
  });

  it("says nothing for a pair without data", () => {
    expect(summarize([{ year: 2014, un_agree: null }], N)).toEqual([]);
  });
});
