import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemMembers } from "../../src/core/crosswalk.js";
import { addIndicators } from "../../src/frames/add-indicators.js";
import { createDyadYears } from "../../src/frames/create-dyad-years.js";
import { dyad } from "../../src/frames/dyad.js";
import { frameOf } from "../../src/frames/frame.js";
import { panel, parseDyads, writePanel } from "../../src/frames/panel.js";
import { fitAndStore, fitRequest } from "../../src/idealpoints/ideal-points.js";
import { FAMILIES } from "../../src/indicators/indicator.js";
import { ingest } from "../../src/ingest/index.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempDir, tempStore } from "../helpers.js";

describe("createDyadYears", () => {
  it("builds every pair of system members per year, ccode1 < ccode2, sorted", () => {
    const f = createDyadYears({ dyads: "all", from: 1991, to: 1992 });
    const n = (y: number) => (systemMembers(y).length * (systemMembers(y).length - 1)) / 2;
    expect(f.length).toBe(n(1991) + n(1992));
    for (let i = 0; i < f.length; i++) expect(f.a[i] as number).toBeLessThan(f.b[i] as number);
    const key = (i: number) =>
      ((f.a[i] as number) * 1000 + (f.b[i] as number)) * 10000 + (f.year[i] as number);
    for (let i = 1; i < f.length; i++) expect(key(i)).toBeGreaterThan(key(i - 1));
  });

  it("directed holds both orders; listed pairs keep their order and every year", () => {
    const d = createDyadYears({ dyads: "all", from: 2000, to: 2000, directed: true });
    const u = createDyadYears({ dyads: "all", from: 2000, to: 2000 });
    expect(d.length).toBe(2 * u.length);
    const l = createDyadYears({ dyads: [[710, 365]], from: 1800, to: 1802 });
    expect([...l.a]).toEqual([710, 710, 710]);
    expect([...l.year]).toEqual([1800, 1801, 1802]);
  });

  it("parses dyad lists with hyphenated names", () => {
    expect(parseDyads("RUS-CHN, Guinea-Bissau-Senegal,usa-jpn")).toEqual([
      [365, 710],
      [404, 433],
      [2, 740],
    ]);
    expect(() => parseDyads("RUS")).toThrow(/is not a pair/);
    expect(() => parseDyads("RUS-Atlantis")).toThrow(/Atlantis/);
  });
});

describe.skipIf(!hasData)("indicators on the real data", () => {
  let store: DuckDbStore;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "entente-frames-"));
    store = await DuckDbStore.open(join(dir, "all.duckdb"));
    const r = await ingest(store, [dataFile("")]);
    expect(r.ok).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const load = async () => store;

  it("never change the row count: every family on a 1,000-row directed frame", async () => {
    const s = await load();
    const frame = createDyadYears({
      dyads: [
        [365, 710],
        [2, 740],
        [2, 365],
        [666, 2],
        [710, 713],
      ],
      from: 1815,
      to: 2014,
      directed: true,
    });
    expect(frame.length).toBe(2000);
    // un_ideal reads a stored fit (made by `entente ideal-points`): a short one serves here.
    await fitAndStore(s, await fitRequest(s, { from: 2010, to: 2014 }));
    for (const fam of FAMILIES) {
      const cols = await addIndicators(s, frame, { indicators: fam });
      expect(cols.frame).toBe(frame);
      expect(cols.indicators.length, fam).toBeGreaterThan(0);
      for (const d of cols.indicators) {
        expect(cols.values[d.name]?.length, d.name).toBe(frame.length);
        for (const v of cols.values[d.name] as Float64Array)
          expect(v === Infinity || v === -Infinity, d.name).toBe(false);
      }
    }
  });

  it("symmetric relations are symmetric in directed output", async () => {
    const s = await load();
    const frame = createDyadYears({
      dyads: [
        [2, 740],
        [365, 710],
      ],
      from: 1990,
      to: 2012,
      directed: true,
    });
    const cols = await addIndicators(s, frame, { indicators: ["un", "atop", "cow", "exercises"] });
    const index = new Map<string, number>();
    for (let i = 0; i < frame.length; i++)
      index.set(`${frame.a[i]}-${frame.b[i]}-${frame.year[i]}`, i);
    for (let i = 0; i < frame.length; i++) {
      const j = index.get(`${frame.b[i]}-${frame.a[i]}-${frame.year[i]}`) as number;
      for (const d of cols.indicators) {
        const x = cols.values[d.name]?.[i] as number;
        const y = cols.values[d.name]?.[j] as number;
        expect(
          Number.isNaN(x) ? "null" : x,
          `${d.name} ${frame.a[i]}-${frame.b[i]} ${frame.year[i]}`,
        ).toEqual(Number.isNaN(y) ? "null" : y);
      }
    }
  });

  it("dyad RUS CHN: the documented JSON shape and the METHODS.md values", async () => {
    const s = await load();
    const r = await dyad(s, "RUS", "CHN", { from: 2000, to: 2019 });
    expect(Object.keys(r)).toEqual(["dyad", "period", "indicators", "rows", "notes", "trends"]);
    expect(r.notes).toEqual([]);
    expect(r.dyad).toEqual({
      a: { ccode: 365, iso3: "RUS", name: "Russia" },
      b: { ccode: 710, iso3: "CHN", name: "China" },
      directed: false,
    });
    expect(r.period).toBe("year");
    for (const d of r.indicators)
      expect(Object.keys(d)).toEqual(["name", "description", "unit", "source", "citation"]);
    expect(r.rows.map((x) => x.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2000 + i));
    const y = (year: number) =>
      r.rows.find((x) => x.year === year) as Record<string, number | string | null>;
    expect(y(2014).trade_total).toBe(93942);
    expect(y(2014).trade_share_a).toBeCloseTo(0.1199, 4);
    expect(y(2000)).toMatchObject({ atop_nonagg: 1, atop_consul: 0 });
    expect(y(2001)).toMatchObject({ atop_nonagg: 1, atop_consul: 1, atop_defense: 0 });
    expect(y(2019).atop_nonagg).toBeNull(); // beyond ATOP 5.1
    expect(y(2014).cow_defense).toBeNull(); // beyond COW 4.1 (2012)
    // Dependence 2014: by trade Russia depends more on China, by arms (2010–2014) China on Russia.
    const t2014 = (y(2014).trade_share_a as number) - (y(2014).trade_share_b as number);
    expect(t2014).toBeGreaterThan(0);
    expect(y(2014).arms_dependence_5y as number).toBeLessThan(0);
    expect(y(2014).dependence_asymmetry as number).toBeCloseTo(
      (t2014 + (y(2014).arms_dependence_5y as number)) / 2,
      12,
    );
    expect(y(2014).dependence_asymmetry_coverage).toBe("trade+arms5y");
    // COW trade ends in 2014: no dependence index after it, and the coverage says why.
    expect(y(2019).dependence_asymmetry).toBeNull();
    expect(y(2019).dependence_asymmetry_coverage).toBe("missing trade");
    // The interval brackets the value.
    expect(y(2014).dependence_asymmetry_lo as number).toBeLessThanOrEqual(
      y(2014).dependence_asymmetry as number,
    );
    for (const row of r.rows)
      for (const v of Object.values(row))
        expect(typeof v === "number" ? Number.isFinite(v) : true).toBe(true);
  });

  it("a dyad-year with a state outside the COW system is null in every family", async () => {
    const s = await load();
    // Kosovo (347) joins the system in 2008; the GDR (265) left it in 1990.
    const frame = frameOf([
      [345, 347, 2005],
      [345, 347, 2006],
      [345, 347, 2007],
      [265, 290, 2000],
      [345, 347, 2008], // both members: 0 where the source covers the year
      [369, 626, 2007], // Ukraine → South Sudan: SIPRI lists it before 2011; kept
    ]);
    const fams = FAMILIES.filter((f) => f !== "composite");
    const cols = await addIndicators(s, frame, { indicators: [...fams] });
    const v = (name: string, i: number) => {
      const x = cols.values[name]?.[i] as number;
      return Number.isNaN(x) ? null : x;
    };
    // cinc_a and cinc_b are each state's own value (Serbia's CINC exists in 2005), not dyadic.
    const dyadic = cols.indicators.filter((d) => d.name !== "cinc_a" && d.name !== "cinc_b");
    expect(dyadic.length).toBeGreaterThan(20);
    for (const d of dyadic) {
      for (const i of [0, 1, 2, 3]) expect(v(d.name, i), `${d.name} row ${i}`).toBeNull();
    }
    expect(v("cinc_a", 0)).toBeGreaterThan(0);
    expect(v("cinc_a", 3)).toBeNull(); // the GDR has no CINC in 2000
    expect(v("arms_tiv_a_to_b", 4)).toBe(0);
    expect(v("arms_tiv_b_to_a", 4)).toBe(0);
    expect(v("exercises_joint", 4)).toBe(0);
    expect(v("arms_tiv_a_to_b", 5)).toBeCloseTo(37.12, 6);
    expect(v("arms_share_b_from_a", 5)).toBe(1);
  });

  it("panel: writes CSV and Parquet with the same rows", async () => {
    const s = await load();
    const p = await panel(s, {
      dyads: "RUS-CHN,USA-JPN",
      from: 2010,
      to: 2014,
      indicators: "trade,un",
    });
    expect(p.frame.length).toBe(10);
    const dir = tempDir();
    await writePanel(p, join(dir, "p.csv"));
    await writePanel(p, join(dir, "p.parquet"));
    const csv = readFileSync(join(dir, "p.csv"), "utf8").trim().split("\n");
    expect(csv[0]?.startsWith("ccode1,ccode2,year,un_joint_votes")).toBe(true);
    expect(csv).toHaveLength(11);
    const [row] = await s.query<{ n: number; t: number }>(
      `SELECT count(*) AS n, max(trade_total) FILTER (WHERE ccode1 = 365 AND year = 2014) AS t FROM read_parquet('${join(dir, "p.parquet")}')`,
    );
    expect(row).toEqual({ n: 10, t: 93942 });
  });
});
if (!hasData) it.skip(NO_DATA_REASON, () => {});

describe("dyad without data", () => {
  it("explains that nothing is loaded", async () => {
    const s = await tempStore();
    await expect(dyad(s, "RUS", "CHN")).rejects.toThrow(/No data loaded/);
    await ingest(s, [fixture("cow_trade/dyadic.csv")]);
    const r = await dyad(s, "RUS", "CHN", { indicators: "trade_total" });
    // The default years are those of the loaded data (1992–2014 in the fixture).
    expect(r.rows).toHaveLength(23);
    expect(r.rows.filter((x) => x.trade_total !== null)).toEqual([
      { year: 2014, trade_total: 93942 },
    ]);
  });
});
