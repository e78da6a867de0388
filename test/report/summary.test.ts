import { describe, expect, it } from "vitest";
import { type Row, summarize } from "../../src/report/summary.js";

const N = { a: "Russia", b: "China" };
const composite = (alignment: number | null, coverage: string) => ({
  alignment_index: alignment,
  alignment_index_coverage: coverage,
  cooperation_index: alignment === null ? null : alignment + 0.5,
  hostility_index: alignment === null ? null : 0.5,
});
const rows: Row[] = [
  {
    year: 2010,
    trade_share_a: 0.09,
    trade_share_b: 0.021,
    un_agree: 0.88,
    un_pi: 0.6,
    arms_tiv_a_to_b: 0,
    arms_tiv_b_to_a: 0,
    atop_defense: 0,
    atop_offense: 0,
    atop_neutral: 0,
    atop_nonagg: 1,
    atop_consul: 1,
    exercises_joint: 3,
    exercises_weighted: 3,
    mid_ongoing: 0,
    ...composite(0.3, "un_pi+cow+igo+mid"),
  },
  {
    year: 2011,
    un_agree: 0.87,
    arms_tiv_a_to_b: 700,
    arms_tiv_b_to_a: 0,
    exercises_joint: 0,
    exercises_weighted: 0,
    mid_ongoing: 1,
    ...composite(0.2, "un_pi+atop+igo+mid"),
  },
  {
    year: 2012,
    trade_share_a: 0.1,
    trade_share_b: 0.02,
    trade_asymmetry: 0.83,
    un_agree: 0.9,
    un_pi: 0.7,
    arms_tiv_a_to_b: 600,
    arms_tiv_b_to_a: 0,
    atop_defense: 0,
    atop_offense: 0,
    atop_neutral: 0,
    atop_nonagg: 1,
    atop_consul: 1,
    exercises_joint: 2,
    exercises_weighted: 0.5,
    mid_ongoing: 0,
    ...composite(0.25, "un_pi+atop+igo+mid"),
  },
  {
    year: 2013,
    trade_share_a: 0.11,
    trade_share_b: 0.018,
    trade_asymmetry: 0.86,
    un_agree: null,
    arms_tiv_a_to_b: 650.4,
    arms_tiv_b_to_a: 0,
    atop_defense: 0,
    atop_offense: 0,
    atop_neutral: 0,
    atop_nonagg: 1,
    atop_consul: 1,
    exercises_joint: null,
    mid_ongoing: 0,
    ...composite(0.35, "un_pi+atop+igo+mid"),
  },
  {
    year: 2014,
    trade_share_a: 0.1199,
    trade_share_b: 0.0176,
    trade_asymmetry: 0.872,
    un_agree: 0.8158,
    un_joint_votes: 76,
    un_pi: 0.62,
    un_pi_lo: 0.5,
    un_pi_hi: 0.71,
    arms_tiv_a_to_b: 560.5,
    arms_tiv_b_to_a: 0,
    arms_share_b_from_a_5y: 0.5385,
    arms_share_a_from_b_5y: 0,
    arms_dependence_5y: -0.5385,
    dependence_asymmetry: (0.1023 - 0.5385) / 2,
    dependence_asymmetry_coverage: "trade+arms5y",
    atop_defense: 0,
    atop_offense: 0,
    atop_neutral: 0,
    atop_nonagg: 0,
    atop_consul: 0,
    exercises_joint: null,
    mid_ongoing: 0,
    ...composite(null, "missing igo+mid"),
  },
];

describe("summary sentences", () => {
  const s = summarize(rows, N);
  const text = (topic: string) => s.filter((x) => x.topic === topic).map((x) => x.text);

  it("states trade shares in both directions, naming the latest year of the data", () => {
    expect(text("trade")).toEqual([
      "In 2014, the latest year of the trade data, China accounted for 12.0% of Russia's trade; Russia for 1.8% of China's. In 2010 the shares were 9.0% and 2.1%.",
      "By trade, Russia depends more on China: asymmetry 0.87 in 2014 (Russia's share ÷ the sum of both shares; 0.5 is symmetric, 1 is entirely one-sided).",
    ]);
  });

  it("sums arms over the last five years and gives the five-year shares; a 0 share is not a sentence", () => {
    expect(text("arms")).toEqual([
      "In 2010–2014 Russia delivered arms worth 2,511 TIV million to China; no delivery from China to Russia is recorded (SIPRI trend-indicator values, a measure of military capability, not money). Over the five years 2010–2014 Russia supplied 54% of China's arms imports.",
    ]);
  });

  it("says that none are recorded, for which years, instead of 0 TIV", () => {
    const none = summarize(
      [2019, 2020].map((year) => ({ year, arms_tiv_a_to_b: 0, arms_tiv_b_to_a: 0 })),
      { a: "India", b: "Pakistan" },
    );
    expect(none.map((x) => x.text)).toEqual([
      "No arms delivery between India and Pakistan is recorded in 2019–2020 (SIPRI register, major conventional arms).",
    ]);
  });

  it("gives UN agreement with the number of roll calls and Scott's pi with its interval", () => {
    expect(text("un")).toEqual([
      "In 2014 Russia and China voted the same way on 82% of the UN General Assembly roll calls on which both voted (76 roll calls); corrected for chance agreement, Scott's pi 0.62 (95% interval 0.50 to 0.71); agreement down from 88% in 2010.",
    ]);
  });

  it("reports the latest alliance year and exercises with their weight, or that none are recorded", () => {
    expect(text("alliances")[0]).toMatch(
      /^In 2014, the latest year of the ATOP data, no alliance obligation bound Russia and China/,
    );
    expect(text("exercises")).toEqual([
      "Russia and China took part in 5 joint military exercises in 2010–2012, the years of this report that the exercise data cover (in 2 of those years); weighted by the number of states taking part, 3.5 bilateral-exercise equivalents.",
    ]);
    const none = summarize([{ year: 2000, exercises_joint: 0 }], N);
    expect(none.map((x) => x.text)).toEqual([
      "No joint military exercise of Russia and China is recorded in 2000, the years of this report that the exercise data cover.",
    ]);
  });

  it("gives net alignment at the latest complete year and compares only years with the same components", () => {
    const [net, parts] = text("composite");
    // 2014 lacks IGO and MID data: the latest complete year is 2013; 2010 used COW, not ATOP.
    expect(net).toBe(
      "Net alignment (cooperation − hostility, −1…+1; from UN voting corrected for chance, ATOP alliance obligations, shared IGO memberships and militarized disputes) was 0.35 in 2013, the latest year with all of them; 0.20 in 2011.",
    );
    expect(parts).toBe(
      "In 2013 cooperation stood at 0.85 (0–1: the mean of UN voting, alliance obligations and shared IGOs) and hostility at 0.50 (0–1: militarized disputes, most recently in 2011, weighed by hostility and halved every five years).",
    );
  });

  it("splits dependence into its domains when they point different ways", () => {
    expect(text("composite")[2]).toBe(
      "Dependence asymmetry (the mean of the trade-share difference and the five-year arms-dependence difference, −1…+1) was −0.22 in 2014, the latest year with both: China depends more on Russia. By trade Russia depends more (+0.10); by arms China depends more (−0.54 over 2010–2014): the two domains point in opposite directions.",
    );
  });

  it("cites exactly the values each sentence uses", () => {
    const trade = s.find((x) => x.topic === "trade");
    expect(trade?.cites).toEqual([
      { indicator: "trade_share_a", year: 2014, value: 0.1199 },
      { indicator: "trade_share_b", year: 2014, value: 0.0176 },
      { indicator: "trade_share_a", year: 2010, value: 0.09 },
      { indicator: "trade_share_b", year: 2010, value: 0.021 },
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
