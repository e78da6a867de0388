import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { wbUnit } from "../../src/sources/worldbank.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const AGG = ": World Bank regional/income aggregate, not a state";

describe("wb-indicator", () => {
  it("loads NY.GDP.PCAP.CD: one row per year, aggregates kept without ccode, bad rows rejected", async () => {
    const store = await tempStore();
    const r = await loadFile(
      store,
      fixture("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_fixture.csv"),
      {
        explicit: true,
      },
    );
    expect(r).toMatchObject({
      status: "loaded",
      source: "wb-indicator",
      lines_read: 9,
      rows_read: 37,
      rows_loaded: 30,
      rows_rejected: 2,
      rows_duplicate: 5,
    });
    expect(r.rejects).toEqual([
      { line: 12, reason: '2014: "abc" is not a number' },
      { line: 14, reason: 'unnamed column 10 has a value ("note"); the row would be shifted' },
    ]);
    expect(r.unresolved).toEqual([
      { name: "ABW (Aruba)", rows: 5 },
      { name: `WLD (World)${AGG}`, rows: 5 },
    ]);
    expect(
      await store.query(
        "SELECT series, ccode, code, country, year, value, unit, line FROM country_series WHERE code IN ('RUS', 'CHN') AND year IN (1960, 2014) ORDER BY code, year",
      ),
    ).toEqual([
      {
        series: "wb.NY.GDP.PCAP.CD",
        ccode: 710,
        code: "CHN",
        country: "China",
        year: 1960,
        value: 89.5205415293056,
        unit: "current US$",
        line: 7,
      },
      {
        series: "wb.NY.GDP.PCAP.CD",
        ccode: 710,
        code: "CHN",
        country: "China",
        year: 2014,
        value: 7683.50261309118,
        unit: "current US$",
        line: 7,
      },
      // Empty cell: a row with value null.
      {
        series: "wb.NY.GDP.PCAP.CD",
        ccode: 365,
        code: "RUS",
        country: "Russian Federation",
        year: 1960,
        value: null,
        unit: "current US$",
        line: 6,
      },
      {
        series: "wb.NY.GDP.PCAP.CD",
        ccode: 365,
        code: "RUS",
        country: "Russian Federation",
        year: 2014,
        value: 14125.9087274272,
        unit: "current US$",
        line: 6,
      },
    ]);
    // Kosovo (XKX, no official ISO code) is 347 in every year: the crosswalk's XKX rule has no window.
    expect(
      await store.query(
        "SELECT code, year, ccode FROM country_series WHERE code IN ('WLD', 'XKX', 'DEU') AND year IN (1990, 1991, 2014) ORDER BY code, year",
      ),
    ).toEqual([
      { code: "DEU", year: 1990, ccode: 255 },
      { code: "DEU", year: 1991, ccode: 255 },
      { code: "DEU", year: 2014, ccode: 255 },
      { code: "WLD", year: 1990, ccode: null },
      { code: "WLD", year: 1991, ccode: null },
      { code: "WLD", year: 2014, ccode: null },
      { code: "XKX", year: 1990, ccode: 347 },
      { code: "XKX", year: 1991, ccode: 347 },
      { code: "XKX", year: 2014, ccode: 347 },
    ]);
  });

  it("loads NY.GDP.MKTP.CD (CRLF) into its own series next to the per-capita one", async () => {
    const store = await tempStore();
    await loadFile(store, fixture("worldbank/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_fixture.csv"), {
      explicit: true,
    });
    const r = await loadFile(
      store,
      fixture("worldbank/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_fixture.csv"),
      {
        explicit: true,
      },
    );
    expect(r).toMatchObject({
      status: "loaded",
      source: "wb-indicator",
      lines_read: 5,
      rows_read: 25,
      rows_loaded: 25,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    expect(r.unresolved).toEqual([{ name: `EUU (European Union)${AGG}`, rows: 5 }]);
    expect(
      await store.query(
        "SELECT series, ccode, value, unit FROM country_series WHERE code = 'RUS' AND year = 2014 ORDER BY series",
      ),
    ).toEqual([
      { series: "wb.NY.GDP.MKTP.CD", ccode: 365, value: 2059984158438.46, unit: "current US$" },
      { series: "wb.NY.GDP.PCAP.CD", ccode: 365, value: 14125.9087274272, unit: "current US$" },
    ]);
    // Curly apostrophe in the name; YEM before 1990 is North Yemen (678), unified Yemen (679) after.
    expect(
      await store.query(
        "SELECT code, country, year, ccode, value FROM country_series WHERE series = 'wb.NY.GDP.MKTP.CD' AND code IN ('PRK', 'YEM') AND year IN (1960, 1990) ORDER BY code, year",
      ),
    ).toEqual([
      { code: "PRK", country: "Korea, Dem. People’s Rep.", year: 1960, ccode: 731, value: null },
      { code: "PRK", country: "Korea, Dem. People’s Rep.", year: 1990, ccode: 731, value: null },
      { code: "YEM", country: "Yemen, Rep.", year: 1960, ccode: 678, value: null },
      { code: "YEM", country: "Yemen, Rep.", year: 1990, ccode: 679, value: 5647119229.3 },
    ]);
  });

  it("derives units from the indicator name", () => {
    expect(wbUnit("NY.GDP.MKTP.CD", "GDP (current US$)")).toBe("current US$");
    expect(wbUnit("NY.GDP.PCAP.PP.KD", "GDP per capita, PPP (constant 2011 international $)")).toBe(
      "constant 2011 international $",
    );
    expect(wbUnit("MS.MIL.XPND.GD.ZS", "Military expenditure (% of GDP)")).toBe("% of GDP");
    expect(wbUnit("SP.POP.TOTL", "Population, total")).toBe("persons");
    expect(wbUnit("XX.TEST", "Something, total")).toBe("as named: Something, total");
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads the 2018 NY.GDP.PCAP.CD export: 264 economies × 58 years, 47 aggregates unresolved", async () => {
      const store = await tempStore();
      const r = await loadFile(
        store,
        dataFile("gdp_population/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_10181232.csv"),
        {
          explicit: true,
        },
      );
      expect(r).toMatchObject({
        status: "loaded",
        source: "wb-indicator",
        lines_read: 264,
        rows_read: 15312,
        rows_loaded: 15312,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(r.rows_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      const aggregates = r.unresolved?.filter((u) => u.name.endsWith(AGG)) ?? [];
      const territories = r.unresolved?.filter((u) => !u.name.endsWith(AGG)) ?? [];
      expect(aggregates.length).toBe(47);
      expect(territories.map((u) => u.name)).toEqual([
        "ABW (Aruba)",
        "ASM (American Samoa)",
        "BMU (Bermuda)",
        "CHI (Channel Islands)",
        "CUW (Curacao)",
        "CYM (Cayman Islands)",
        "FRO (Faroe Islands)",
        "GIB (Gibraltar)",
        "GRL (Greenland)",
        "GUM (Guam)",
        "HKG (Hong Kong SAR, China)",
        "IMN (Isle of Man)",
        "MAC (Macao SAR, China)",
        "MAF (St. Martin (French part))",
        "MNP (Northern Mariana Islands)",
        "NCL (New Caledonia)",
        "PRI (Puerto Rico)",
        "PSE (West Bank and Gaza)",
        "PYF (French Polynesia)",
        "SXM (Sint Maarten (Dutch part))",
        "TCA (Turks and Caicos Islands)",
        "VGB (British Virgin Islands)",
        "VIR (Virgin Islands (U.S.))",
      ]);
      expect(
        await store.query(
          "SELECT code, year, ccode, value FROM country_series WHERE (code = 'RUS' AND year IN (1988, 1989, 2014)) OR (code = 'CHN' AND year IN (1960, 2014)) ORDER BY code, year",
        ),
      ).toEqual([
        { code: "CHN", year: 1960, ccode: 710, value: 89.5205415103584 },
        { code: "CHN", year: 2014, ccode: 710, value: 7683.50261309118 },
        { code: "RUS", year: 1988, ccode: 365, value: null },
        { code: "RUS", year: 1989, ccode: 365, value: 3428.76201759713 },
        { code: "RUS", year: 2014, ccode: 365, value: 14125.9087274272 },
      ]);
      const [n] = await store.query("SELECT count(value)::INT AS with_value FROM country_series");
      expect(n).toEqual({ with_value: 11774 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
