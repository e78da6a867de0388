import { describe, expect, it } from "vitest";
import { type Frame, frameOf } from "../../src/frames/frame.js";
import {
  TRADE_INDICATORS,
  tradeAsymmetry,
  tradeDependence,
  tradeFamily,
  tradeInterdependence,
  tradeMeasures,
  tradeSalience,
  tradeShare,
  tradeSymmetry,
  tradeTotal,
} from "../../src/indicators/trade-dependence.js";
import { loadFile } from "../../src/ingest/load-file.js";
import type { Store } from "../../src/store/store.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const NAMES = [
  "trade_a_imports_from_b",
  "trade_b_imports_from_a",
  "trade_total",
  "trade_share_a",
  "trade_share_b",
  "trade_salience",
  "trade_symmetry",
  "trade_interdependence",
  "trade_asymmetry",
  "trade_dependence_a",
  "trade_dependence_b",
] as const;
type Name = (typeof NAMES)[number];
type Expected = Partial<Record<Name, number | null>>;

/** Column values of one frame row, NaN as null. */
function rowOf(cols: Record<string, Float64Array>, i: number): Record<Name, number | null> {
  const out = {} as Record<Name, number | null>;
  for (const n of NAMES) {
    const v = (cols[n] as Float64Array)[i] as number;
    out[n] = Number.isNaN(v) ? null : v;
  }
  return out;
}

/** Every named value: null exactly where expected, else equal to 9 decimals. */
function expectRow(cols: Record<string, Float64Array>, i: number, want: Expected, digits = 9) {
  const got = rowOf(cols, i);
  for (const [k, v] of Object.entries(want) as [Name, number | null][]) {
    if (v === null) expect(got[k], `${k} row ${i}`).toBeNull();
    else {
      expect(got[k], `${k} row ${i}`).not.toBeNull();
      expect(got[k] as number, `${k} row ${i}`).toBeCloseTo(v, digits);
    }
  }
}

const ALL_NULL: Expected = Object.fromEntries(NAMES.map((n) => [n, null]));

async function load(store: Store, path: string) {
  const r = await loadFile(store, path, { explicit: true });
  expect(r.status, `${path}: ${r.error ?? ""}`).toBe("loaded");
  return r;
}

describe("trade formulas (METHODS.md vectors)", () => {
  it("synthetic vector: T 200, Trade_a 800, Trade_b 6000", () => {
    const m = tradeMeasures(200, 800, 6000);
    expect(m.shareA).toBeCloseTo(0.25, 12);
    expect(m.shareB).toBeCloseTo(0.033333, 6);
    expect(m.salience).toBeCloseTo(0.091287, 6);
    expect(m.symmetry).toBeCloseTo(0.783333, 6);
    expect(m.interdependence).toBeCloseTo(0.071508, 6);
    expect(m.asymmetry).toBeCloseTo(0.25 / (0.25 + 200 / 6000), 12);
    expect(m.asymmetry).toBeGreaterThan(0.5); // a depends more on b
  });

  it("Russia–China 2014 from the COW 4.0 numbers, a = Russia and a = China", () => {
    const tradeRus = 285843.526072 + 497614.861644;
    const tradeChn = 2519304.5 + 2818426.75;
    const t = tradeTotal(51135, 42807);
    expect(t).toBe(93942);
    const ru = tradeMeasures(t, tradeRus, tradeChn);
    expect(ru.shareA).toBeCloseTo(0.1199, 4);
    expect(ru.shareB).toBeCloseTo(0.0176, 4);
    expect(ru.salience).toBeCloseTo(0.0459, 4);
    expect(ru.symmetry).toBeCloseTo(0.8977, 4);
    const cn = tradeMeasures(t, tradeChn, tradeRus);
    expect(cn.shareA).toBe(ru.shareB);
    expect(cn.shareB).toBe(ru.shareA);
    expect(cn.salience).toBe(ru.salience);
    expect(cn.symmetry).toBe(ru.symmetry);
    expect(cn.asymmetry).toBeCloseTo(1 - ru.asymmetry, 12);
  });

  it("nulls instead of Infinity or made-up zeros", () => {
    expect(tradeTotal(Number.NaN, 5)).toBeNaN();
    expect(tradeTotal(5, Number.NaN)).toBeNaN();
    expect(tradeTotal(0, 0)).toBe(0);
    expect(tradeShare(10, 0)).toBeNaN();
    expect(tradeShare(10, Number.NaN)).toBeNaN();
    expect(tradeShare(0, 100)).toBe(0);
    expect(tradeSalience(0, 0)).toBe(0);
    expect(tradeSymmetry(0, 0)).toBe(1);
    expect(tradeInterdependence(0, 0)).toBe(0);
    expect(tradeInterdependence(Number.NaN, 0.1)).toBeNaN();
    expect(tradeAsymmetry(0, 0)).toBeNaN();
    expect(tradeAsymmetry(0.1, 0.1)).toBe(0.5);
  });

  it("dependence converts million US$ to US$ and refuses a missing or zero GDP", () => {
    expect(tradeDependence(93942, 2059984158438.46)).toBeCloseTo(0.0456032633, 9);
    expect(tradeDependence(1, 1e6)).toBe(1);
    expect(tradeDependence(1, 0)).toBeNaN();
    expect(tradeDependence(1, Number.NaN)).toBeNaN();
    expect(tradeDependence(Number.NaN, 1e12)).toBeNaN();
  });

  it("declares every indicator with unit, source and citation", () => {
    expect(TRADE_INDICATORS.map((d) => d.name)).toEqual([...NAMES]);
    expect(tradeFamily.family).toBe("trade");
    for (const d of TRADE_INDICATORS) {
      expect(d.family).toBe("trade");
      expect(d.description.length).toBeGreaterThan(10);
      expect(d.unit).not.toBe("");
      expect(d.source).toMatch(/COW Trade 4\.0/);
      expect(d.citation).toMatch(/Barbieri & Keshk 2016/);
    }
    const byName = new Map(TRADE_INDICATORS.map((d) => [d.name, d]));
    expect(byName.get("trade_total")?.unit).toBe("current million US$");
    expect(byName.get("trade_share_a")?.citation).toMatch(/Barbieri 1996/);
    expect(byName.get("trade_dependence_a")?.citation).toMatch(/Oneal & Russett/);
  });
});

describe("trade family on fixtures", () => {
  async function fixtureStore(withGdp: boolean) {
    const store = await tempStore();
    await load(store, fixture("indicators/trade/dyadic.csv"));
    await load(store, fixture("indicators/trade/national.csv"));
    if (withGdp) {
      await load(store, fixture("indicators/trade/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_trade.csv"));
      await load(store, fixture("indicators/trade/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_trade.csv"));
    }
    return store;
  }

  const ROWS: Array<readonly [number, number, number]> = [
    [100, 200, 2000], // 0 synthetic vector, a = ccode1
    [200, 100, 2000], // 1 the same dyad, a = ccode2
    [365, 710, 2014], // 2
    [710, 365, 2014], // 3
    [2, 710, 2014], // 4 flow1 missing
    [710, 2, 2014], // 5
    [20, 200, 2014], // 6 zero trade
    [20, 100, 2014], // 7 national total of b missing
    [2, 740, 2014], // 8 stored as (740, 2)
    [740, 2, 2014], // 9
    [365, 710, 2015], // 10 after coverage
    [365, 710, 1999], // 11 before coverage
    [365, 710, 2012], // 12 inside min–max, no row
    [2, 365, 2014], // 13 pair absent in a covered year
    [365, 365, 2014], // 14 not a dyad
    [365, 710, 2013], // 15 no GDP value in 2013
  ];

  it("reads the direction of flow1/flow2 whichever of a, b is ccode1", async () => {
    const store = await fixtureStore(false);
    const cols = await tradeFamily.compute(store, frameOf(ROWS));
    expectRow(cols, 0, {
      trade_a_imports_from_b: 120,
      trade_b_imports_from_a: 80,
      trade_total: 200,
      trade_share_a: 0.25,
      trade_share_b: 200 / 6000,
      trade_salience: 0.0912870929,
      trade_symmetry: 0.7833333333,
      trade_interdependence: 0.0715082228,
      trade_asymmetry: 0.8823529412,
    });
    expectRow(cols, 1, {
      trade_a_imports_from_b: 80,
      trade_b_imports_from_a: 120,
      trade_total: 200,
      trade_share_a: 200 / 6000,
      trade_share_b: 0.25,
      trade_salience: 0.0912870929,
      trade_symmetry: 0.7833333333,
      trade_interdependence: 0.0715082228,
      trade_asymmetry: 0.1176470588,
    });
    expectRow(cols, 2, {
      trade_a_imports_from_b: 51135,
      trade_b_imports_from_a: 42807,
      trade_total: 93942,
      trade_share_a: 0.119906815056,
      trade_share_b: 0.017599612195,
      trade_salience: 0.045938148031,
      trade_symmetry: 0.897692797139,
      trade_interdependence: 0.041238344601,
      trade_asymmetry: 0.872008803176,
    });
    expectRow(cols, 3, {
      trade_a_imports_from_b: 42807,
      trade_b_imports_from_a: 51135,
      trade_total: 93942,
      trade_share_a: 0.017599612195,
      trade_share_b: 0.119906815056,
      trade_salience: 0.045938148031,
      trade_symmetry: 0.897692797139,
      trade_interdependence: 0.041238344601,
      trade_asymmetry: 0.127991196824,
    });
    // (740, 2) written with ccode1 > ccode2: flow1 is still imports of 740 from 2.
    expectRow(cols, 8, {
      trade_a_imports_from_b: 60,
      trade_b_imports_from_a: 150,
      trade_total: 210,
      trade_share_a: 210 / 2200,
      trade_share_b: 0.14,
      trade_salience: 0.115601195338,
      trade_symmetry: 0.955454545455,
      trade_interdependence: 0.110451687546,
      trade_asymmetry: 0.405405405405,
    });
    expectRow(cols, 9, {
      trade_a_imports_from_b: 150,
      trade_b_imports_from_a: 60,
      trade_total: 210,
      trade_share_a: 0.14,
      trade_share_b: 210 / 2200,
      trade_asymmetry: 1 - 0.405405405405,
    });
  });

  it("a missing flow keeps the other flow but nulls T and everything built on it", async () => {
    const store = await fixtureStore(false);
    const cols = await tradeFamily.compute(store, frameOf(ROWS));
    expectRow(cols, 4, {
      ...ALL_NULL,
      trade_b_imports_from_a: 100, // imports of 710 from 2
    });
    expectRow(cols, 5, { ...ALL_NULL, trade_a_imports_from_b: 100 });
  });

  it("zero trade is 0, not null; asymmetry of two zero shares is null", async () => {
    const store = await fixtureStore(false);
    const cols = await tradeFamily.compute(store, frameOf(ROWS));
    expectRow(cols, 6, {
      trade_a_imports_from_b: 0,
      trade_b_imports_from_a: 0,
      trade_total: 0,
      trade_share_a: 0,
      trade_share_b: 0,
      trade_salience: 0,
      trade_symmetry: 1,
      trade_interdependence: 0,
      trade_asymmetry: null,
      trade_dependence_a: null,
      trade_dependence_b: null,
    });
  });

  it("a missing national total nulls that share and the measures that need both", async () => {
    const store = await fixtureStore(false);
    const cols = await tradeFamily.compute(store, frameOf(ROWS));
    expectRow(cols, 7, {
      trade_total: 10,
      trade_share_a: 0.05,
      trade_share_b: null,
      trade_salience: null,
      trade_symmetry: null,
      trade_interdependence: null,
      trade_asymmetry: null,
    });
  });

  it("null outside coverage, for absent pairs and for a = b", async () => {
    const store = await fixtureStore(true);
    const cols = await tradeFamily.compute(store, frameOf(ROWS));
    for (const i of [10, 11, 12, 13, 14]) expectRow(cols, i, ALL_NULL);
  });

  it("dependence only from GDP in current US$ (never GDP per capita or another unit)", async () => {
    const noGdp = await fixtureStore(false);
    const without = await tradeFamily.compute(noGdp, frameOf(ROWS));
    for (let i = 0; i < ROWS.length; i++) {
      expectRow(without, i, { trade_dependence_a: null, trade_dependence_b: null });
    }
    const store = await fixtureStore(true);
    const cols = await tradeFamily.compute(store, frameOf(ROWS));
    expectRow(cols, 2, { trade_dependence_a: 0.045603263314, trade_dependence_b: 0.008999543769 });
    expectRow(cols, 3, { trade_dependence_a: 0.008999543769, trade_dependence_b: 0.045603263314 });
    // 2013: the GDP cells are empty (null-value rows), not 0.
    expectRow(cols, 15, { trade_total: 94016, trade_dependence_a: null, trade_dependence_b: null });
    // US and Japan have only GDP per capita (current US$): not GDP, never used.
    expectRow(cols, 8, { trade_total: 210, trade_dependence_a: null, trade_dependence_b: null });
  });

  it("returns one column per indicator of frame length; empty frame; state filter off", async () => {
    const store = await fixtureStore(true);
    const empty = await tradeFamily.compute(store, frameOf([]));
    expect(Object.keys(empty).sort()).toEqual([...NAMES].sort());
    for (const n of NAMES) expect(empty[n]).toHaveLength(0);
    // More than 64 states: frameBounds gives no state list and the SQL is not filtered by state.
    const many: Array<readonly [number, number, number]> = [...ROWS];
    for (let s = 800; s < 900; s++) many.push([s, s + 1, 2014]);
    const big: Frame = frameOf(many);
    const cols = await tradeFamily.compute(store, big);
    const small = await tradeFamily.compute(store, frameOf(ROWS));
    for (const n of NAMES) {
      expect(cols[n]).toHaveLength(many.length);
      expect(Array.from(cols[n] as Float64Array).slice(0, ROWS.length)).toEqual(
        Array.from(small[n] as Float64Array),
      );
    }
  });
});

describe.skipIf(!hasData)(`trade family on the real COW 4.0 files (${NO_DATA_REASON})`, () => {
  async function realStore() {
    const store = await tempStore();
    await load(store, dataFile("trade_cow/cow_trade_4.0_ndy_rus_chn_partners_peacesciencer.csv"));
    await load(store, dataFile("trade_cow/cow_trade_4.0_national_sy_peacesciencer.csv"));
    return store;
  }

  it("Russia–China 2014 as in METHODS.md, and mirrored with a = China", async () => {
    const store = await realStore();
    const cols = await tradeFamily.compute(
      store,
      frameOf([
        [365, 710, 2014],
        [710, 365, 2014],
      ]),
    );
    const ru = rowOf(cols, 0);
    expect(ru.trade_a_imports_from_b).toBe(51135);
    expect(ru.trade_b_imports_from_a).toBe(42807);
    expect(ru.trade_total).toBe(93942);
    expect(ru.trade_share_a).toBeCloseTo(0.1199, 4);
    expect(ru.trade_share_b).toBeCloseTo(0.0176, 4);
    expect(ru.trade_salience).toBeCloseTo(0.0459, 4);
    expect(ru.trade_symmetry).toBeCloseTo(0.8977, 4);
    const cn = rowOf(cols, 1);
    expect(cn.trade_a_imports_from_b).toBe(42807);
    expect(cn.trade_b_imports_from_a).toBe(51135);
    expect(cn.trade_total).toBe(93942);
    expect(cn.trade_share_a).toBeCloseTo(0.0176, 4);
    expect(cn.trade_share_b).toBeCloseTo(0.1199, 4);
    expect(cn.trade_salience).toBe(ru.trade_salience);
    expect(cn.trade_symmetry).toBe(ru.trade_symmetry);
    expect(cn.trade_interdependence).toBe(ru.trade_interdependence);
    expect(cn.trade_asymmetry as number).toBeCloseTo(1 - (ru.trade_asymmetry as number), 12);
  });

  it("gaps, one-sided rows and the end of coverage are null", async () => {
    const store = await realStore();
    const cols = await tradeFamily.compute(
      store,
      frameOf([
        [365, 710, 1970], // COW has no Russia–China row 1964–1977
        [365, 710, 2015], // after COW 4.0
        [2, 365, 1873], // flow1 NA, flow2 13 in the file
        [365, 2, 1873],
      ]),
    );
    expectRow(cols, 0, ALL_NULL);
    expectRow(cols, 1, ALL_NULL);
    expectRow(cols, 2, { ...ALL_NULL, trade_b_imports_from_a: 13 });
    expectRow(cols, 3, { ...ALL_NULL, trade_a_imports_from_b: 13 });
  });

  it("PWT, Maddison, SDP and GDP per capita never feed trade_dependence", async () => {
    const store = await realStore();
    for (const f of [
      "gdp_population/pwt1001_rgdpe_ekonomR.csv",
      "gdp_population/maddison-data.csv",
      "gdp_population/cow_sdp_gdp_anders2020_peacesciencer.csv",
      "gdp_population/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv",
    ]) {
      await load(store, dataFile(f));
    }
    const frame = frameOf([
      [365, 710, 2014],
      [710, 365, 2010],
      [2, 365, 2000],
    ]);
    const cols = await tradeFamily.compute(store, frame);
    for (let i = 0; i < frame.length; i++) {
      expectRow(cols, i, { trade_dependence_a: null, trade_dependence_b: null });
    }
    expect(rowOf(cols, 0).trade_total).toBe(93942);
  });

  it("with the World Bank GDP (current US$) of 2014: T / GDP", async () => {
    const store = await realStore();
    await load(store, fixture("indicators/trade/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_trade.csv"));
    const cols = await tradeFamily.compute(store, frameOf([[365, 710, 2014]]));
    expect(rowOf(cols, 0).trade_dependence_a).toBeCloseTo(93942e6 / 2059984158438.46, 12);
    expect(rowOf(cols, 0).trade_dependence_b).toBeCloseTo(93942e6 / 10438529153237.6, 12);
  });
});
