import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { systemMembers } from "../../src/core/crosswalk.js";
import { directedKey, type Frame, frameOf } from "../../src/frames/frame.js";
import {
  atopFamily,
  cowFamily,
  dyadYearValue,
  inRanges,
  obligationFromAggregate,
  undirectedObligation,
} from "../../src/indicators/alliances.js";
import { type Column, FAMILIES } from "../../src/indicators/indicator.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { intList } from "../../src/store/sql.js";
import type { Store } from "../../src/store/store.js";
import { dataFile, fixture, hasData, tempStore } from "../helpers.js";

const ATOP = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];
const COW = ["cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"];

/** A column as plain values, null for NaN. */
const plain = (c: Column | undefined): Array<number | null> =>
  Array.from(c ?? [], (v) => (Number.isNaN(v) ? null : v));

async function load(store: Store, path: string): Promise<void> {
  const r = await loadFile(store, path, { explicit: true });
  expect(r.status, `${path}: ${r.error ?? ""}`).toBe("loaded");
}

/** Row i of every column of a result, as name → value (null for NaN). */
function row(cols: Record<string, Column>, i: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [k, c] of Object.entries(cols)) {
    const v = c[i] as number;
    out[k] = Number.isNaN(v) ? null : v;
  }
  return out;
}

function expectSameColumns(cols: Record<string, Column>, frame: Frame, names: string[]) {
  expect(Object.keys(cols).sort()).toEqual([...names].sort());
  for (const n of names) {
    expect(cols[n]).toBeInstanceOf(Float64Array);
    expect(cols[n]?.length).toBe(frame.length);
    for (const v of cols[n] ?? []) expect(Number.isFinite(v) || Number.isNaN(v)).toBe(true);
  }
}

describe("alliance rules (pure)", () => {
  it("takes the maximum over directions and treaties; a missing cell without a 1 is unknown", () => {
    expect(undirectedObligation([0, 1])).toBe(1);
    expect(undirectedObligation([1, 0])).toBe(1);
    expect(undirectedObligation([0, 0, 0])).toBe(0);
    expect(undirectedObligation([null, 1])).toBe(1);
    expect(undirectedObligation([null, 0])).toBeNull();
    expect(undirectedObligation([Number.NaN, 0])).toBeNull();
    expect(undirectedObligation([])).toBeNull();
    expect(obligationFromAggregate(1, 2)).toBe(1);
    expect(obligationFromAggregate(0, 1)).toBeNull();
    expect(obligationFromAggregate(0, 0)).toBe(0);
    expect(obligationFromAggregate(null, 0)).toBeNull();
  });

  it("reports listed values, 0 for unlisted members inside coverage, null otherwise", () => {
    const base = { sameState: false, covered: true, listed: false, value: null, bothMembers: true };
    expect(dyadYearValue(base)).toBe(0);
    expect(dyadYearValue({ ...base, bothMembers: false })).toBeNaN();
    expect(dyadYearValue({ ...base, covered: false })).toBeNaN();
    expect(dyadYearValue({ ...base, listed: true, value: 1, bothMembers: false })).toBe(1);
    expect(dyadYearValue({ ...base, listed: true, value: null })).toBeNaN();
    expect(dyadYearValue({ ...base, sameState: true })).toBeNaN();
  });

  it("knows coverage ranges and builds integer lists only", () => {
    const r = [
      { from: 2000, to: 2001 },
      { from: 2003, to: 2003 },
    ];
    expect([1999, 2000, 2001, 2002, 2003, 2004].map((y) => inRanges(r, y))).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
    expect(intList([2, 365, 710])).toBe("2, 365, 710");
    expect(() => intList([1.5])).toThrow(/not an integer/);
  });

  it("declares the documented indicators", () => {
    expect(FAMILIES).toContain(atopFamily.family);
    expect(FAMILIES).toContain(cowFamily.family);
    expect(atopFamily.indicators.map((d) => d.name)).toEqual(ATOP);
    expect(cowFamily.indicators.map((d) => d.name)).toEqual(COW);
    for (const d of [...atopFamily.indicators, ...cowFamily.indicators]) {
      expect(d.unit).toBe("0/1");
      expect(d.description).toMatch(/\.$/);
      expect(d.source).toMatch(d.family === "atop" ? /ATOP 5\.1/ : /COW Formal Alliances v4\.1/);
      expect(d.citation).toMatch(d.family === "atop" ? /Leeds/ : /Gibler/);
    }
  });
});

describe("atop family on fixtures", () => {
  const frameRows: Array<[number, number, number]> = [
    [365, 710, 2000], // 0: only 365→710 listed
    [710, 365, 2000], // 1
    [365, 710, 2001], // 2
    [365, 710, 2002], // 3: gap between the two files → null
    [365, 710, 2003], // 4: covered by the ddyr file, unlisted → 0
    [365, 710, 1999], // 5: before coverage
    [365, 710, 2004], // 6: after coverage
    [2, 740, 2000], // 7: US→JPN defense 1, JPN→US defense 0
    [740, 2, 2000], // 8
    [2, 20, 2003], // 9: nonagg NA one way, 0 the other → null
    [20, 2, 2003], // 10
    [2, 200, 2003], // 11: nonagg NA one way, 1 the other → 1
    [220, 347, 2001], // 12: Kosovo not a COW member in 2001, but listed → kept
    [2, 347, 2001], // 13: unlisted non-member → null
    [260, 2, 2000], // 14: West Germany code after 1990 → null
    [255, 2, 2000], // 15: unlisted members → 0
    [365, 365, 2000], // 16: not a dyad
  ];

  async function fixtureStore() {
    const store = await tempStore();
    await load(store, fixture("indicators/atop/ddy_peacesciencer.csv"));
    await load(store, fixture("indicators/atop/atop5_1ddyr.csv"));
    return store;
  }

  it("fills every dyad-year by the documented rules", async () => {
    const store = await fixtureStore();
    const frame = frameOf(frameRows);
    const cols = await atopFamily.compute(store, frame);
    expectSameColumns(cols, frame, ATOP);
    const z = { atop_defense: 0, atop_offense: 0, atop_neutral: 0, atop_nonagg: 0, atop_consul: 0 };
    const nul = {
      atop_defense: null,
      atop_offense: null,
      atop_neutral: null,
      atop_nonagg: null,
      atop_consul: null,
    };
    expect(row(cols, 0)).toEqual({ ...z, atop_nonagg: 1 });
    expect(row(cols, 1)).toEqual({ ...z, atop_nonagg: 1 });
    expect(row(cols, 2)).toEqual({ ...z, atop_nonagg: 1, atop_consul: 1 });
    expect(row(cols, 3)).toEqual(nul);
    expect(row(cols, 4)).toEqual(z);
    expect(row(cols, 5)).toEqual(nul);
    expect(row(cols, 6)).toEqual(nul);
    expect(row(cols, 7)).toEqual({ ...z, atop_defense: 1, atop_nonagg: 1, atop_consul: 1 });
    expect(row(cols, 8)).toEqual(row(cols, 7));
    expect(row(cols, 9)).toEqual({ ...z, atop_defense: 1, atop_nonagg: null, atop_consul: 1 });
    expect(row(cols, 10)).toEqual(row(cols, 9));
    expect(row(cols, 11)).toEqual({ ...z, atop_defense: 1, atop_nonagg: 1, atop_consul: 1 });
    expect(row(cols, 12)).toEqual({ ...z, atop_consul: 1 });
    expect(row(cols, 13)).toEqual(nul);
    expect(row(cols, 14)).toEqual(nul);
    expect(row(cols, 15)).toEqual(z);
    expect(row(cols, 16)).toEqual(nul);
  });

  it("gives the same values when the frame is too large to filter SQL by state", async () => {
    const store = await fixtureStore();
    const small = frameOf(frameRows);
    // Add every 2000 system member paired with the US: more than 64 states, so no state filter.
    const big = frameOf([...frameRows, ...systemMembers(2000).map((c) => [2, c, 2000] as const)]);
    const a = await atopFamily.compute(store, small);
    const b = await atopFamily.compute(store, big);
    for (const n of ATOP) expect(plain(b[n]).slice(0, frameRows.length)).toEqual(plain(a[n]));
    // The US paired with itself is null, every other 2000 member pair covered: 0 or 1.
    const extra = plain(b.atop_defense).slice(frameRows.length);
    expect(extra.filter((v) => v === null)).toHaveLength(1);
    expect(extra.filter((v) => v === 1)).toEqual([1]); // Japan
  });

  it("returns all-null columns on an empty store and empty columns for an empty frame", async () => {
    const store = await tempStore();
    const frame = frameOf([[365, 710, 2000]]);
    const cols = await atopFamily.compute(store, frame);
    expectSameColumns(cols, frame, ATOP);
    for (const n of ATOP) expect(plain(cols[n])).toEqual([null]);
    const empty = await atopFamily.compute(store, frameOf([]));
    for (const n of ATOP) expect(empty[n]?.length).toBe(0);
  });
});

describe("cow family on fixtures", () => {
  it("takes the maximum over treaties and directions, null outside coverage", async () => {
    const store = await tempStore();
    await load(store, fixture("indicators/cow/ddy_peacesciencer.csv"));
    await load(store, fixture("indicators/cow/alliance_v4.1_by_directed_yearly.csv"));
    const frame = frameOf([
      [2, 20, 2012], // 0: treaty 9001 (2→20 defense) + treaty 9002 (20→2 nonagg, entente)
      [20, 2, 2012], // 1
      [365, 710, 2010], // 2: peacesciencer nonagg + official treaty 9003 defense
      [710, 365, 2010], // 3
      [2, 740, 2011], // 4
      [365, 710, 2011], // 5: unlisted → 0
      [365, 710, 2013], // 6: after 2012 → null
      [365, 710, 2009], // 7: before 2010 → null
    ]);
    const cols = await cowFamily.compute(store, frame);
    expectSameColumns(cols, frame, COW);
    const z = { cow_defense: 0, cow_neutral: 0, cow_nonagg: 0, cow_entente: 0 };
    const nul = { cow_defense: null, cow_neutral: null, cow_nonagg: null, cow_entente: null };
    expect(row(cols, 0)).toEqual({ ...z, cow_defense: 1, cow_nonagg: 1, cow_entente: 1 });
    expect(row(cols, 1)).toEqual(row(cols, 0));
    expect(row(cols, 2)).toEqual({ ...z, cow_defense: 1, cow_nonagg: 1 });
    expect(row(cols, 3)).toEqual(row(cols, 2));
    expect(row(cols, 4)).toEqual({ ...z, cow_defense: 1 });
    expect(row(cols, 5)).toEqual(z);
    expect(row(cols, 6)).toEqual(nul);
    expect(row(cols, 7)).toEqual(nul);
  });
});

describe.skipIf(!hasData)("alliances on the real files", () => {
  const ATOP_FILES = ["1815-1945", "1946-1979", "1980-1999", "2000-2018"].map((p) =>
    dataFile(`alliances_atop/atop5_1_ddy_peacesciencer_${p}.csv`),
  );
  const COW_FILE = dataFile("alliances_cow/cow_alliance_v4.1_ddy_peacesciencer.csv");

  /** Independent reading of a peacesciencer CSV: the listed row for (a, b, year) or undefined. */
  function csvRow(path: string, a: number, b: number, year: number): number[] | undefined {
    const prefix = `${a},${b},${year},`;
    const line = readFileSync(path, "utf8")
      .split("\n")
      .find((l) => l.startsWith(prefix));
    return line?.trim().split(",").slice(3).map(Number);
  }

  it("ATOP: Russia–China, USA–Japan, France–Monaco, 1815 and beyond 2018", async () => {
    const store = await tempStore();
    for (const f of ATOP_FILES) await load(store, f);
    const rows: Array<[number, number, number]> = [];
    for (let y = 2000; y <= 2019; y++) rows.push([365, 710, y], [710, 365, y]);
    rows.push([2, 740, 2000], [740, 2, 2000]);
    rows.push([220, 221, 1985], [710, 221, 1985], [220, 325, 1985]);
    rows.push([200, 220, 1815], [200, 2, 1815], [200, 2, 1816]);
    const frame = frameOf(rows);
    const cols = await atopFamily.compute(store, frame);
    expectSameColumns(cols, frame, ATOP);
    const at = (a: number, b: number, y: number) =>
      row(
        cols,
        rows.findIndex(([x, z, t]) => x === a && z === b && t === y),
      );

    expect(at(365, 710, 2000)).toMatchObject({ atop_nonagg: 1, atop_consul: 0, atop_defense: 0 });
    for (let y = 2001; y <= 2018; y++) {
      expect(at(365, 710, y)).toEqual({
        atop_defense: 0,
        atop_offense: 0,
        atop_neutral: 0,
        atop_nonagg: 1,
        atop_consul: 1,
      });
    }
    for (let y = 2000; y <= 2019; y++) expect(at(710, 365, y)).toEqual(at(365, 710, y));
    expect(Object.values(at(365, 710, 2019)).every((v) => v === null)).toBe(true);

    // USA→JPN 2000 defense 1 but JPN→USA 0 in the file: both directions report 1.
    expect(csvRow(ATOP_FILES[3] as string, 2, 740, 2000)?.[0]).toBe(1);
    expect(csvRow(ATOP_FILES[3] as string, 740, 2, 2000)?.[0]).toBe(0);
    expect(at(2, 740, 2000).atop_defense).toBe(1);
    expect(at(740, 2, 2000)).toEqual(at(2, 740, 2000));

    // Monaco (221) joined the COW system in 1993: ATOP's listed France–Monaco pact is kept,
    // the unlisted China–Monaco dyad is null rather than 0; France–Italy (members) is a value.
    expect(csvRow(ATOP_FILES[2] as string, 220, 221, 1985)).toEqual([0, 0, 0, 1, 0]);
    expect(csvRow(ATOP_FILES[2] as string, 710, 221, 1985)).toBeUndefined();
    expect(csvRow(ATOP_FILES[2] as string, 221, 710, 1985)).toBeUndefined();
    expect(at(220, 221, 1985)).toMatchObject({ atop_nonagg: 1, atop_defense: 0 });
    expect(Object.values(at(710, 221, 1985)).every((v) => v === null)).toBe(true);
    expect(Object.values(at(220, 325, 1985)).every((v) => v === 0 || v === 1)).toBe(true);

    // 1815: ATOP lists UK–France; the COW system list starts in 1816, so unlisted is null.
    expect(at(200, 220, 1815)).toMatchObject({ atop_defense: 1, atop_consul: 1 });
    expect(Object.values(at(200, 2, 1815)).every((v) => v === null)).toBe(true);
    expect(Object.values(at(200, 2, 1816)).every((v) => v === 0)).toBe(true);
  }, 120_000);

  it("ATOP and COW are symmetric over every member dyad of 2000 and 2012, COW null after 2012", async () => {
    const store = await tempStore();
    await load(store, ATOP_FILES[3] as string);
    await load(store, COW_FILE);
    const rows: Array<[number, number, number]> = [];
    for (const y of [2000, 2012]) {
      const m = systemMembers(y);
      for (const a of m) for (const b of m) if (a !== b) rows.push([a, b, y]);
    }
    const members = rows.length;
    rows.push([365, 710, 2012], [365, 710, 2013], [2, 740, 2000]);
    const frame = frameOf(rows);
    const index = new Map(
      rows.slice(0, members).map(([a, b, y], i) => [directedKey(a, b, y), i] as const),
    );
    const results = {
      atop: await atopFamily.compute(store, frame),
      cow: await cowFamily.compute(store, frame),
    };
    for (const [fam, cols] of Object.entries(results)) {
      for (const [name, c] of Object.entries(cols)) {
        let asymmetric = 0;
        for (let i = 0; i < members; i++) {
          const [a, b, y] = rows[i] as [number, number, number];
          const j = index.get(directedKey(b, a, y)) as number;
          if (!Object.is(c[i], c[j])) asymmetric++;
        }
        expect(asymmetric, `${fam} ${name}`).toBe(0);
        // Every member dyad inside coverage has a value: no nulls, nothing outside {0, 1}.
        const values = new Set(plain(c).slice(0, members));
        expect([...values].sort(), `${fam} ${name}`).toEqual(
          name === "atop_offense" ? [0] : [0, 1],
        );
      }
    }
    expect(plain(results.cow.cow_defense).slice(members)).toEqual([0, null, 1]);
    expect(plain(results.atop.atop_nonagg).slice(members)).toEqual([1, 1, 1]);
  }, 120_000);
});
