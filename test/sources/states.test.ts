import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

const SPELL_SQL =
  "SELECT system, code, abb, name, start_date::VARCHAR AS s, end_date::VARCHAR AS e, line FROM states";

describe("cow-states", () => {
  it("loads spells with dates, Windows-1252 names, rejects impossible or incomplete dates", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_states/states2016.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "cow-states",
      encoding: "windows-1252",
      lines_read: 10,
      rows_loaded: 6,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 8, reason: 'styear/stmonth/stday: "1900-2-30" is not a valid date' },
      { line: 9, reason: "stmonth is missing" },
      { line: 10, reason: "end date 1980-01-01 is before start date 1990-01-01" },
    ]);
    expect(await store.query(`${SPELL_SQL} ORDER BY line`)).toEqual([
      {
        system: "cow",
        code: 2,
        abb: "USA",
        name: "United States of America",
        s: "1816-01-01",
        e: "2016-12-31",
        line: 2,
      },
      {
        system: "cow",
        code: 255,
        abb: "GMY",
        name: "Germany",
        s: "1816-01-01",
        e: "1945-05-08",
        line: 3,
      },
      {
        system: "cow",
        code: 255,
        abb: "GMY",
        name: "Germany",
        s: "1990-10-03",
        e: "2016-12-31",
        line: 4,
      },
      {
        system: "cow",
        code: 365,
        abb: "RUS",
        name: "Russia",
        s: "1816-01-01",
        e: "2016-12-31",
        line: 5,
      },
      {
        system: "cow",
        code: 710,
        abb: "CHN",
        name: "China",
        s: "1860-10-25",
        e: "2016-12-31",
        line: 6,
      },
      {
        system: "cow",
        code: 271,
        abb: "WRT",
        name: "Württemberg",
        s: "1816-01-01",
        e: "1871-01-18",
        line: 7,
      },
    ]);
  });
});

describe("cow-majors", () => {
  it("reads COW's majors2016.csv and peacesciencer's copy into identical rows (abb and name null)", async () => {
    const store = await tempStore();
    const cow = await loadFile(store, fixture("cow_states/majors2016.csv"), { explicit: true });
    expect(cow).toMatchObject({
      source: "cow-majors",
      lines_read: 4,
      rows_loaded: 4,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    const ps = await loadFile(store, fixture("cow_states/majors_peacesciencer.csv"), {
      explicit: true,
    });
    // 365 1816-1917 is already stored from majors2016.csv: a duplicate across files.
    expect(ps).toMatchObject({
      source: "cow-majors",
      lines_read: 5,
      rows_loaded: 2,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(ps.rejects).toEqual([
      { line: 5, reason: 'styear/stmonth/stday: "1895-4-32" is not a valid date' },
      { line: 6, reason: "ccode: 0 is not a state code" },
    ]);
    expect(await store.query(`${SPELL_SQL} ORDER BY code, s`)).toEqual([
      {
        system: "cow_major",
        code: 2,
        abb: null,
        name: null,
        s: "1898-08-13",
        e: "2016-12-31",
        line: 2,
      },
      {
        system: "cow_major",
        code: 220,
        abb: null,
        name: null,
        s: "1816-01-01",
        e: "1940-06-22",
        line: 2,
      },
      {
        system: "cow_major",
        code: 220,
        abb: null,
        name: null,
        s: "1945-08-15",
        e: "2016-12-31",
        line: 3,
      },
      {
        system: "cow_major",
        code: 365,
        abb: null,
        name: null,
        s: "1816-01-01",
        e: "1917-12-05",
        line: 3,
      },
      {
        system: "cow_major",
        code: 365,
        abb: null,
        name: null,
        s: "1922-01-01",
        e: "2016-12-31",
        line: 4,
      },
      {
        system: "cow_major",
        code: 710,
        abb: null,
        name: null,
        s: "1950-01-01",
        e: "2016-12-31",
        line: 5,
      },
    ]);
  });

  it("states2016 is not taken for the major-power layout", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_states/states2016.csv"), { explicit: true });
    expect(r.source).toBe("cow-states");
  });
});

describe("cow-country-codes", () => {
  it("loads codes without dates; repeated lines are duplicates", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_states/COW-country-codes.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "cow-country-codes",
      encoding: "windows-1252",
      lines_read: 8,
      rows_loaded: 5,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 8, reason: 'CCode: "abc" is not a number' },
      { line: 9, reason: "CCode is missing" },
    ]);
    expect(await store.query(`${SPELL_SQL} ORDER BY line`)).toEqual([
      {
        system: "cow_codes",
        code: 2,
        abb: "USA",
        name: "United States of America",
        s: null,
        e: null,
        line: 2,
      },
      { system: "cow_codes", code: 255, abb: "GMY", name: "Germany", s: null, e: null, line: 3 },
      { system: "cow_codes", code: 365, abb: "RUS", name: "Russia", s: null, e: null, line: 5 },
      { system: "cow_codes", code: 710, abb: "CHN", name: "China", s: null, e: null, line: 6 },
      {
        system: "cow_codes",
        code: 437,
        abb: "CDI",
        name: "Côte d'Ivoire",
        s: null,
        e: null,
        line: 7,
      },
    ]);
  });
});

describe("gw-states", () => {
  it("loads GW spells with ISO dates; NA and impossible dates rejected", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_states/gw_states.csv"), { explicit: true });
    expect(r).toMatchObject({
      source: "gw-states",
      lines_read: 7,
      rows_loaded: 4,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 6, reason: 'enddate: "2017-13-01" is not a valid date' },
      { line: 7, reason: "startdate is missing" },
    ]);
    expect(await store.query(`${SPELL_SQL} ORDER BY line`)).toEqual([
      {
        system: "gw",
        code: 365,
        abb: "RUS",
        name: "Russia (Soviet Union)",
        s: "1816-01-01",
        e: "2017-12-31",
        line: 2,
      },
      {
        system: "gw",
        code: 710,
        abb: "CHN",
        name: "China",
        s: "1816-01-01",
        e: "2017-12-31",
        line: 3,
      },
      {
        system: "gw",
        code: 260,
        abb: "GFR",
        name: "German Federal Republic",
        s: "1949-09-21",
        e: "2017-12-31",
        line: 4,
      },
      {
        system: "gw",
        code: 678,
        abb: "YEM",
        name: "Yemen (Arab Republic of Yemen)",
        s: "1918-10-30",
        e: "2017-12-31",
        line: 5,
      },
    ]);
  });
});

describe.skipIf(!hasData)("state lists: real files", () => {
  it("COW states2016 (peacesciencer): 243 spells", async () => {
    const store = await tempStore();
    const r = await loadFile(store, dataFile("cow_states/states2016_peacesciencer.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      status: "loaded",
      source: "cow-states",
      lines_read: 243,
      rows_loaded: 243,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    expect(await store.query(`${SPELL_SQL} WHERE code IN (365, 710) ORDER BY code`)).toEqual([
      {
        system: "cow",
        code: 365,
        abb: "RUS",
        name: "Russia",
        s: "1816-01-01",
        e: "2016-12-31",
        line: 103,
      },
      {
        system: "cow",
        code: 710,
        abb: "CHN",
        name: "China",
        s: "1860-10-25",
        e: "2016-12-31",
        line: 204,
      },
    ]);
    const [n] = await store.query("SELECT count(DISTINCT code)::INT AS codes FROM states");
    expect(n).toEqual({ codes: 217 });
  });

  it("COW major powers (peacesciencer): 14 spells", async () => {
    const store = await tempStore();
    const r = await loadFile(store, dataFile("cow_states/majors2016_peacesciencer.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "cow-majors",
      lines_read: 14,
      rows_loaded: 14,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    expect(await store.query(`${SPELL_SQL} WHERE code IN (365, 710) ORDER BY s`)).toEqual([
      {
        system: "cow_major",
        code: 365,
        abb: null,
        name: null,
        s: "1816-01-01",
        e: "1917-12-05",
        line: 11,
      },
      {
        system: "cow_major",
        code: 365,
        abb: null,
        name: null,
        s: "1922-01-01",
        e: "2016-12-31",
        line: 12,
      },
      {
        system: "cow_major",
        code: 710,
        abb: null,
        name: null,
        s: "1950-01-01",
        e: "2016-12-31",
        line: 13,
      },
    ]);
  });

  it("COW country codes: 243 lines, 217 distinct, 26 repeated lines", async () => {
    const store = await tempStore();
    const r = await loadFile(store, dataFile("cow_states/COW-country-codes.csv"), {
      explicit: true,
    });
    expect(r).toMatchObject({
      source: "cow-country-codes",
      lines_read: 243,
      rows_loaded: 217,
      rows_rejected: 0,
      rows_duplicate: 26,
    });
    expect(await store.query(`${SPELL_SQL} WHERE code IN (365, 710) ORDER BY code`)).toEqual([
      { system: "cow_codes", code: 365, abb: "RUS", name: "Russia", s: null, e: null, line: 103 },
      { system: "cow_codes", code: 710, abb: "CHN", name: "China", s: null, e: null, line: 204 },
    ]);
  });

  it("Gleditsch-Ward iisystem 2017 (peacesciencer): 216 spells", async () => {
    const store = await tempStore();
    const r = await loadFile(
      store,
      dataFile("cow_states/gw_states_iisystem2017_peacesciencer.csv"),
      { explicit: true },
    );
    expect(r).toMatchObject({
      source: "gw-states",
      lines_read: 216,
      rows_loaded: 216,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    expect(await store.query(`${SPELL_SQL} WHERE code IN (365, 710) ORDER BY code`)).toEqual([
      {
        system: "gw",
        code: 365,
        abb: "RUS",
        name: "Russia (Soviet Union)",
        s: "1816-01-01",
        e: "2017-12-31",
        line: 84,
      },
      {
        system: "gw",
        code: 710,
        abb: "CHN",
        name: "China",
        s: "1816-01-01",
        e: "2017-12-31",
        line: 184,
      },
    ]);
  });

  it("the four lists share one table without colliding", async () => {
    const store = await tempStore();
    for (const f of [
      "states2016_peacesciencer.csv",
      "majors2016_peacesciencer.csv",
      "COW-country-codes.csv",
      "gw_states_iisystem2017_peacesciencer.csv",
    ]) {
      const r = await loadFile(store, dataFile(`cow_states/${f}`), { explicit: true });
      expect(r.rows_duplicate).toBe(f === "COW-country-codes.csv" ? 26 : 0);
    }
    const bySystem = await store.query(
      "SELECT system, count(*)::INT AS n FROM states GROUP BY system ORDER BY system",
    );
    expect(bySystem).toEqual([
      { system: "cow", n: 243 },
      { system: "cow_codes", n: 217 },
      { system: "cow_major", n: 14 },
      { system: "gw", n: 216 },
    ]);
  });
});
if (!hasData) it.skip(NO_DATA_REASON, () => {});
