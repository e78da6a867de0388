import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { StoreError } from "../../src/core/errors.js";
import { loadFile } from "../../src/ingest/load-file.js";
import { GDELT2 } from "../../src/sources/events/layouts.js";
import { keptScratches } from "../../src/store/clickhouse/clickhouse-events.js";
import { ClickHouseStore } from "../../src/store/clickhouse/clickhouse-store.js";
import { parseClickHouseUrl } from "../../src/store/clickhouse/url.js";
import { openStore } from "../../src/store/open.js";
import { SCHEMA_VERSION } from "../../src/store/schema-version.js";
import { NO_CLICKHOUSE_REASON, startClickHouse } from "../clickhouse/servers.js";
import {
  clickhouse,
  clickhouseStores,
  databaseName,
  dropDatabase,
  storeUrl,
} from "../clickhouse/stores.js";
import { gdeltRow } from "../event-rows.js";
import { tempDir } from "../helpers.js";
import { storeContract } from "./contract.js";

describe("clickhouse:// store URLs", () => {
  it("parses host, port, database and cluster; credentials come from the environment", () => {
    const env = { ENTENTE_CLICKHOUSE_USER: "analyst", ENTENTE_CLICKHOUSE_PASSWORD: "s3cret" };
    expect(parseClickHouseUrl("clickhouse://db.example.org:8123/entente", env)).toEqual({
      url: "http://db.example.org:8123",
      database: "entente",
      cluster: null,
      nodes: null,
      username: "analyst",
      password: "s3cret",
      display: "clickhouse://db.example.org:8123/entente",
    });
    const c = parseClickHouseUrl(
      "clickhouses://10.0.0.1:8443/gdelt?cluster=events&nodes=10.0.0.1:8443,10.0.0.2:8443",
      {},
    );
    expect(c).toMatchObject({
      url: "https://10.0.0.1:8443",
      cluster: "events",
      nodes: ["https://10.0.0.1:8443", "https://10.0.0.2:8443"],
      username: "default",
      password: "",
    });
  });

  it("refuses what it cannot use, with a hint", () => {
    for (const [url, msg] of [
      ["clickhouse://u:p@h:8123/db", /user or password/],
      ["clickhouse://h/db", /no port/],
      ["clickhouse://h:8123/", /Database name ""/],
      ["clickhouse://h:8123/my-db", /Database name "my-db"/],
      ["clickhouse://h:8123/db?cluster=x;DROP", /Cluster name/],
      ["clickhouse://h:8123/db?user=x", /Unknown store URL option "user"/],
      ["clickhouse://h:8123/db?nodes=h:1", /nodes= needs cluster=/],
      ["clickhouse://h:8123/db?cluster=c&nodes=h", /node "h" is not HOST:PORT/],
    ] as const) {
      expect(() => parseClickHouseUrl(url, {}), url).toThrow(msg);
    }
  });
});

const single = clickhouseStores("single");
const cluster = clickhouseStores("cluster");
afterEach(async () => {
  await single.cleanup();
  await cluster.cleanup();
});

if (clickhouse) {
  storeContract("clickhouse", () => single.open());
  storeContract("clickhouse 2-shard cluster", () => cluster.open());
} else {
  it.skip(`Store contract: clickhouse — ${NO_CLICKHOUSE_REASON}`, () => {});
}

describe.skipIf(!clickhouse)("ClickHouseStore", () => {
  it("is chosen by openStore for clickhouse:// and keeps data across reopen, read-only", async () => {
    const db = databaseName("ro");
    try {
      const a = await openStore(storeUrl(db, "single"));
      expect(a.kind).toBe("clickhouse");
      const s = await a.beginLoad(
        { path: "/x.csv", sha256: "f1", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
        "trade_national",
      );
      s.append([2, 2000, 1, 2], 2);
      await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: () => {} });
      await a.close();
      const b = await openStore(storeUrl(db, "single"), { readOnly: true });
      expect(await b.count("trade_national")).toBe(1);
      await expect(
        b.beginLoad(
          { path: "/y.csv", sha256: "f2", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
          "nmc",
        ),
      ).rejects.toThrow(/read-only/);
      // The server refuses writes too: the connection itself is read-only.
      await expect(b.query("CREATE TABLE evil (x Int32) ENGINE = Memory")).rejects.toThrow(
        /readonly|read-only|Cannot execute query in readonly mode/i,
      );
      await b.close();
    } finally {
      await dropDatabase(db, "single");
    }
  });

  it("migrates a version-6 store: files loaded before are their adapter's active release", async () => {
    const store = await single.open();
    const s = await store.beginLoad(
      { path: "/x.csv", sha256: "m5", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
      "trade_national",
    );
    s.append([2, 2000, 1, 2], 2);
    const r = await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: () => {} });
    for (const t of ["releases", "undl_votes", "trade_imts", "archived_trade_national"]) {
      await store.node.exec(`DROP TABLE ${t}`);
    }
    await store.node.exec("DROP TABLE schema_migrations");
    await store.node.exec(
      "CREATE TABLE schema_migrations (version UInt32, applied_at String) ENGINE = MergeTree() ORDER BY version",
    );
    await store.node.exec("INSERT INTO schema_migrations VALUES (6, '2026-01-01')");
    const again = await ClickHouseStore.open(storeUrl(store.where.database, "single"));
    try {
      expect(await again.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await again.releases()).toEqual([
        {
          fileId: r.fileId,
          dataset: "cow-nmc",
          release: "7.0",
          table: "trade_national",
          state: "active",
          replacedBy: null,
        },
      ]);
      expect(await again.count("undl_votes")).toBe(0);
    } finally {
      await again.close();
    }
  });

  it("migrates a version-2 store (before documents) to the current version", async () => {
    const store = await single.open();
    await store.node.exec("DROP TABLE documents");
    await store.node.exec("DROP TABLE schema_migrations");
    await store.node.exec(
      "CREATE TABLE schema_migrations (version UInt32, applied_at String) ENGINE = MergeTree() ORDER BY version",
    );
    await store.node.exec("INSERT INTO schema_migrations VALUES (2, '2026-01-01')");
    expect(await store.schemaVersion()).toBe(2);
    const again = await ClickHouseStore.open(storeUrl(store.where.database, "single"));
    try {
      expect(await again.schemaVersion()).toBe(SCHEMA_VERSION);
      expect(await again.count("documents")).toBe(0);
    } finally {
      await again.close();
    }
  });

  it("a read-only open of a missing database says so", async () => {
    const err = await openStore(storeUrl(databaseName("missing"), "single"), {
      readOnly: true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(/does not exist/);
  });

  it("says when the server refuses the login, and how to give credentials", async () => {
    const err = await ClickHouseStore.open(storeUrl(databaseName("auth"), "single"), {
      env: { ENTENTE_CLICKHOUSE_USER: "default", ENTENTE_CLICKHOUSE_PASSWORD: "wrong" },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(
      /refused the login: .*Wrong password for user default/,
    );
    expect((err as StoreError).hint).toMatch(
      /ENTENTE_CLICKHOUSE_USER and ENTENTE_CLICKHOUSE_PASSWORD/,
    );
  });

  it("names the server it cannot reach", async () => {
    const err = await ClickHouseStore.open("clickhouse://127.0.0.1:9/entente").catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(
      /Cannot reach ClickHouse at http:\/\/127\.0\.0\.1:9/,
    );
  });

  it("the literal helper round-trips every awkward character through the server", async () => {
    const store = await single.open();
    const texts = [
      "NUL \0 inside",
      "quote ' and \\' and ''",
      "backslash \\ \\\\ \\N \\0 \\t",
      "controls \b \f \u0001 \u001f \u007f",
      "lines \n \r\n tab \t",
      "Россия 中国 Côte d’Ivoire 🇷🇺 \u00a0",
      "",
    ];
    for (const t of texts) {
      const [r] = await store.query<{ v: string; n: number }>("SELECT $1 AS v, length($1) AS n", [
        t,
      ]);
      expect(r?.v, JSON.stringify(t)).toBe(t);
      expect(r?.n).toBe(Buffer.byteLength(t));
    }
    // The same through TabSeparated rows.
    const s = await store.beginLoad(
      { path: "/t", sha256: "nul", size: 1, source: "gdelt-cameo-eventcodes", sourceVersion: "1" },
      "cameo_eventcodes",
    );
    for (const [i, t] of texts.entries()) s.append(["gdelt", String(i), t, null], i + 2);
    await s.commit({ linesRead: texts.length, rejects: [], unresolved: [], verify: () => {} });
    const rows = await store.query<{ description: string }>(
      "SELECT description FROM cameo_eventcodes ORDER BY line",
    );
    expect(rows.map((r) => r.description)).toEqual(texts);
  });

  it("keeps one scratch for the next load, discards a failed load's, and removes it on close", async () => {
    const store = await single.open();
    const dir = tempDir();
    const file = (name: string, ids: readonly number[], cut = false) => {
      const path = join(dir, name);
      const rows = ids.map((id) => gdeltRow(id, "20150513", "RUS", "CHN", "040", 1, 10));
      // cut: the last line stops after 20 fields, without a line end (an interrupted download).
      const last = cut ? `${rows.pop()?.split("\t").slice(0, 20).join("\t")}` : "";
      writeFileSync(path, `${rows.join("\n")}\n${last}`);
      return path;
    };
    const ok = (name: string, ids: readonly number[]) =>
      loadFile(store, file(name, ids), { explicit: true });
    expect(await ok("20150513000000.export.CSV", [1, 2, 3])).toMatchObject({ rows_loaded: 3 });
    const [kept] = keptScratches(store);
    expect(kept && existsSync(kept)).toBe(true);
    expect(await ok("20150513001500.export.CSV", [4, 5])).toMatchObject({ rows_loaded: 2 });
    expect(keptScratches(store)).toEqual([kept]);
    // A file cut in its last line fails after the read: its scratch is not kept.
    const cut = await loadFile(store, file("20150513003000.export.CSV", [6, 7], true), {
      explicit: true,
    });
    expect(cut.status).toBe("failed");
    expect(keptScratches(store)).toEqual([]);
    expect(kept && existsSync(kept)).toBe(false);
    expect(await ok("20150513004500.export.CSV", [8])).toMatchObject({ rows_loaded: 1 });
    expect(await store.count("gdelt_events")).toBe(6);
    const last = keptScratches(store);
    expect(last).toHaveLength(1);
    await store.close();
    expect(existsSync(last[0] as string)).toBe(false);
  });

  it("attaches a file's staged rows when none is stored yet, and copies the fresh ones otherwise", async () => {
    // A server of its own: the count read below is the whole server's, and the shared one
    // serves other test files at the same time.
    const server = await startClickHouse();
    const store = await ClickHouseStore.open(`clickhouse://${new URL(server.url).host}/attach`);
    onTestFinished(async () => {
      await store.close();
      await server.stop();
    });
    // Rows inserted by the server so far: an attached partition is not inserted again, a copy is.
    const inserted = async () =>
      Number(
        (
          await store.node.query<{ v: string }>(
            "SELECT value AS v FROM system.events WHERE event = 'InsertedRows'",
          )
        )[0]?.v ?? 0,
      );
    const dir = tempDir();
    const file = (name: string, ids: readonly number[]) => {
      const path = join(dir, name);
      const rows = ids.map((id) => gdeltRow(id, "20150513", "RUS", "CHN", "040", 1, 10));
      writeFileSync(path, `${rows.join("\n")}\n`);
      return path;
    };
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    let before = await inserted();
    const first = await loadFile(store, file("20150513000000.export.CSV", ids(1, 50)), {
      explicit: true,
    });
    expect(first).toMatchObject({ status: "loaded", rows_loaded: 50, rows_duplicate: 0 });
    const attached = (await inserted()) - before;
    // The 50 staged rows and a few small rows (cube, volume, coverage, release, provenance,
    // journal), not the 50 rows a second time.
    expect(attached).toBeGreaterThanOrEqual(50);
    expect(attached).toBeLessThan(70);
    before = await inserted();
    const second = await loadFile(store, file("20150513001500.export.CSV", ids(50, 50)), {
      explicit: true,
    });
    expect(second).toMatchObject({ status: "loaded", rows_loaded: 49, rows_duplicate: 1 });
    // Staged (50), then the 49 fresh ones copied into the event table.
    expect((await inserted()) - before).toBeGreaterThanOrEqual(99);
    expect(await store.count("gdelt_events")).toBe(99);
  });

  for (const kind of ["single", "cluster"] as const) {
    it(`${kind}: a move that fails half-way leaves no rows and no provenance`, async () => {
      const store = await (kind === "single" ? single : cluster).open();
      const lines = [
        gdeltRow(1, "20150512", "RUS", "CHN", "040", 1, 10),
        gdeltRow(2, "20150513", "CHN", "RUS", "040", 1, 10),
        gdeltRow(3, "20160512", "RUS", "CHN", "190", -10, 1),
        gdeltRow(4, "20160514", "USA", "CHN", "040", 1, 10),
      ];
      const path = join(tempDir(), "e.CSV");
      writeFileSync(path, `${lines.join("\n")}\n`);
      const meta = { path, sha256: "half", size: 1, source: "gdelt2-events", sourceVersion: "2.0" };
      const s = await store.beginEventLoad(meta, GDELT2);
      await s.readCsv({ path, layout: GDELT2, columns: GDELT2.columns });
      expect(await s.removeDuplicates()).toMatchObject({ duplicates: 0 });
      expect(await s.counts()).toMatchObject({ rows: 4 });
      // Sabotage: one year of the staged rows disappears after they were counted, before the
      // cube and the move (as if the server failed between two partitions).
      const stage = (s as unknown as { stage: string }).stage;
      await store.node.exec(`ALTER TABLE \`${stage}\` DROP PARTITION '2016'`);
      await expect(
        s.commit({
          sha256: "half",
          linesRead: 4,
          rejects: [],
          unresolved: [],
          rowsDuplicate: 0,
          coverage: await s.coverage("e.CSV"),
          verify: () => {},
        }),
      ).rejects.toThrow(
        // No country codes were set in this session: no row has a dyad, all four are volume.
        /the event cube holds 0 events and the volume 2, but 0 of the 4 rows to load are between two states/,
      );
      expect(await store.count("gdelt_events")).toBe(0);
      // The cube rows written before the check are gone too.
      for (const t of ["event_cube", "event_volume"]) {
        expect(await store.query(`SELECT file_id FROM ${t}`)).toEqual([]);
      }
      expect((await store.query("SELECT file_id FROM event_coverage")).length).toBe(0);
      expect(await store.files()).toEqual([]);
      const stages = await store.query<{ n: number }>(
        "SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name LIKE '\\_stage%'",
      );
      expect(stages[0]?.n).toBe(0);
    });
  }

  for (const kind of ["single", "cluster"] as const) {
    it(`${kind}: a re-delivery whose move fails half-way puts the earlier delivery back`, async () => {
      const store = await (kind === "single" ? single : cluster).open();
      const dir = tempDir();
      const load = async (sha: string, release: string, lines: string[], sabotage: boolean) => {
        const path = join(dir, `${sha}.CSV`);
        writeFileSync(path, `${lines.join("\n")}\n`);
        const meta = {
          path,
          sha256: sha,
          size: 1,
          source: "gdelt2-events",
          sourceVersion: "2.0",
          dataset: "gdelt2:x",
          release,
        };
        const s = await store.beginEventLoad(meta, GDELT2);
        await s.readCsv({ path, layout: GDELT2, columns: GDELT2.columns });
        await s.removeDuplicates();
        await s.counts();
        if (sabotage) {
          const stage = (s as unknown as { stage: string }).stage;
          await store.node.exec(`ALTER TABLE \`${stage}\` DROP PARTITION '2016'`);
        }
        return s.commit({
          sha256: sha,
          linesRead: lines.length,
          rejects: [],
          unresolved: [],
          rowsDuplicate: 0,
          coverage: await s.coverage(`${sha}.CSV`),
          verify: () => {},
        });
      };
      const first = await load(
        "d1",
        "a",
        [
          gdeltRow(1, "20150512", "RUS", "CHN", "040", 1, 10),
          gdeltRow(2, "20160512", "RUS", "CHN", "040", 1, 10),
        ],
        false,
      );
      await expect(
        load(
          "d2",
          "b",
          [
            gdeltRow(1, "20150512", "RUS", "CHN", "040", 1, 11),
            gdeltRow(3, "20160512", "RUS", "CHN", "040", 1, 10),
          ],
          true,
        ),
        // The sabotaged stage fails the cube's check (written first) or the move's count.
      ).rejects.toThrow(/event cube holds 0 events|1 rows reached gdelt_events, 2 expected/);
      expect(
        await store.query(
          "SELECT event_id, num_mentions, file_id FROM gdelt_events ORDER BY event_id",
        ),
      ).toEqual([
        { event_id: 1, num_mentions: 10, file_id: first.fileId },
        { event_id: 2, num_mentions: 10, file_id: first.fileId },
      ]);
      expect(await store.query("SELECT count() AS n FROM archived_gdelt_events")).toEqual([
        { n: 0 },
      ]);
      expect((await store.releases()).map((r) => [r.fileId, r.release, r.state])).toEqual([
        [first.fileId, "a", "active"],
      ]);
      expect((await store.files()).map((f) => f.sha256)).toEqual(["d1"]);
    });
  }

  it("on a cluster puts event rows on both shards, and reads them all through the coordinator", async () => {
    const store = await cluster.open();
    const s = await store.beginLoad(
      { path: "/x.csv", sha256: "c1", size: 1, source: "cow-nmc", sourceVersion: "7.0" },
      "trade_national",
    );
    s.append([2, 2000, 1, 2], 2);
    await s.commit({ linesRead: 1, rejects: [], unresolved: [], verify: () => {} });
    const engines = await store.query<{ name: string; engine: string }>(
      "SELECT name, engine FROM system.tables WHERE database = currentDatabase() AND name IN ('gdelt_events', 'icews_events', 'trade_national') ORDER BY name",
    );
    expect(engines).toEqual([
      { name: "gdelt_events", engine: "Distributed" },
      { name: "icews_events", engine: "Distributed" },
      { name: "trade_national", engine: "MergeTree" },
    ]);
    expect(store.shards).toHaveLength(2);
    for (const shard of store.shards) {
      const t = await shard.query<{ n: number }>(
        "SELECT count() AS n FROM system.tables WHERE database = currentDatabase() AND name = 'gdelt_events_local'",
      );
      expect(t[0]?.n).toBe(1);
    }
  });
});
