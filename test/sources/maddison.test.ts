import { describe, expect, it } from "vitest";
import { lookupCountry } from "../../src/core/crosswalk.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const I_CIG =
  "category: 0 = extrapolated, 1 = benchmark, 2 = interpolated (how the GDP per capita observation was obtained)";
const I_BM =
  "category (benchmark observations only): 1 = ICP PPP estimates, 2 = historical income benchmarks, 3 = real wages and urbanization, 4 = multiple of subsistence, 5 = Braithwaite (1968) PPPs";

describe("maddison-2018", () => {
  it("loads the Windows-1252 fixture: five series per record, SUN/RUS both 365 without colliding", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("maddison/mpd2018.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "maddison-2018",
      encoding: "windows-1252",
      lines_read: 13,
      rows_read: 53,
      rows_loaded: 45,
      rows_rejected: 3,
      rows_duplicate: 5,
    });
    expect(r.rejects).toEqual([
      { line: 9, reason: 'cgdppc: "abc" is not a number' },
      { line: 10, reason: 'i_cig: "Guessed" is not a category of the codebook' },
      { line: 13, reason: "expected 8 fields, found 4" },
    ]);
    expect(r.unresolved).toEqual([
      { name: "SUN (Former USSR) after 1991: aggregate of successor states, not a state", rows: 5 },
    ]);

    // Côte d'Ivoire is decoded from Windows-1252 and resolves (by its code, with the year).
    expect(
      await store.query(
        "SELECT series, ccode, country, value, unit FROM country_series WHERE code = 'CIV' ORDER BY series",
      ),
    ).toEqual([
      {
        series: "maddison.cgdppc",
        ccode: 437,
        country: "Côte d'Ivoire",
        value: 1853,
        unit: "2011 US$ per capita, PPP (benchmark for cross-country income comparisons)",
      },
      { series: "maddison.i_bm", ccode: 437, country: "Côte d'Ivoire", value: null, unit: I_BM },
      { series: "maddison.i_cig", ccode: 437, country: "Côte d'Ivoire", value: 0, unit: I_CIG },
      {
        series: "maddison.pop",
        ccode: 437,
        country: "Côte d'Ivoire",
        value: 12166,
        unit: "thousands",
      },
      {
        series: "maddison.rgdpnapc",
        ccode: 437,
        country: "Côte d'Ivoire",
        value: 1853,
        unit: "2011 US$ per capita, PPP (for growth comparisons)",
      },
    ]);

    // The USSR (SUN) and the Russian territory (RUS) in 1990 are both COW 365 and both kept: the
    // natural key has the code. After 1991 SUN is an aggregate of successor states: no ccode.
    expect(
      await store.query(
        "SELECT code, year, ccode, value, line FROM country_series WHERE series = 'maddison.pop' AND code IN ('SUN', 'RUS') ORDER BY year, code",
      ),
    ).toEqual([
      { code: "RUS", year: 1990, ccode: 365, value: 147973, line: 4 },
      { code: "SUN", year: 1990, ccode: 365, value: 288361, line: 3 },
      { code: "SUN", year: 2016, ccode: null, value: 291220, line: 5 },
    ]);
    // The crosswalk says which rule turned SUN into 365.
    const sun = lookupCountry("SUN", { system: "iso3", year: 1990 });
    expect(sun?.ccode).toBe(365);
    expect(sun?.rule).toMatch(/SUN.*USSR.*365/);
    expect(lookupCountry("RUS", { system: "iso3", year: 1990 })?.rule).toMatch(/RUS.*365/);

    // Categories are stored as codebook codes; other states and years.
    expect(
      await store.query(
        "SELECT code, year, ccode, series, value FROM country_series WHERE series IN ('maddison.i_cig', 'maddison.i_bm') AND code IN ('CHN', 'USA', 'YUG', 'CSK', 'TWN', 'DEU') ORDER BY code, series",
      ),
    ).toEqual([
      { code: "CHN", year: 1820, ccode: 710, series: "maddison.i_bm", value: 4 },
      { code: "CHN", year: 1820, ccode: 710, series: "maddison.i_cig", value: 1 },
      { code: "CSK", year: 1992, ccode: 315, series: "maddison.i_bm", value: null },
      { code: "CSK", year: 1992, ccode: 315, series: "maddison.i_cig", value: 2 },
      { code: "DEU", year: 1950, ccode: 260, series: "maddison.i_bm", value: null },
      { code: "DEU", year: 1950, ccode: 260, series: "maddison.i_cig", value: 2 },
      { code: "TWN", year: 1950, ccode: 713, series: "maddison.i_bm", value: null },
      { code: "TWN", year: 1950, ccode: 713, series: "maddison.i_cig", value: 0 },
      { code: "USA", year: 2011, ccode: 2, series: "maddison.i_bm", value: 1 },
      { code: "USA", year: 2011, ccode: 2, series: "maddison.i_cig", value: 1 },
    ]);
    const [chn] = await store.query(
      "SELECT value FROM country_series WHERE code = 'CHN' AND series = 'maddison.rgdpnapc'",
    );
    expect(chn).toEqual({ value: null });
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads all 19,873 records (99,365 rows); SUN and RUS overlap 1950-2016 without collisions", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile("gdp_population/maddison-data.csv"), {
        explicit: true,
      });
      expect(r).toMatchObject({
        status: "loaded",
        source: "maddison-2018",
        encoding: "windows-1252",
        lines_read: 19873,
        rows_read: 99365,
        rows_loaded: 99365,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(r.rows_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      expect(r.unresolved).toEqual([
        { name: "PRI (Puerto Rico)", rows: 600 },
        { name: "HKG (China, Hong Kong SAR)", rows: 525 },
        { name: "PSE (State of Palestine)", rows: 350 },
        {
          name: "SUN (Former USSR) after 1991: aggregate of successor states, not a state",
          rows: 125,
        },
        {
          name: "YUG (Former Yugoslavia) after 1991: aggregate of successor states, not a state",
          rows: 125,
        },
        {
          name: "CSK (Czechoslovakia) after 1992: aggregate of successor states, not a state",
          rows: 120,
        },
      ]);
      expect(
        await store.query(
          "SELECT code, year, ccode, value FROM country_series WHERE series = 'maddison.pop' AND code IN ('SUN', 'RUS') AND year IN (1990, 1992, 2016) ORDER BY year, code",
        ),
      ).toEqual([
        { code: "RUS", year: 1990, ccode: 365, value: 147973 },
        { code: "SUN", year: 1990, ccode: 365, value: 288361 },
        { code: "RUS", year: 1992, ccode: 365, value: 148728 },
        { code: "SUN", year: 1992, ccode: null, value: 290950 },
        { code: "RUS", year: 2016, ccode: 365, value: 143833 },
        { code: "SUN", year: 2016, ccode: null, value: 291220 },
      ]);
      const counts = await store.query(
        "SELECT code, count(*)::INT AS rows, min(year) AS first, max(year) AS last FROM country_series WHERE series = 'maddison.cgdppc' AND code IN ('CHN', 'RUS', 'SUN') GROUP BY code ORDER BY code",
      );
      expect(counts).toEqual([
        { code: "CHN", rows: 205, first: 1, last: 2016 },
        { code: "RUS", rows: 67, first: 1950, last: 2016 },
        { code: "SUN", rows: 135, first: 1, last: 2016 },
      ]);
      const [civ] = await store.query(
        "SELECT DISTINCT country, ccode FROM country_series WHERE code = 'CIV'",
      );
      expect(civ).toEqual({ country: "Côte d'Ivoire", ccode: 437 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
