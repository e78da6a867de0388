import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("sdp-gdp", () => {
  it("loads four log series per state-year; NA is null, a GW-only code has no ccode", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("sdp/cow_sdp_gdp.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "sdp-gdp",
      lines_read: 7,
      rows_read: 25,
      rows_loaded: 20,
      rows_rejected: 1,
      rows_duplicate: 4,
    });
    expect(r.rejects).toEqual([{ line: 7, reason: 'sdpest: "abc" is not a number' }]);
    expect(r.unresolved).toEqual([
      {
        name: "340: not a COW state code (as a GW code it is Yugoslavia, COW 345; not applied)",
        rows: 4,
      },
    ]);
    expect(
      await store.query(
        "SELECT series, ccode, code, country, year, value, unit FROM country_series WHERE code = '365' ORDER BY series",
      ),
    ).toEqual([
      {
        series: "sdp.sdpest",
        ccode: 365,
        code: "365",
        country: null,
        year: 2014,
        value: 28.854,
        unit: "natural log of surplus domestic product, 2011 US$",
      },
      {
        series: "sdp.wbgdp2011est",
        ccode: 365,
        code: "365",
        country: null,
        year: 2014,
        value: 28.897,
        unit: "natural log of GDP, 2011 US$",
      },
      {
        series: "sdp.wbgdppc2011est",
        ccode: 365,
        code: "365",
        country: null,
        year: 2014,
        value: 10.156,
        unit: "natural log of GDP per capita, 2011 US$",
      },
      {
        series: "sdp.wbpopest",
        ccode: 365,
        code: "365",
        country: null,
        year: 2014,
        value: 18.742,
        unit: "natural log of population (persons)",
      },
    ]);
    expect(
      await store.query(
        "SELECT code, year, ccode, value FROM country_series WHERE series = 'sdp.sdpest' AND code IN ('710', '340', '2') ORDER BY code, year",
      ),
    ).toEqual([
      { code: "2", year: 1800, ccode: 2, value: null },
      { code: "340", year: 2010, ccode: null, value: 24.9 },
      // 0 is the file's floor for a non-positive surplus, stored as written.
      { code: "710", year: 1800, ccode: 710, value: 0 },
      { code: "710", year: 2014, ccode: 710, value: 30.583 },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads all 27,753 state-years (111,012 rows); 365 and 710 have 217 years each", async () => {
      const store = await tempStore();
      const r = await loadFile(
        store,
        dataFile("gdp_population/cow_sdp_gdp_anders2020_peacesciencer.csv"),
        {
          explicit: true,
        },
      );
      expect(r).toMatchObject({
        status: "loaded",
        source: "sdp-gdp",
        lines_read: 27753,
        rows_read: 111012,
        rows_loaded: 111012,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(r.rows_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      // Codes that are not COW state codes (GW-only and two unknown ones): 768 state-years × 4 series.
      expect(r.unresolved?.map((u) => u.name.split(":")[0])).toEqual([
        "340",
        "815",
        "709",
        "708",
        "563",
        "564",
        "971",
        "972",
        "973",
        "711",
        "89",
        "99",
        "396",
        "397",
      ]);
      expect(r.unresolved?.reduce((n, u) => n + u.rows, 0)).toBe(3072);
      expect(
        await store.query(
          "SELECT ccode, series, value FROM country_series WHERE year = 2014 AND ccode IN (365, 710) AND series IN ('sdp.wbgdp2011est', 'sdp.sdpest') ORDER BY ccode, series",
        ),
      ).toEqual([
        { ccode: 365, series: "sdp.sdpest", value: 28.854 },
        { ccode: 365, series: "sdp.wbgdp2011est", value: 28.897 },
        { ccode: 710, series: "sdp.sdpest", value: 30.583 },
        { ccode: 710, series: "sdp.wbgdp2011est", value: 30.656 },
      ]);
      expect(
        await store.query(
          "SELECT ccode, count(*)::INT AS years FROM country_series WHERE series = 'sdp.sdpest' AND ccode IN (365, 710) GROUP BY ccode ORDER BY ccode",
        ),
      ).toEqual([
        { ccode: 365, years: 217 },
        { ccode: 710, years: 217 },
      ]);
      const [zero] = await store.query(
        "SELECT count(*)::INT AS n FROM country_series WHERE series = 'sdp.sdpest' AND value = 0",
      );
      expect(zero).toEqual({ n: 5776 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
