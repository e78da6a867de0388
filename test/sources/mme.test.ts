import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("mme", () => {
  it("loads the CRLF fixture: names resolved with the start year, -9/xx null, a reused MMEID kept", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("mme/mme_v7.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "mme",
      lines_read: 9,
      rows_loaded: 5,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 6, reason: "s.month: 13 is out of range 1-12" },
      { line: 7, reason: "expected 64 fields, found 5" },
      { line: 10, reason: "Cyber: 2 is out of range 0-1" },
    ]);
    expect(r.unresolved).toEqual([{ name: "NATO", rows: 1 }]);
    const rows = await store.query(
      "SELECT exercise_id, name, series, location, start_year, start_month, start_day, end_year, types, participants, participant_ccodes, line FROM exercises ORDER BY line",
    );
    expect(rows).toEqual([
      {
        exercise_id: "mme2726",
        name: "Peace Mission 2005",
        series: "Peace Mission",
        location:
          "Vladivostok in far eastern region of Russia and East China's Shandong Peninsular",
        start_year: 2005,
        start_month: 8,
        start_day: 18,
        end_year: 2005,
        types: ["Air", "Land", "Sea", "Warfighting"],
        participants: ["China", "Russia"],
        participant_ccodes: [710, 365],
        line: 2,
      },
      {
        exercise_id: "mme3460",
        name: null,
        series: null,
        location: "Ukraine",
        start_year: 1995,
        start_month: 7,
        start_day: null,
        end_year: 1995,
        types: ["Land", "Warfighting"],
        participants: ["Ukraine", "United States"],
        participant_ccodes: [369, 2],
        line: 3,
      },
      {
        exercise_id: "mme700",
        name: "Autumn Forge 88",
        series: null,
        location: null,
        start_year: 1988,
        start_month: 9,
        start_day: 1,
        end_year: 1988,
        types: ["CPX", "Land"],
        // -9 (unknown participant) dropped; FRG in 1988 is 260; the curly apostrophe resolves.
        participants: ["Federal Republic of Germany", "Côte d’Ivoire"],
        participant_ccodes: [260, 437],
        line: 4,
      },
      {
        exercise_id: "mme1720",
        name: "Baltops 98",
        series: "Baltops",
        location: "Baltic Sea",
        start_year: 1998,
        start_month: 6,
        start_day: 8,
        end_year: 1998,
        types: ["Sea"],
        participants: ["Denmark", "Denmark", "NATO"],
        participant_ccodes: [390],
        line: 5,
      },
      {
        // Same MMEID as line 3, a different exercise: kept (the natural key includes name, location, date).
        exercise_id: "mme3460",
        name: null,
        series: null,
        location: "off the coast of Shanghai, near the Yangshan deep water port",
        start_year: 2005,
        start_month: 7,
        start_day: 7,
        end_year: 2005,
        types: ["Sea", "Warfighting", "Humanitarian"],
        participants: ["China", "Japan", "South Korea"],
        participant_ccodes: [710, 740, 732],
        line: 9,
      },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads all 3,707 exercises of MME v7; 10 list both Russia and China", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile("military_exercises/mme_v7.csv"), {
        explicit: true,
      });
      expect(r).toMatchObject({
        status: "loaded",
        source: "mme",
        lines_read: 3707,
        rows_loaded: 3707,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      expect(r.unresolved).toEqual([
        { name: "Hong Kong SAR China", rows: 2 },
        { name: "NATO", rows: 2 },
        { name: "Baltic States", rows: 1 },
        { name: "Bermuda", rows: 1 },
        { name: "Netherlands Antilles", rows: 1 },
        { name: "New Caledonia", rows: 1 },
        { name: "st. christopher", rows: 1 },
      ]);
      const both = await store.query<{
        exercise_id: string;
        start_year: number;
        name: string | null;
      }>(
        "SELECT exercise_id, start_year, name FROM exercises WHERE list_contains(participant_ccodes, 365) AND list_contains(participant_ccodes, 710) ORDER BY start_year, exercise_id",
      );
      expect(both.map((b) => b.exercise_id)).toEqual([
        "mme1825",
        "mme2726",
        "mme2938",
        "mme3028",
        "mme3045",
        "mme3230",
        "mme3247",
        "mme3350",
        "mme3363",
        "mme3392",
      ]);
      expect(both[0]).toEqual({ exercise_id: "mme1825", start_year: 1999, name: null });
      expect(both[1]).toEqual({
        exercise_id: "mme2726",
        start_year: 2005,
        name: "Peace Mission 2005",
      });
      // Three MMEIDs name two different exercises each.
      expect(
        await store.query(
          "SELECT exercise_id, list(start_year ORDER BY start_year) AS years FROM exercises GROUP BY exercise_id HAVING count(*) > 1 ORDER BY exercise_id",
        ),
      ).toEqual([
        { exercise_id: "mme3457", years: [1996, 2007] },
        { exercise_id: "mme3458", years: [2000, 2007] },
        { exercise_id: "mme3460", years: [1995, 2005] },
      ]);
      const [stats] = await store.query(
        "SELECT min(start_year) AS first, max(start_year) AS last, count(*) FILTER (WHERE len(participants) = 0)::INT AS no_known_participant, count(*) FILTER (WHERE start_day IS NULL)::INT AS no_day FROM exercises",
      );
      expect(stats).toEqual({ first: 1980, last: 2010, no_known_participant: 91, no_day: 814 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
