import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { parseSheetDate } from "../../src/sources/jme.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("jme", () => {
  it("loads the coding-sheet fixture: ISO3 participants (AUS is Australia), both date layouts", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("jme/jme_v3_sheet.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "jme",
      lines_read: 10,
      rows_loaded: 7,
      rows_rejected: 3,
      rows_duplicate: 0,
    });
    expect(r.rejects).toEqual([
      {
        line: 6,
        reason: 'Start Date: "10/xx/007" is not a date (m/d/yyyy; month or day may be xx)',
      },
      { line: 8, reason: 'JME Type: "Maybe" is not FTX, CPX, both, or Unsure' },
      { line: 10, reason: "expected 53 fields, found 4" },
    ]);
    expect(r.unresolved).toEqual([{ name: "NATO", rows: 1 }]);
    const rows = await store.query(
      "SELECT exercise_id, name, series, location, start_year, start_month, start_day, end_year, types, participants, participant_ccodes FROM exercises ORDER BY line",
    );
    expect(rows).toEqual([
      {
        exercise_id: "jme:2",
        name: "Peace Mission 2005",
        series: "Peace Mission",
        location: "Russia; Vladivostok",
        start_year: 2005,
        start_month: 8,
        start_day: 18,
        end_year: 2005,
        types: ["FTX"],
        participants: ["RUS", "CHN"],
        participant_ccodes: [365, 710],
      },
      {
        // DEU in 1985 is West Germany (260); AUS is Australia (900), not COW's AUS (Austria).
        exercise_id: "jme:3",
        name: null,
        series: null,
        location: "Pacific Ocean",
        start_year: 1985,
        start_month: 10,
        start_day: null,
        end_year: null,
        types: [],
        participants: ["DEU", "GBR", "AUS"],
        participant_ccodes: [260, 200, 900],
      },
      {
        // Lower-case typo and the pre-2002 ISO code for Romania resolve; -9 is dropped.
        exercise_id: "jme:4",
        name: "Open Windows-Ro-2000",
        series: null,
        location: "Hungary",
        start_year: 2000,
        start_month: 5,
        start_day: 3,
        end_year: 2000,
        types: ["CPX", "FTX"],
        participants: ["uSA", "ROM"],
        participant_ccodes: [2, 360],
      },
      {
        // Later batch: no s.year, the date comes from "11/xx2002".
        exercise_id: "jme:5",
        name: "Albatross Ausindo",
        series: "Ausindo",
        location: "IDN; Bali",
        start_year: 2002,
        start_month: 11,
        start_day: null,
        end_year: 2002,
        types: ["FTX"],
        participants: ["AUS", "IDN"],
        participant_ccodes: [900, 850],
      },
      {
        // Excel serial 35688 is 1997-09-15; "08.xx.1997" has dots.
        exercise_id: "jme:7",
        name: "Serial Date Drill",
        series: null,
        location: null,
        start_year: 1997,
        start_month: 9,
        start_day: 15,
        end_year: 1997,
        types: ["CPX"],
        participants: ["AUS", "NZL"],
        participant_ccodes: [900, 920],
      },
      {
        exercise_id: "jme:9",
        name: "Bogorodsk 2002",
        series: null,
        location: "Russia",
        start_year: 2002,
        start_month: 6,
        start_day: null,
        end_year: 2002,
        types: ["FTX"],
        participants: ["RUS", "NATO"],
        participant_ccodes: [365],
      },
      {
        // Empty dates: the year is unknown (null), not a reject.
        exercise_id: "jme:11",
        name: "No Date Drill",
        series: null,
        location: null,
        start_year: null,
        start_month: null,
        start_day: null,
        end_year: null,
        types: [],
        participants: ["AUS", "FJI"],
        participant_ccodes: [900, 950],
      },
    ]);
  });

  it("parses the coders' date forms", () => {
    expect(parseSheetDate("8/18/2005", "d")).toEqual({ year: 2005, month: 8, day: 18 });
    expect(parseSheetDate("11xx/2002", "d")).toEqual({ year: 2002, month: 11, day: null });
    expect(parseSheetDate("03/XX/1980", "d")).toEqual({ year: 1980, month: 3, day: null });
    expect(parseSheetDate("xx/xx/xxxx", "d")).toEqual({ year: null, month: null, day: null });
    expect(parseSheetDate("-9", "d")).toEqual({ year: null, month: null, day: null });
    expect(parseSheetDate("35688", "d")).toEqual({ year: 1997, month: 9, day: 15 });
    expect(() => parseSheetDate("14/09/2007", "enddate")).toThrow(
      "enddate month: 14 is out of range 1-12",
    );
    expect(() => parseSheetDate("08/051999", "d")).toThrow('d: "08/051999" is not a date');
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads 1,786 of the 1,790 sheet lines (4 impossible dates rejected); 11 list both RUS and CHN", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile("military_exercises/jme_v3_Sheet1_2.csv"), {
        explicit: true,
      });
      expect(r).toMatchObject({
        status: "loaded",
        source: "jme",
        lines_read: 1790,
        rows_loaded: 1786,
        rows_rejected: 4,
        rows_duplicate: 0,
      });
      expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      expect(r.rejects).toEqual([
        {
          line: 1668,
          reason: 'Start Date: "10/xx/007" is not a date (m/d/yyyy; month or day may be xx)',
        },
        { line: 1699, reason: "start year 2015 is after end year 2010" },
        { line: 1732, reason: "Start Date year: 3009 is out of range 1900-2100" },
        { line: 1773, reason: "enddate month: 14 is out of range 1-12" },
      ]);
      expect(r.unresolved).toEqual([
        { name: "NATO", rows: 2 },
        { name: "8 NATO members", rows: 1 },
        { name: "BMU", rows: 1 },
      ]);
      const both = await store.query<{
        exercise_id: string;
        start_year: number | null;
        name: string | null;
      }>(
        "SELECT exercise_id, start_year, name FROM exercises WHERE list_contains(participant_ccodes, 365) AND list_contains(participant_ccodes, 710) ORDER BY line",
      );
      expect(both).toEqual([
        { exercise_id: "jme:627", start_year: 1996, name: "Final Settlement" },
        { exercise_id: "jme:1138", start_year: 2003, name: "Cooperation 2003" },
        {
          exercise_id: "jme:1164",
          start_year: 2003,
          name: "Shanghai Cooperation Organization 2003",
        },
        { exercise_id: "jme:1331", start_year: 2005, name: "Peace Mission 2005" },
        { exercise_id: "jme:1385", start_year: 2007, name: null },
        { exercise_id: "jme:1396", start_year: 2007, name: "Cooperation 2007" },
        { exercise_id: "jme:1433", start_year: 2009, name: null },
        { exercise_id: "jme:1434", start_year: 2009, name: null },
        { exercise_id: "jme:1447", start_year: 2009, name: "Peace Mission 2009" },
        { exercise_id: "jme:1696", start_year: 2010, name: "Peace mission 2010" },
        { exercise_id: "jme:1766", start_year: 2007, name: "Peace Mission 2007" },
      ]);
      const [stats] = await store.query(
        "SELECT min(start_year) AS first, max(start_year) AS last, count(*) FILTER (WHERE start_year IS NULL)::INT AS no_year, count(*) FILTER (WHERE list_contains(participant_ccodes, 900))::INT AS with_australia, count(*) FILTER (WHERE list_contains(participant_ccodes, 305))::INT AS with_austria FROM exercises",
      );
      // 334 lines list AUS (Australia); one of them (1668) is rejected. AUT (Austria) is on 15.
      expect(stats).toEqual({
        first: 1974,
        last: 2010,
        no_year: 3,
        with_australia: 333,
        with_austria: 15,
      });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
