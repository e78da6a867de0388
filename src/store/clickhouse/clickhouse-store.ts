/**
 * The Store contract over ClickHouse's HTTP interface (@clickhouse/client), for stores larger
 * than one machine. Written for the SQL ClickHouse 18.16 (Debian 12) understands: no query
 * parameters (values become literals in ./literal.ts), no window functions, no transactions.
 *
 * Loads are staged and moved: rows go to a staging table, are checked there, and reach the data
 * table in one INSERT … SELECT; the provenance row is written last. A load that fails before the
 * move leaves nothing; one that fails during it is deleted again by file_id (`removeFile`).
 */
import { StoreError } from "../../core/errors.js";
import type { EventLayout } from "../bulk-csv.js";
import { CLICKHOUSE_DIALECT } from "../dialect.js";
import { SCHEMA_VERSION } from "../duckdb/ddl.js";
import { backfillSpans, type CoverageSpan } from "../event-coverage.js";
import {
  PROVENANCE_COLUMNS,
  provenanceRecord,
  REJECTS_SQL,
  UNRESOLVED_SQL,
} from "../provenance.js";
import { TABLES, type TableName } from "../schema.js";
import type {
  EventLoadSession,
  FileMeta,
  LoadSession,
  ProvenanceRecord,
  Reject,
  Store,
  StoreCapabilities,
  UnresolvedName,
} from "../store.js";
import { ClickHouseEventSession } from "./clickhouse-events.js";
import { ClickHouseLoadSession, writeCoverage } from "./clickhouse-load.js";
import { ChNode } from "./connection.js";
import { bookkeepingDdl, chIdent, createTableDdl, DATA_TABLES, EVENT_TABLES } from "./ddl.js";
import { stringLiteral } from "./literal.js";
import { type ClickHouseLocation, parseClickHouseUrl } from "./url.js";

export interface ClickHouseOpenOptions {
  readonly readOnly?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export class ClickHouseStore implements Store {
  readonly kind = "clickhouse" as const;
  readonly capabilities: StoreCapabilities = {
    transactions: false,
    boundParameters: false,
    windowFunctions: false,
    listColumns: true,
  };
  readonly sql = CLICKHOUSE_DIALECT;
  private stageCounter = 0;

  private constructor(
    readonly where: ClickHouseLocation,
    readonly readOnly: boolean,
    /** The coordinator: every query and every small table. */
    readonly node: ChNode,
    /** Every shard of a cluster (the coordinator among them); empty on a single node. */
    readonly shards: readonly ChNode[],
  ) {}

  get location(): string {
    return this.where.display;
  }

  get cluster(): string | null {
    return this.where.cluster;
  }

  /** Open (creating the database and tables when writable) the store at a clickhouse:// URL. */
  static async open(location: string, opts: ClickHouseOpenOptions = {}): Promise<ClickHouseStore> {
    const where = parseClickHouseUrl(location, opts.env);
    const readOnly = opts.readOnly ?? false;
    const base = {
      username: where.username,
      password: where.password,
      readOnly,
      distributedSync: where.cluster !== null,
    };
    const admin = new ChNode({ ...base, url: where.url, database: null });
    try {
      const dbs = await admin.query<{ n: number }>(
        `SELECT count() AS n FROM system.databases WHERE name = ${stringLiteral(where.database)}`,
      );
      if (!dbs[0]?.n) {
        if (readOnly) {
          throw new StoreError("store_missing", `Store ${where.display} does not exist`, {
            hint: "Load data first with `entente ingest --store <url> <files>`",
          });
        }
        await admin.exec(`CREATE DATABASE IF NOT EXISTS ${chIdent(where.database)}`);
      }
      let shardUrls: string[] = [];
      if (where.cluster !== null) shardUrls = await clusterNodes(admin, where);
      if (!readOnly) {
        // The shard-local tables need the database on every shard.
        for (const url of shardUrls) {
          const shardAdmin = new ChNode({ ...base, url, database: null });
          try {
            await shardAdmin.exec(`CREATE DATABASE IF NOT EXISTS ${chIdent(where.database)}`);
          } finally {
            await shardAdmin.close();
          }
        }
      }
      const node = new ChNode({ ...base, url: where.url, database: where.database });
      const shards = shardUrls.map((url) => new ChNode({ ...base, url, database: where.database }));
      const store = new ClickHouseStore(where, readOnly, node, shards);
      if (readOnly) await store.checkVersion();
      else await store.migrate();
      return store;
    } finally {
      await admin.close();
    }
  }

  async query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.node.query<T>(sql, params);
  }

  async schemaVersion(): Promise<number> {
    const t = await this.node.query<{ n: number }>(
      `SELECT count() AS n FROM system.tables WHERE database = ${stringLiteral(this.where.database)} AND name = 'schema_migrations'`,
    );
    if (!t[0]?.n) return 0;
    const r = await this.node.query<{ v: number }>(
      "SELECT max(version) AS v FROM schema_migrations",
    );
    return Number(r[0]?.v ?? 0);
  }

  private async checkVersion(): Promise<number> {
    const v = await this.schemaVersion();
    if (v > SCHEMA_VERSION) {
      throw new StoreError(
        "store_too_new",
        `Store ${this.location} has schema version ${v}; this Entente knows up to ${SCHEMA_VERSION}`,
        { hint: "Upgrade Entente" },
      );
    }
    if (v === 0 && this.readOnly) {
      throw new StoreError("store_missing", `Store ${this.location} has no Entente tables`, {
        hint: "Load data first with `entente ingest --store <url> <files>`",
      });
    }
    return v;
  }

  /**
   * Create what is missing. ClickHouse has no DDL transactions: every statement is
   * `IF NOT EXISTS`, and the version is recorded last, so an interrupted run is simply repeated.
   */
  private async migrate(): Promise<void> {
    const current = await this.checkVersion();
    if (current >= SCHEMA_VERSION) return;
    for (const sql of bookkeepingDdl(this.where.database)) await this.node.exec(sql);
    for (const spec of DATA_TABLES) {
      const ddl = createTableDdl(spec, this.where.database, this.where.cluster);
      for (const shard of this.shards) {
        for (const sql of ddl.shards) await shard.exec(sql);
      }
      for (const sql of ddl.coordinator) await this.node.exec(sql);
    }
    if (current > 0 && current < 4) {
      // Event files loaded before schema 4: their spans from their rows. A run interrupted after
      // some files is repeated for the files that have none yet.
      const done = new Set(
        (
          await this.node.query<{ f: number }>("SELECT DISTINCT file_id AS f FROM event_coverage")
        ).map((r) => Number(r.f)),
      );
      const byFile = new Map<string, { fileId: number; table: string; spans: CoverageSpan[] }>();
      for (const s of await backfillSpans(this)) {
        if (done.has(s.fileId)) continue;
        const k = `${s.fileId}\u0000${s.table}`;
        const e = byFile.get(k) ?? { fileId: s.fileId, table: s.table, spans: [] };
        e.spans.push(s);
        byFile.set(k, e);
      }
      for (const e of byFile.values()) await writeCoverage(this, e.fileId, e.table, e.spans);
    }
    await this.node.exec(
      `INSERT INTO schema_migrations VALUES (${SCHEMA_VERSION}, ${stringLiteral(new Date().toISOString())})`,
    );
  }

  async findFileBySha(sha256: string): Promise<ProvenanceRecord | null> {
    const rows = await this.provenanceRows(`WHERE sha256 = ${stringLiteral(sha256)}`);
    return rows[0] ?? null;
  }

  async files(): Promise<ProvenanceRecord[]> {
    return this.provenanceRows("ORDER BY file_id");
  }

  private async provenanceRows(where: string): Promise<ProvenanceRecord[]> {
    const rows = await this.node.query<Record<string, unknown>>(
      `SELECT ${PROVENANCE_COLUMNS}, loaded_at FROM provenance ${where}`,
    );
    return rows.map(provenanceRecord);
  }

  async rejects(fileId: number): Promise<Reject[]> {
    return this.node.query<Reject>(REJECTS_SQL, [fileId]);
  }

  async unresolved(fileId: number): Promise<UnresolvedName[]> {
    return this.node.query<UnresolvedName>(UNRESOLVED_SQL, [fileId]);
  }

  async count(table: TableName): Promise<number> {
    const r = await this.node.query<{ n: number }>(
      `SELECT count() AS n FROM ${chIdent(TABLES[table].name)}`,
    );
    return Number(r[0]?.n ?? 0);
  }

  private writable(): void {
    if (this.readOnly) {
      throw new StoreError("store_read_only", `Store ${this.location} is open read-only`);
    }
  }

  /** A staging table name unique to this process and load. */
  stageName(kind: string): string {
    this.stageCounter += 1;
    const rand = Math.floor(Math.random() * 1e9).toString(36);
    return `_stage_${kind}_${process.pid}_${this.stageCounter}_${rand}`;
  }

  /**
   * The next file id. ClickHouse has no sequences; ids follow the provenance table, so loads
   * into one store must not run concurrently (as with DuckDB, one writer at a time).
   */
  async nextFileId(): Promise<number> {
    const r = await this.node.query<{ id: number }>(
      "SELECT max(file_id) + 1 AS id FROM provenance",
    );
    return Math.max(1, Number(r[0]?.id ?? 1));
  }

  async beginLoad(meta: FileMeta, table: TableName): Promise<LoadSession> {
    this.writable();
    return new ClickHouseLoadSession(this, meta, TABLES[table], this.stageName("rows"));
  }

  async beginEventLoad(meta: FileMeta, layout: EventLayout): Promise<EventLoadSession> {
    this.writable();
    return ClickHouseEventSession.start(this, meta, layout, this.stageName("events"));
  }

  /**
   * Delete the rows a failed load moved into a data table, and wait until they are gone
   * (ALTER … DELETE is a mutation, applied in the background). On a cluster the rows are in the
   * shard-local tables.
   */
  async removeFile(table: string, fileId: number): Promise<void> {
    const targets: Array<[ChNode, string]> =
      this.shards.length && EVENT_TABLES.has(table)
        ? this.shards.map((n) => [n, `${table}_local`])
        : [[this.node, table]];
    for (const [node, name] of targets) {
      await node.exec(`ALTER TABLE ${chIdent(name)} DELETE WHERE file_id = ${Math.trunc(fileId)}`);
    }
    for (const [node, name] of targets) {
      for (let i = 0; ; i++) {
        const r = await node.query<{ n: number }>(
          `SELECT count() AS n FROM system.mutations WHERE database = ${stringLiteral(this.where.database)}
             AND table = ${stringLiteral(name)} AND is_done = 0`,
        );
        if (!r[0]?.n) break;
        if (i > 600)
          throw new StoreError(
            "store_query_failed",
            `Rows of file ${fileId} in ${name} are not deleted after 60 s`,
            { hint: `Check system.mutations on ${this.location}` },
          );
        await new Promise((res) => setTimeout(res, 100));
      }
    }
  }

  async close(): Promise<void> {
    await this.node.close();
    for (const s of this.shards) await s.close();
  }
}

/**
 * HTTP URLs of the cluster's shards: `nodes=` of the URL, else every host of system.clusters
 * with the coordinator's HTTP port (a real cluster uses the same port on every node).
 */
async function clusterNodes(admin: ChNode, where: ClickHouseLocation): Promise<string[]> {
  const rows = await admin.query<{ host: string; shard: number }>(
    `SELECT host_address AS host, shard_num AS shard FROM system.clusters
     WHERE cluster = ${stringLiteral(where.cluster ?? "")} ORDER BY shard_num, replica_num`,
  );
  if (!rows.length) {
    throw new StoreError(
      "store_open_failed",
      `ClickHouse at ${where.url} has no cluster "${where.cluster}"`,
      {
        hint: "Name a cluster of the servers' <remote_servers> configuration (SELECT cluster FROM system.clusters)",
      },
    );
  }
  if (where.nodes !== null) return [...where.nodes];
  const port = new URL(where.url).port;
  const proto = new URL(where.url).protocol;
  return [
    ...new Set(
      rows.map((r) => `${proto}//${r.host.includes(":") ? `[${r.host}]` : r.host}:${port}`),
    ),
  ];
}
