/**
 * Golden tests of the event layouts (src/sources/events/layouts.ts): column positions, the CAMEO
 * code list and the root → quad class mapping. A reader that shifts a column silently corrupts
 * every figure computed from it (PITFALLS.md, GDELT), so the name lists are compared with GDELT's
 * own column-label files when ../shared/data is present.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cameoEventCodes, isCameoEventCode, quadClassOfRoot } from "../../src/core/cameo.js";
import {
  detectEventLayout,
  fileColumns,
  GDELT1,
  GDELT1_COLUMNS,
  GDELT2,
  GDELT2_COLUMNS,
  ICEWS,
  ICEWS_COLUMNS,
} from "../../src/sources/events/layouts.js";
import { dataFile, fixture, hasData, NO_DATA_REASON } from "../helpers.js";

const lines = (path: string): string[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l !== "");

describe("GDELT column positions (0-based, as in the codebooks)", () => {
  it("GDELT 2.0 has 61 columns with the key fields where the export puts them", () => {
    expect(GDELT2_COLUMNS).toHaveLength(61);
    const at: Record<string, number> = {
      GLOBALEVENTID: 0,
      SQLDATE: 1,
      MonthYear: 2,
      Year: 3,
      FractionDate: 4,
      Actor1Code: 5,
      Actor1Name: 6,
      Actor1CountryCode: 7,
      Actor1Type1Code: 12,
      Actor2Code: 15,
      Actor2Name: 16,
      Actor2CountryCode: 17,
      Actor2Type1Code: 22,
      IsRootEvent: 25,
      EventCode: 26,
      EventBaseCode: 27,
      EventRootCode: 28,
      QuadClass: 29,
      GoldsteinScale: 30,
      NumMentions: 31,
      NumSources: 32,
      NumArticles: 33,
      AvgTone: 34,
      Actor1Geo_Type: 35,
      Actor1Geo_ADM2Code: 39,
      Actor1Geo_FeatureID: 42,
      Actor2Geo_Type: 43,
      Actor2Geo_FeatureID: 50,
      ActionGeo_Type: 51,
      ActionGeo_CountryCode: 53,
      ActionGeo_Lat: 56,
      ActionGeo_Long: 57,
      ActionGeo_FeatureID: 58,
      DATEADDED: 59,
      SOURCEURL: 60,
    };
    for (const [name, i] of Object.entries(at)) expect(GDELT2_COLUMNS.indexOf(name), name).toBe(i);
    expect(new Set(GDELT2_COLUMNS).size).toBe(61);
  });

  it("GDELT 1.0 has 58 columns: the same up to AvgTone, geographies without ADM2Code", () => {
    expect(GDELT1_COLUMNS).toHaveLength(58);
    expect(GDELT1_COLUMNS.slice(0, 35)).toEqual(GDELT2_COLUMNS.slice(0, 35));
    expect(GDELT1_COLUMNS.some((c) => c.endsWith("ADM2Code"))).toBe(false);
    const at: Record<string, number> = {
      Actor1Geo_Type: 35,
      Actor1Geo_FeatureID: 41,
      Actor2Geo_Type: 42,
      Actor2Geo_FeatureID: 48,
      ActionGeo_Type: 49,
      ActionGeo_CountryCode: 51,
      ActionGeo_Lat: 53,
      ActionGeo_Long: 54,
      ActionGeo_FeatureID: 55,
      DATEADDED: 56,
      SOURCEURL: 57,
    };
    for (const [name, i] of Object.entries(at)) expect(GDELT1_COLUMNS.indexOf(name), name).toBe(i);
    // The back files (before 2013-04-01) lack SOURCEURL: 57 fields are accepted, not fewer.
    expect(GDELT1.minColumns).toBe(57);
    expect(GDELT2.minColumns).toBe(61);
  });

  it("the fixtures put each value under its column", () => {
    const f = lines(fixture("gdelt/gdelt2_clean.export.CSV"))[0]?.split("\t") ?? [];
    const get = (name: string) => f[GDELT2_COLUMNS.indexOf(name)];
    expect(f).toHaveLength(61);
    expect([get("GLOBALEVENTID"), get("SQLDATE"), get("Actor1CountryCode")]).toEqual([
      "1000000001",
      "20191101",
      "RUS",
    ]);
    expect([get("Actor2CountryCode"), get("EventCode"), get("EventRootCode")]).toEqual([
      "CHN",
      "036",
      "03",
    ]);
    expect([get("QuadClass"), get("GoldsteinScale"), get("NumMentions"), get("AvgTone")]).toEqual([
      "1",
      "4.0",
      "10",
      "1.5",
    ]);
    expect([get("ActionGeo_CountryCode"), get("DATEADDED")]).toEqual(["CH", "20191101120000"]);
    expect(get("SOURCEURL")).toBe("https://news.example.org/2019/11/01/putin-xi-talks");
  });
});

describe.skipIf(!hasData)(`GDELT column-label files (${NO_DATA_REASON})`, () => {
  it("GDELT2_COLUMNS equals the 61 names of GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv", () => {
    // columns tableId,dataType,Empty,Description; the name is the first field (never quoted).
    const rows = lines(
      dataFile("gdelt_events/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"),
    );
    expect(rows[0]).toBe("tableId,dataType,Empty,Description");
    const names = rows.slice(1).map((l) => l.split(",")[0]);
    expect(names).toHaveLength(61);
    expect(GDELT2_COLUMNS).toEqual(names);
  });

  it("GDELT1_COLUMNS equals the 58 names of GDELT_1.0_event_Column_Labels_Header_Row_Sep2016.tsv", () => {
    const rows = lines(
      dataFile("gdelt_events/GDELT_1.0_event_Column_Labels_Header_Row_Sep2016.tsv"),
    );
    expect(rows[0]).toBe("tableId");
    expect(rows.slice(1)).toHaveLength(58);
    expect(GDELT1_COLUMNS).toEqual(rows.slice(1));
  });

  it("the real files have the field counts of their layouts", () => {
    const g2 = lines(dataFile("gdelt_events/20191024143000.export.CSV"));
    expect(new Set(g2.map((l) => l.split("\t").length))).toEqual(new Set([61]));
    const g1 = lines(dataFile("gdelt_events/gdelt1_sample_events.tsv"));
    const counts = new Map<number, number>();
    for (const l of g1) {
      const n = l.split("\t").length;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ 57: 201, 58: 509 });
    expect(detectEventLayout(g2.slice(0, 5))).toBe(GDELT2);
    expect(detectEventLayout(g1.slice(0, 5))).toBe(GDELT1);
  });

  it("ICEWS_COLUMNS equals the header of the Dataverse .tab file", () => {
    const header = lines(dataFile("icews_events/events.2018.sample.tab"))[0] ?? "";
    expect(ICEWS_COLUMNS).toEqual(header.split("\t"));
    expect(detectEventLayout([header])).toBe(ICEWS);
  });
});

describe("detectEventLayout", () => {
  const row = (n: number) =>
    ["881990832", "20191024", "201910", "2019", ...new Array<string>(n - 4).fill("")].join("\t");

  it("tells GDELT 2.0 (61 fields) from 1.0 (57 or 58) by the first non-blank line", () => {
    expect(detectEventLayout([row(61)])).toBe(GDELT2);
    expect(detectEventLayout([row(58)])).toBe(GDELT1);
    expect(detectEventLayout([row(57)])).toBe(GDELT1);
    expect(detectEventLayout(["", "\r", `${row(61)}\r`])).toBe(GDELT2);
  });

  it("detects nothing on other field counts or a first line that is not an event", () => {
    for (const n of [56, 59, 60, 62]) expect(detectEventLayout([row(n)]), String(n)).toBeNull();
    // The mentions table: 16 fields, second a 14-digit timestamp.
    const mention = ["881990832", "20191024143000", "20191024143000", "1"].join("\t");
    expect(detectEventLayout([mention])).toBeNull();
    // SQLDATE must have 8 digits, MonthYear 6, Year 4.
    expect(detectEventLayout([row(61).replace("20191024", "2019-10-24")])).toBeNull();
    expect(detectEventLayout([row(61).replace("\t201910\t", "\t2019-10\t")])).toBeNull();
    expect(detectEventLayout([])).toBeNull();
    expect(detectEventLayout(["", "  "])).toBeNull();
  });

  it("detects ICEWS by its header, in any column order, and reads the columns from it", () => {
    const header = ICEWS_COLUMNS.join("\t");
    expect(detectEventLayout([header])).toBe(ICEWS);
    const reversed = [...ICEWS_COLUMNS].reverse().join("\t");
    expect(detectEventLayout([reversed])).toBe(ICEWS);
    expect(fileColumns(ICEWS, `${reversed}\r`)).toEqual([...ICEWS_COLUMNS].reverse());
    expect(detectEventLayout([ICEWS_COLUMNS.slice(1).join("\t")])).toBeNull();
    expect(fileColumns(GDELT2, "ignored")).toEqual(GDELT2_COLUMNS);
  });
});

describe("CAMEO event codes (src/core/cameo.ts)", () => {
  it("keeps codes as strings with their leading zeros", () => {
    expect(isCameoEventCode("010")).toBe(true);
    expect(isCameoEventCode("10")).toBe(true);
    expect(isCameoEventCode("0874")).toBe(true);
    expect(isCameoEventCode("874")).toBe(false);
    expect(isCameoEventCode("1213")).toBe(true);
    for (const bad of ["999", "21", "0", "", " 010", "036 ", "1a2"]) {
      expect(isCameoEventCode(bad), bad).toBe(false);
    }
  });

  it.skipIf(!hasData)(
    `equals GDELT's CAMEO.eventcodes.txt plus ICEWS's 1213, which is the ICEWS table (${NO_DATA_REASON})`,
    () => {
      const gdelt = lines(dataFile("cameo_lookups/CAMEO.eventcodes.txt"))
        .slice(1)
        .map((l) => l.split("\t")[0] ?? "");
      expect(gdelt).toHaveLength(311);
      expect(cameoEventCodes()).toEqual([...gdelt, "1213"]);
      // andybega/icews cameo_codes: the first field of each line, quoted.
      const icews = lines(dataFile("cameo_lookups/icews_cameo_codes_andybega.csv"))
        .slice(1)
        .map((l) => /^"([^"]*)"/.exec(l)?.[1])
        .filter((c): c is string => c !== undefined && /^\d+$/.test(c));
      expect(new Set(cameoEventCodes())).toEqual(new Set(icews));
    },
  );

  it("maps roots to quad classes as METHODS.md does (09–13 verbal conflict, 14–20 material)", () => {
    const expected: Record<string, number> = {
      "01": 1,
      "02": 1,
      "03": 1,
      "04": 1,
      "05": 1,
      "06": 2,
      "07": 2,
      "08": 2,
      "09": 3,
      "10": 3,
      "11": 3,
      "12": 3,
      "13": 3,
      "14": 4,
      "15": 4,
      "16": 4,
      "17": 4,
      "18": 4,
      "19": 4,
      "20": 4,
    };
    for (const [root, q] of Object.entries(expected)) expect(quadClassOfRoot(root), root).toBe(q);
    for (const bad of ["00", "21", "1", "010", "ab", "", "9"]) {
      expect(quadClassOfRoot(bad), bad).toBeNull();
    }
  });
});
