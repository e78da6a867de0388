/**
 * The bulk event loader on the real files of ../shared/data (skipped when absent). The expected
 * figures are those of gdelt_events/SOURCE.md and icews_events/SOURCE.md, checked independently
 * with awk on the raw files (noted next to each).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileReport } from "../../src/ingest/file-report.js";
import type { EventFileReport } from "../../src/ingest/load-events.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { dataFile, hasData, NO_DATA_REASON } from "../helpers.js";

type Report = FileReport & Partial<EventFileReport>;

/** One store per file, shared by the tests of its block (loading is the slow part). */
function loaded(rel: string) {
  const ctx: { store?: DuckDbStore; report?: Report; dir?: string } = {};
  beforeAll(async () => {
    ctx.dir = mkdtempSync(join(tmpdir(), "entente-real-events-"));
    ctx.store = await DuckDbStore.open(join(ctx.dir, "real.duckdb"));
    ctx.report = (await loadFile(ctx.store, dataFile(rel), { explicit: true })) as Report;
  });
  afterAll(async () => {
    await ctx.store?.close();
    if (ctx.dir) rmSync(ctx.dir, { recursive: true, force: true });
  });
  return {
    get store(): DuckDbStore {
      if (!ctx.store) throw new Error("store not open");
      return ctx.store;
    },
    get report(): Report {
      if (!ctx.report) throw new Error("not loaded");
      return ctx.report;
    },
  };
}

const n = async (store: DuckDbStore, sql: string): Promise<number> =>
  Number((await store.query<{ n: number }>(sql))[0]?.n);

const RUS_CHN = "(actor1_ccode IN (365, 710) OR actor2_ccode IN (365, 710))";
const BETWEEN =
  "((actor1_ccode = 365 AND actor2_ccode = 710) OR (actor1_ccode = 710 AND actor2_ccode = 365))";

describe.skipIf(!hasData)(`GDELT 2.0 export 20191024143000.export.CSV (${NO_DATA_REASON})`, () => {
  const t = loaded("gdelt_events/20191024143000.export.CSV");

  it("loads all 2,111 rows, none rejected or duplicate", () => {
    expect(t.report).toMatchObject({
      status: "loaded",
      source: "gdelt2-events",
      lines_read: 2111,
      rows_loaded: 2111,
      rows_rejected: 0,
      rows_duplicate: 0,
    });
    expect(t.report.unresolved).toBeUndefined();
  });

  it("counts the events without a dyad: 1,521 with a blank actor country + 48 regional/non-state", async () => {
    // awk: 1,521 lines with $8 or $18 empty; 1,569 adding AFR, EUR, SAF, SEA, BMU, PSE.
    expect(t.report.rows_without_dyad).toBe(1569);
    expect(
      await t.store.query(
        `SELECT DISTINCT c FROM (SELECT actor1_country c FROM gdelt_events WHERE actor1_ccode IS NULL
         UNION ALL SELECT actor2_country FROM gdelt_events WHERE actor2_ccode IS NULL)
         WHERE c IS NOT NULL ORDER BY c`,
      ),
    ).toEqual(["AFR", "BMU", "EUR", "PSE", "SAF", "SEA"].map((c) => ({ c })));
  });

  it("has 154 rows with a Russian or Chinese actor and 2 CHN → RUS rows (013, Goldstein 0.4)", async () => {
    expect(await n(t.store, `SELECT count(*) AS n FROM gdelt_events WHERE ${RUS_CHN}`)).toBe(154);
    expect(
      await t.store.query(
        `SELECT event_id, event_date, actor1_country, actor2_country, event_code, event_root_code,
                goldstein
         FROM gdelt_events WHERE ${BETWEEN} ORDER BY event_id`,
      ),
    ).toEqual(
      [881991299, 881991300].map((event_id) => ({
        event_id,
        event_date: "2019-10-24",
        actor1_country: "CHN",
        actor2_country: "RUS",
        event_code: "013",
        event_root_code: "01",
        goldstein: 0.4,
      })),
    );
  });

  it("reads every column from its position (dates, DATEADDED, codes, quad classes)", async () => {
    // awk: every $60 is 20191024143000; SQLDATE years 2019 ×2,087 and 2018 ×24.
    expect(
      await t.store.query("SELECT date_added, count(*) AS n FROM gdelt_events GROUP BY date_added"),
    ).toEqual([{ date_added: 20191024143000, n: 2111 }]);
    expect(
      await t.store.query(
        "SELECT year(event_date) AS y, count(*) AS n FROM gdelt_events GROUP BY y ORDER BY y",
      ),
    ).toEqual([
      { y: 2018, n: 24 },
      { y: 2019, n: 2087 },
    ]);
    expect(
      await n(
        t.store,
        `SELECT count(*) AS n FROM gdelt_events
         WHERE NOT starts_with(event_code, event_root_code) OR length(event_root_code) <> 2
            OR NOT starts_with(event_code, event_base_code) OR source_url NOT LIKE 'http%'
            OR version <> 2`,
      ),
    ).toBe(0);
    // GDELT's recorded QuadClass puts root 09 in material cooperation (2) and 14 in verbal
    // conflict (3): awk on $29/$30 gives 09 → 2 (45 rows) and 14 → 3 (31 rows).
    expect(
      await t.store.query(
        `SELECT event_root_code AS root, quad_class, count(*) AS n FROM gdelt_events
         WHERE event_root_code IN ('08', '09', '10', '13', '14', '15')
         GROUP BY ALL ORDER BY ALL`,
      ),
    ).toEqual([
      { root: "08", quad_class: 2, n: 116 },
      { root: "09", quad_class: 2, n: 45 },
      { root: "10", quad_class: 3, n: 21 },
      { root: "13", quad_class: 3, n: 24 },
      { root: "14", quad_class: 3, n: 31 },
      { root: "15", quad_class: 4, n: 2 },
    ]);
  });
});

describe.skipIf(!hasData)(`GDELT 1.0 sample gdelt1_sample_events.tsv (${NO_DATA_REASON})`, () => {
  const t = loaded("gdelt_events/gdelt1_sample_events.tsv");

  it("loads all 710 rows of 57 and 58 columns; the 201 back-file rows have no SOURCEURL", async () => {
    expect(t.report).toMatchObject({
      status: "loaded",
      source: "gdelt1-events",
      lines_read: 710,
      rows_loaded: 710,
      rows_rejected: 0,
      rows_duplicate: 0,
      rows_without_dyad: 536,
    });
    expect(
      await n(t.store, "SELECT count(*) AS n FROM gdelt_events WHERE source_url IS NULL"),
    ).toBe(201);
    // SOURCE.md: DATEADDED 20130203 ×193, 20130206 ×8 (the 57-column rows), 20160728 ×509.
    expect(
      await t.store.query(
        `SELECT date_added, source_url IS NULL AS no_url, count(*) AS n FROM gdelt_events
         GROUP BY ALL ORDER BY ALL`,
      ),
    ).toEqual([
      { date_added: 20130203, no_url: true, n: 193 },
      { date_added: 20130206, no_url: true, n: 8 },
      { date_added: 20160728, no_url: false, n: 509 },
    ]);
    expect(
      await t.store.query(
        "SELECT DISTINCT year(event_date) AS y FROM gdelt_events WHERE source_url IS NULL",
      ),
    ).toEqual([{ y: 1982 }]);
  });

  it("has 39 rows with a Russian or Chinese actor and one RUS → CHN event, code 020", async () => {
    expect(await n(t.store, `SELECT count(*) AS n FROM gdelt_events WHERE ${RUS_CHN}`)).toBe(39);
    expect(
      await t.store.query(
        `SELECT event_date, actor1_country, actor2_country, event_code, version
         FROM gdelt_events WHERE ${BETWEEN}`,
      ),
    ).toEqual([
      {
        event_date: "2016-07-28",
        actor1_country: "RUS",
        actor2_country: "CHN",
        event_code: "020",
        version: 1,
      },
    ]);
  });
});

describe.skipIf(!hasData)(`ICEWS events.2018.sample.tab (${NO_DATA_REASON})`, () => {
  const t = loaded("icews_events/events.2018.sample.tab");
  const RU_CN = "(source_ccode IN (365, 710) OR target_ccode IN (365, 710))";

  it("loads all 3,705 rows of 2018-06-01 and 06-02, with no duplicate or id collision", async () => {
    expect(t.report).toMatchObject({
      status: "loaded",
      source: "icews-events",
      lines_read: 3705,
      rows_loaded: 3705,
      rows_rejected: 0,
      rows_duplicate: 0,
      id_collisions: 0,
    });
    expect(
      await t.store.query(
        "SELECT event_date, count(*) AS n FROM icews_events GROUP BY ALL ORDER BY ALL",
      ),
    ).toEqual([
      { event_date: "2018-06-01", n: 2359 },
      { event_date: "2018-06-02", n: 1346 },
    ]);
  });

  it("resolves Russian Federation → 365 and China → 710: 563 rows, 8 between them", async () => {
    expect(await n(t.store, `SELECT count(*) AS n FROM icews_events WHERE ${RU_CN}`)).toBe(563);
    expect(
      await t.store.query(
        `SELECT DISTINCT source_country AS name, source_ccode AS ccode FROM icews_events
         WHERE source_ccode IN (365, 710) ORDER BY ccode`,
      ),
    ).toEqual([
      { name: "Russian Federation", ccode: 365 },
      { name: "China", ccode: 710 },
    ]);
    expect(
      await t.store.query(
        `SELECT cameo_code, count(*) AS n FROM icews_events
         WHERE (source_ccode = 365 AND target_ccode = 710) OR (source_ccode = 710 AND target_ccode = 365)
         GROUP BY ALL ORDER BY ALL`,
      ),
    ).toEqual([
      { cameo_code: "036", n: 4 },
      { cameo_code: "040", n: 2 },
      { cameo_code: "044", n: 2 },
    ]);
  });

  it("lists Occupied Palestinian Territory as unresolved: 83 actor fields on 78 rows", async () => {
    // awk: 78 rows name it as Source or Target Country, 5 of them as both (78 + 5 = 83).
    expect(t.report.unresolved?.[0]).toEqual({ name: "Occupied Palestinian Territory", rows: 83 });
    expect(
      await n(
        t.store,
        `SELECT count(*) AS n FROM icews_events WHERE 'Occupied Palestinian Territory' IN
         (source_country, target_country)`,
      ),
    ).toBe(78);
  });

  it("derives the quad class from the CAMEO root (METHODS.md) for every row", async () => {
    expect(
      await n(
        t.store,
        `SELECT count(*) AS n FROM icews_events WHERE quad_class IS DISTINCT FROM CASE
           WHEN substr(cameo_code, 1, 2) BETWEEN '01' AND '05' THEN 1
           WHEN substr(cameo_code, 1, 2) BETWEEN '06' AND '08' THEN 2
           WHEN substr(cameo_code, 1, 2) BETWEEN '09' AND '13' THEN 3
           WHEN substr(cameo_code, 1, 2) BETWEEN '14' AND '20' THEN 4 END`,
      ),
    ).toBe(0);
  });
});
