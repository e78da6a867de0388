import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { dataFile, fixture, hasData, NO_DATA_REASON, tempStore } from "../helpers.js";

describe("unga-voeten-votes", () => {
  it("loads the fixture: China seat, absent/non-member kept, rejects and duplicates counted", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unga_voeten/votes.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unga-voeten-votes",
      lines_read: 11,
      rows_loaded: 7,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 9, reason: "vote: 5 is not a Voeten vote code (1, 2, 3, 8, 9)" },
      { line: 10, reason: 'ccode: "abc" is not a number' },
      { line: 12, reason: "expected 4 fields, found 3" },
    ]);
    expect(r.unresolved).toEqual([{ name: "999", rows: 1 }]);
    const rows = await store.query(
      "SELECT rcid, session, ccode, country, vote, line FROM un_votes ORDER BY line",
    );
    expect(rows).toEqual([
      { rcid: 3, session: 1, ccode: 713, country: "710", vote: 1, line: 2 },
      { rcid: 3, session: 1, ccode: 365, country: "365", vote: 3, line: 3 },
      { rcid: 3, session: 1, ccode: 2, country: "2", vote: 2, line: 4 },
      { rcid: 1200, session: 26, ccode: 710, country: "710", vote: 1, line: 5 },
      { rcid: 1200, session: 26, ccode: 713, country: "713", vote: 9, line: 6 },
      { rcid: 1200, session: 26, ccode: null, country: "999", vote: 1, line: 7 },
      { rcid: 1200, session: 26, ccode: 2, country: "2", vote: 8, line: 8 },
    ]);
  });

  it("detects the full Voeten release (extra roll-call columns) as votes, not roll calls", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unga_voeten/votes_full.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unga-voeten-votes",
      lines_read: 2,
      rows_loaded: 2,
    });
    const rows = await store.query(
      "SELECT rcid, session, ccode, country, vote FROM un_votes ORDER BY line",
    );
    expect(rows).toEqual([
      { rcid: 5001, session: 60, ccode: 365, country: "365", vote: 1 },
      { rcid: 5001, session: 60, ccode: 2, country: "2", vote: 3 },
    ]);
  });

  describe.skipIf(!hasData)("real files", () => {
    it("loads both vote files of the 2016 release in full", async () => {
      const store = await tempStore();
      const a = await loadFile(store, dataFile("unga_votes/voeten2016_votes_sessions46-57.csv"), {
        explicit: true,
      });
      expect(a).toMatchObject({
        status: "loaded",
        source: "unga-voeten-votes",
        lines_read: 166465,
        rows_loaded: 166465,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      const b = await loadFile(store, dataFile("unga_votes/voeten2016_votes_sessions58-70.csv"), {
        explicit: true,
      });
      expect(b).toMatchObject({
        status: "loaded",
        source: "unga-voeten-votes",
        lines_read: 183462,
        rows_loaded: 183462,
        rows_rejected: 0,
        rows_duplicate: 0,
      });
      expect(a.unresolved).toBeUndefined();
      expect(b.unresolved).toBeUndefined();
      const [first] = await store.query(
        "SELECT rcid, session, ccode, country, vote FROM un_votes WHERE line = 2 ORDER BY file_id LIMIT 1",
      );
      expect(first).toEqual({ rcid: 3587, session: 46, ccode: 2, country: "2", vote: 2 });
      // SOURCE.md: Russia and China are present for every roll call (845 + 946).
      const rc = await store.query(
        "SELECT ccode, count(*) AS n, count(DISTINCT rcid) AS rcids FROM un_votes WHERE ccode IN (365, 710) GROUP BY ccode ORDER BY ccode",
      );
      expect(rc).toEqual([
        { ccode: 365, n: 1791, rcids: 1791 },
        { ccode: 710, n: 1791, rcids: 1791 },
      ]);
      const votes = await store.query(
        "SELECT vote, count(*) AS n FROM un_votes GROUP BY vote ORDER BY vote",
      );
      expect(votes).toEqual([
        { vote: 1, n: 245454 },
        { vote: 2, n: 36825 },
        { vote: 3, n: 18233 },
        { vote: 8, n: 36259 },
        { vote: 9, n: 13156 },
      ]);
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});

describe("unga-voeten-rollcalls", () => {
  it("loads the fixture: year from the date, empty dummies null, the ec glitch rejected", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unga_voeten/rollcalls.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unga-voeten-rollcalls",
      lines_read: 8,
      rows_loaded: 5,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 6, reason: 'ec: "0\\"" is not a number' },
      { line: 7, reason: 'date: "2/30/1975" is not a valid date' },
    ]);
    const rows = await store.query("SELECT * EXCLUDE (file_id) FROM un_rollcalls ORDER BY line");
    const none = { amend: null, para: null, short: null, descr: null };
    expect(rows).toEqual([
      {
        rcid: 3,
        session: 1,
        date: "1946-01-01",
        year: 1946,
        unres: "R/1/66",
        importantvote: 0,
        ...none,
        me: 0,
        nu: 0,
        di: 0,
        hr: 0,
        co: 0,
        ec: 0,
        line: 2,
      },
      {
        rcid: 135,
        session: 3,
        date: "1949-04-01",
        year: 1949,
        unres: "R/3/36A",
        importantvote: 0,
        ...none,
        me: 0,
        nu: 0,
        di: 0,
        hr: 0,
        co: 0,
        ec: 0,
        line: 3,
      },
      {
        rcid: 7,
        session: 1,
        date: "1946-01-02",
        year: 1946,
        unres: "R/1/295",
        importantvote: 0,
        ...none,
        me: null,
        nu: null,
        di: null,
        hr: null,
        co: null,
        ec: null,
        line: 4,
      },
      {
        rcid: 4592,
        session: 59,
        date: null,
        year: null,
        unres: null,
        importantvote: null,
        ...none,
        me: null,
        nu: null,
        di: null,
        hr: null,
        co: null,
        ec: null,
        line: 5,
      },
      {
        rcid: 2000,
        session: 40,
        date: "1985-12-10",
        year: 1985,
        unres: "R/40/1",
        importantvote: 1,
        ...none,
        me: 0,
        nu: 1,
        di: 1,
        hr: 0,
        co: 0,
        ec: 1,
        line: 9,
      },
    ]);
  });

  describe.skipIf(!hasData)("real file", () => {
    it("loads every roll call of sessions 1-70 but the one with a malformed ec", async () => {
      const store = await tempStore();
      const r = await loadFile(
        store,
        dataFile("unga_votes/voeten2016_rollcalls_sessions1-70.csv"),
        {
          explicit: true,
        },
      );
      expect(r).toMatchObject({
        status: "loaded",
        source: "unga-voeten-rollcalls",
        lines_read: 5429,
        rows_loaded: 5428,
        rows_rejected: 1,
        rows_duplicate: 0,
      });
      expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
      expect(r.rejects).toEqual([{ line: 1428, reason: 'ec: "0\\"" is not a number' }]);
      const rows = await store.query(
        "SELECT rcid, session, date, year, unres, importantvote, me, ec FROM un_rollcalls WHERE rcid IN (3, 135, 4592) ORDER BY rcid",
      );
      expect(rows).toEqual([
        {
          rcid: 3,
          session: 1,
          date: "1946-01-01",
          year: 1946,
          unres: "R/1/66",
          importantvote: 0,
          me: 0,
          ec: 0,
        },
        {
          rcid: 135,
          session: 3,
          date: "1949-04-01",
          year: 1949,
          unres: "R/3/36A",
          importantvote: 0,
          me: 0,
          ec: 0,
        },
        {
          rcid: 4592,
          session: 59,
          date: null,
          year: null,
          unres: null,
          importantvote: null,
          me: null,
          ec: null,
        },
      ]);
      const [span] = await store.query(
        "SELECT count(date) AS dated, min(year) AS lo, max(year) AS hi, count(*) FILTER (WHERE year <> 1945 + session) AS next_year FROM un_rollcalls",
      );
      expect(span).toEqual({ dated: 5427, lo: 1946, hi: 2015, next_year: 238 });
    });
  });
  if (!hasData) it.skip(NO_DATA_REASON, () => {});
});
