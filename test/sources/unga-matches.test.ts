import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("unga-matches", () => {
  it("loads pairs of roll calls, rejecting a pair of one roll call and a bad rcid", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unga_voeten/matches.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unga-matches",
      lines_read: 6,
      rows_loaded: 3,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 5, reason: "rcid1 and rcid2 are both 500" },
      { line: 6, reason: 'rcid1: "x" is not a number' },
    ]);
    expect(await store.query("SELECT rcid1, rcid2, line FROM un_matches ORDER BY line")).toEqual([
      { rcid1: 299, rcid2: 331, line: 2 },
      { rcid1: 392, rcid2: 423, line: 3 },
      { rcid1: 423, rcid2: 460, line: 4 },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads every pair of the authors' Matches.csv", async () => {
      const store = await tempStore();
      const r = await loadFile(store, dataFile("unga_votes/voeten_matched_resolutions.csv"), {
        explicit: true,
      });
      expect(r).toMatchObject({ status: "loaded", source: "unga-matches", rows_rejected: 0 });
      expect(r.rows_loaded).toBe(r.lines_read);
      expect(await store.count("un_matches")).toBe(r.rows_loaded);
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
