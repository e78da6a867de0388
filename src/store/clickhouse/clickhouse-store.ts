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
import type { CoverageSpan } from "../coverage-span.js";
import { backfillSpans } from "../event-coverage.js";
import {
  CUBE_COLUMNS,
  CUBE_TABLE,
  cubeColumnNames,
  cubeSelectSql,
  type EventTable,
  VOLUME_COLUMNS,
  VOLUME_TABLE,
  volumeSelectSql,
} from "../event-cube.js";
import { fitRow, readIdealPointFits, readIdealPoints } from "../ideal-point-fits.js";
import {
  PROVENANCE_COLUMNS,
  provenanceRecord,
  REJECTS_SQL,
  UNRESOLVED_SQL,
} from "../provenance.js";
import type { ReleaseRecord } from "../releases.js";
import { TABLES, type TableName } from "../schema.js";
import { SCHEMA_VERSION } from "../schema-version.js";
import type {
  EventFileMeta,
  EventLoadSession,
  FileMeta,
  IdealPointFitRecord,
  IdealPointRow,
  LoadSession,
  ProvenanceRecord,
  PruneResult,
  Reject,
  RestoreResult,
  Store,
  StoreCapabilities,
  UnresolvedName,
} from "../store.js";
import { ClickHouseEventSession, closeScratches } from "./clickhouse-events.js";
import { ClickHouseLoadSession, writeCoverage } from "./clickhouse-load.js";
import {
  archiveTableDdl,
  BACKFILL_RELEASES_SQL,
  listReleases,
  pruneArchived,
  restoreArchived,
} from "./clickhouse-releases.js";
import { ChNode } from "./connection.js";
import {
  bookkeepingDdl,
  CUBE_TABLES,
  chIdent,
  createTableDdl,
  cubeDdl,
  DATA_TABLES,
  EVENT_TABLES,
  RESULT_TABLE_SPECS,
  resultTableSql,
  SHARDED_TABLES,
  SLOT_COLUMN,
  slotSql,
  type TableDdl,
} from "./ddl.js";
import { CLICKHOUSE_DIALECT } from "./dialect.js";
import type { ClickHouseHost } from "./host.js";
import { stringLiteral, tsvField } from "./literal.js";
import { type ClickHouseLocation, parseClickHouseUrl } from "./url.js";

/** Every table a load writes rows of a file into (deleted by file id when it fails). */
const LOAD_TABLES: readonly string[] = [
  ...DATA_TABLES.map((t) => t.name),
  ...CUBE_TABLES,
  "event_coverage",
  "load_rejects",
  "load_unresolved",
];

export interface ClickHouseOpenOptions {
  readonly readOnly?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

export class ClickHouseStore implements Store, ClickHouseHost {
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
    /** Sum of the shards' weights (1 on a single node): the modulus of the shard slot. */
    readonly totalWeight: number,
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
      let totalWeight = 1;
      if (where.cluster !== null) {
        shardUrls = await clusterNodes(admin, where);
        totalWeight = await clusterWeight(admin, where.cluster);
      }
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
      const store = new ClickHouseStore(where, readOnly, node, shards, totalWeight);
      if (readOnly) await store.checkVersion();
      else {
        await store.migrate();
        await store.recover();
      }
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
    const cubeExisted = await this.hasTable(CUBE_TABLES);
    for (const ddl of [
      ...DATA_TABLES.map((spec) => createTableDdl(spec, this.where.database, this.where.cluster)),
      ...cubeDdl(this.where.database, this.where.cluster),
    ]) {
      await this.runDdl(ddl);
    }
    for (const spec of DATA_TABLES) {
      await this.node.exec(archiveTableDdl(spec, this.where.database));
    }
    for (const spec of RESULT_TABLE_SPECS) {
      await this.node.exec(resultTableSql(spec, this.where.database));
    }
    // Schema 7: files loaded before count as their adapter's release, active.
    await this.node.exec(BACKFILL_RELEASES_SQL);
    // Schema 8: the event cube, from the events already stored.
    if (current > 0 && current < 8) await this.backfillCube(cubeExisted);
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

  private async runDdl(ddl: TableDdl): Promise<void> {
    for (const shard of this.shards) {
      for (const sql of ddl.shards) await shard.exec(sql);
    }
    for (const sql of ddl.coordinator) await this.node.exec(sql);
  }

  private async hasTable(names: ReadonlySet<string>): Promise<boolean> {
    const r = await this.node.query<{ n: number }>(
      `SELECT count() AS n FROM system.tables WHERE database = ${stringLiteral(this.where.database)}
         AND name IN (${[...names].map(stringLiteral).join(", ")})`,
    );
    return Number(r[0]?.n ?? 0) > 0;
  }

  /**
   * Schema 6: the cube of the events loaded before it, from their rows, on each shard from the
   * shard's own events. A run interrupted part-way left some rows: they are removed first.
   */
  /** The event cube recomputed from the events in use (a restored release's events are back). */
  async rebuildCube(): Promise<void> {
    await this.backfillCube(true);
  }

  private async backfillCube(existed: boolean): Promise<void> {
    if (existed) for (const t of CUBE_TABLES) await this.truncate(t);
    const targets: Array<[ChNode, string]> = this.shards.length
      ? this.shards.map((n) => [n, "_local"])
      : [[this.node, ""]];
    for (const [node, suffix] of targets) {
      for (const table of EVENT_TABLES) {
        const opts = {
          from: chIdent(`${table}${suffix}`),
          where: "1",
          fileId: "file_id",
          extra: [[SLOT_COLUMN, slotSql(this.totalWeight)]] as const,
        };
        const t = table as EventTable;
        await node.exec(
          `INSERT INTO ${chIdent(`${CUBE_TABLE}${suffix}`)} (${cubeColumnNames(CUBE_COLUMNS)}) ${cubeSelectSql(t, this.sql, opts)}`,
        );
        await node.exec(
          `INSERT INTO ${chIdent(`${VOLUME_TABLE}${suffix}`)} (${cubeColumnNames(VOLUME_COLUMNS)}) ${volumeSelectSql(t, this.sql, opts)}`,
        );
      }
    }
  }

  /** Delete every row of a (possibly sharded) table and wait until the deletion is done. */
  private async truncate(table: string): Promise<void> {
    await this.deleteWhere(table, "1");
  }

  /**
   * Loads a killed process left unfinished: journaled (load_journal) but without a provenance
   * row. Their rows are deleted from every table a load writes, and their staging tables dropped,
   * before anything else is loaded; a file counts as loaded only when its provenance row exists.
   */
  private async recover(): Promise<void> {
    const orphans = await this.node.query<{ f: number; stage: string }>(
      `SELECT file_id AS f, stage FROM load_journal
       WHERE file_id NOT IN (SELECT file_id FROM provenance) ORDER BY file_id`,
    );
    for (const o of orphans) {
      await this.node.exec(`DROP TABLE IF EXISTS ${chIdent(o.stage)}`);
      for (const t of LOAD_TABLES) await this.removeFile(t, Number(o.f));
    }
    if (orphans.length) {
      await this.deleteWhere(
        "load_journal",
        `file_id IN (${orphans.map((o) => Math.trunc(Number(o.f))).join(", ")})`,
      );
    }
  }

  /** Note a load before it writes anything, so that a killed one is cleaned up (`recover`). */
  async journal(fileId: number, table: string, stage: string): Promise<void> {
    await this.node.insertTsv("load_journal", [
      `${Math.trunc(fileId)}\t${tsvField(table)}\t${tsvField(stage)}\t${tsvField(new Date().toISOString())}\n`,
    ]);
  }

  async findFileBySha(sha256: string): Promise<ProvenanceRecord | null> {
    const rows = await this.provenanceRows(`WHERE sha256 = ${stringLiteral(sha256)}`);
    return rows[0] ?? null;
  }

  async hasFileOfSize(size: number): Promise<boolean> {
    const rows = await this.node.query(
      `SELECT 1 AS x FROM provenance WHERE size = ${Math.trunc(size)} LIMIT 1`,
    );
    return rows.length > 0;
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
    // The journal too: the id of a load that was killed is never given again.
    const r = await this.node.query<{ id: number }>(
      `SELECT max(f) + 1 AS id FROM (
         SELECT max(file_id) AS f FROM provenance UNION ALL SELECT max(file_id) AS f FROM load_journal)`,
    );
    return Math.max(1, Number(r[0]?.id ?? 1));
  }

  async beginLoad(meta: FileMeta, table: TableName): Promise<LoadSession> {
    this.writable();
    return new ClickHouseLoadSession(this, meta, TABLES[table], this.stageName("rows"));
  }

  async beginEventLoad(meta: EventFileMeta, layout: EventLayout): Promise<EventLoadSession> {
    this.writable();
    return ClickHouseEventSession.start(this, meta, layout, this.stageName("events"));
  }

  /**
   * Delete the rows a failed load moved into a data table, and wait until they are gone
   * (ALTER … DELETE is a mutation, applied in the background). On a cluster the rows are in the
   * shard-local tables.
   */
  async removeFile(table: string, fileId: number): Promise<void> {
    await this.deleteWhere(table, `file_id = ${Math.trunc(fileId)}`, `Rows of file ${fileId}`);
  }

  /** Delete the rows of a table matching a condition (the shard-local tables of a cluster). */
  async deleteWhere(table: string, where: string, what = "Rows"): Promise<void> {
    const targets: Array<[ChNode, string]> =
      this.shards.length && SHARDED_TABLES.has(table)
        ? this.shards.map((n) => [n, `${table}_local`])
        : [[this.node, table]];
    await this.deleteAndWait(targets, where, what);
  }

  /** Update the rows of a coordinator table (ALTER … UPDATE) and wait until it is applied. */
  async updateWhere(table: string, set: string, where: string): Promise<void> {
    await this.node.exec(`ALTER TABLE ${chIdent(table)} UPDATE ${set} WHERE ${where}`);
    await this.waitForMutations(this.node, table, "Updated rows");
  }

  async releases(): Promise<ReleaseRecord[]> {
    return listReleases(this);
  }

  async pruneReleases(dataset?: string): Promise<PruneResult> {
    this.writable();
    return pruneArchived(this, dataset);
  }

  async restoreRelease(dataset: string, release: string): Promise<RestoreResult> {
    this.writable();
    return restoreArchived(this, dataset, release);
  }

  /** Run ALTER … DELETE WHERE `where` on every target and wait until the mutations are done. */
  private async deleteAndWait(
    targets: ReadonlyArray<readonly [ChNode, string]>,
    where: string,
    what: string,
  ): Promise<void> {
    for (const [node, name] of targets) {
      await node.exec(`ALTER TABLE ${chIdent(name)} DELETE WHERE ${where}`);
    }
    for (const [node, name] of targets) await this.waitForMutations(node, name, what);
  }

  /** Wait until the mutations of a table are applied (ALTER … DELETE/UPDATE run in background). */
  private async waitForMutations(node: ChNode, name: string, what: string): Promise<void> {
    for (let i = 0; ; i++) {
      const r = await node.query<{ n: number }>(
        `SELECT count() AS n FROM system.mutations WHERE database = ${stringLiteral(this.where.database)}
           AND table = ${stringLiteral(name)} AND is_done = 0`,
      );
      if (!r[0]?.n) break;
      if (i > 600)
        throw new StoreError(
          "store_query_failed",
          `${what} in ${name} are not changed after 60 s`,
          { hint: `Check system.mutations on ${this.location}` },
        );
      await new Promise((res) => setTimeout(res, 100));
    }
  }

  /**
   * No transactions: points first, the fit row last, so that readers (which only take points of
   * a recorded fit) never see half a fit. A fit with the same id is deleted first, record first.
   */
  async saveIdealPointFit(
    fit: IdealPointFitRecord,
    points: readonly IdealPointRow[],
  ): Promise<void> {
    this.writable();
    const id = stringLiteral(fit.fitId);
    const stored = await this.node.query<{ n: number }>(
      `SELECT count() AS n FROM un_ideal_points WHERE fit_id = ${id}`,
    );
    const recorded = await this.node.query<{ n: number }>(
      `SELECT count() AS n FROM un_ideal_fits WHERE fit_id = ${id}`,
    );
    if (Number(recorded[0]?.n ?? 0) > 0) {
      await this.deleteAndWait([[this.node, "un_ideal_fits"]], `fit_id = ${id}`, "The fit");
    }
    if (Number(stored[0]?.n ?? 0) > 0) {
      await this.deleteAndWait([[this.node, "un_ideal_points"]], `fit_id = ${id}`, "Points");
    }
    const lines = points.map(
      (p) =>
        `${[fit.fitId, p.ccode, p.session, p.year, p.idealPoint, p.se, p.votes].map(tsvField).join("\t")}\n`,
    );
    if (lines.length) await this.node.insertTsv("un_ideal_points", [lines.join("")]);
    await this.node.insertTsv("un_ideal_fits", [`${fitRow(fit).map(tsvField).join("\t")}\n`]);
  }

  idealPointFits(votesSha256?: string): Promise<IdealPointFitRecord[]> {
    return readIdealPointFits(this, votesSha256);
  }

  idealPoints(fitId: string): Promise<IdealPointRow[]> {
    return readIdealPoints(this, fitId);
  }

  async close(): Promise<void> {
    closeScratches(this);
    await this.node.close();
    for (const s of this.shards) await s.close();
  }
}

/** Sum of the weights of the cluster's shards (each shard once, whatever its replicas). */
async function clusterWeight(admin: ChNode, cluster: string): Promise<number> {
  const r = await admin.query<{ w: number }>(
    `SELECT sum(w) AS w FROM (SELECT shard_num, any(shard_weight) AS w FROM system.clusters
       WHERE cluster = ${stringLiteral(cluster)} GROUP BY shard_num)`,
  );
  return Math.max(1, Number(r[0]?.w ?? 1));
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
