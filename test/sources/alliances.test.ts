import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("atop-ddy", () => {
  it("loads the peacesciencer layout, rejecting a non-dummy and counting a repeat", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("atop/ddy_peacesciencer.csv"), { explicit: true });
    expect(r).toMatchObject({
      source: "atop-ddy",
      lines_read: 5,
      rows_loaded: 3,
      rows_rejected: 1,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([{ line: 5, reason: "atop_nonagg: 2 is not 0 or 1" }]);
    expect(
      await store.query(
        "SELECT ccode1, ccode2, year, atop_nonagg, atop_consul, atopid FROM atop_ddy ORDER BY year, ccode1",
      ),
    ).toEqual([
      { ccode1: 365, ccode2: 710, year: 2000, atop_nonagg: 1, atop_consul: 0, atopid: null },
      { ccode1: 365, ccode2: 710, year: 2001, atop_nonagg: 1, atop_consul: 1, atopid: null },
      { ccode1: 710, ccode2: 365, year: 2001, atop_nonagg: 1, atop_consul: 1, atopid: null },
    ]);
  });

  it("loads the official ATOP dyad-year layout (NA is null)", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("atop/atop5_1ddyr.csv"), { explicit: true });
    expect(r).toMatchObject({ source: "atop-ddyr", rows_loaded: 3, rows_rejected: 0 });
    expect(
      await store.query("SELECT atop_defense, atop_nonagg FROM atop_ddy WHERE ccode2 = 200"),
    ).toEqual([{ atop_defense: 1, atop_nonagg: null }]);
  });

  describe.skipIf(!hasData)("real files", () => {
    it("loads the four year-split files: 273,296 rows; Russia–China 2000 nonagg 1 consul 0, 2001 both 1", async () => {
      const store = await tempStore();
      let total = 0;
      for (const part of ["1815-1945", "1946-1979", "1980-1999", "2000-2018"]) {
        const r = await loadFile(
          store,
          dataFile(`alliances_atop/atop5_1_ddy_peacesciencer_${part}.csv`),
          {
            explicit: true,
          },
        );
        expect(r).toMatchObject({ status: "loaded", rows_rejected: 0, rows_duplicate: 0 });
        expect(r.lines_read).toBe(r.rows_loaded);
        total += r.rows_loaded;
      }
      expect(total).toBe(273296);
      expect(
        await store.query(
          "SELECT year, atop_defense, atop_nonagg, atop_consul FROM atop_ddy WHERE ccode1 = 365 AND ccode2 = 710 AND year IN (2000, 2001, 2018) ORDER BY year",
        ),
      ).toEqual([
        { year: 2000, atop_defense: 0, atop_nonagg: 1, atop_consul: 0 },
        { year: 2001, atop_defense: 0, atop_nonagg: 1, atop_consul: 1 },
        { year: 2018, atop_defense: 0, atop_nonagg: 1, atop_consul: 1 },
      ]);
      expect(
        await store.query("SELECT count(*) AS n FROM atop_ddy WHERE ccode1 = 365 AND ccode2 = 710"),
      ).toEqual([{ n: 76 }]);
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});

describe("atop-alliance and atop-member", () => {
  it("loads alliance-level rows with member lists; endyr 0 is null", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("atop/alliance-level.csv"), { explicit: true });
    expect(r).toMatchObject({
      source: "atop-alliance",
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([{ line: 5, reason: 'begyr: "x" is not a number' }]);
    expect(
      await store.query(
        "SELECT atopid, begyr, endyr, nonagg, members FROM atop_alliances ORDER BY atopid",
      ),
    ).toEqual([
      { atopid: 1005, begyr: 1815, endyr: 1815, nonagg: 0, members: [200, 210, 220] },
      { atopid: 4980, begyr: 2001, endyr: null, nonagg: 1, members: [365, 710] },
    ]);
  });

  it("keeps a member's re-entry as a separate record", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("atop/member-level.csv"), { explicit: true });
    expect(r).toMatchObject({
      source: "atop-member",
      rows_loaded: 4,
      rows_rejected: 0,
      rows_duplicate: 1,
    });
    expect(
      await store.query("SELECT yrent, yrexit FROM atop_members WHERE member = 651 ORDER BY yrent"),
    ).toEqual([
      { yrent: 1950, yrexit: 1955 },
      { yrent: 1957, yrexit: 1960 },
    ]);
  });

  describe.skipIf(!hasData)("real files", () => {
    it("loads ATOP 4.01 alliance-level (745) and member-level (2,398) files", async () => {
      const store = await tempStore();
      const a = await loadFile(store, dataFile("alliances_atop/atop4.01_alliance-level.csv"), {
        explicit: true,
      });
      expect(a).toMatchObject({
        source: "atop-alliance",
        lines_read: 745,
        rows_loaded: 745,
        rows_rejected: 0,
      });
      const m = await loadFile(store, dataFile("alliances_atop/atop4.01_member-level.csv"), {
        explicit: true,
      });
      expect(m).toMatchObject({
        source: "atop-member",
        lines_read: 2398,
        rows_loaded: 2398,
        rows_rejected: 0,
      });
      const [row] = await store.query<{ members: number[]; begyr: number }>(
        "SELECT members, begyr FROM atop_alliances WHERE atopid = 4980",
      );
      expect(row?.begyr).toBe(2001);
      expect(row?.members).toEqual(expect.arrayContaining([365, 710]));
    });
  });
});

describe("cow-alliance", () => {
  it("loads the peacesciencer layout", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_alliance/ddy_peacesciencer.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({ source: "cow-alliance-ddy", rows_loaded: 2, rows_rejected: 1 });
    expect(r.rejects).toEqual([{ line: 4, reason: "cow_entente: 2 is not 0 or 1" }]);
  });

  it("keeps one row per treaty in COW's own yearly layout", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_alliance/alliance_v4.1_by_directed_yearly.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({ source: "cow-alliance-yearly", rows_loaded: 3, rows_duplicate: 0 });
    expect(
      await store.query(
        "SELECT version4id, cow_defense, cow_nonagg FROM cow_alliance_ddy WHERE ccode1 = 365 ORDER BY version4id",
      ),
    ).toEqual([
      { version4id: 2189, cow_defense: 1, cow_nonagg: 1 },
      { version4id: 2300, cow_defense: 0, cow_nonagg: 1 },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads 120,784 symmetric rows; Russia–China has 66 rows", async () => {
      const store = await tempStore();
      const r = await loadFile(
        store,
        dataFile("alliances_cow/cow_alliance_v4.1_ddy_peacesciencer.csv"),
        {
          explicit: true,
        },
      );
      expect(r).toMatchObject({
        lines_read: 120784,
        rows_loaded: 120784,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(
        await store.query(
          "SELECT count(*) AS n FROM cow_alliance_ddy WHERE ccode1 = 365 AND ccode2 = 710",
        ),
      ).toEqual([{ n: 66 }]);
    });
  });
});

describe("cow-nmc", () => {
  it("loads the COW layout with units by year and -9 as null", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("nmc/NMC-60-abridged.csv"), { explicit: true });
    expect(r).toMatchObject({ source: "cow-nmc", lines_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(r.rejects).toEqual([{ line: 5, reason: "expected 11 fields, found 10" }]);
    expect(
      await store.query("SELECT year, milex, milex_unit, pec, upop FROM nmc ORDER BY year"),
    ).toEqual([
      { year: 1913, milex: 92000, milex_unit: "thousand GBP", pec: null, upop: null },
      { year: 1914, milex: 1006000, milex_unit: "thousand current US$", pec: 57000, upop: 23000 },
      { year: 2014, milex: null, milex_unit: null, pec: 4000000, upop: null },
    ]);
  });

  it("loads the peacesciencer layout", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("nmc/nmc_peacesciencer.csv"), { explicit: true });
    expect(r).toMatchObject({ source: "cow-nmc", rows_loaded: 1 });
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads 17,121 rows; Russia 207 and China 163 years", async () => {
      const store = await tempStore();
      const r = await loadFile(
        store,
        dataFile("capabilities_nmc/cow_nmc_v7.0_abridged_peacesciencer.csv"),
        {
          explicit: true,
        },
      );
      expect(r).toMatchObject({ lines_read: 17121, rows_loaded: 17121, rows_rejected: 0 });
      expect(
        await store.query(
          "SELECT ccode, count(*) AS n FROM nmc WHERE ccode IN (365, 710) GROUP BY ccode ORDER BY ccode",
        ),
      ).toEqual([
        { ccode: 365, n: 207 },
        { ccode: 710, n: 163 },
      ]);
    });
  });
});
