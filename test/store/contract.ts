import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AccountingError } from "../../src/core/errors.js";
import { GDELT2 } from "../../src/sources/events/layouts.js";
import { SCHEMA_VERSION } from "../../src/store/schema-version.js";
import type { FileMeta, Store } from "../../src/store/store.js";
import { gdeltRow } from "../event-rows.js";

const meta = (sha: string, path = `/data/${sha}.csv`): FileMeta => ({
  path,
  sha256: sha,
  size: 100,
  source: "cow-trade-national",
  sourceVersion: "4.0",
});

const ok = () => {};

/** A trade_national file of `dataset` in release `release`. */
const rel = (sha: string, release: string, dataset = "trade-test"): FileMeta => ({
  ...meta(sha),
  dataset,
  release,
});

async function loadRows(
  store: Store,
  m: FileMeta,
  rows: ReadonlyArray<readonly [number, number, number | null, number | null]>,
) {
  const s = await store.beginLoad(m, "trade_national");
  for (const [i, r] of rows.entries()) s.append(r, i + 2);
  return s.commit({ linesRead: rows.length, rejects: [], unresolved: [], verify: ok });
}

/** Rows of a table (archives included, which count() does not know). */
const countOf = async (store: Store, table: string) =>
  Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0]?.n);

const tradeRows = (store: Store) =>
  store.query<{ ccode: number; year: number; imports: number | null }>(
    "SELECT ccode, year, imports FROM trade_national ORDER BY ccode, year",
  );

/** Release states by file id. */
const states = async (store: Store) =>
  Object.fromEntries((await store.releases()).map((r) => [r.fileId, `${r.release}:${r.state}`]));

/**
 * The Store contract: every backend runs this suite unchanged, given a factory that returns a
 * fresh, empty store (cleaned up by the caller).
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    it("starts empty at the current schema version", async () => {
      const store = await open();
      expect(await store.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await store.files()).toEqual([]);
      expect(await store.count("trade_national")).toBe(0);
    });

    it("commits staged rows with provenance, trace columns, rejects and unresolved names", async () => {
      const store = await open();
      const s = await store.beginLoad(meta("a1"), "trade_national");
      s.append([365, 2014, 308000.5, 497800], 2);
      s.append([710, 2014, null, 2342000], 4);
      const r = await s.commit({
        linesRead: 3,
        rejects: [{ line: 3, reason: "bad" }],
        unresolved: [{ name: "Atlantis", rows: 1 }],
        verify: ok,
      });
      expect(r.rowsLoaded).toBe(2);
      expect(r.rowsDuplicate).toBe(0);
      const rows = await store.query(
        "SELECT ccode, year, imports, exports, file_id, line FROM trade_national ORDER BY ccode",
      );
      expect(rows).toEqual([
        { ccode: 365, year: 2014, imports: 308000.5, exports: 497800, file_id: r.fileId, line: 2 },
        { ccode: 710, year: 2014, imports: null, exports: 2342000, file_id: r.fileId, line: 4 },
      ]);
      const f = await store.findFileBySha("a1");
      expect(f).toMatchObject({
        fileId: r.fileId,
        path: "/data/a1.csv",
        source: "cow-trade-national",
        sourceVersion: "4.0",
        table: "trade_national",
        linesRead: 3,
        rowsLoaded: 2,
        rowsRejected: 1,
        rowsDuplicate: 0,
        size: 100,
      });
      expect(f?.loadedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(await store.rejects(r.fileId)).toEqual([{ line: 3, reason: "bad" }]);
      expect(await store.unresolved(r.fileId)).toEqual([{ name: "Atlantis", rows: 1 }]);
    });

    it("deduplicates by natural key within a file and against stored rows, first line wins", async () => {
      const store = await open();
      const s1 = await store.beginLoad(meta("b1"), "trade_national");
      s1.append([2, 1990, 1, 1], 2);
      s1.append([2, 1990, 9, 9], 3);
      const r1 = await s1.commit({ linesRead: 2, rejects: [], unresolved: [], verify: ok });
      expect([r1.rowsLoaded, r1.rowsDuplicate]).toEqual([1, 1]);
      const s2 = await store.beginLoad(meta("b2"), "trade_national");
      s2.append([2, 1990, 5, 5], 2);
      s2.append([2, 1991, 5, 5], 3);
      const r2 = await s2.commit({ linesRead: 2, rejects: [], unresolved: [], verify: ok });
      expect([r2.rowsLoaded, r2.rowsDuplicate]).toEqual([1, 1]);
      expect(await store.query("SELECT year, imports FROM trade_national ORDER BY year")).toEqual([
        { year: 1990, imports: 1 },
        { year: 1991, imports: 5 },
      ]);
    });

    it("treats null key parts as equal when deduplicating", async () => {
      const store = await open();
      const s = await store.beginLoad(meta("n1"), "country_series");
      s.append(["x.gdp", null, "WLD", "World", 2000, 1, "US$"], 2);
      s.append(["x.gdp", null, "WLD", "World", 2000, 2, "US$"], 3);
      const r = await s.commit({ linesRead: 2, rejects: [], unresolved: [], verify: ok });
      expect([r.rowsLoaded, r.rowsDuplicate]).toEqual([1, 1]);
    });

    it("rolls back everything when verify throws: no rows, no provenance", async () => {
      const store = await open();
      const s = await store.beginLoad(meta("c1"), "trade_national");
      s.append([2, 1990, 1, 1], 2);
      await expect(
        s.commit({
          linesRead: 5,
          rejects: [{ line: 3, reason: "x" }],
          unresolved: [],
          verify: () => {
            throw new AccountingError("mismatch");
          },
        }),
      ).rejects.toBeInstanceOf(AccountingError);
      await s.abort();
      expect(await store.count("trade_national")).toBe(0);
      expect(await store.files()).toEqual([]);
      expect(await store.findFileBySha("c1")).toBeNull();
    });

    it("abort discards staged rows", async () => {
      const store = await open();
      const s = await store.beginLoad(meta("d1"), "trade_national");
      s.append([2, 1990, 1, 1], 2);
      await s.abort();
      expect(await store.count("trade_national")).toBe(0);
      expect(await store.files()).toEqual([]);
    });

    it("round-trips list columns, dates, booleans and bigints", async () => {
      const store = await open();
      if (!store.capabilities.listColumns) return;
      const s = await store.beginLoad(meta("e1"), "exercises");
      s.append(
        [
          "mme1",
          "Peace Mission 2005",
          null,
          null,
          2005,
          8,
          null,
          2005,
          ["Land"],
          ["Russia", "China", "Atlantis"],
          [365, 710],
        ],
        2,
      );
      await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: ok });
      const [row] = await store.query<{ participant_ccodes: number[]; participants: string[] }>(
        "SELECT participant_ccodes, participants FROM exercises",
      );
      expect(row).toEqual({
        participant_ccodes: [365, 710],
        participants: ["Russia", "China", "Atlantis"],
      });
      const s2 = await store.beginLoad(meta("e2"), "un_rollcalls");
      s2.append(
        [4445, 58, "2003-10-01", 2003, "R/58/1", 0, null, null, null, null, 0, 0, 0, 1, 0, 0],
        2,
      );
      await s2.commit({ linesRead: 1, rejects: [], unresolved: [], verify: ok });
      expect(await store.query("SELECT date AS d, hr FROM un_rollcalls")).toEqual([
        { d: "2003-10-01", hr: 1 },
      ]);
      // Dates before 1970 (UN roll calls start in 1946) are kept as written.
      const s3 = await store.beginLoad(meta("e3"), "un_rollcalls");
      s3.append(
        [1, 1, "1946-01-24", 1946, "R/1/1", 0, null, null, null, null, 0, 0, 0, 0, 0, 0],
        2,
      );
      await s3.commit({ linesRead: 1, rejects: [], unresolved: [], verify: ok });
      expect(
        await store.query(
          `SELECT date AS d, ${store.sql.year("date")} AS y FROM un_rollcalls WHERE rcid = 1`,
        ),
      ).toEqual([{ d: "1946-01-24", y: 1946 }]);
    });

    it("round-trips awkward text: quotes, backslashes, tabs, line ends, non-ASCII", async () => {
      const store = await open();
      const names = [
        "Côte d'Ivoire",
        "back\\slash \\N and \\t",
        "tab\there",
        "line\nend\r\nCRLF",
        "quote \" and '' and `",
        "Россия 中国 🇷🇺",
        "\\",
      ];
      const s = await store.beginLoad(meta("t1"), "cameo_eventcodes");
      for (const [i, n] of names.entries()) s.append(["gdelt", String(i), n, null], i + 2);
      // A key that differs only in a backslash or a tab is a different key.
      s.append(["gdelt", "x\\", "a", null], 20);
      s.append(["gdelt", "x\t", "b", null], 21);
      s.append(["gdelt", "x\\", "dup", null], 22);
      const r = await s.commit({ linesRead: 10, rejects: [], unresolved: [], verify: ok });
      expect([r.rowsLoaded, r.rowsDuplicate]).toEqual([names.length + 2, 1]);
      const rows = await store.query<{ code: string; description: string }>(
        "SELECT code, description FROM cameo_eventcodes WHERE code <> $1 AND code <> $2 ORDER BY line",
        ["x\\", "x\t"],
      );
      expect(rows.map((x) => x.description)).toEqual(names);
      expect(
        await store.query("SELECT description FROM cameo_eventcodes WHERE code = $1", ["x\\"]),
      ).toEqual([{ description: "a" }]);
    });

    it("binds query values", async () => {
      const store = await open();
      const awkward = "it's; DROP TABLE provenance; -- \\ \n \t Россия";
      const rows = await store.query<{ v: string; n: number; m: number }>(
        "SELECT $1 AS v, $2 + 1 AS n, $3 AS m",
        [awkward, 41, -7],
      );
      expect(rows).toEqual([{ v: awkward, n: 42, m: -7 }]);
      expect(await store.files()).toEqual([]);
    });

    it("stores ideal-point fits, replaces a fit with the same id, and reads them back", async () => {
      const store = await open();
      expect(await store.idealPointFits()).toEqual([]);
      expect(await store.idealPoints("nope")).toEqual([]);
      const fitRecord = (id: string, votes: string, at: string) => ({
        fitId: id,
        votesSha256: votes,
        issue: null,
        fromSession: 1,
        toSession: 70,
        seed: 1,
        modelVersion: "m1",
        settings: '{"smooth":1}',
        report: '{"votesUsed":3, "text":"it\'s \\ \t fine"}',
        iterations: 12,
        converged: true,
        seconds: 1.5,
        fittedAt: at,
      });
      const point = (ccode: number, session: number, x: number) => ({
        ccode,
        session,
        year: 1945 + session,
        idealPoint: x,
        se: 0.125,
        votes: 70,
      });
      await store.saveIdealPointFit(fitRecord("f1", "v1", "2026-01-01T00:00:00.000Z"), [
        point(365, 2, -1.5),
        point(2, 2, 2.25),
        point(2, 1, 2),
      ]);
      await store.saveIdealPointFit(
        { ...fitRecord("f2", "v2", "2026-01-02T00:00:00.000Z"), issue: "hr", converged: false },
        [point(2, 70, 1)],
      );
      expect((await store.idealPointFits()).map((f) => f.fitId)).toEqual(["f2", "f1"]);
      expect(await store.idealPointFits("v1")).toEqual([
        fitRecord("f1", "v1", "2026-01-01T00:00:00.000Z"),
      ]);
      expect((await store.idealPointFits("v2"))[0]).toMatchObject({
        issue: "hr",
        converged: false,
      });
      expect(await store.idealPoints("f1")).toEqual([
        point(2, 1, 2),
        point(2, 2, 2.25),
        point(365, 2, -1.5),
      ]);
      // The same id again replaces the fit and all its points.
      await store.saveIdealPointFit(fitRecord("f1", "v1", "2026-01-03T00:00:00.000Z"), [
        point(20, 5, 0.5),
      ]);
      expect(await store.idealPoints("f1")).toEqual([point(20, 5, 0.5)]);
      expect((await store.idealPointFits("v1")).map((f) => f.fittedAt)).toEqual([
        "2026-01-03T00:00:00.000Z",
      ]);
      expect(await store.idealPoints("f2")).toEqual([point(2, 70, 1)]);
    });

    it("bulk-loads an event file step by step: reader rejects by line, rules by id, duplicates", async () => {
      const store = await open();
      const lines = [
        gdeltRow(1, "20160512", "RUS", "CHN", "040", 1, 10),
        gdeltRow(2, "20160512", "CHN", "RUS", "999", 1, 10), // not a CAMEO code
        gdeltRow(3, "20160513", "AFR", "CHN", "190", -10, 1),
        gdeltRow(1, "20160512", "RUS", "CHN", "040", 1, 10), // repeated id
        gdeltRow(4, "20160514", "RUS", "CHN", "040", 1, 10).replace("\t1\t10\t", "\tx\t10\t"),
      ];
      const path = join(mkdtempSync(join(tmpdir(), "entente-contract-")), "e.CSV");
      writeFileSync(path, `${lines.join("\n")}\n`);
      const s = await store.beginEventLoad(meta("ev1", path), GDELT2);
      const read = await s.readCsv({ path, layout: GDELT2, columns: GDELT2.columns });
      expect(read.rowsRead).toBe(4);
      expect(read.rejects).toHaveLength(1);
      expect(read.rejects[0]?.line).toBe(5);
      expect(read.rejects[0]?.reason).toMatch(/GoldsteinScale/);
      expect(await s.invalidRecords()).toEqual([{ id: "2", reason: "EventCode" }]);
      expect(await s.deleteInvalid()).toBe(1);
      // From every row the file holds, the repeated event included: GDELT 2.0 rows give the
      // quarter hour up to each DATEADDED (two here, a day apart).
      const coverage = await s.coverage("e.CSV");
      const day12 = Date.UTC(2016, 4, 12) / 1000;
      expect(coverage.map((c) => [c.start, c.end])).toEqual([
        [day12 - 900, day12],
        [day12 + 86_400 - 900, day12 + 86_400],
      ]);
      const values = await s.countryValues();
      expect(values).toContainEqual({ value: "RUS", year: 2016, rows: 2 });
      await s.setCountries([
        { value: "RUS", year: 2016, ccode: 365 },
        { value: "CHN", year: 2016, ccode: 710 },
      ]);
      expect(await s.removeDuplicates()).toEqual({
        duplicates: 1,
        collisions: 0,
        collisionIds: [],
      });
      expect(await s.counts()).toEqual({ rows: 2, withoutDyad: 1 });
      const r = await s.commit({
        sha256: "ev1-hashed",
        linesRead: 5,
        rejects: [...read.rejects, { line: 2, reason: "EventCode" }],
        unresolved: [],
        rowsDuplicate: 1,
        coverage,
        verify: ok,
      });
      expect(r.rowsLoaded).toBe(2);
      // Two 15-minute updates: the quarter hours up to 2016-05-12 00:00 and 2016-05-13 00:00 UTC.
      const spans = await store.query<Record<string, unknown>>(
        "SELECT file_id, table_name, span_start, span_end, basis FROM event_coverage ORDER BY span_start",
      );
      const midnight = Date.UTC(2016, 4, 12) / 1000;
      expect(
        spans.map((x) => [
          Number(x.file_id),
          x.table_name,
          Number(x.span_start),
          Number(x.span_end),
        ]),
      ).toEqual([
        [r.fileId, "gdelt_events", midnight - 900, midnight],
        [r.fileId, "gdelt_events", midnight + 86_400 - 900, midnight + 86_400],
      ]);
      expect(spans[0]?.basis).toMatch(/GDELT 2\.0 update/);
      const rows = await store.query<Record<string, unknown>>(
        "SELECT event_id, event_code, actor1_ccode, actor2_ccode, file_id FROM gdelt_events ORDER BY event_id",
      );
      expect(rows).toEqual([
        { event_id: 1, event_code: "040", actor1_ccode: 365, actor2_ccode: 710, file_id: r.fileId },
        {
          event_id: 3,
          event_code: "190",
          actor1_ccode: null,
          actor2_ccode: 710,
          file_id: r.fileId,
        },
      ]);
      expect((await store.files())[0]).toMatchObject({
        sha256: "ev1-hashed",
        linesRead: 5,
        rowsRejected: 2,
      });
      expect(await store.hasFileOfSize(100)).toBe(true);
      expect(await store.hasFileOfSize(101)).toBe(false);
      // The event cube: the one event between two states; the volume: both events.
      const cube = await store.query<Record<string, unknown>>(
        "SELECT file_id, day, a, b, root, events, goldstein_sum, mentions FROM event_cube",
      );
      expect(cube.map((c) => ({ ...c, day: String(c.day).slice(0, 10) }))).toEqual([
        {
          file_id: r.fileId,
          day: "2016-05-12",
          a: 365,
          b: 710,
          root: "04",
          events: 1,
          goldstein_sum: 1,
          mentions: 10,
        },
      ]);
      const [volume] = await store.query<{ n: number }>(
        "SELECT sum(events) AS n FROM event_volume WHERE file_id = $1",
        [r.fileId],
      );
      expect(Number(volume?.n)).toBe(2);
      expect(await store.rejects(r.fileId)).toHaveLength(2);

      // A second file repeating event 1 and aborted: nothing of it stays.
      const path2 = join(mkdtempSync(join(tmpdir(), "entente-contract-")), "f.CSV");
      writeFileSync(path2, `${lines[0]}\n${gdeltRow(9, "20160601", "USA", "JPN", "040", 1, 1)}\n`);
      const s2 = await store.beginEventLoad(meta("ev2", path2), GDELT2);
      await s2.readCsv({ path: path2, layout: GDELT2, columns: GDELT2.columns });
      expect(await s2.removeDuplicates()).toMatchObject({ duplicates: 1 });
      await s2.abort();
      expect(await store.count("gdelt_events")).toBe(2);
      expect((await store.query("SELECT file_id FROM event_coverage")).length).toBe(2);
      expect(await store.files()).toHaveLength(1);
    });

    it("a new release replaces the old one's rows in one load, with a change report", async () => {
      const store = await open();
      const a = await loadRows(store, rel("r1", "1"), [
        [2, 1990, 1, 1],
        [2, 1991, 2, 2],
        [20, 1990, 5, 5],
      ]);
      expect(a.change).toBeUndefined();
      // Another file of the same release adds to it.
      const b = await loadRows(store, rel("r2", "1"), [[200, 1990, 7, 7]]);
      expect(b.change).toBeUndefined();
      // Another dataset holding a key of the new release: its row stays, the new one is a duplicate.
      const other = await loadRows(store, rel("o1", "x", "other-test"), [[365, 1991, 9, 9]]);
      const c = await loadRows(store, rel("r3", "2"), [
        [2, 1990, 1, 1], // unchanged
        [2, 1991, 3, 2], // changed
        [365, 1990, 4, 4], // added
        [365, 1991, 8, 8], // added, but held by the other dataset
        [2, 1990, 6, 6], // repeated within the file: the first line wins
      ]);
      expect([c.rowsLoaded, c.rowsDuplicate]).toEqual([3, 2]);
      expect(c.change).toMatchObject({
        dataset: "trade-test",
        table: "trade_national",
        release: "2",
        replaced: [{ release: "1", files: 2 }],
        rowsBefore: 4,
        rowsAfter: 4,
        added: 2,
        removed: 2,
        changed: 1,
        unchanged: 1,
      });
      expect(c.change?.examples.added).toEqual([
        { ccode: 365, year: 1990 },
        { ccode: 365, year: 1991 },
      ]);
      expect(c.change?.examples.removed).toEqual([
        { ccode: 20, year: 1990 },
        { ccode: 200, year: 1990 },
      ]);
      expect(c.change?.examples.changed).toEqual([
        { key: { ccode: 2, year: 1991 }, columns: [{ column: "imports", old: 2, new: 3 }] },
      ]);
      expect(await tradeRows(store)).toEqual([
        { ccode: 2, year: 1990, imports: 1 },
        { ccode: 2, year: 1991, imports: 3 },
        { ccode: 365, year: 1990, imports: 4 },
        { ccode: 365, year: 1991, imports: 9 },
      ]);
      expect(await states(store)).toEqual({
        [a.fileId]: "1:archived",
        [b.fileId]: "1:archived",
        [other.fileId]: "x:active",
        [c.fileId]: "2:active",
      });
      expect((await store.releases()).find((r) => r.fileId === a.fileId)?.replacedBy).toBe(
        c.fileId,
      );
      // The old rows are kept in the archive, with their file and line.
      expect(
        await store.query(
          "SELECT ccode, year, imports, file_id, line FROM archived_trade_national ORDER BY ccode, year",
        ),
      ).toEqual([
        { ccode: 2, year: 1990, imports: 1, file_id: a.fileId, line: 2 },
        { ccode: 2, year: 1991, imports: 2, file_id: a.fileId, line: 3 },
        { ccode: 20, year: 1990, imports: 5, file_id: a.fileId, line: 4 },
        { ccode: 200, year: 1990, imports: 7, file_id: b.fileId, line: 2 },
      ]);

      // A failed load of a third release changes nothing.
      const s = await store.beginLoad(rel("r4", "3"), "trade_national");
      s.append([2, 1990, 99, 99], 2);
      await expect(
        s.commit({
          linesRead: 1,
          rejects: [],
          unresolved: [],
          verify: () => {
            throw new AccountingError("mismatch");
          },
        }),
      ).rejects.toBeInstanceOf(AccountingError);
      await s.abort();
      expect((await tradeRows(store)).map((r) => r.imports)).toEqual([1, 3, 4, 9]);
      expect(await countOf(store, "archived_trade_national")).toBe(4);
      expect(await states(store)).toMatchObject({
        [c.fileId]: "2:active",
        [a.fileId]: "1:archived",
      });

      // Restore release 1: release 2 goes to the archive, 1 comes back.
      await expect(store.restoreRelease("trade-test", "9")).rejects.toMatchObject({
        message: "Dataset trade-test has no archived release 9",
        hint: expect.stringMatching(/^Archived releases of trade-test: 1 /),
      });
      const back = await store.restoreRelease("trade-test", "1");
      expect(back).toEqual({ dataset: "trade-test", release: "1", rows: 4, archived: ["2"] });
      expect((await tradeRows(store)).map((r) => [r.ccode, r.year, r.imports])).toEqual([
        [2, 1990, 1],
        [2, 1991, 2],
        [20, 1990, 5],
        [200, 1990, 7],
        [365, 1991, 9],
      ]);
      expect(await states(store)).toEqual({
        [a.fileId]: "1:active",
        [b.fileId]: "1:active",
        [other.fileId]: "x:active",
        [c.fileId]: "2:archived",
      });

      // Prune: release 2 is gone for good, and its file could be loaded again.
      const pruned = await store.pruneReleases();
      expect(pruned).toEqual({
        files: 1,
        rows: 3,
        releases: [{ dataset: "trade-test", release: "2", table: "trade_national" }],
      });
      expect(await store.findFileBySha("r3")).toBeNull();
      expect(await countOf(store, "archived_trade_national")).toBe(0);
      expect((await store.files()).map((f) => f.fileId)).toEqual([
        a.fileId,
        b.fileId,
        other.fileId,
      ]);
      expect(await store.pruneReleases()).toEqual({ files: 0, rows: 0, releases: [] });
    });

    it("refuses a restore whose keys another file now holds, changing nothing", async () => {
      const store = await open();
      await loadRows(store, rel("k1", "1"), [[2, 1990, 1, 1]]);
      await loadRows(store, rel("k2", "2"), [[2, 1991, 1, 1]]);
      await loadRows(store, rel("k3", "y", "other-test"), [[2, 1990, 5, 5]]);
      await expect(store.restoreRelease("trade-test", "1")).rejects.toThrow(
        /1 of its rows in trade_national have keys that other loaded files now hold/,
      );
      expect((await tradeRows(store)).map((r) => r.imports)).toEqual([5, 1]);
      expect(Object.values(await states(store)).sort()).toEqual([
        "1:archived",
        "2:active",
        "y:active",
      ]);
    });

    it("a re-delivered event file replaces the earlier delivery of its period", async () => {
      const store = await open();
      const dir = mkdtempSync(join(tmpdir(), "entente-contract-"));
      const load = async (sha: string, release: string, lines: string[]) => {
        const path = join(dir, `${sha}.CSV`);
        writeFileSync(path, `${lines.join("\n")}\n`);
        const m: FileMeta = {
          ...meta(sha, path),
          source: "gdelt2",
          sourceVersion: "2.0",
          dataset: "gdelt2:20160512000000",
          release,
        };
        const s = await store.beginEventLoad(m, GDELT2);
        const read = await s.readCsv({ path, layout: GDELT2, columns: GDELT2.columns });
        const coverage = await s.coverage(`${sha}.CSV`);
        const dups = await s.removeDuplicates();
        const counts = await s.counts();
        return s.commit({
          sha256: sha,
          linesRead: read.rowsRead,
          rejects: [],
          unresolved: [],
          rowsDuplicate: dups.duplicates,
          coverage,
          verify: (r) => expect(r.rowsLoaded).toBe(counts.rows),
        });
      };
      const first = await load("g1", "md5:aaa", [
        gdeltRow(1, "20160512", "RUS", "CHN", "040", 1, 10),
        gdeltRow(2, "20160512", "RUS", "CHN", "040", 1, 10),
        gdeltRow(3, "20160512", "RUS", "CHN", "040", 1, 10),
      ]);
      const second = await load("g2", "md5:bbb", [
        gdeltRow(1, "20160512", "RUS", "CHN", "040", 1, 12), // more mentions now
        gdeltRow(2, "20160512", "RUS", "CHN", "040", 1, 10),
        gdeltRow(4, "20160512", "RUS", "CHN", "040", 1, 10),
      ]);
      expect([second.rowsLoaded, second.rowsDuplicate]).toEqual([3, 0]);
      expect(second.change).toMatchObject({
        dataset: "gdelt2:20160512000000",
        release: "md5:bbb",
        replaced: [{ release: "md5:aaa", files: 1 }],
        added: 1,
        removed: 1,
        changed: 1,
        unchanged: 1,
      });
      expect(second.change?.examples.changed[0]).toMatchObject({
        key: { event_id: 1 },
        columns: expect.arrayContaining([{ column: "num_mentions", old: 10, new: 12 }]),
      });
      expect(
        await store.query(
          "SELECT event_id, num_mentions, file_id FROM gdelt_events ORDER BY event_id",
        ),
      ).toEqual([
        { event_id: 1, num_mentions: 12, file_id: second.fileId },
        { event_id: 2, num_mentions: 10, file_id: second.fileId },
        { event_id: 4, num_mentions: 10, file_id: second.fileId },
      ]);
      expect(await states(store)).toEqual({
        [first.fileId]: "md5:aaa:archived",
        [second.fileId]: "md5:bbb:active",
      });
      expect(await countOf(store, "archived_gdelt_events")).toBe(3);
    });
  });
}
