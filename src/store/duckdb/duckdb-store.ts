import { existsSync } from "node:fs";
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { StoreError } from "../../core/errors.js";
import type { EventLayout } from "../bulk-csv.js";
import { backfillSpans } from "../event-coverage.js";
import {
  FIT_COLUMNS,
  fitRow,
  POINT_COLUMNS,
  readIdealPointFits,
  readIdealPoints,
} from "../ideal-point-fits.js";
import {
  PROVENANCE_COLUMNS,
  provenanceRecord,
  REJECTS_SQL,
  UNRESOLVED_SQL,
} from "../provenance.js";
import type { ReleaseRecord } from "../releases.js";
import { type ColumnSpec, TABLES, type TableName } from "../schema.js";
import { SCHEMA_VERSION } from "../schema-version.js";
import { quoteIdent } from "../sql.js";
import type {
  Cell,
  CommitInput,
  EventFileMeta,
  EventLoadSession,
  FileMeta,
  IdealPointFitRecord,
  IdealPointRow,
  LoadResult,
  LoadSession,
  ProvenanceRecord,
  PruneResult,
  Reject,
  RestoreResult,
  Store,
  StoreCapabilities,
  UnresolvedName,
} from "../store.js";
import { duckType, MIGRATIONS } from "./ddl.js";
import { DUCKDB_DIALECT } from "./dialect.js";
import { DuckDbEventSession } from "./duckdb-events.js";
import {
  archiveReplaced,
  changeOf,
  listReleases,
  pruneArchived,
  recordRelease,
  restoreArchived,
} from "./duckdb-releases.js";
import { duckdb } from "./node-api.js";
import { readRows } from "./rows.js";

const { INTEGER, LIST, VARCHAR } = duckdb;

const INT_LIST = LIST(INTEGER);
const TEXT_LIST = LIST(VARCHAR);

export interface DuckDbOpenOptions {
  readonly readOnly?: boolean;
}

function describeOpenError(path: string, e: unknown): StoreError {
  const msg = e instanceof Error ? e.message : String(e);
  if (/lock/i.test(msg)) {
    // DuckDB names the holder: "Conflicting lock is held in /usr/bin/node (PID 8251)".
    const holder = /held in (.+?) \(PID (\d+)\)/.exec(msg);
    const who = holder ? `process ${holder[2]} (${holder[1]})` : "another process";
    return new StoreError("store_locked", `Store ${path} is in use by ${who}`, {
      hint: "Only one process can write a store, and not while others read it (for example a running `entente serve`); stop it and retry. Read-only commands (dyad, panel, assess, report, sources) work beside it",
      cause: e,
    });
  }
  return new StoreError("store_open_failed", `Cannot open store ${path}: ${msg}`, {
    hint: "Check the path given by --store or ENTENTE_STORE",
    cause: e,
  });
}

export class DuckDbStore implements Store {
  readonly kind = "duckdb" as const;
  readonly capabilities: StoreCapabilities = {
    transactions: true,
    boundParameters: true,
    windowFunctions: true,
    listColumns: true,
  };
  readonly sql = DUCKDB_DIALECT;
  private stageCounter = 0;
  /**
   * Read-only stores answer concurrent queries (a dyad's indicator families) on a second
   * connection too: one connection runs one query at a time. Writable stores keep one
   * connection, since loads hold transactions and temporary tables on it.
   */
  private readers: DuckDBConnection[] = [];
  private nextReader = 0;

  private constructor(
    readonly location: string,
    readonly readOnly: boolean,
    private readonly instance: DuckDBInstance,
    private readonly con: DuckDBConnection,
  ) {}

  /** Open (creating and migrating when writable) the DuckDB file at `path`. */
  static async open(path: string, opts: DuckDbOpenOptions = {}): Promise<DuckDbStore> {
    const readOnly = opts.readOnly ?? false;
    if (readOnly && path !== ":memory:" && !existsSync(path)) {
      throw new StoreError("store_missing", `Store ${path} does not exist`, {
        hint: "Load data first with `entente ingest <files>` or point --store at an existing store",
      });
    }
    let instance: DuckDBInstance;
    try {
      instance = await duckdb.DuckDBInstance.create(
        path,
        readOnly ? { access_mode: "READ_ONLY" } : {},
      );
    } catch (e) {
      throw describeOpenError(path, e);
    }
    const con = await instance.connect();
    const store = new DuckDbStore(path, readOnly, instance, con);
    if (!readOnly) await store.migrate();
    else {
      const v = await store.checkVersion();
      if (v > 0 && v < SCHEMA_VERSION && path !== ":memory:") {
        // A store written by an older Entente: read commands query tables it does not have yet.
        // Upgrade it once (a writable open migrates in one transaction), then read it as asked.
        await store.close();
        await (await DuckDbStore.open(path, { ...opts, readOnly: false })).close();
        return DuckDbStore.open(path, opts);
      }
    }
    return store;
  }

  private async exec(sql: string, params?: readonly unknown[]): Promise<void> {
    await this.con.run(sql, params as never);
  }

  async query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    if (!this.readOnly) return readRows<T>(this.con, sql, params);
    if (!this.readers.length) this.readers = [this.con, await this.instance.connect()];
    this.nextReader = (this.nextReader + 1) % this.readers.length;
    return readRows<T>(this.readers[this.nextReader] as DuckDBConnection, sql, params);
  }

  async schemaVersion(): Promise<number> {
    const meta = await this.query<{ n: number }>(
      "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'meta' AND schema_name = 'main'",
    );
    if (!meta[0]?.n) return 0;
    const rows = await this.query<{ value: string }>(
      "SELECT value FROM meta WHERE key = 'schema_version'",
    );
    return rows[0] ? Number(rows[0].value) : 0;
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
    return v;
  }

  private async migrate(): Promise<void> {
    const current = await this.checkVersion();
    const pending = MIGRATIONS.filter((m) => m.version > current);
    if (!pending.length) return;
    await this.exec("BEGIN TRANSACTION");
    try {
      await this.exec("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
      for (const m of pending) {
        // One call per migration: a fresh store runs about 80 statements, and a call each cost
        // about 30 ms of round trips before the first load.
        await this.exec(
          [
            ...m.statements(),
            `INSERT OR REPLACE INTO meta VALUES ('schema_version', '${Math.trunc(m.version)}')`,
          ].join(";\n"),
        );
        if (m.version === 4) {
          for (const s of await backfillSpans(this)) {
            await this.exec("INSERT INTO event_coverage VALUES ($1, $2, $3, $4, $5)", [
              s.fileId,
              s.table,
              s.start,
              s.end,
              s.basis,
            ]);
          }
        }
      }
      await this.exec("COMMIT");
    } catch (e) {
      await this.exec("ROLLBACK");
      throw e;
    }
  }

  async findFileBySha(sha256: string): Promise<ProvenanceRecord | null> {
    const rows = await this.provenanceRows("WHERE sha256 = $1", [sha256]);
    return rows[0] ?? null;
  }

  async hasFileOfSize(size: number): Promise<boolean> {
    const rows = await this.query("SELECT 1 FROM provenance WHERE size = $1 LIMIT 1", [size]);
    return rows.length > 0;
  }

  async files(): Promise<ProvenanceRecord[]> {
    return this.provenanceRows("ORDER BY file_id", []);
  }

  private async provenanceRows(where: string, params: unknown[]): Promise<ProvenanceRecord[]> {
    const rows = await this.query<Record<string, unknown>>(
      `SELECT ${PROVENANCE_COLUMNS}, strftime(loaded_at, '%Y-%m-%dT%H:%M:%SZ') AS loaded_at FROM provenance ${where}`,
      params,
    );
    return rows.map(provenanceRecord);
  }

  async rejects(fileId: number): Promise<Reject[]> {
    return this.query<Reject>(REJECTS_SQL, [fileId]);
  }

  async unresolved(fileId: number): Promise<UnresolvedName[]> {
    return this.query<UnresolvedName>(UNRESOLVED_SQL, [fileId]);
  }

  async releases(): Promise<ReleaseRecord[]> {
    return listReleases(this.con);
  }

  async pruneReleases(dataset?: string): Promise<PruneResult> {
    this.writable();
    return pruneArchived(this.con, dataset);
  }

  async restoreRelease(dataset: string, release: string): Promise<RestoreResult> {
    this.writable();
    return restoreArchived(this.con, dataset, release);
  }

  private writable(): void {
    if (this.readOnly) {
      throw new StoreError("store_read_only", `Store ${this.location} is open read-only`);
    }
  }

  async count(table: TableName): Promise<number> {
    const rows = await this.query<{ n: number }>(
      `SELECT count(*) AS n FROM ${quoteIdent(TABLES[table].name)}`,
    );
    return rows[0]?.n ?? 0;
  }

  async beginLoad(meta: FileMeta, table: TableName): Promise<LoadSession> {
    this.writable();
    this.stageCounter += 1;
    const stage = `stage_${process.pid}_${this.stageCounter}`;
    const spec = TABLES[table];
    const stageCols = spec.columns.map(
      (c) => `${quoteIdent(c.name)} ${c.type === "date" ? "VARCHAR" : duckType(c.type)}`,
    );
    await this.exec(
      `CREATE TEMP TABLE ${quoteIdent(stage)} (${stageCols.join(", ")}, "line" INTEGER)`,
    );
    const appender = await this.con.createAppender(stage, "main", "temp");
    return new DuckDbLoadSession(
      this.con,
      meta,
      spec.name,
      spec.columns,
      spec.naturalKey,
      stage,
      appender,
    );
  }

  async beginEventLoad(meta: EventFileMeta, layout: EventLayout): Promise<EventLoadSession> {
    this.writable();
    this.stageCounter += 1;
    await this.exec("BEGIN TRANSACTION");
    try {
      const idRow = await this.con.runAndReadAll("SELECT nextval('file_id_seq') AS id");
      const fileId = Number(idRow.getRowObjectsJS()[0]?.id);
      // A re-delivery of the file's period archives the earlier delivery first, so that its
      // events are compared with the new ones rather than counted as their duplicates.
      const replacing = await archiveReplaced(this.con, meta, TABLES[layout.table].name, fileId);
      return new DuckDbEventSession(
        this.con,
        meta,
        layout,
        fileId,
        `events_${process.pid}_${this.stageCounter}`,
        replacing,
      );
    } catch (e) {
      await this.exec("ROLLBACK");
      throw e;
    }
  }

  async saveIdealPointFit(
    fit: IdealPointFitRecord,
    points: readonly IdealPointRow[],
  ): Promise<void> {
    if (this.readOnly) {
      throw new StoreError("store_read_only", `Store ${this.location} is open read-only`);
    }
    this.stageCounter += 1;
    const stage = `ideal_${process.pid}_${this.stageCounter}`;
    await this.exec(
      `CREATE TEMP TABLE ${quoteIdent(stage)} (ccode INTEGER, session INTEGER, year INTEGER, ideal_point DOUBLE, se DOUBLE, votes INTEGER)`,
    );
    try {
      const ap = await this.con.createAppender(stage, "main", "temp");
      for (const p of points) {
        ap.appendInteger(p.ccode);
        ap.appendInteger(p.session);
        ap.appendInteger(p.year);
        ap.appendDouble(p.idealPoint);
        ap.appendDouble(p.se);
        ap.appendInteger(p.votes);
        ap.endRow();
      }
      ap.flushSync();
      ap.closeSync();
      await this.exec("BEGIN TRANSACTION");
      try {
        await this.exec("DELETE FROM un_ideal_points WHERE fit_id = $1", [fit.fitId]);
        await this.exec("DELETE FROM un_ideal_fits WHERE fit_id = $1", [fit.fitId]);
        await this.exec(
          `INSERT INTO un_ideal_fits (${FIT_COLUMNS.join(", ")}) VALUES (${FIT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})`,
          fitRow(fit),
        );
        await this.exec(
          `INSERT INTO un_ideal_points (${POINT_COLUMNS.join(", ")})
           SELECT $1, ccode, session, year, ideal_point, se, votes FROM temp.main.${quoteIdent(stage)}`,
          [fit.fitId],
        );
        await this.exec("COMMIT");
      } catch (e) {
        await this.exec("ROLLBACK");
        throw e;
      }
    } finally {
      await this.exec(`DROP TABLE IF EXISTS temp.main.${quoteIdent(stage)}`);
    }
  }

  idealPointFits(votesSha256?: string): Promise<IdealPointFitRecord[]> {
    return readIdealPointFits(this, votesSha256);
  }

  idealPoints(fitId: string): Promise<IdealPointRow[]> {
    return readIdealPoints(this, fitId);
  }

  async close(): Promise<void> {
    for (const c of this.readers) if (c !== this.con) c.closeSync();
    this.con.closeSync();
    this.instance.closeSync();
  }
}

class DuckDbLoadSession implements LoadSession {
  private closed = false;

  constructor(
    private readonly con: DuckDBConnection,
    private readonly meta: FileMeta,
    private readonly table: string,
    private readonly columns: readonly ColumnSpec[],
    private readonly naturalKey: readonly string[],
    private readonly stage: string,
    private readonly appender: DuckDBAppender,
  ) {}

  append(values: readonly Cell[], line: number): void {
    const ap = this.appender;
    const cols = this.columns;
    for (let i = 0; i < cols.length; i++) {
      const v = values[i];
      const col = cols[i] as ColumnSpec;
      if (v === null || v === undefined) {
        if (col.type === "int[]" || col.type === "text[]") {
          ap.appendList([], col.type === "int[]" ? INT_LIST : TEXT_LIST);
        } else ap.appendNull();
        continue;
      }
      switch (col.type) {
        case "int":
          ap.appendInteger(v as number);
          break;
        case "bigint":
          ap.appendBigInt(BigInt(v as number | bigint));
          break;
        case "double":
          ap.appendDouble(v as number);
          break;
        case "bool":
          ap.appendBoolean(v as boolean);
          break;
        case "text":
        case "date":
          ap.appendVarchar(String(v));
          break;
        case "int[]":
          ap.appendList(v as readonly number[], INT_LIST);
          break;
        case "text[]":
          ap.appendList(v as readonly string[], TEXT_LIST);
          break;
      }
    }
    ap.appendInteger(line);
    ap.endRow();
  }

  private async finishAppender(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appender.flushSync();
    this.appender.closeSync();
  }

  async commit(input: CommitInput): Promise<LoadResult> {
    await this.finishAppender();
    const con = this.con;
    const stage = quoteIdent(this.stage);
    const target = quoteIdent(this.table);
    const colNames = this.columns.map((c) => quoteIdent(c.name));
    const selectCols = this.columns.map((c) =>
      c.type === "date" ? `CAST(s.${quoteIdent(c.name)} AS DATE)` : `s.${quoteIdent(c.name)}`,
    );
    const key = this.naturalKey.map((k) => quoteIdent(k));
    const keyMatch = key.map((k) => `t.${k} IS NOT DISTINCT FROM s.${k}`).join(" AND ");
    const rejectStage = quoteIdent(`${this.stage}_rejects`);
    const unresolvedStage = quoteIdent(`${this.stage}_unresolved`);

    // Rejects and unresolved names are staged with appenders too: a file can have many.
    await con.run(`CREATE TEMP TABLE ${rejectStage} (line INTEGER, reason VARCHAR)`);
    await con.run(`CREATE TEMP TABLE ${unresolvedStage} (name VARCHAR, rows INTEGER)`);
    const ra = await con.createAppender(`${this.stage}_rejects`, "main", "temp");
    for (const r of input.rejects) {
      ra.appendInteger(r.line);
      ra.appendVarchar(r.reason);
      ra.endRow();
    }
    ra.flushSync();
    ra.closeSync();
    const ua = await con.createAppender(`${this.stage}_unresolved`, "main", "temp");
    for (const u of input.unresolved) {
      ua.appendVarchar(u.name);
      ua.appendInteger(u.rows);
      ua.endRow();
    }
    ua.flushSync();
    ua.closeSync();

    await con.run("BEGIN TRANSACTION");
    try {
      const idRow = await con.runAndReadAll("SELECT nextval('file_id_seq') AS id");
      const fileId = Number(idRow.getRowObjectsJS()[0]?.id);
      const staged = Number(
        (await con.runAndReadAll(`SELECT count(*) AS n FROM ${stage}`)).getRowObjectsJS()[0]?.n,
      );
      // The first line of each key, as the table's columns (dates as dates).
      const firstRows = `(SELECT ${selectCols.map((e, i) => `${e} AS ${colNames[i]}`).join(", ")}, s."line" FROM (
           SELECT *, row_number() OVER (PARTITION BY ${key.join(", ")} ORDER BY "line") AS _rn
           FROM ${stage}) s WHERE s._rn = 1)`;
      const replacing = await archiveReplaced(con, this.meta, this.table, fileId);
      const change = replacing
        ? await changeOf(con, this.meta, this.table, firstRows, replacing)
        : undefined;
      const inserted = await con.run(
        `INSERT INTO ${target} (${colNames.join(", ")}, "file_id", "line")
         SELECT ${colNames.map((c) => `s.${c}`).join(", ")}, $1, s."line" FROM ${firstRows} s
         WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${keyMatch})`,
        [fileId],
      );
      const result: LoadResult = {
        fileId,
        rowsLoaded: inserted.rowsChanged,
        rowsDuplicate: staged - inserted.rowsChanged,
        ...(change ? { change } : {}),
      };
      input.verify(result);
      await con.run(
        `INSERT INTO provenance VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()::TIMESTAMP)`,
        [
          fileId,
          this.meta.path,
          this.meta.sha256,
          this.meta.size,
          this.meta.source,
          this.meta.sourceVersion,
          this.table,
          input.linesRead,
          result.rowsLoaded,
          input.rejects.length,
          result.rowsDuplicate,
        ],
      );
      await con.run(`INSERT INTO load_rejects SELECT $1, line, reason FROM ${rejectStage}`, [
        fileId,
      ]);
      await con.run(`INSERT INTO load_unresolved SELECT $1, name, rows FROM ${unresolvedStage}`, [
        fileId,
      ]);
      await recordRelease(con, this.meta, this.table, fileId, change);
      await con.run("COMMIT");
      return result;
    } catch (e) {
      await con.run("ROLLBACK");
      throw e;
    } finally {
      await this.dropStages();
    }
  }

  private async dropStages(): Promise<void> {
    for (const t of [this.stage, `${this.stage}_rejects`, `${this.stage}_unresolved`]) {
      await this.con.run(`DROP TABLE IF EXISTS temp.main.${quoteIdent(t)}`);
    }
  }

  async abort(): Promise<void> {
    try {
      await this.finishAppender();
    } catch {
      // The appender may already be broken by the error that led here; the stage is dropped anyway.
    }
    await this.dropStages();
  }
}
