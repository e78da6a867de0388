import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("cow-igo-ndy", () => {
  it("stores the lower code first; -9 is null; a bad count and a self-pair are rejected", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("igo/cow_igo_ndy.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "cow-igo-ndy",
      rows_loaded: 7,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 10, reason: 'dyadigos: "abc" is not a number' },
      { line: 11, reason: "ccode1 and ccode2 are both 710" },
    ]);
    expect(
      await store.query(
        "SELECT ccode1, ccode2, year, dyadigos FROM igo_dyad_year WHERE ccode1 = 365 ORDER BY year",
      ),
    ).toEqual([
      { ccode1: 365, ccode2: 710, year: 2013, dyadigos: null },
      { ccode1: 365, ccode2: 710, year: 2014, dyadigos: 55 },
    ]);
  });
});

describe("cow-contdir", () => {
  it("loads spans; a type outside 0-5 and a span ending before it starts are rejected", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("contiguity/cow_contdir.csv"), { explicit: true });
    expect(r).toMatchObject({ status: "loaded", source: "cow-contdir", rows_loaded: 8 });
    expect(r.rejects).toEqual([
      { line: 10, reason: "conttype: 7 is not 0-5" },
      { line: 11, reason: "enddate 1990-01-01 is before stdate 2016-12-01" },
    ]);
  });
});

describe("cow-mid-ddydisps", () => {
  it("loads dispute-years; -9 is null; a self-pair and a hostility level of 9 are rejected", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("mid/cow_mid_ddydisps.csv"), { explicit: true });
    expect(r).toMatchObject({ status: "loaded", source: "cow-mid-ddydisps", rows_loaded: 5 });
    expect(r.rejects).toEqual([
      { line: 7, reason: "ccode1 and ccode2 are both 2" },
      { line: 8, reason: "hostlev1: 9 is not 1-5" },
    ]);
    expect(
      await store.query(
        "SELECT dispnum, year, onset, hostlev1, hostlev2, fatalpre1, hostlev FROM mid_dyad_year WHERE ccode1 = 2 ORDER BY dispnum",
      ),
    ).toEqual([
      { dispnum: 200, year: 2013, onset: 0, hostlev1: 3, hostlev2: 1, fatalpre1: null, hostlev: 3 },
      { dispnum: 201, year: 2014, onset: 1, hostlev1: 5, hostlev2: 5, fatalpre1: null, hostlev: 5 },
    ]);
  });
});

describe.skipIf(!hasData)(
  `the real peacesciencer files${hasData ? "" : ` (${NO_DATA_REASON})`}`,
  () => {
    it("loads IGO, contiguity and MID files whole", async () => {
      const store = await tempStore();
      for (const [path, source, rows] of [
        ["igo_cow/cow_igo_ndy_peacesciencer.csv", "cow-igo-ndy", 917_695],
        ["contiguity_cow/cow_contdir_peacesciencer.csv", "cow-contdir", 1_874],
        ["disputes_cow/cow_mid_ddydisps_peacesciencer.csv", "cow-mid-ddydisps", 10_234],
      ] as const) {
        const r = await loadFile(store, dataFile(path), { explicit: false });
        // Row counts of each file as its SOURCE.md gives them.
        expect(r).toMatchObject({ status: "loaded", source, rows_rejected: 0, rows_duplicate: 0 });
        expect(r.rows_loaded).toBe(rows);
      }
      expect(
        await store.query(
          "SELECT dyadigos FROM igo_dyad_year WHERE ccode1 = 365 AND ccode2 = 710 AND year = 2014",
        ),
      ).toEqual([{ dyadigos: 55 }]);
      expect(
        await store.query(
          "SELECT conttype FROM contiguity WHERE ccode1 = 365 AND ccode2 = 710 ORDER BY start_date",
        ),
      ).toEqual([{ conttype: 1 }]);
      const [d] = await store.query<{ n: number }>(
        "SELECT count(*)::INT AS n FROM mid_dyad_year WHERE (ccode1 = 750 AND ccode2 = 770) AND year = 1999",
      );
      expect(d?.n).toBeGreaterThan(0);
    }, 120_000);
  },
);
