import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/index.js";
import { DuckDbStore } from "../../src/store/duckdb/duckdb-store.js";
import { SCHEMA_VERSION } from "../../src/store/schema-version.js";
import { dataFile, fixture, hasData, tempDir, tempStore } from "../helpers.js";
import { storeContract } from "./contract.js";

storeContract("duckdb", tempStore);

/** The tables migration 5 adds (IGO memberships, contiguity, disputes). */
const V5_TABLES = ["igo_dyad_year", "contiguity", "mid_dyad_year"] as const;
/** The tables migration 6 adds (UN ideal points). */
const V6_TABLES = ["un_matches", "un_ideal_fits", "un_ideal_points"] as const;
/** The tables migration 7 adds (the event cube). */
const V7_TABLES = ["event_cube", "event_volume"] as const;

describe("DuckDbStore", () => {
  it("keeps data across close and reopen, and opens read-only", async () => {
    const path = join(tempDir(), "s.duckdb");
    const a = await DuckDbStore.open(path);
    const s = await a.beginLoad(
      { path: "/x.csv", sha256: "f1", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
      "trade_national",
    );
    s.append([2, 2000, 1, 2], 2);
    await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: () => {} });
    await a.close();
    const b = await DuckDbStore.open(path, { readOnly: true });
    expect(await b.count("trade_national")).toBe(1);
    await expect(
      b.beginLoad(
        { path: "/y.csv", sha256: "f2", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
        "nmc",
      ),
    ).rejects.toThrow(/read-only/);
    await b.close();
  });

  it("stores the event tables' code columns with dictionary compression, the rest as DuckDB chooses", async () => {
    const path = join(tempDir(), "s.duckdb");
    const store = await DuckDbStore.open(path);
    await ingest(store, [fixture("gdelt/gdelt2_rejects.export.CSV")]);
    await store.query("CHECKPOINT");
    const rows = await store.query<{ column_name: string; compression: string }>(
      `SELECT DISTINCT column_name, compression FROM pragma_storage_info('gdelt_events')
       WHERE segment_type = 'VARCHAR' ORDER BY column_name`,
    );
    const of = (name: string) =>
      rows.filter((r) => r.column_name === name).map((r) => r.compression);
    for (const name of ["actor1_country", "actor2_code", "event_code", "event_root_code"]) {
      expect(of(name), name).toEqual(["Dictionary"]);
    }
    // A URL column is left to DuckDB's analysis (any method it picks, never forced).
    expect(of("source_url")).toHaveLength(1);
    await store.close();
  });

  it("refuses to open a missing store read-only, naming the path", async () => {
    const path = join(tempDir(), "nope.duckdb");
    await expect(DuckDbStore.open(path, { readOnly: true })).rejects.toThrow(
      /nope\.duckdb does not exist/,
    );
  });

  it("migrates a version-2 store (before documents) to the current version, keeping its data", async () => {
    const path = join(tempDir(), "v2.duckdb");
    const a = await DuckDbStore.open(path);
    const s = await a.beginLoad(
      { path: "/x.csv", sha256: "f1", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
      "trade_national",
    );
    s.append([2, 2000, 1, 2], 2);
    await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: () => {} });
    // Back to what version 2 wrote: no documents table, version 2 in meta.
    await a.query("DROP TABLE documents");
    await a.query("DROP TABLE event_coverage");
    for (const t of [...V5_TABLES, ...V6_TABLES, ...V7_TABLES]) await a.query(`DROP TABLE ${t}`);
    await a.query("UPDATE meta SET value = '2' WHERE key = 'schema_version'");
    expect(await a.schemaVersion()).toBe(2);
    await a.close();
    const b = await DuckDbStore.open(path);
    expect(await b.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await b.count("documents")).toBe(0);
    for (const t of V5_TABLES) expect(await b.count(t)).toBe(0);
    expect(await b.count("trade_national")).toBe(1);
    await b.close();
  });

  it("migrates a version-6 store: files loaded before are their adapter's active release", async () => {
    const path = join(tempDir(), "v5.duckdb");
    const a = await DuckDbStore.open(path);
    const s = await a.beginLoad(
      { path: "/x.csv", sha256: "f1", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
      "trade_national",
    );
    s.append([2, 2000, 1, 2], 2);
    const r = await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: () => {} });
    const archives = await a.query<{ t: string }>(
      "SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'archived\\_%' ESCAPE '\\'",
    );
    expect(archives.length).toBeGreaterThan(20);
    for (const t of ["releases", "undl_votes", "trade_imts", ...archives.map((x) => x.t)]) {
      await a.query(`DROP TABLE ${t}`);
    }
    await a.query("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    await a.close();
    const b = await DuckDbStore.open(path);
    expect(await b.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await b.releases()).toEqual([
      {
        fileId: r.fileId,
        dataset: "cow-nmc",
        release: "7.0",
        table: "trade_national",
        state: "active",
        replacedBy: null,
      },
    ]);
    expect(await b.count("undl_votes")).toBe(0);
    await b.close();
  });

  it("a read-only open of an older store upgrades it first (read commands query the new tables)", async () => {
    const path = join(tempDir(), "old.duckdb");
    const a = await DuckDbStore.open(path);
    await a.query("DROP TABLE trade_imts");
    await a.query("UPDATE meta SET value = '6' WHERE key = 'schema_version'");
    await a.close();
    const ro = await DuckDbStore.open(path, { readOnly: true });
    expect(await ro.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await ro.count("trade_imts")).toBe(0);
    await ro.close();
    // A DuckDB file that is not an Entente store (no version) is not written to.
    const other = join(tempDir(), "other.duckdb");
    const o = await DuckDbStore.open(other);
    await o.query("DROP TABLE meta");
    await o.close();
    const ro2 = await DuckDbStore.open(other, { readOnly: true });
    expect(await ro2.schemaVersion()).toBe(0);
    await ro2.close();
  });

  it.skipIf(!hasData)(
    "migrates a version-3 store: the spans of its event files come from their rows",
    async () => {
      const path = join(tempDir(), "v3.duckdb");
      const a = await DuckDbStore.open(path);
      const r = await ingest(a, [dataFile("gdelt_events/20191024143000.export.CSV")]);
      expect(r.ok).toBe(true);
      await a.query("DROP TABLE event_coverage");
      for (const t of [...V5_TABLES, ...V6_TABLES, ...V7_TABLES]) await a.query(`DROP TABLE ${t}`);
      await a.query("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
      await a.close();
      const b = await DuckDbStore.open(path);
      expect(await b.schemaVersion()).toBe(SCHEMA_VERSION);
      const spans = await b.query<{ s: number; e: number }>(
        "SELECT span_start AS s, span_end AS e FROM event_coverage",
      );
      const stamp = Date.UTC(2019, 9, 24, 14, 30) / 1000;
      expect(spans).toEqual([{ s: stamp - 900, e: stamp }]);
      await b.close();
    },
  );

  it("migrates a version-5 store (before ideal points) to the current version, keeping its data", async () => {
    const path = join(tempDir(), "v5.duckdb");
    const a = await DuckDbStore.open(path);
    const s = await a.beginLoad(
      { path: "/v.csv", sha256: "v1", size: 1, source: "unga-voeten-votes", sourceVersion: "x" },
      "un_votes",
    );
    s.append([3, 1, 2, "2", 1, "cow:2"], 2);
    await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: () => {} });
    for (const t of [...V6_TABLES, ...V7_TABLES]) await a.query(`DROP TABLE ${t}`);
    await a.query("UPDATE meta SET value = '5' WHERE key = 'schema_version'");
    await a.close();
    const b = await DuckDbStore.open(path);
    expect(await b.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(await b.count("un_matches")).toBe(0);
    expect(await b.idealPointFits()).toEqual([]);
    expect(await b.count("un_votes")).toBe(1);
    await b.close();
  });
});
