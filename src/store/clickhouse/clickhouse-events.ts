/**
 * Bulk loads of event files (GDELT, ICEWS) into ClickHouse.
 *
 * The file is read by the same reader as the DuckDB backend, into a scratch DuckDB file beside
 * the process (src/store/duckdb/duckdb-events.ts): the same typed columns, the same rejected
 * lines with the same reasons, the same rule checks and country codes, so both backends account
 * for every line identically. From there DuckDB writes the rows as CSV into a named pipe that
 * streams into a staging table on the server (text fields always quoted: ClickHouse 18.16 reads
 * an unquoted field starting with a backslash as a broken `\N`). There they are compared with
 * the stored events (re-delivered GDELT ids, identical ICEWS rows) and, once the accounting
 * holds, moved:
 * - on one node, when nothing is a duplicate of a stored event, by attaching the staging table's
 *   partitions to the event table (`ALTER TABLE … ATTACH PARTITION … FROM`): each partition
 *   appears at once, whole, without copying rows;
 * - otherwise, and on a cluster, by one INSERT … SELECT (into the Distributed table, which
 *   spreads the rows over the shards by event id, synchronously).
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { AccountingError } from "../../core/errors.js";
import { failpoint } from "../../core/failpoint.js";
import { makeFifo } from "../../core/named-pipe.js";
import { processTempDir, removeProcessTempDir } from "../../core/process-temp.js";
import type { EventLayout } from "../bulk-csv.js";
import type { CoverageSpan } from "../coverage-span.js";
import { createTableSql } from "../duckdb/ddl.js";
import { DuckDbEventSession } from "../duckdb/duckdb-events.js";
import { duckdb } from "../duckdb/node-api.js";
import {
  CUBE_COLUMNS,
  CUBE_TABLE,
  cubeColumnNames,
  cubeSelectSql,
  VOLUME_COLUMNS,
  VOLUME_TABLE,
  volumeSelectSql,
} from "../event-cube.js";
import { withContent } from "../releases.js";
import { TABLES, type TableSpec, TRACE_COLUMNS } from "../schema.js";
import { quoteIdent, quoteLiteral } from "../sql.js";
import type {
  CountryValue,
  CsvReadSpec,
  EventCommitInput,
  EventFileMeta,
  EventLoadSession,
  InvalidRecord,
  LoadResult,
  Reject,
} from "../store.js";
import { writeCoverage, writeProvenance } from "./clickhouse-load.js";
import { ClickHouseReplacement, recordRelease } from "./clickhouse-releases.js";
import { CUBE_TABLES, chIdent, mergeTreeTableSql, SLOT_COLUMN, slotSql } from "./ddl.js";
import type { ClickHouseHost } from "./host.js";
import { keyExpr } from "./key-expr.js";
import { stringLiteral } from "./literal.js";

/**
 * DuckDB's COPY of the scratch rows as CSV for ClickHouse: null as unquoted \N, text always
 * quoted, booleans as 1/0, dates as YYYY-MM-DD; the columns of the event table in order.
 */
export function csvCopySql(spec: TableSpec, path: string): string {
  const cols = [...spec.columns, ...TRACE_COLUMNS];
  const select = cols.map((c) => {
    const q = quoteIdent(c.name);
    if (c.type === "bool") return `CAST(${q} AS INTEGER) AS ${q}`;
    if (c.type === "date") return `strftime(${q}, '%Y-%m-%d') AS ${q}`;
    return q;
  });
  const text = cols
    .filter((c) => c.type === "text" || c.type === "date")
    .map((c) => quoteIdent(c.name));
  return `COPY (SELECT ${select.join(", ")} FROM ${quoteIdent(spec.name)}) TO ${quoteLiteral(path)}
    (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', ESCAPE '"', NULLSTR '\\N',
     FORCE_QUOTE (${text.join(", ")}), USE_TMP_FILE false)`;
}

/** Buffer pool of the scratch DuckDB of one event load. */
const SCRATCH_MEMORY = "1GB";

/**
 * A scratch DuckDB file in a folder of its own, with the named pipe its rows go to the server
 * through. One load uses it at a time; the store keeps it for the next load (making one, and
 * the pipe, cost 20–50 ms a load: as much as a GDELT 2.0 update's rows) and closes it with
 * itself (`closeScratches`). A load that fails discards its scratch. The file keeps the size of
 * the largest file loaded through it (DuckDB reuses the space, it does not give it back) until
 * then.
 */
interface Scratch {
  readonly dir: string;
  readonly instance: DuckDBInstance;
  readonly con: DuckDBConnection;
  readonly fifo: string;
}
const idleScratches = new WeakMap<ClickHouseHost, Scratch[]>();

async function takeScratch(store: ClickHouseHost): Promise<Scratch> {
  const idle = idleScratches.get(store)?.pop();
  if (idle) return idle;
  // Removed at exit if the store is never closed, or by a later load if this process is killed.
  const dir = await processTempDir("entente-ch-load-");
  try {
    // The scratch file holds a whole file's rows; a bounded buffer pool lets DuckDB spill to it
    // instead of keeping every row in memory, and the CSV for the server need not keep the
    // rows' order.
    const instance = await duckdb.DuckDBInstance.create(join(dir, "stage.duckdb"), {
      memory_limit: SCRATCH_MEMORY,
      preserve_insertion_order: "false",
      temp_directory: join(dir, "tmp"),
    });
    const con = await instance.connect();
    const fifo = join(dir, "rows.csv");
    try {
      await makeFifo(fifo);
    } catch (e) {
      con.closeSync();
      instance.closeSync();
      throw e;
    }
    return { dir, instance, con, fifo };
  } catch (e) {
    dropScratch({ dir });
    throw e;
  }
}

function dropScratch(s: Partial<Scratch> & { readonly dir: string }): void {
  s.con?.closeSync();
  s.instance?.closeSync();
  removeProcessTempDir(s.dir);
}

/** The folders of the scratches a store keeps for its next loads (for tests and diagnostics). */
export function keptScratches(store: ClickHouseHost): string[] {
  return (idleScratches.get(store) ?? []).map((s) => s.dir);
}

/** Close the scratches a store kept (when the store closes). */
export function closeScratches(store: ClickHouseHost): void {
  for (const s of idleScratches.get(store) ?? []) dropScratch(s);
  idleScratches.delete(store);
}

export class ClickHouseEventSession implements EventLoadSession {
  private staged = false;
  private closed = false;
  /** SQL true for staged rows that are not already stored (set by removeDuplicates). */
  private fresh = "1";
  /** Rows to load as counted by `counts()`: the move must deliver exactly these. */
  private counted: number | null = null;
  private withoutDyad = 0;

  private constructor(
    private readonly store: ClickHouseHost,
    private readonly meta: EventFileMeta,
    private readonly layout: EventLayout,
    private readonly fileId: number,
    private readonly stage: string,
    private readonly scratch: Scratch,
    private readonly local: DuckDbEventSession,
    /** An earlier delivery of the file's period (same dataset, another release). */
    private readonly replacing: ClickHouseReplacement | null,
  ) {}

  /** `AND …` that leaves the replaced release out of the stored events compared with. */
  private get notReplaced(): string {
    return this.replacing ? ` AND ${this.replacing.notReplaced}` : "";
  }

  static async start(
    store: ClickHouseHost,
    meta: EventFileMeta,
    layout: EventLayout,
    stage: string,
  ): Promise<ClickHouseEventSession> {
    const scratch = await takeScratch(store);
    try {
      const table = TABLES[layout.table];
      // The scratch holds one file's rows at a time: the table is made afresh for each.
      await scratch.con.run(
        `DROP TABLE IF EXISTS ${quoteIdent(table.name)}; ${createTableSql(table)}`,
      );
      const fileId = await store.nextFileId();
      await store.journal(fileId, table.name, stage);
      const local = new DuckDbEventSession(scratch.con, meta, layout, fileId, "scratch");
      const replacing = await ClickHouseReplacement.find(store, meta, table.name);
      return new ClickHouseEventSession(
        store,
        meta,
        layout,
        fileId,
        stage,
        scratch,
        local,
        replacing,
      );
    } catch (e) {
      dropScratch(scratch);
      throw e;
    }
  }

  private get spec(): TableSpec {
    return TABLES[this.layout.table];
  }

  readCsv(
    spec: CsvReadSpec,
    onProgress?: (fraction: number) => void,
  ): Promise<{ rowsRead: number; rejects: Reject[] }> {
    return this.local.readCsv(spec, onProgress);
  }

  invalidRecords(): Promise<InvalidRecord[]> {
    return this.local.invalidRecords();
  }

  deleteInvalid(): Promise<number> {
    return this.local.deleteInvalid();
  }

  countryValues(): Promise<CountryValue[]> {
    return this.local.countryValues();
  }

  setCountries(map: ReadonlyArray<{ value: string; year: number; ccode: number }>): Promise<void> {
    return this.local.setCountries(map);
  }

  /** Send the scratch rows to the staging table on the server, through a named pipe. */
  private async upload(): Promise<void> {
    const spec = this.spec;
    await this.store.node.exec(mergeTreeTableSql(spec, chIdent(this.stage)));
    this.staged = true;
    const fifo = this.scratch.fifo;
    const reader = createReadStream(fifo);
    const columns = [...spec.columns, ...TRACE_COLUMNS].map((c) => c.name);
    const insert = this.store.node.insertStream(this.stage, reader, "CSV", columns);
    try {
      await this.scratch.con.run(csvCopySql(spec, fifo));
    } catch (e) {
      reader.destroy();
      await insert.catch(() => {});
      throw e;
    }
    await insert;
  }

  private async scalar(sql: string): Promise<number> {
    const r = await this.store.node.query<{ n: number }>(sql);
    return Number(r[0]?.n ?? 0);
  }

  async removeDuplicates(): Promise<{
    duplicates: number;
    collisions: number;
    collisionIds: string[];
  }> {
    // Repeats within the file go in the scratch store (first row wins, as in DuckDB), the rest
    // is compared with the stored events on the server.
    const repeated = await this.local.removeRepeated();
    await this.upload();
    const stage = chIdent(this.stage);
    const target = chIdent(this.spec.name);
    const id = chIdent(this.layout.id.column);
    if (this.layout.id.unique) {
      const [b] = await this.store.node.query<{ n: number; lo: number | null; hi: number | null }>(
        `SELECT count() AS n, min(${id}) AS lo, max(${id}) AS hi FROM ${stage}`,
      );
      if (b && b.n > 0) {
        this.fresh = `${id} NOT IN (SELECT ${id} FROM ${target} WHERE ${id} BETWEEN ${Math.trunc(Number(b.lo))} AND ${Math.trunc(Number(b.hi))}${this.notReplaced})`;
      }
      const stored = await this.scalar(
        `SELECT count() AS n FROM ${stage} WHERE NOT (${this.fresh})`,
      );
      this.allFresh(stored);
      return { duplicates: repeated + stored, collisions: 0, collisionIds: [] };
    }
    // GLOBAL IN: on a cluster the event table is Distributed and the staging table exists on
    // the coordinator only, so the ids are sent to the shards with the query.
    const key = keyExpr(this.spec.naturalKey);
    this.fresh = `${key} NOT IN (SELECT ${key} FROM ${target} WHERE ${id} GLOBAL IN (SELECT ${id} FROM ${stage})${this.notReplaced})`;
    const stored = await this.scalar(`SELECT count() AS n FROM ${stage} WHERE NOT (${this.fresh})`);
    const ids = await this.store.node.query<{ id: string }>(
      `SELECT toString(${id}) AS id FROM (
         SELECT ${id} FROM ${target} WHERE ${id} GLOBAL IN (SELECT ${id} FROM ${stage})${this.notReplaced}
         UNION ALL SELECT ${id} FROM ${stage} WHERE ${this.fresh})
       GROUP BY ${id} HAVING count() > 1 ORDER BY ${id}`,
    );
    this.allFresh(stored);
    return {
      duplicates: repeated + stored,
      collisions: ids.length,
      collisionIds: ids.slice(0, 20).map((r) => String(r.id)),
    };
  }

  /**
   * When no staged row repeats a stored event, every staged row is fresh: the cube, the counts
   * and the move need not compare them with the stored events again, and on one node the move
   * can attach the staged partitions whole (`move`).
   */
  private allFresh(stored: number): void {
    if (stored === 0) this.fresh = "1";
  }

  async counts(): Promise<{ rows: number; withoutDyad: number }> {
    if (!this.staged) await this.upload();
    const noState = this.layout.countries.map(([, c]) => `${chIdent(c)} IS NULL`).join(" OR ");
    const [r] = await this.store.node.query<{ n: number; w: number }>(
      `SELECT count() AS n, countIf(${noState}) AS w FROM ${chIdent(this.stage)} WHERE ${this.fresh}`,
    );
    this.counted = Number(r?.n ?? 0);
    this.withoutDyad = Number(r?.w ?? 0);
    return { rows: this.counted, withoutDyad: this.withoutDyad };
  }

  coverage(fileName: string): Promise<CoverageSpan[]> {
    return this.local.coverage(fileName);
  }

  async commit(input: EventCommitInput): Promise<LoadResult> {
    let succeeded = false;
    try {
      const rows = this.counted ?? (await this.counts()).rows;
      const replacing = this.replacing;
      try {
        await replacing?.archive();
        // The file's hash (read while it was loaded) and its content release, if it has one.
        const meta = withContent(this.meta, input.sha256);
        const change = replacing
          ? await replacing.change(
              `(SELECT * FROM ${chIdent(this.stage)} WHERE ${this.fresh})`,
              meta,
            )
          : undefined;
        const result: LoadResult = {
          fileId: this.fileId,
          rowsLoaded: rows,
          rowsDuplicate: input.rowsDuplicate,
          ...(change ? { change } : {}),
        };
        // The accounting check runs before anything reaches the event table.
        input.verify(result);
        try {
          // The cube first: `fresh` compares the staged rows with the stored events, which the
          // move then adds to.
          await this.writeCube(rows);
          failpoint("event-load:after-cube");
          await this.move();
          const moved = await this.scalar(
            `SELECT count() AS n FROM ${chIdent(this.spec.name)} WHERE file_id = ${this.fileId}`,
          );
          if (moved !== rows) {
            throw new Error(`${moved} rows reached ${this.spec.name}, ${rows} expected`);
          }
          failpoint("event-load:after-move");
          await replacing?.finish(this.fileId);
          await writeCoverage(this.store, this.fileId, this.spec.name, input.coverage);
          await recordRelease(this.store, meta, this.spec.name, this.fileId, change);
          await writeProvenance(this.store, this.fileId, meta, this.spec.name, input, result);
        } catch (e) {
          await this.store.removeFile("releases", this.fileId);
          for (const t of ["event_coverage", ...CUBE_TABLES, this.spec.name]) {
            await this.store.removeFile(t, this.fileId);
          }
          throw e;
        }
        succeeded = true;
        return result;
      } catch (e) {
        await replacing?.rollback();
        throw e;
      }
    } finally {
      await this.close(succeeded);
    }
  }

  /**
   * The file's cube cells and volume from the staged rows that are not duplicates, each cell
   * grouped by the shard its events go to; checked against the rows to load.
   */
  private async writeCube(rows: number): Promise<void> {
    const node = this.store.node;
    const opts = {
      from: chIdent(this.stage),
      where: this.fresh,
      fileId: String(this.fileId),
      extra: [[SLOT_COLUMN, slotSql(this.store.totalWeight)]] as const,
    };
    const table = this.layout.table;
    await node.exec(
      `INSERT INTO ${CUBE_TABLE} (${cubeColumnNames(CUBE_COLUMNS)}) ${cubeSelectSql(table, this.store.sql, opts)}`,
    );
    await node.exec(
      `INSERT INTO ${VOLUME_TABLE} (${cubeColumnNames(VOLUME_COLUMNS)}) ${volumeSelectSql(table, this.store.sql, opts)}`,
    );
    const [sums] = await node.query<{ cube: number; volume: number }>(
      `SELECT (SELECT sum(events) FROM ${CUBE_TABLE} WHERE file_id = ${this.fileId}) AS cube,
              (SELECT sum(events) FROM ${VOLUME_TABLE} WHERE file_id = ${this.fileId}) AS volume`,
    );
    const cube = Number(sums?.cube ?? 0);
    const volume = Number(sums?.volume ?? 0);
    if (cube !== rows - this.withoutDyad || volume !== rows) {
      throw new AccountingError(
        `${this.meta.path}: the event cube holds ${cube} events and the volume ${volume}, but ${rows - this.withoutDyad} of the ${rows} rows to load are between two states`,
      );
    }
  }

  /** Attach the staged partitions when they can be taken whole, else copy the fresh rows. */
  private async move(): Promise<void> {
    const node = this.store.node;
    const target = chIdent(this.spec.name);
    const stage = chIdent(this.stage);
    if (this.fresh === "1" && this.store.shards.length === 0) {
      const parts = await node.query<{ id: string }>(
        `SELECT DISTINCT partition_id AS id FROM system.parts
         WHERE database = currentDatabase() AND table = ${stringLiteral(this.stage)} AND active`,
      );
      for (const p of parts) {
        await node.exec(
          `ALTER TABLE ${target} ATTACH PARTITION ID ${stringLiteral(p.id)} FROM ${stage}`,
        );
      }
      return;
    }
    await node.exec(`INSERT INTO ${target} SELECT * FROM ${stage} WHERE ${this.fresh}`);
  }

  async abort(): Promise<void> {
    await this.close(false);
  }

  /** Drop the staging table; keep the scratch for the next load after a success. */
  private async close(succeeded: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.staged) await this.store.node.exec(`DROP TABLE IF EXISTS ${chIdent(this.stage)}`);
    } catch (e) {
      dropScratch(this.scratch);
      throw e;
    }
    if (!succeeded) {
      dropScratch(this.scratch);
      return;
    }
    const idle = idleScratches.get(this.store) ?? [];
    idle.push(this.scratch);
    idleScratches.set(this.store, idle);
  }
}
