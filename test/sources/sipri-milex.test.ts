import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const UNIT = "current million US$";

describe("sipri-milex", () => {
  it("loads the Windows-1252 wide fixture: one row per year, blanks as null values", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("sipri_milex/milex.csv"), { explicit: true });
    // Wide: 9 lines = 7 accepted + 2 rejected; rows_read 37 = 7 x 5 rows + 2 rejected lines
    // = 30 loaded + 2 rejected + 5 duplicate.
    expect(r).toMatchObject({
      status: "loaded",
      source: "sipri-milex",
      encoding: "windows-1252",
      lines_read: 9,
      rows_read: 37,
      rows_loaded: 30,
      rows_rejected: 2,
      rows_duplicate: 5,
    });
    expect(r.rejects).toEqual([
      { line: 7, reason: '1990: "abc" is not a number' },
      { line: 10, reason: "expected 6 fields, found 5" },
    ]);
    expect(r.unresolved).toEqual([{ name: "Atlantis", rows: 5 }]);
    const ussr = await store.query(
      "SELECT series, ccode, code, country, year, value, unit, line FROM country_series WHERE line = 2 ORDER BY year",
    );
    const u = {
      series: "sipri.milex",
      ccode: 365,
      code: null,
      country: "USSR",
      unit: UNIT,
      line: 2,
    };
    expect(ussr).toEqual([
      { ...u, year: 1949, value: null },
      { ...u, year: 1989, value: 200000 },
      { ...u, year: 1990, value: 190000.5 },
      { ...u, year: 1991, value: null },
      { ...u, year: 2018, value: null },
    ]);
    const rest = await store.query(
      "SELECT country, ccode, list(value ORDER BY year) AS v, min(line) AS line FROM country_series WHERE line > 2 GROUP BY country, ccode ORDER BY line",
    );
    expect(rest).toEqual([
      { country: "Russia", ccode: 365, v: [null, null, null, null, 60000], line: 3 },
      {
        country: expect.stringMatching(/^Côte d.Ivoire$/),
        ccode: 437,
        v: [null, null, 100, 110, 600],
        line: 4,
      },
      { country: "Congo, Republic of", ccode: 484, v: [null, null, null, 50.5, 70], line: 5 },
      { country: "Atlantis", ccode: null, v: [1, 2, 3, 4, 5], line: 6 },
      { country: "Yemen, North", ccode: 678, v: [null, 300, null, null, null], line: 8 },
    ]);
  });

  it("keeps the curly apostrophe of Côte d’Ivoire (Windows-1252 0x92)", async () => {
    const store = await tempStore();
    await loadFile(store, fixture("sipri_milex/milex.csv"), { explicit: true });
    const [row] = await store.query(
      "SELECT DISTINCT country FROM country_series WHERE ccode = 437",
    );
    expect(row).toEqual({ country: "Côte d\u2019Ivoire" });
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads 173 countries x 70 years, 7,623 of them with a value", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile("sipri_arms/sipri-milex-data.csv"), {
        explicit: true,
      });
      expect(r).toMatchObject({
        status: "loaded",
        source: "sipri-milex",
        encoding: "windows-1252",
        lines_read: 173,
        rows_read: 12110,
        rows_loaded: 12110,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      // Wide table: 173 lines x 70 year columns = rows read = loaded + rejected + duplicates.
      expect(r.lines_read * 70).toBe(r.rows_read);
      expect(r.rows_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      expect(r.unresolved).toBeUndefined();
      const [n] = await store.query(
        "SELECT count(*) AS n, count(value) AS valued, count(ccode) AS coded, min(year) AS lo, max(year) AS hi FROM country_series WHERE series = 'sipri.milex'",
      );
      expect(n).toEqual({ n: 12110, valued: 7623, coded: 12110, lo: 1949, hi: 2018 });
      const rows = await store.query(
        `SELECT country, ccode, year, value, unit FROM country_series
         WHERE (country IN ('Russia', 'China') AND year = 2018) OR (country = 'USSR' AND year IN (1987, 1991))
         ORDER BY country, year`,
      );
      expect(rows).toEqual([
        { country: "China", ccode: 710, year: 2018, value: 249996.9, unit: UNIT },
        { country: "Russia", ccode: 365, year: 2018, value: 61387.5, unit: UNIT },
        { country: "USSR", ccode: 365, year: 1987, value: 225021.1, unit: UNIT },
        { country: "USSR", ccode: 365, year: 1991, value: null, unit: UNIT },
      ]);
      const spans = await store.query(
        `SELECT country, ccode, min(year) AS lo, max(year) AS hi FROM country_series
         WHERE value IS NOT NULL AND country IN ('Russia', 'USSR', 'China', 'Germany') GROUP BY country, ccode ORDER BY country, lo`,
      );
      expect(spans).toEqual([
        { country: "China", ccode: 710, lo: 1989, hi: 2018 },
        { country: "Germany", ccode: 260, lo: 1953, hi: 1989 },
        { country: "Germany", ccode: 255, lo: 1990, hi: 2018 },
        { country: "Russia", ccode: 365, lo: 1993, hi: 2018 },
        { country: "USSR", ccode: 365, lo: 1987, hi: 1990 },
      ]);
      const [civ] = await store.query(
        "SELECT DISTINCT ccode FROM country_series WHERE country LIKE 'C_te d_Ivoire'",
      );
      expect(civ).toEqual({ ccode: 437 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
