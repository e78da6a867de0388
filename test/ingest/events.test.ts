/**
 * Bulk loading of event files (GDELT 1.0/2.0, ICEWS; plain or zipped) through the public
 * loader, on the hand-written fixtures of test/fixtures/gdelt and test/fixtures/icews (their
 * README.md says what each line exercises). Every report must balance:
 * lines_read = rows_loaded + rows_rejected + rows_duplicate.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { FileReport } from "../../src/ingest/file-report.js";
import { ingest } from "../../src/ingest/index.js";
import type { EventFileReport } from "../../src/ingest/load-events.js";
import { lineViolation } from "../../src/ingest/load-events.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { GDELT1, GDELT2, ICEWS, ICEWS_COLUMNS } from "../../src/sources/events/layouts.js";
import { rejectReason } from "../../src/store/duckdb/duckdb-events.js";
import type { Store } from "../../src/store/store.js";
import { fixture, tempDir, tempStore } from "../helpers.js";

const G = (name: string) => fixture(`gdelt/${name}`);
const I = (name: string) => fixture(`icews/${name}`);

type Report = FileReport & Partial<EventFileReport>;

async function load(store: Store, path: string, explicit = true): Promise<Report> {
  return (await loadFile(store, path, { explicit })) as Report;
}

/** The accounting every loaded report keeps. */
function balanced(r: Report): void {
  expect(r.lines_read).toBe(r.rows_loaded + r.rows_rejected + r.rows_duplicate);
  expect(r.rows_read).toBe(r.lines_read);
  expect(r.rows_rejected).toBe(r.rejects?.length ?? 0);
}

/** Everything stored for the events of a table except the trace of the load (file_id). */
async function stored(store: Store, table: "gdelt_events" | "icews_events") {
  const rows = await store.query(`SELECT * EXCLUDE (file_id) FROM ${table} ORDER BY ALL`);
  return rows;
}

async function snapshot(store: Store) {
  return {
    files: (await store.files()).map((f) => [f.sha256, f.rowsLoaded]),
    gdelt: await stored(store, "gdelt_events"),
    icews: await stored(store, "icews_events"),
  };
}

describe("GDELT 2.0 export: a clean file", () => {
  it("loads every line, with the report and provenance balanced", async () => {
    const store = await tempStore();
    const r = await load(store, G("gdelt2_clean.export.CSV"));
    expect(r).toMatchObject({
      status: "loaded",
      source: "gdelt2-events",
      lines_read: 8,
      rows_loaded: 8,
      rows_rejected: 0,
      rows_duplicate: 0,
      rows_without_dyad: 1,
      encoding: "utf-8",
    });
    balanced(r);
    expect(r.rejects).toBeUndefined();
    expect(r.unresolved).toBeUndefined();
    // GDELT ids are unique: no collision report.
    expect(r.id_collisions).toBeUndefined();
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [p] = await store.files();
    expect(p).toMatchObject({
      path: G("gdelt2_clean.export.CSV"),
      source: "gdelt2-events",
      sourceVersion: "GDELT 2.0",
      table: "gdelt_events",
      linesRead: 8,
      rowsLoaded: 8,
      rowsRejected: 0,
      rowsDuplicate: 0,
      sha256: r.sha256,
    });
    expect(await store.count("gdelt_events")).toBe(8);
  });

  it("stores every column from its position, with event rows traced by file_id and event id", async () => {
    const store = await tempStore();
    await load(store, G("gdelt2_clean.export.CSV"));
    const [fileId] = (await store.files()).map((f) => f.fileId);
    const rows = await store.query("SELECT * FROM gdelt_events WHERE event_id = 1000000001");
    expect(rows).toEqual([
      {
        event_id: 1000000001,
        version: 2,
        event_date: "2019-11-01",
        actor1_code: "RUS",
        actor1_name: "RUSSIA",
        actor1_country: "RUS",
        actor1_ccode: 365,
        actor1_type: null,
        actor2_code: "CHN",
        actor2_name: "CHINA",
        actor2_country: "CHN",
        actor2_ccode: 710,
        actor2_type: null,
        is_root_event: true,
        event_code: "036",
        event_base_code: "036",
        event_root_code: "03",
        quad_class: 1,
        goldstein: 4,
        num_mentions: 10,
        num_sources: 2,
        num_articles: 10,
        avg_tone: 1.5,
        action_country: "CH",
        action_lat: 39.9289,
        action_long: 116.388,
        date_added: 20191101120000,
        source_url: "https://news.example.org/2019/11/01/putin-xi-talks",
        file_id: fileId,
        // Event rows are traced by file_id and their event id, not by line.
        line: null,
      },
    ]);
  });

  it("keeps the country-code table for the next load, and forgets one a failed load made", async () => {
    const store = await tempStore();
    // Fails after the read (its last line is cut): the table it made is rolled back with it.
    expect((await load(store, G("gdelt2_cut.export.CSV"))).status).toBe("failed");
    expect((await load(store, G("gdelt2_clean.export.CSV"))).status).toBe("loaded");
    const fresh = await tempStore();
    await load(fresh, G("gdelt2_clean.export.CSV"));
    const codes = (s: Store) =>
      s.query("SELECT event_id, actor1_ccode, actor2_ccode FROM gdelt_events ORDER BY event_id");
    const expected = await codes(fresh);
    expect(expected.filter((r) => r.actor1_ccode !== null).length).toBeGreaterThan(0);
    expect(await codes(store)).toEqual(expected);
    // A second file reads the same table; the connection holds one.
    const dir = tempDir();
    const next = join(dir, "20191101000000.export.CSV");
    writeFileSync(
      next,
      readFileSync(G("gdelt2_clean.export.CSV"), "utf8").replace(/^1000/gm, "2000"),
    );
    const r = await load(store, next);
    expect(r).toMatchObject({ status: "loaded", rows_duplicate: 0 });
    expect(
      await store.query(
        "SELECT actor1_ccode, actor2_ccode FROM gdelt_events WHERE event_id >= 2000000000 ORDER BY event_id",
      ),
    ).toEqual(expected.map(({ actor1_ccode, actor2_ccode }) => ({ actor1_ccode, actor2_ccode })));
    expect(
      await store.query(
        "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name LIKE 'entente_country_map%'",
      ),
    ).toEqual([{ n: 1 }]);
  });

  it("keeps CAMEO codes as strings with leading zeros, and GDELT's recorded QuadClass", async () => {
    const store = await tempStore();
    await load(store, G("gdelt2_clean.export.CSV"));
    const rows = await store.query(
      `SELECT event_id, actor1_country, actor1_ccode, actor2_country, actor2_ccode, actor1_type,
              actor2_type, is_root_event, event_code, event_base_code, event_root_code, quad_class,
              goldstein, event_date
       FROM gdelt_events ORDER BY event_id`,
    );
    expect(rows).toEqual([
      {
        event_id: 1000000001,
        actor1_country: "RUS",
        actor1_ccode: 365,
        actor2_country: "CHN",
        actor2_ccode: 710,
        actor1_type: null,
        actor2_type: null,
        is_root_event: true,
        event_code: "036",
        event_base_code: "036",
        event_root_code: "03",
        quad_class: 1,
        goldstein: 4,
        event_date: "2019-11-01",
      },
      {
        event_id: 1000000002,
        actor1_country: "CHN",
        actor1_ccode: 710,
        actor2_country: "RUS",
        actor2_ccode: 365,
        actor1_type: null,
        actor2_type: null,
        is_root_event: true,
        event_code: "013",
        event_base_code: "013",
        event_root_code: "01",
        quad_class: 1,
        goldstein: 0.4,
        event_date: "2019-11-01",
      },
      {
        event_id: 1000000003,
        actor1_country: "USA",
        actor1_ccode: 2,
        actor2_country: "RUS",
        actor2_ccode: 365,
        actor1_type: null,
        actor2_type: null,
        is_root_event: true,
        event_code: "0874",
        event_base_code: "087",
        event_root_code: "08",
        quad_class: 2,
        goldstein: 10,
        event_date: "2019-10-31",
      },
      {
        // Root 09 with GDELT's recorded QuadClass 2 (METHODS.md would say 3): kept as recorded.
        event_id: 1000000004,
        actor1_country: "RUS",
        actor1_ccode: 365,
        actor2_country: "CHN",
        actor2_ccode: 710,
        actor1_type: "GOV",
        actor2_type: "MIL",
        is_root_event: true,
        event_code: "090",
        event_base_code: "090",
        event_root_code: "09",
        quad_class: 2,
        goldstein: -2,
        event_date: "2019-11-01",
      },
      {
        // Root 14 with GDELT's recorded QuadClass 3 (METHODS.md would say 4).
        event_id: 1000000005,
        actor1_country: "CHN",
        actor1_ccode: 710,
        actor2_country: "USA",
        actor2_ccode: 2,
        actor1_type: null,
        actor2_type: null,
        is_root_event: true,
        event_code: "141",
        event_base_code: "141",
        event_root_code: "14",
        quad_class: 3,
        goldstein: -6.5,
        event_date: "2019-11-01",
      },
      {
        event_id: 1000000006,
        actor1_country: "FRA",
        actor1_ccode: 220,
        actor2_country: "DEU",
        actor2_ccode: 255,
        actor1_type: null,
        actor2_type: null,
        is_root_event: false,
        event_code: "010",
        event_base_code: "010",
        event_root_code: "01",
        quad_class: 1,
        goldstein: 0,
        event_date: "2019-11-01",
      },
      {
        event_id: 1000000007,
        actor1_country: null,
        actor1_ccode: null,
        actor2_country: "RUS",
        actor2_ccode: 365,
        actor1_type: null,
        actor2_type: null,
        is_root_event: true,
        event_code: "020",
        event_base_code: "020",
        event_root_code: "02",
        quad_class: 1,
        goldstein: 3,
        event_date: "2019-11-01",
      },
      {
        event_id: 1000000008,
        actor1_country: "RUS",
        actor1_ccode: 365,
        actor2_country: "UKR",
        actor2_ccode: 369,
        actor1_type: null,
        actor2_type: null,
        is_root_event: true,
        event_code: "190",
        event_base_code: "190",
        event_root_code: "19",
        quad_class: 4,
        goldstein: -10,
        event_date: "2018-12-31",
      },
    ]);
    const types = await store.query<{ t: string }>(
      "SELECT DISTINCT typeof(event_code) AS t FROM gdelt_events",
    );
    expect(types).toEqual([{ t: "VARCHAR" }]);
  });

  it("reports a second load of the same bytes as unchanged, even under another name", async () => {
    const store = await tempStore();
    const first = await load(store, G("gdelt2_clean.export.CSV"));
    const dir = tempDir();
    copyFileSync(G("gdelt2_clean.export.CSV"), join(dir, "copy.export.CSV"));
    const r = await ingest(store, [G("gdelt2_clean.export.CSV"), join(dir, "copy.export.CSV")]);
    expect(r.ok).toBe(true);
    for (const f of r.files) {
      expect(f).toMatchObject({
        status: "unchanged",
        source: "gdelt2-events",
        sha256: first.sha256,
        rows_loaded: 0,
      });
      expect(f.reason).toMatch(/^already loaded from .*gdelt2_clean\.export\.CSV on /);
    }
    expect(await store.count("gdelt_events")).toBe(8);
    expect(await store.files()).toHaveLength(1);
  });

  it("counts a GLOBALEVENTID already stored from another file as a duplicate, keeping the first", async () => {
    const store = await tempStore();
    await load(store, G("gdelt2_clean.export.CSV"));
    const dir = tempDir();
    const lines = readFileSync(G("gdelt2_clean.export.CSV"), "utf8").split("\n");
    // Line 1 again with another Goldstein, line 2 unchanged, and one new event.
    const again = [
      lines[0]?.replace("\t4.0\t", "\t9.9\t"),
      lines[1],
      lines[2]?.replace("1000000003", "1000000099"),
    ];
    const later = join(dir, "later.export.CSV");
    writeFileSync(later, `${again.join("\n")}\n`);
    const r = await load(store, later);
    expect(r).toMatchObject({ status: "loaded", lines_read: 3, rows_loaded: 1, rows_duplicate: 2 });
    balanced(r);
    expect(
      await store.query("SELECT goldstein FROM gdelt_events WHERE event_id = 1000000001"),
    ).toEqual([{ goldstein: 4 }]);
    expect(await store.count("gdelt_events")).toBe(9);
  });

  it("a re-delivered file of a period (same official name) replaces the earlier delivery", async () => {
    const store = await tempStore();
    const name = "20160512143000.export.CSV";
    const first = join(tempDir(), name);
    copyFileSync(G("gdelt2_clean.export.CSV"), first);
    expect(await load(store, first)).toMatchObject({ status: "loaded", rows_loaded: 8 });
    const lines = readFileSync(G("gdelt2_clean.export.CSV"), "utf8").trimEnd().split("\n");
    // The publisher's second delivery: event 1 revised, event 2 withdrawn, one event added.
    const again = [
      lines[0]?.replace("\t4.0\t", "\t9.9\t"),
      ...lines.slice(2),
      lines[2]?.replace("1000000003", "1000000099"),
    ];
    const second = join(tempDir(), name);
    writeFileSync(second, `${again.join("\n")}\n`);
    const r = await load(store, second);
    expect(r).toMatchObject({ status: "loaded", rows_loaded: 8, rows_duplicate: 0 });
    expect((r as FileReport).release_change).toMatchObject({
      dataset: "gdelt2:20160512143000",
      table: "gdelt_events",
      rowsBefore: 8,
      rowsAfter: 8,
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 6,
    });
    expect(
      await store.query("SELECT goldstein FROM gdelt_events WHERE event_id = 1000000001"),
    ).toEqual([{ goldstein: 9.9 }]);
    expect(await store.count("gdelt_events")).toBe(8);
  });

  it("reads CRLF line ends the same (no \\r left in SOURCEURL)", async () => {
    const dir = tempDir();
    const crlf = join(dir, "crlf.export.CSV");
    writeFileSync(
      crlf,
      readFileSync(G("gdelt2_clean.export.CSV"), "utf8").replaceAll("\n", "\r\n"),
    );
    const a = await tempStore();
    const b = await tempStore();
    const r = await load(a, crlf);
    await load(b, G("gdelt2_clean.export.CSV"));
    expect(r).toMatchObject({ status: "loaded", lines_read: 8, rows_loaded: 8 });
    expect(await stored(a, "gdelt_events")).toEqual(await stored(b, "gdelt_events"));
  });
});

describe("GDELT 2.0 export: broken lines", () => {
  const REJECTS = [
    { line: 2, reason: "expected 61 fields, found 60" },
    { line: 3, reason: 'GoldsteinScale: "abc" is not a valid double' },
    { line: 5, reason: 'SQLDATE: "20190231" is not a valid date' },
    { line: 6, reason: 'EventCode "999" is not a CAMEO event code' },
    { line: 7, reason: 'EventRootCode "04" does not match EventCode "036"' },
    { line: 13, reason: "SQLDATE is empty" },
  ];

  it("rejects with line numbers (blank lines counted), counts the duplicate and the events without a dyad", async () => {
    const store = await tempStore();
    const r = await load(store, G("gdelt2_rejects.export.CSV"));
    expect(r).toMatchObject({
      status: "loaded",
      source: "gdelt2-events",
      lines_read: 12,
      rows_loaded: 5,
      rows_rejected: 6,
      rows_duplicate: 1,
      rows_without_dyad: 3,
    });
    balanced(r);
    expect(r.rejects).toEqual(REJECTS);
    // AFR is a region and the empty code no country: neither is "unresolved"; XYZ is.
    expect(r.unresolved).toEqual([{ name: "cameo:XYZ", rows: 1 }]);
    const [p] = await store.files();
    expect(p).toMatchObject({ linesRead: 12, rowsLoaded: 5, rowsRejected: 6, rowsDuplicate: 1 });
    expect(await store.rejects(p?.fileId ?? -1)).toEqual(REJECTS);
    expect(await store.unresolved(p?.fileId ?? -1)).toEqual([{ name: "cameo:XYZ", rows: 1 }]);
  });

  it("keeps the first line of a repeated id and the regional, blank and unknown actors without a state", async () => {
    const store = await tempStore();
    await load(store, G("gdelt2_rejects.export.CSV"));
    expect(
      await store.query(
        `SELECT event_id, actor1_country, actor1_ccode, actor2_country, actor2_ccode, event_code,
                goldstein, source_url
         FROM gdelt_events ORDER BY event_id`,
      ),
    ).toEqual([
      {
        event_id: 2000000001,
        actor1_country: "RUS",
        actor1_ccode: 365,
        actor2_country: "CHN",
        actor2_ccode: 710,
        event_code: "036",
        goldstein: 4,
        source_url: "https://news.example.org/2019/11/01/a",
      },
      {
        event_id: 2000000009,
        actor1_country: "AFR",
        actor1_ccode: null,
        actor2_country: "RUS",
        actor2_ccode: 365,
        event_code: "051",
        goldstein: 3.4,
        source_url: "https://news.example.org/2019/11/01/g",
      },
      {
        event_id: 2000000010,
        actor1_country: "CHN",
        actor1_ccode: 710,
        actor2_country: null,
        actor2_ccode: null,
        event_code: "173",
        goldstein: -5,
        source_url: "https://news.example.org/2019/11/01/h",
      },
      {
        event_id: 2000000011,
        actor1_country: "XYZ",
        actor1_ccode: null,
        actor2_country: "CHN",
        actor2_ccode: 710,
        event_code: "043",
        goldstein: 2.8,
        source_url: "https://news.example.org/2019/11/01/i",
      },
      {
        event_id: 2000000012,
        actor1_country: "CHN",
        actor1_ccode: 710,
        actor2_country: "RUS",
        actor2_ccode: 365,
        event_code: "013",
        goldstein: 0.4,
        source_url: "https://news.example.org/2019/11/01/j",
      },
    ]);
  });

  it("reports a non-UTF-8 byte as a reject of its line", async () => {
    const dir = tempDir();
    const p = join(dir, "latin1.export.CSV");
    const lines = readFileSync(G("gdelt2_clean.export.CSV")).toString("latin1").split("\n");
    lines[3] = lines[3]?.replace("KREMLIN", "KREML\u00c9N") ?? "";
    writeFileSync(p, Buffer.from(lines.join("\n"), "latin1"));
    const store = await tempStore();
    const r = await load(store, p);
    expect(r).toMatchObject({ status: "loaded", lines_read: 8, rows_loaded: 7, rows_rejected: 1 });
    balanced(r);
    expect(r.rejects?.[0]?.line).toBe(4);
    expect(r.rejects?.[0]?.reason).toMatch(/Actor1Name.*not utf-8/i);
  });
});

describe("GDELT 1.0", () => {
  it("reads 57-column back-file rows and 58-column daily rows; a 56-column row is a reject", async () => {
    const store = await tempStore();
    const r = await load(store, G("gdelt1_mixed.tsv"));
    expect(r).toMatchObject({
      status: "loaded",
      source: "gdelt1-events",
      lines_read: 5,
      rows_loaded: 4,
      rows_rejected: 1,
      rows_duplicate: 0,
      rows_without_dyad: 0,
    });
    balanced(r);
    expect(r.rejects).toEqual([
      { line: 3, reason: "DATEADDED is missing: the line has 56 fields" },
    ]);
    expect((await store.files())[0]).toMatchObject({ sourceVersion: "GDELT 1.0" });
    expect(
      await store.query(
        `SELECT event_id, version, event_date, actor1_ccode, actor2_ccode, event_code, quad_class,
                action_country, action_lat, date_added, source_url
         FROM gdelt_events ORDER BY event_id`,
      ),
    ).toEqual([
      {
        event_id: 300000001,
        version: 1,
        event_date: "1982-03-15",
        actor1_ccode: 365,
        actor2_ccode: 710,
        event_code: "042",
        quad_class: 1,
        action_country: "CH",
        action_lat: 39.9289,
        date_added: 20130203,
        source_url: null,
      },
      {
        event_id: 300000002,
        version: 1,
        event_date: "1982-03-16",
        actor1_ccode: 710,
        actor2_ccode: 2,
        event_code: "112",
        quad_class: 3,
        action_country: null,
        action_lat: null,
        date_added: 20130203,
        source_url: null,
      },
      {
        event_id: 500000004,
        version: 1,
        event_date: "2016-07-27",
        actor1_ccode: 365,
        actor2_ccode: 710,
        event_code: "020",
        quad_class: 1,
        action_country: "RS",
        action_lat: 55.7522,
        date_added: 20160728,
        source_url: "http://news.example.com/2016/07/27/appeal",
      },
      {
        event_id: 500000005,
        version: 1,
        event_date: "2016-07-28",
        actor1_ccode: 710,
        actor2_ccode: 740,
        event_code: "051",
        quad_class: 1,
        action_country: "JA",
        action_lat: 35.685,
        date_added: 20160728,
        source_url: "http://news.example.com/2016/07/28/praise",
      },
    ]);
  });

  it("rejects a line with more than 58 fields", async () => {
    const dir = tempDir();
    const p = join(dir, "long.tsv");
    const lines = readFileSync(G("gdelt1_mixed.tsv"), "utf8").trimEnd().split("\n");
    writeFileSync(p, `${[lines[0], `${lines[3]}\tEXTRA`, lines[4]].join("\n")}\n`);
    const store = await tempStore();
    const r = await load(store, p);
    expect(r).toMatchObject({ status: "loaded", lines_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(r.rejects).toEqual([{ line: 2, reason: "expected 58 fields, found 59" }]);
  });

  // GDELT 1.0 is read with null padding (57-column rows), so a cut last line is not rejected by
  // the reader but breaks a rule: that too marks the file truncated.
  it("fails a file whose last line is cut without a line end (GDELT 1.0)", async () => {
    const dir = tempDir();
    const p = join(dir, "cut.tsv");
    const text = readFileSync(G("gdelt1_mixed.tsv"), "utf8");
    const first = text.split("\n")[0]?.split("\t") ?? [];
    writeFileSync(p, `${text}${first.slice(0, 20).join("\t")}`);
    const store = await tempStore();
    const r = await load(store, p);
    expect(r.status).toBe("failed");
    expect(r.error).toMatch(/cut\.tsv:6: the last line is incomplete.*truncated/);
  });
});

describe("ICEWS events (Dataverse .tab)", () => {
  const REJECTS = [
    { line: 8, reason: 'CAMEO Code "999" is not a CAMEO event code' },
    { line: 11, reason: 'Event Date: "2018-13-01" is not a valid date' },
  ];

  it("drops exact duplicate rows, keeps and reports id collisions, lists unresolved names", async () => {
    const store = await tempStore();
    const r = await load(store, I("icews_events.tab"));
    expect(r).toMatchObject({
      status: "loaded",
      source: "icews-events",
      lines_read: 10,
      rows_loaded: 7,
      rows_rejected: 2,
      rows_duplicate: 1,
      rows_without_dyad: 2,
      id_collisions: 1,
      id_collision_examples: ["90000003"],
    });
    balanced(r);
    expect(r.rejects).toEqual(REJECTS);
    expect(r.unresolved).toEqual([{ name: "Freedonia", rows: 1 }]);
    expect((await store.files())[0]).toMatchObject({
      source: "icews-events",
      sourceVersion: "ICEWS Dataverse (doi:10.7910/DVN/28075)",
      table: "icews_events",
      linesRead: 10,
      rowsLoaded: 7,
      rowsRejected: 2,
      rowsDuplicate: 1,
    });
  });

  it("resolves country names with the year, keeps codes as strings and derives the quad class from the root", async () => {
    const store = await tempStore();
    await load(store, I("icews_events.tab"));
    expect(
      await store.query(
        `SELECT event_id, event_date, source_country, source_ccode, target_country, target_ccode,
                cameo_code, quad_class, intensity, story_id, sentence_number
         FROM icews_events ORDER BY event_id, event_date`,
      ),
    ).toEqual([
      {
        event_id: 90000001,
        event_date: "2018-06-01",
        source_country: "Russian Federation",
        source_ccode: 365,
        target_country: "China",
        target_ccode: 710,
        cameo_code: "036",
        quad_class: 1,
        intensity: 4,
        story_id: 50000001,
        sentence_number: 1,
      },
      {
        event_id: 90000003,
        event_date: "2018-06-01",
        source_country: "China",
        source_ccode: 710,
        target_country: "Russian Federation",
        target_ccode: 365,
        cameo_code: "040",
        quad_class: 1,
        intensity: 1,
        story_id: 50000002,
        sentence_number: 3,
      },
      {
        event_id: 90000003,
        event_date: "2018-06-02",
        source_country: "China",
        source_ccode: 710,
        target_country: "Russian Federation",
        target_ccode: 365,
        cameo_code: "040",
        quad_class: 1,
        intensity: 1,
        story_id: 50000009,
        sentence_number: 1,
      },
      {
        event_id: 90000005,
        event_date: "2018-06-01",
        source_country: "Japan",
        source_ccode: 740,
        target_country: "China",
        target_ccode: 710,
        cameo_code: "042",
        quad_class: 1,
        intensity: 1.9,
        story_id: 50000003,
        sentence_number: 2,
      },
      {
        // Root 14 is material conflict (METHODS.md), unlike GDELT's recorded QuadClass.
        event_id: 90000006,
        event_date: "2018-06-01",
        source_country: "Freedonia",
        source_ccode: null,
        target_country: "Japan",
        target_ccode: 740,
        cameo_code: "141",
        quad_class: 4,
        intensity: -6.5,
        story_id: 50000004,
        sentence_number: 1,
      },
      {
        event_id: 90000008,
        event_date: "2018-06-02",
        source_country: "Russian Federation",
        source_ccode: 365,
        target_country: "Ukraine",
        target_ccode: 369,
        cameo_code: "1213",
        quad_class: 3,
        intensity: -9,
        story_id: 50000006,
        sentence_number: 4,
      },
      {
        event_id: 90000009,
        event_date: "2018-06-02",
        source_country: "Russian Federation",
        source_ccode: 365,
        target_country: null,
        target_ccode: null,
        cameo_code: "010",
        quad_class: 1,
        intensity: 0,
        story_id: 50000007,
        sentence_number: 1,
      },
    ]);
  });

  it("reads NA as null", async () => {
    const store = await tempStore();
    await load(store, I("icews_events.tab"));
    expect(
      await store.query(
        `SELECT target_sectors, city, district, province, country, latitude, longitude, line
         FROM icews_events WHERE event_id = 90000005`,
      ),
    ).toEqual([
      {
        target_sectors: null,
        city: null,
        district: null,
        province: null,
        country: "China",
        latitude: null,
        longitude: null,
        line: null,
      },
    ]);
    expect(
      await store.query<{ n: number }>(
        "SELECT count(*) AS n FROM icews_events WHERE district IS NOT NULL",
      ),
    ).toEqual([{ n: 0 }]);
  });

  it("counts rows identical to stored rows as duplicates and same-id rows from another file as collisions", async () => {
    const store = await tempStore();
    await load(store, I("icews_events.tab"));
    const lines = readFileSync(I("icews_events.tab"), "utf8").split("\n");
    const dir = tempDir();
    const p = join(dir, "events.later.tab");
    // header; line 2 again (duplicate); line 2's id with another date (a collision across files)
    writeFileSync(
      p,
      `${[lines[0], lines[1], lines[1]?.replace("2018-06-01", "2018-06-03")].join("\n")}\n`,
    );
    const r = await load(store, p);
    expect(r).toMatchObject({
      status: "loaded",
      lines_read: 2,
      rows_loaded: 1,
      rows_duplicate: 1,
      rows_rejected: 0,
      id_collisions: 1,
      id_collision_examples: ["90000001"],
    });
    balanced(r);
    expect(await store.count("icews_events")).toBe(8);
    const again = await load(store, I("icews_events.tab"));
    expect(again.status).toBe("unchanged");
  });

  it("reads the columns by the header, whatever their order, and CRLF line ends", async () => {
    const text = readFileSync(I("icews_events.tab"), "utf8");
    const reversed = text
      .trimEnd()
      .split("\n")
      .map((l) => l.split("\t").reverse().join("\t"))
      .join("\r\n");
    const dir = tempDir();
    const p = join(dir, "reversed.tab");
    writeFileSync(p, `${reversed}\r\n`);
    const a = await tempStore();
    const b = await tempStore();
    const r = await load(a, p);
    const plain = await load(b, I("icews_events.tab"));
    expect(r).toMatchObject({
      status: "loaded",
      lines_read: 10,
      rows_loaded: 7,
      rows_duplicate: 1,
      id_collisions: 1,
    });
    expect(r.rejects).toEqual(plain.rejects);
    expect(await stored(a, "icews_events")).toEqual(await stored(b, "icews_events"));
  });

  // A header with an empty or repeated column name (a trailing tab, as some spreadsheet exports
  // write) cannot be given to the store's reader: the file fails, the run goes on.
  it("fails a file whose header has an empty column name, without stopping the run", async () => {
    const dir = tempDir();
    const p = join(dir, "trailing-tab.tab");
    const text = readFileSync(I("icews_events.tab"), "utf8");
    writeFileSync(p, text.replaceAll("\n", "\t\n"));
    const store = await tempStore();
    const r = await ingest(store, [p, G("gdelt2_clean.export.CSV")]);
    expect(r.files[0]).toMatchObject({ status: "failed", source: "icews-events", rows_loaded: 0 });
    expect(r.files[0]?.error).toContain(`${p}:1: column 21 of the header has no name`);
    expect(r.files[0]?.error).not.toContain("\n");
    expect(r.files[1]).toMatchObject({ status: "loaded", rows_loaded: 8 });
    expect(await store.count("icews_events")).toBe(0);
  });
});

describe("zip archives", () => {
  it("load the same rows as the plain file, streamed without unpacking", async () => {
    const zipStore = await tempStore();
    const plainStore = await tempStore();
    const z = await load(zipStore, G("gdelt2_clean.export.CSV.zip"));
    const p = await load(plainStore, G("gdelt2_clean.export.CSV"));
    expect(z).toMatchObject({
      status: "loaded",
      source: "gdelt2-events",
      lines_read: 8,
      rows_loaded: 8,
      rows_rejected: 0,
      rows_duplicate: 0,
      rows_without_dyad: 1,
    });
    balanced(z);
    // The archive is the file loaded: its own bytes are hashed and recorded.
    expect(z.sha256).not.toBe(p.sha256);
    expect((await zipStore.files())[0]).toMatchObject({
      path: G("gdelt2_clean.export.CSV.zip"),
      sha256: z.sha256,
      rowsLoaded: 8,
    });
    expect(await stored(zipStore, "gdelt_events")).toEqual(
      await stored(plainStore, "gdelt_events"),
    );
    // The plain file after its archive: every event is already stored.
    const after = await load(zipStore, G("gdelt2_clean.export.CSV"));
    expect(after).toMatchObject({ status: "loaded", rows_loaded: 0, rows_duplicate: 8 });
    expect((await load(zipStore, G("gdelt2_clean.export.CSV.zip"))).status).toBe("unchanged");
  });

  it("fail a truncated archive with one line naming it, leaving the store as it was", async () => {
    const store = await tempStore();
    await load(store, G("gdelt2_rejects.export.CSV"));
    const before = await snapshot(store);
    const r = await load(store, G("truncated.export.CSV.zip"));
    expect(r).toMatchObject({ status: "failed", rows_loaded: 0, lines_read: 0 });
    expect(r.error).not.toContain("\n");
    expect(r.error).toContain(G("truncated.export.CSV.zip"));
    expect(r.error).toMatch(/not a readable zip archive.*truncated.*download it again/);
    expect(await snapshot(store)).toEqual(before);
    expect(await store.count("gdelt_events")).toBe(5);
    // Walked from a directory it fails too: a damaged archive is not an unknown format.
    const dir = tempDir();
    copyFileSync(G("truncated.export.CSV.zip"), join(dir, "t.zip"));
    const w = await ingest(store, [dir]);
    expect(w.ok).toBe(false);
    expect(w.files[0]?.status).toBe("failed");
  });

  it("fail an archive of two files with a message saying what to do", async () => {
    const store = await tempStore();
    const r = await load(store, G("two_files.zip"));
    expect(r.status).toBe("failed");
    expect(r.error).toBe(
      `${G("two_files.zip")}: the archive holds 2 files; Entente reads archives of one data file (as GDELT publishes them). Unpack it and load the files inside one by one, or zip each alone`,
    );
    const dir = tempDir();
    copyFileSync(G("two_files.zip"), join(dir, "two.zip"));
    // Walked from a directory: failed or skipped, but saying why.
    const w = await ingest(store, [dir]);
    expect(["failed", "skipped"]).toContain(w.files[0]?.status);
    expect(w.files[0]?.error ?? w.files[0]?.reason).toMatch(/holds 2 files/);
    expect(await store.count("gdelt_events")).toBe(0);
    expect(await store.files()).toEqual([]);
  });

  it("skip an archive of other data in a directory, fail it when named", async () => {
    const store = await tempStore();
    const dir = tempDir();
    copyFileSync(G("other_data.zip"), join(dir, "other.zip"));
    const w = await ingest(store, [dir]);
    expect(w.ok).toBe(true);
    expect(w.files[0]).toMatchObject({
      status: "skipped",
      reason: "zip archive of mentions_renamed.export.CSV, which is not GDELT or ICEWS event data",
    });
    const r = await load(store, G("other_data.zip"));
    expect(r.status).toBe("failed");
    expect(r.error).toMatch(
      /other_data\.zip: zip archive of mentions_renamed\.export\.CSV.*unpack/,
    );
  });
});

describe("files that look like event data but are not loadable", () => {
  const MENTIONS = "GDELT 2.0 mentions table (Entente loads the event export, not mentions)";

  it("skips a mentions table named like an export in a directory, and fails it when named", async () => {
    const store = await tempStore();
    const dir = tempDir();
    copyFileSync(G("mentions_renamed.export.CSV"), join(dir, "20191101120000.export.CSV"));
    const w = await ingest(store, [dir]);
    expect(w.ok).toBe(true);
    expect(w.files[0]).toMatchObject({ status: "skipped", reason: MENTIONS, rows_loaded: 0 });
    const r = await load(store, G("mentions_renamed.export.CSV"));
    expect(r.status).toBe("failed");
    expect(r.error).toContain(`mentions_renamed.export.CSV: ${MENTIONS}`);
    expect(await store.files()).toEqual([]);
  });

  it("fails a GDELT file cut in its last line (no line end), leaving the store as it was", async () => {
    const store = await tempStore();
    await load(store, I("icews_events.tab"));
    const before = await snapshot(store);
    const r = await load(store, G("gdelt2_cut.export.CSV"));
    expect(r).toMatchObject({ status: "failed", source: "gdelt2-events", rows_loaded: 0 });
    expect(r.error).toBe(
      `${G("gdelt2_cut.export.CSV")}:4: the last line is incomplete and has no line end. The file looks truncated; download it again`,
    );
    expect(await snapshot(store)).toEqual(before);
    expect(await store.count("gdelt_events")).toBe(0);
  });

  it("loads a last line that is complete but has no line end", async () => {
    const dir = tempDir();
    const p = join(dir, "noeol.export.CSV");
    writeFileSync(p, readFileSync(G("gdelt2_clean.export.CSV"), "utf8").trimEnd());
    const store = await tempStore();
    const r = await load(store, p);
    expect(r).toMatchObject({ status: "loaded", lines_read: 8, rows_loaded: 8 });
  });

  it("--source with an event layout fails a file that is not in it", async () => {
    const store = await tempStore();
    const r = await loadFile(store, fixture("cow_trade/national.csv"), {
      explicit: true,
      source: "gdelt2-events",
    });
    expect(r.status).toBe("failed");
    expect(r.error).toMatch(/national\.csv: not in the GDELT 2\.0 event export layout/);
  });

  it("--source gdelt2-events fails a GDELT 1.0 file instead of rejecting every line", async () => {
    const store = await tempStore();
    const r = await loadFile(store, G("gdelt1_mixed.tsv"), {
      explicit: true,
      source: "gdelt2-events",
    });
    expect(r.status).toBe("failed");
    expect(r.error).toMatch(
      /not in the GDELT 2\.0 event export layout \(it looks like GDELT 1\.0 events\)/,
    );
  });
});

// A lone "\r" inside a field stops DuckDB's strict reader ("The CSV Parser state machine reached
// an invalid state"): the file fails with one line naming it and the store is unchanged.
describe("a stray carriage return inside a field", () => {
  it("fails the file with one line naming it, leaving the store as it was", async () => {
    const dir = tempDir();
    const p = join(dir, "cr.export.CSV");
    const text = readFileSync(G("gdelt2_clean.export.CSV"), "utf8");
    writeFileSync(p, text.replace("UNITED STATES", "UNITED\rSTATES"));
    const store = await tempStore();
    await load(store, I("icews_events.tab"));
    const before = await snapshot(store);
    const r = await load(store, p);
    expect(r).toMatchObject({ status: "failed", source: "gdelt2-events", rows_loaded: 0 });
    expect(r.error).toMatch(/cr\.export\.CSV: cannot read cr\.export\.CSV: /);
    expect(r.error).not.toContain("\n");
    expect(await snapshot(store)).toEqual(before);
  });
});

describe("lineViolation (the rules checked on the lines of rejected records)", () => {
  const g2 = (over: Record<string, string>) => {
    const f = new Array<string>(61).fill("");
    const set = (name: string, v: string) => {
      f[GDELT2.columns.indexOf(name)] = v;
    };
    set("GLOBALEVENTID", "1");
    set("SQLDATE", "20191101");
    set("EventCode", "036");
    set("EventRootCode", "03");
    set("DATEADDED", "20191101120000");
    for (const [k, v] of Object.entries(over)) set(k, v);
    return f;
  };

  it("returns null for a line that keeps every rule, else the first rule broken", () => {
    expect(lineViolation(GDELT2, GDELT2.columns, g2({}))).toBeNull();
    expect(lineViolation(GDELT2, GDELT2.columns, g2({ GLOBALEVENTID: "" }))).toBe(
      "GLOBALEVENTID is empty",
    );
    expect(lineViolation(GDELT2, GDELT2.columns, g2({ EventCode: "36" }))).toBe(
      'EventCode "36" is not a CAMEO event code',
    );
    expect(lineViolation(GDELT2, GDELT2.columns, g2({ EventRootCode: "3" }))).toBe(
      'EventRootCode "3" does not match EventCode "036"',
    );
    // Two rules broken: the first in the layout's order is reported.
    expect(lineViolation(GDELT2, GDELT2.columns, g2({ SQLDATE: "", EventCode: "999" }))).toBe(
      "SQLDATE is empty",
    );
  });

  it("says a short line's field is missing (GDELT 1.0 is read padded)", () => {
    const f = g2({}).slice(0, 56);
    expect(lineViolation(GDELT1, GDELT1.columns, f)).toBe(
      "DATEADDED is missing: the line has 56 fields",
    );
  });

  it("reads NA as missing in ICEWS", () => {
    const f = ICEWS_COLUMNS.map(() => "x");
    const set = (name: string, v: string) => {
      f[ICEWS_COLUMNS.indexOf(name)] = v;
    };
    set("Event ID", "1");
    set("Event Date", "2018-06-01");
    set("CAMEO Code", "1213");
    expect(lineViolation(ICEWS, ICEWS_COLUMNS, f)).toBeNull();
    set("CAMEO Code", "NA");
    expect(lineViolation(ICEWS, ICEWS_COLUMNS, f)).toBe('CAMEO Code "" is not a CAMEO event code');
  });
});

describe("rejectReason (the store reader's errors, shortened)", () => {
  it("shortens field-count and conversion errors and keeps the first line of others", () => {
    expect(
      rejectReason(
        "MISSING COLUMNS",
        null,
        "Expected Number of Columns: 61 Found: 60\nPossible fixes: …",
      ),
    ).toBe("expected 61 fields, found 60");
    expect(
      rejectReason(
        "CAST",
        "GoldsteinScale",
        `Error when converting column "GoldsteinScale". Could not convert string "abc" to 'DOUBLE'`,
      ),
    ).toBe('GoldsteinScale: "abc" is not a valid double');
    expect(rejectReason("INVALID ENCODING", "Actor1Name", "Invalid unicode\nmore")).toBe(
      "invalid encoding in Actor1Name: Invalid unicode",
    );
  });
});
