import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const UNIT = "million 2017 US$ at chained PPPs";

describe("pwt-rgdpe (ekonomR extract)", () => {
  it("loads the extract: ISO3 + year resolution, empty value null, rejects and a repeat counted", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("pwt/pwt_rgdpe_extract.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "pwt-rgdpe",
      lines_read: 9,
      rows_loaded: 5,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 6, reason: 'year: "19x5" is not a number' },
      { line: 8, reason: "expected 4 fields, found 3" },
      { line: 10, reason: "iso3c is missing" },
    ]);
    expect(r.unresolved).toEqual([
      { name: "ABW (Aruba)", rows: 1 },
      { name: "HKG (China, Hong Kong SAR)", rows: 1 },
    ]);
    const rows = await store.query(
      "SELECT series, ccode, code, country, year, value, unit, line FROM country_series ORDER BY line",
    );
    expect(rows).toEqual([
      {
        series: "pwt.rgdpe",
        ccode: 365,
        code: "RUS",
        country: "Russian Federation",
        year: 2014,
        value: 3996437.25,
        unit: UNIT,
        line: 2,
      },
      {
        series: "pwt.rgdpe",
        ccode: 710,
        code: "CHN",
        country: "China",
        year: 2014,
        value: 17117492,
        unit: UNIT,
        line: 3,
      },
      {
        series: "pwt.rgdpe",
        ccode: null,
        code: "ABW",
        country: "Aruba",
        year: 1950,
        value: null,
        unit: UNIT,
        line: 4,
      },
      // ISO DEU before 1990 is West Germany in the crosswalk (a documented caveat for back-cast series).
      {
        series: "pwt.rgdpe",
        ccode: 260,
        code: "DEU",
        country: "Germany",
        year: 1985,
        value: 2345678.5,
        unit: UNIT,
        line: 5,
      },
      {
        series: "pwt.rgdpe",
        ccode: null,
        code: "HKG",
        country: "China, Hong Kong SAR",
        year: 2000,
        value: 300000,
        unit: UNIT,
        line: 9,
      },
    ]);
  });
});

describe("pwt (full PWT 10.01 export)", () => {
  it("emits one row per known series column with codebook units; a thousands separator is a reject", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("pwt/pwt1001_full.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "pwt",
      lines_read: 4,
      rows_read: 22,
      rows_loaded: 21,
      rows_rejected: 1,
      rows_duplicate: 0,
    });
    expect(r.rejects).toEqual([{ line: 5, reason: 'rgdpo: "1,234" is not a number' }]);
    expect(r.unresolved).toBeUndefined();
    const rows = await store.query(
      "SELECT series, ccode, value, unit FROM country_series WHERE code = 'RUS' ORDER BY series",
    );
    expect(rows).toEqual([
      { series: "pwt.cgdpe", ccode: 365, value: 3800000, unit: "million 2017 US$ at current PPPs" },
      { series: "pwt.cgdpo", ccode: 365, value: 3750000, unit: "million 2017 US$ at current PPPs" },
      { series: "pwt.emp", ccode: 365, value: 71.5, unit: "millions of persons engaged" },
      { series: "pwt.pop", ccode: 365, value: 143.8, unit: "millions of persons" },
      { series: "pwt.rgdpe", ccode: 365, value: 3996437.25, unit: UNIT },
      {
        series: "pwt.rgdpna",
        ccode: 365,
        value: 4100000,
        unit: "million 2017 US$ at constant 2017 national prices",
      },
      { series: "pwt.rgdpo", ccode: 365, value: 3900000, unit: UNIT },
    ]);
    // Empty cells are null-value rows; YEM in 1970 is North Yemen (COW 678).
    expect(
      await store.query(
        "SELECT series, ccode, value FROM country_series WHERE value IS NULL ORDER BY code, series",
      ),
    ).toEqual([
      { series: "pwt.emp", ccode: 710, value: null },
      { series: "pwt.cgdpe", ccode: 678, value: null },
      { series: "pwt.cgdpo", ccode: 678, value: null },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads every row of the ekonomR PWT 10.01 extract (12,810; RUS 1990-2019, CHN 1952-2019)", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile("gdp_population/pwt1001_rgdpe_ekonomR.csv"), {
        explicit: true,
      });
      expect(r).toMatchObject({
        status: "loaded",
        source: "pwt-rgdpe",
        lines_read: 12810,
        rows_loaded: 12810,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      // 12 territories × 70 years have no state code.
      expect(r.unresolved?.map((u) => u.name)).toEqual([
        "ABW (Aruba)",
        "AIA (Anguilla)",
        "BMU (Bermuda)",
        "CUW (Curaçao)",
        "CYM (Cayman Islands)",
        "HKG (China, Hong Kong SAR)",
        "MAC (China, Macao SAR)",
        "MSR (Montserrat)",
        "PSE (State of Palestine)",
        "SXM (Sint Maarten (Dutch part))",
        "TCA (Turks and Caicos Islands)",
        "VGB (British Virgin Islands)",
      ]);
      expect(r.unresolved?.every((u) => u.rows === 70)).toBe(true);
      expect(
        await store.query(
          "SELECT code, ccode, year, value FROM country_series WHERE (code = 'RUS' AND year IN (1990, 2014)) OR (code = 'CHN' AND year = 2014) ORDER BY code, year",
        ),
      ).toEqual([
        { code: "CHN", ccode: 710, year: 2014, value: 17117492 },
        { code: "RUS", ccode: 365, year: 1990, value: 2403880.5 },
        { code: "RUS", ccode: 365, year: 2014, value: 3996437.25 },
      ]);
      const [n] = await store.query(
        "SELECT count(*)::INT AS rows, count(value)::INT AS with_value FROM country_series WHERE code IN ('RUS', 'CHN')",
      );
      expect(n).toEqual({ rows: 140, with_value: 98 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
