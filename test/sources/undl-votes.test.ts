import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { undlFileDate } from "../../src/sources/undl-votes.js";
import { fixture, tempStore } from "../helpers.js";

const F2025 = fixture("undl/2025_9_19_ga_voting.csv");
const F2026 = fixture("undl/2026_02_06_ga_voting.csv");

describe("undl-ga-votes (UN Digital Library bulk file)", () => {
  it("names its release after the file's date", () => {
    expect(undlFileDate("2025_9_19_ga_voting.csv")).toBe("2025-09-19");
    expect(undlFileDate("2026_02_06_ga_voting.csv")).toBe("2026-02-06");
    expect(undlFileDate("2025_03_31_ga_voting_corr1.csv")).toBe("2025-03-31");
    expect(undlFileDate("2024_09_12_ga_resolutions_voting.csv")).toBeNull();
    expect(undlFileDate("2025_2_30_ga_voting.csv")).toBeNull();
    expect(undlFileDate("votes.csv")).toBeNull();
  });

  it("reads the 2025 layout: vote codes, dates, sessions, states by code and name at the time", async () => {
    const store = await tempStore();
    const r = await loadFile(store, F2025, { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "undl-ga-votes",
      lines_read: 44,
      rows_loaded: 41,
      rows_rejected: 3,
      rows_duplicate: 0,
      dataset: "undl-ga-votes",
      release: "2025-09-19",
    });
    expect(r.rejects).toEqual([
      {
        line: 17,
        reason: "a second vote of COW 365 on record 9004: line 16 (SUN) already holds it",
      },
      { line: 44, reason: 'ms_vote: "Q" is not Y, N, A, X or blank' },
      { line: 45, reason: "date is missing: the vote cannot be placed in a year" },
    ]);
    expect(r.unresolved).toEqual([{ name: "ATLANTIS", rows: 1 }]);
    const rows = await store.query(
      `SELECT undl_id, ms_code, ccode, vote, ms_vote, date, year, session, total_yes, vote_note
       FROM undl_votes WHERE undl_id IN (9001, 9002, 9003, 9007, 4025240) ORDER BY line`,
    );
    const by = (id: number, code: string) =>
      rows.find((x) => x.undl_id === id && x.ms_code === code);
    // The China seat: the ROC (713) up to 25 October 1971, blank = not voting (8).
    expect(by(9001, "CHN")).toMatchObject({ ccode: 713, vote: 1, date: "1970-11-20", year: 1970 });
    expect(by(9002, "CHN")).toMatchObject({ ccode: 713, vote: 8, ms_vote: null });
    expect(by(9003, "CHN")).toMatchObject({ ccode: 710, vote: 1 });
    // Withdrawn codes in their years: the USSR is COW 365, the two Germanys 265 and 260.
    expect(by(9001, "SUN")).toMatchObject({ ccode: 365, vote: 3 });
    expect(by(9001, "BLR")).toMatchObject({ ccode: 370 });
    expect(by(9003, "DDR")).toMatchObject({ ccode: 265, vote: 1 });
    expect(by(9003, "DEU")).toMatchObject({ ccode: 260, vote: 2 });
    // Emergency special sessions keep their name; totals written 120.0 are integers.
    expect(by(4025240, "USA")).toMatchObject({
      ccode: 2,
      vote: 3,
      session: "ES-10",
      total_yes: 120,
      date: "2023-10-27",
    });
    expect(by(9007, "BLR")).toMatchObject({ vote: 8, ms_vote: "X" });
    expect(by(9007, "PRK")).toMatchObject({ vote: 8, ms_vote: null });
    expect(by(9007, "XXX")).toMatchObject({ ccode: null, vote: 1 });
    expect(by(9007, "RUS")).toMatchObject({ vote_note: null });
    const [t] = await store.query<{ title: string }>(
      "SELECT title FROM undl_votes WHERE undl_id = 9007 LIMIT 1",
    );
    expect(t?.title).toBe('Illustrative record 9007, with a comma, and "quotes"');
  });

  it("a newer file replaces the older one's votes, with the change by vote", async () => {
    const store = await tempStore();
    await loadFile(store, F2025, { explicit: true });
    const r = await loadFile(store, F2026, { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      lines_read: 45,
      rows_loaded: 42,
      rows_rejected: 3,
      rows_duplicate: 0,
      release: "2026-02-06",
    });
    expect(r.release_change).toMatchObject({
      dataset: "undl-ga-votes",
      table: "undl_votes",
      replaced: [{ release: "2025-09-19", files: 1 }],
      rowsBefore: 41,
      rowsAfter: 42,
      added: 5,
      removed: 4,
      changed: 7,
      unchanged: 30,
    });
    expect(r.release_change?.examples.added[0]).toEqual({
      undl_id: 9010,
      state_key: "iso3:BLR",
    });
    expect(r.release_change?.examples.removed[0]).toEqual({
      undl_id: 9001,
      state_key: "iso3:BLR",
    });
    // Five examples in key order: the vote note that record 9005 gained.
    expect(r.release_change?.examples.changed).toHaveLength(5);
    expect(r.release_change?.examples.changed[0]).toEqual({
      key: { undl_id: 9005, state_key: "iso3:BLR" },
      columns: [{ column: "vote_note", old: null, new: "Recorded vote: 141-5-35" }],
    });
    expect(
      await store.query(
        "SELECT vote, ms_vote FROM undl_votes WHERE undl_id = 9007 AND ms_code = 'IND'",
      ),
    ).toEqual([{ vote: 2, ms_vote: "A" }]);
    expect(await store.count("undl_votes")).toBe(42);
    expect(await store.query("SELECT count(*) AS n FROM undl_votes WHERE undl_id = 9001")).toEqual([
      { n: 0 },
    ]);
  });
});
