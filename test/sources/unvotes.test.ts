import { describe, expect, it } from "vitest";
import { loadFile } from "../../src/ingest/load-file.js";
import { fixture, tempStore } from "../helpers.js";

// No real unvotes file is in ../shared/data: these fixtures are written from the package docs.

describe("unvotes-votes", () => {
  it("maps yes/abstain/no to 1/2/3, resolves ISO alpha-2 then names, rejects other votes", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unvotes/votes.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unvotes-votes",
      lines_read: 10,
      rows_loaded: 6,
      rows_rejected: 3,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 8, reason: 'vote: "maybe" is not yes, abstain or no' },
      { line: 9, reason: 'vote: "Yes" is not yes, abstain or no' },
      { line: 11, reason: "expected 4 fields, found 3" },
    ]);
    expect(r.unresolved).toEqual([{ name: "Atlantis", rows: 1 }]);
    const rows = await store.query(
      "SELECT rcid, session, ccode, country, vote, line FROM un_votes ORDER BY line",
    );
    expect(rows).toEqual([
      { rcid: 3, session: null, ccode: 2, country: "United States", vote: 1, line: 2 },
      // No session in this layout: the China-seat rule cannot apply.
      { rcid: 3, session: null, ccode: 710, country: "China", vote: 2, line: 3 },
      { rcid: 5000, session: null, ccode: 565, country: "Namibia", vote: 3, line: 4 },
      { rcid: 3, session: null, ccode: 315, country: "Czechoslovakia", vote: 3, line: 5 },
      { rcid: 3, session: null, ccode: 511, country: "Zanzibar", vote: 1, line: 6 },
      { rcid: 3, session: null, ccode: null, country: "Atlantis", vote: 1, line: 7 },
    ]);
  });

  it("applies the China-seat rule when the file carries a session", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unvotes/votes_session.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unvotes-votes",
      lines_read: 2,
      rows_loaded: 2,
    });
    const rows = await store.query(
      "SELECT rcid, session, ccode, country, vote FROM un_votes ORDER BY line",
    );
    expect(rows).toEqual([
      { rcid: 50, session: 5, ccode: 713, country: "China", vote: 1 },
      { rcid: 2000, session: 26, ccode: 710, country: "China", vote: 3 },
    ]);
  });
});

describe("unvotes-rollcalls", () => {
  it("loads roll calls with ISO dates, NA flags as null, and a bad date rejected", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unvotes/rollcalls.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unvotes-rollcalls",
      lines_read: 4,
      rows_loaded: 2,
      rows_rejected: 1,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([{ line: 4, reason: 'date: "1997-13-01" is not a valid date' }]);
    const rows = await store.query("SELECT * EXCLUDE (file_id) FROM un_rollcalls ORDER BY line");
    const noIssues = { me: null, nu: null, di: null, hr: null, co: null, ec: null };
    expect(rows).toEqual([
      {
        rcid: 3,
        session: 1,
        date: "1946-01-01",
        year: 1946,
        unres: "R/1/66",
        importantvote: 0,
        amend: 1,
        para: 0,
        short: "AMENDMENTS, RULES OF PROCEDURE",
        descr: "To adopt a proposed amendment to the provisional rules of procedure.",
        ...noIssues,
        line: 2,
      },
      {
        rcid: 4000,
        session: 52,
        date: "1997-12-09",
        year: 1997,
        unres: "R/52/38",
        importantvote: 1,
        amend: null,
        para: null,
        short: "NUCLEAR WEAPONS",
        descr: "Made-up description of a nuclear weapons resolution.",
        ...noIssues,
        line: 3,
      },
    ]);
  });
});

describe("unvotes-issues", () => {
  it("loads issue rows, rejects a bad rcid and a missing code, counts the repeat", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("unvotes/issues.csv"), { explicit: true });
    expect(r).toMatchObject({
      status: "loaded",
      source: "unvotes-issues",
      lines_read: 6,
      rows_loaded: 3,
      rows_rejected: 2,
      rows_duplicate: 1,
    });
    expect(r.rejects).toEqual([
      { line: 6, reason: 'rcid: "x" is not a number' },
      { line: 7, reason: "short_name is missing" },
    ]);
    const rows = await store.query(
      "SELECT rcid, short_name, issue, line FROM un_issues ORDER BY line",
    );
    expect(rows).toEqual([
      { rcid: 30, short_name: "me", issue: "Palestinian conflict", line: 2 },
      { rcid: 4000, short_name: "nu", issue: "Nuclear weapons and nuclear material", line: 3 },
      { rcid: 4000, short_name: "di", issue: "Arms control and disarmament", line: 4 },
    ]);
  });
});
