import { describe, expect, it } from "vitest";
import {
  ALLIANCE_SCALE,
  allianceComponent,
  COMPOSITE_INDICATORS,
  computeComposites,
  coreMean,
  DEFAULT_WEIGHTS,
  hostilityFromHistory,
  idealComponent,
  parseWeights,
  tradeDependenceComponent,
  unComponent,
} from "../../src/indicators/composite.js";

const N = Number.NaN;
const none = { defense: N, offense: N, neutral: N, nonagg: N, consul: N };
const cowNone = { defense: N, neutral: N, nonagg: N, entente: N };
const atop = (
  defense: number,
  offense: number,
  neutral: number,
  nonagg: number,
  consul: number,
) => ({
  defense,
  offense,
  neutral,
  nonagg,
  consul,
});

describe("composite components", () => {
  it("alliance scale: defence > offence > neutrality > consultation > non-aggression", () => {
    const s = ALLIANCE_SCALE;
    expect([s.defense, s.offense, s.neutral, s.consul, s.nonagg]).toEqual([1, 0.8, 0.6, 0.4, 0.2]);
    // Russia–China 2001–2018 in ATOP 5.1: non-aggression and consultation, no defence.
    expect(allianceComponent({ atop: atop(0, 0, 0, 1, 1), cow: cowNone })).toEqual({
      value: 0.4,
      dataset: "atop",
    });
    expect(allianceComponent({ atop: atop(0, 0, 0, 1, 0), cow: cowNone }).value).toBe(0.2);
    expect(allianceComponent({ atop: atop(1, 0, 0, 1, 1), cow: cowNone }).value).toBe(1);
    expect(allianceComponent({ atop: atop(0, 0, 0, 0, 0), cow: cowNone }).value).toBe(0);
    // A null obligation in the covering dataset makes the component unknown.
    expect(allianceComponent({ atop: atop(0, 0, N, 0, 0), cow: cowNone }).value).toBeNaN();
  });

  it("alliance scale: COW when ATOP does not cover the year (entente read as consultation)", () => {
    expect(
      allianceComponent({ atop: none, cow: { defense: 0, neutral: 0, nonagg: 0, entente: 1 } }),
    ).toEqual({ value: 0.4, dataset: "cow" });
    expect(allianceComponent({ atop: none, cow: cowNone }).value).toBeNaN();
  });

  it("UN, hostility and trade transforms", () => {
    expect(unComponent(0.5)).toBe(0.75);
    expect(unComponent(-1)).toBe(0);
    expect(unComponent(N)).toBeNaN();
    expect(hostilityFromHistory(0)).toBe(0);
    expect(hostilityFromHistory(1)).toBeCloseTo(1 - Math.exp(-1), 12);
    // Russia–China 2014 trade shares (COW 4.0, METHODS.md): Russia depends more on China.
    expect(tradeDependenceComponent(0.1199, 0.0176)).toBeCloseTo(0.1023, 12);
    expect(tradeDependenceComponent(0.1, N)).toBeNaN();
  });

  it("every component is core: one missing makes the index null, a zero weight removes it", () => {
    expect(coreMean([0.5, 0.2, 0.8], [1, 1, 1])).toBeCloseTo(0.5, 12);
    expect(coreMean([0.5, N, 0.8], [1, 1, 1])).toBeNaN();
    expect(coreMean([0.5, N, 0.8], [1, 0, 3])).toBeCloseTo((0.5 + 2.4) / 4, 12);
  });
});

describe("computeComposites", () => {
  const cols = (rows: Array<Record<string, number>>) => {
    const out: Record<string, Float64Array> = {};
    for (const name of new Set(rows.flatMap((r) => Object.keys(r)))) {
      out[name] = Float64Array.from(rows.map((r) => r[name] ?? N));
    }
    return out;
  };
  const complete = {
    un_pi: 0.4,
    un_pi_lo: 0.3,
    un_pi_hi: 0.5,
    atop_defense: 0,
    atop_offense: 0,
    atop_neutral: 0,
    atop_nonagg: 1,
    atop_consul: 1,
    igo_shared_rank: 0.9,
    mid_history: 1,
    trade_share_a: 0.12,
    trade_share_b: 0.02,
    arms_dependence_5y: -0.6,
    arms_dependence_5y_lo: -0.7,
    arms_dependence_5y_hi: -0.4,
  };

  it("combines a complete row; intervals follow the sampled inputs", () => {
    const c = computeComposites(1, cols([complete]));
    const v = (n: string) => c.values[n]?.[0] as number;
    const coop = (0.7 + 0.4 + 0.9) / 3;
    const host = 1 - Math.exp(-1);
    expect(v("cooperation_index")).toBeCloseTo(coop, 12);
    expect(v("cooperation_index_lo")).toBeCloseTo((0.65 + 0.4 + 0.9) / 3, 12);
    expect(v("cooperation_index_hi")).toBeCloseTo((0.75 + 0.4 + 0.9) / 3, 12);
    expect(v("hostility_index")).toBeCloseTo(host, 12);
    expect(v("alignment_index")).toBeCloseTo(coop - host, 12);
    expect(v("alignment_index_lo")).toBeCloseTo((0.65 + 0.4 + 0.9) / 3 - host, 12);
    expect(v("dependence_asymmetry")).toBeCloseTo((0.1 - 0.6) / 2, 12);
    expect(v("dependence_asymmetry_lo")).toBeCloseTo((0.1 - 0.7) / 2, 12);
    expect(v("dependence_asymmetry_hi")).toBeCloseTo((0.1 - 0.4) / 2, 12);
    expect(c.coverage).toEqual({
      cooperation_index: ["un_pi+atop+igo"],
      hostility_index: ["mid"],
      alignment_index: ["un_pi+atop+igo+mid"],
      dependence_asymmetry: ["trade+arms5y"],
    });
  });

  it("is null and names what is missing when a core component is absent", () => {
    const { igo_shared_rank: _i, mid_history: _m, trade_share_a: _t, ...partial } = complete;
    const c = computeComposites(1, cols([partial]));
    for (const d of COMPOSITE_INDICATORS) expect(c.values[d.name]?.[0], d.name).toBeNaN();
    expect(c.coverage).toEqual({
      cooperation_index: ["missing igo"],
      hostility_index: ["missing mid"],
      alignment_index: ["missing igo+mid"],
      dependence_asymmetry: ["missing trade"],
    });
  });

  it("honours user weights; a zero weight takes a component out of the core", () => {
    const w = parseWeights("cooperation.igo=0,dependence.arms=0");
    expect(w.cooperation).toEqual({ un: 1, alliance: 1, igo: 0 });
    const { igo_shared_rank: _i, arms_dependence_5y: _a, ...partial } = complete;
    const c = computeComposites(1, cols([partial]), w);
    expect(c.values.cooperation_index?.[0]).toBeCloseTo((0.7 + 0.4) / 2, 12);
    expect(c.values.dependence_asymmetry?.[0]).toBeCloseTo(0.1, 12);
    expect(c.coverage.cooperation_index).toEqual(["un_pi+atop"]);
    expect(c.coverage.dependence_asymmetry).toEqual(["trade"]);
  });

  it("takes the ideal-point distance as the UN component when asked", () => {
    const w = parseWeights("cooperation.un_measure=ideal");
    expect(w.unMeasure).toBe("ideal");
    const row = { ...complete, un_ideal_distance: 1, un_ideal_distance_se: 0.25 };
    const c = computeComposites(1, cols([row]), w);
    // U = 1 − d/4 = 0.75; the interval from d ± 1.96 se.
    expect(c.values.cooperation_index?.[0]).toBeCloseTo((0.75 + 0.4 + 0.9) / 3, 12);
    expect(c.values.cooperation_index_lo?.[0]).toBeCloseTo((1 - 1.49 / 4 + 0.4 + 0.9) / 3, 12);
    expect(c.values.cooperation_index_hi?.[0]).toBeCloseTo((1 - 0.51 / 4 + 0.4 + 0.9) / 3, 12);
    expect(c.coverage.cooperation_index).toEqual(["un_ideal+atop+igo"]);
    expect(idealComponent(5)).toBe(0);
    expect(() => parseWeights("cooperation.un_measure=kappa")).toThrow(/Bad UN measure/);
  });

  it("rejects bad weights, naming the rename of alignment.* weights", () => {
    expect(() => parseWeights("alignment.un=1")).toThrow(/replaced by cooperation/);
    expect(() => parseWeights("cooperation.arms=1")).toThrow(/Bad weight/);
    expect(() => parseWeights("dependence.trade=0,dependence.arms=0")).toThrow(/Every dependence/);
    expect(parseWeights(undefined)).toBe(DEFAULT_WEIGHTS);
  });
});
