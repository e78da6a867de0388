/**
 * Release replacement in ClickHouse (src/store/releases.ts). Without transactions the steps are
 * ordered so that each failure can be undone: the old release's rows are first copied to the
 * archive (the data table unchanged), then the new rows are inserted, then the old rows are
 * deleted from the data table and their files marked archived; `rollback` puts back whatever was
 * done. The archive tables live on the coordinator, also for the sharded event tables.
 */

import { isEventTable } from "../event-cube.js";
import {
  archiveName,
  type ChangeSqlDialect,
  compareRows,
  datasetOf,
  FILE_TABLES,
  prunedReleases,
  RELEASE_COLUMNS,
  type ReleaseChange,
  type ReleaseMeta,
  type ReleaseRecord,
  releaseOf,
  releaseRecord,
  restoreConflict,
  restoreTarget,
} from "../releases.js";
import { type TableSpec, tableSpecByName } from "../schema.js";
import type { PruneResult, RestoreResult } from "../store.js";
import type { ChNode } from "./connection.js";
import { CUBE_TABLES, chIdent, columnsSql } from "./ddl.js";
import { keyExpr } from "./key-expr.js";
import { stringLiteral, tsvField } from "./literal.js";

/** What release bookkeeping needs of the store (ReleaseHost provides it). */
export interface ReleaseHost {
  readonly node: ChNode;
  deleteWhere(table: string, where: string): Promise<void>;
  updateWhere(table: string, set: string, where: string): Promise<void>;
  /** Recompute the event cube from the events in use (after a restore moved events back). */
  rebuildCube(): Promise<void>;
}

export const CLICKHOUSE_CHANGE_SQL: ChangeSqlDialect = {
  rowText: (cols) => keyExpr(cols),
  ident: chIdent,
  literal: stringLiteral,
};

/** The archive of a data table: a plain MergeTree on the coordinator. */
export function archiveTableDdl(spec: TableSpec, db: string): string {
  return `CREATE TABLE IF NOT EXISTS ${chIdent(db)}.${chIdent(archiveName(spec.name))} (${columnsSql(spec)}) ENGINE = MergeTree() ORDER BY file_id`;
}

/** Files loaded before schema 7 count as their adapter's release, active. */
export const BACKFILL_RELEASES_SQL = `INSERT INTO releases
  SELECT file_id, source, source_version, table_name, 'active', CAST(NULL AS Nullable(Int32)), CAST(NULL AS Nullable(String))
  FROM provenance WHERE file_id NOT IN (SELECT file_id FROM releases)`;

const ids = (list: readonly number[]): string => list.map((n) => String(Math.trunc(n))).join(", ");

export async function listReleases(store: ReleaseHost): Promise<ReleaseRecord[]> {
  const rows = await store.node.query<Record<string, unknown>>(
    `SELECT ${RELEASE_COLUMNS} FROM releases ORDER BY file_id`,
  );
  return rows.map(releaseRecord);
}

/** The release row of a newly loaded file, with the change it made as JSON. */
export async function recordRelease(
  store: ReleaseHost,
  meta: ReleaseMeta,
  table: string,
  fileId: number,
  change: ReleaseChange | undefined,
): Promise<void> {
  const row = [
    fileId,
    datasetOf(meta),
    releaseOf(meta),
    table,
    "active",
    null,
    change === undefined ? null : JSON.stringify(change),
  ];
  await store.node.insertTsv("releases", [`${row.map(tsvField).join("\t")}\n`]);
}

/**
 * One replacement of a release by a load, step by step: `find` before anything is staged
 * (loads compare their rows with the store without the old release's), `archive` before the
 * new rows are inserted, `finish` after, `rollback` on any failure.
 */
export class ClickHouseReplacement {
  private copied = false;
  private deleted = false;
  private marked = false;

  private constructor(
    private readonly store: ReleaseHost,
    private readonly meta: ReleaseMeta,
    private readonly table: string,
    readonly fileIds: readonly number[],
    private readonly releases: ReadonlyArray<{ release: string; files: number }>,
  ) {}

  /** The active release of the file's dataset in `table` that the file replaces, if any. */
  static async find(
    store: ReleaseHost,
    meta: ReleaseMeta,
    table: string,
  ): Promise<ClickHouseReplacement | null> {
    const rows = await store.node.query<{ file_id: number; release: string }>(
      `SELECT file_id, release FROM releases
       WHERE dataset = $1 AND table_name = $2 AND state = 'active' AND release != $3 ORDER BY file_id`,
      [datasetOf(meta), table, releaseOf(meta)],
    );
    if (!rows.length) return null;
    const byRelease = new Map<string, number>();
    for (const r of rows) byRelease.set(r.release, (byRelease.get(r.release) ?? 0) + 1);
    return new ClickHouseReplacement(
      store,
      meta,
      table,
      rows.map((r) => Number(r.file_id)),
      [...byRelease].map(([release, files]) => ({ release, files })),
    );
  }

  /** `AND …` keeping stored rows that are not the replaced release's. */
  get notReplaced(): string {
    return `file_id NOT IN (${ids(this.fileIds)})`;
  }

  private get archived(): string {
    return `(SELECT * FROM ${chIdent(archiveName(this.table))} WHERE file_id IN (${ids(this.fileIds)}))`;
  }

  /** Copy the old release's rows to the archive; the data table is not touched yet. */
  async archive(): Promise<void> {
    this.copied = true;
    await this.store.node.exec(
      `INSERT INTO ${chIdent(archiveName(this.table))} SELECT * FROM ${chIdent(this.table)} WHERE file_id IN (${ids(this.fileIds)})`,
    );
  }

  /** What the new rows (a subquery, one row per key) change against the archived ones. */
  /** `meta`: the file's, when its release is known only now (a content release, at commit). */
  async change(newRows: string, meta: ReleaseMeta = this.meta): Promise<ReleaseChange> {
    const c = await compareRows(
      (sql) => this.store.node.query<Record<string, unknown>>(sql),
      CLICKHOUSE_CHANGE_SQL,
      tableSpecByName(this.table),
      newRows,
      this.archived,
    );
    return {
      dataset: datasetOf(meta),
      table: this.table,
      release: releaseOf(meta),
      replaced: this.releases,
      ...c,
    };
  }

  /** After the new rows are in: the old ones leave the data table, their files are archived. */
  async finish(fileId: number): Promise<void> {
    this.deleted = true;
    await this.store.deleteWhere(this.table, `file_id IN (${ids(this.fileIds)})`);
    if (isEventTable(this.table)) {
      // The event cube holds only the events in use (src/store/event-cube.ts).
      for (const c of CUBE_TABLES) {
        await this.store.deleteWhere(c, `file_id IN (${ids(this.fileIds)})`);
      }
    }
    this.marked = true;
    await this.store.updateWhere(
      "releases",
      `state = 'archived', replaced_by = ${Math.trunc(fileId)}`,
      `file_id IN (${ids(this.fileIds)})`,
    );
  }

  /** Undo what was done: the old rows back in the data table, the archive and states as before. */
  async rollback(): Promise<void> {
    const list = ids(this.fileIds);
    if (this.marked) {
      await this.store.updateWhere(
        "releases",
        "state = 'active', replaced_by = NULL",
        `file_id IN (${list})`,
      );
    }
    if (this.deleted) {
      // The delete may have run in part: put back the rows that are missing.
      await this.store.deleteWhere(this.table, `file_id IN (${list})`);
      await this.store.node.exec(
        `INSERT INTO ${chIdent(this.table)} SELECT * FROM ${this.archived}`,
      );
      if (isEventTable(this.table)) await this.store.rebuildCube();
    }
    if (this.copied) await this.store.deleteWhere(archiveName(this.table), `file_id IN (${list})`);
  }
}

/** Delete archived releases for good: archived rows, coverage, provenance and records. */
export async function pruneArchived(store: ReleaseHost, dataset?: string): Promise<PruneResult> {
  const files = await store.node.query<{
    file_id: number;
    dataset: string;
    release: string;
    table_name: string;
  }>(
    `SELECT file_id, dataset, release, table_name FROM releases WHERE state = 'archived'
     ${dataset === undefined ? "" : "AND dataset = $1"} ORDER BY file_id`,
    dataset === undefined ? [] : [dataset],
  );
  let rows = 0;
  for (const table of new Set(files.map((f) => f.table_name))) {
    const mine = ids(files.filter((f) => f.table_name === table).map((f) => Number(f.file_id)));
    const a = archiveName(table);
    const r = await store.node.query<{ n: number }>(
      `SELECT count() AS n FROM ${chIdent(a)} WHERE file_id IN (${mine})`,
    );
    rows += Number(r[0]?.n ?? 0);
    await store.deleteWhere(a, `file_id IN (${mine})`);
  }
  if (files.length) {
    const all = ids(files.map((f) => Number(f.file_id)));
    // The release records last: a prune interrupted before them is simply run again.
    for (const t of FILE_TABLES) await store.deleteWhere(t, `file_id IN (${all})`);
  }
  return { files: files.length, rows, releases: prunedReleases(files) };
}

/** Make an archived release active again (archiving the active one of the same tables). */
export async function restoreArchived(
  store: ReleaseHost,
  dataset: string,
  release: string,
): Promise<RestoreResult> {
  const records = (
    await store.node.query<Record<string, unknown>>(
      `SELECT ${RELEASE_COLUMNS} FROM releases WHERE dataset = $1 ORDER BY file_id`,
      [dataset],
    )
  ).map(releaseRecord);
  const target = restoreTarget(records, dataset, release);
  const tables = [...new Set(target.map((r) => r.table))];
  // Refuse before changing anything when another file holds some of the keys.
  for (const table of tables) {
    const spec = tableSpecByName(table);
    const active = records.filter((r) => r.table === table && r.state === "active");
    const mine = ids(target.filter((r) => r.table === table).map((r) => r.fileId));
    const key = keyExpr(spec.naturalKey);
    const others = active.length
      ? `WHERE file_id NOT IN (${ids(active.map((r) => r.fileId))})`
      : "";
    const clash = await store.node.query<{ n: number }>(
      `SELECT count() AS n FROM ${chIdent(archiveName(table))} WHERE file_id IN (${mine})
       AND ${key} GLOBAL IN (SELECT ${key} FROM ${chIdent(table)} ${others})`,
    );
    const n = Number(clash[0]?.n ?? 0);
    if (n > 0) {
      throw restoreConflict(dataset, release, table, n);
    }
  }
  const archivedNow = new Set<string>();
  let moved = 0;
  for (const table of tables) {
    const active = records.filter((r) => r.table === table && r.state === "active");
    const mineIds = target.filter((r) => r.table === table).map((r) => r.fileId);
    const mine = ids(mineIds);
    const t = chIdent(table);
    const a = chIdent(archiveName(table));
    if (active.length) {
      const act = ids(active.map((r) => r.fileId));
      await store.node.exec(`INSERT INTO ${a} SELECT * FROM ${t} WHERE file_id IN (${act})`);
      await store.deleteWhere(table, `file_id IN (${act})`);
      await store.updateWhere(
        "releases",
        "state = 'archived', replaced_by = NULL",
        `file_id IN (${act})`,
      );
      for (const r of active) archivedNow.add(r.release);
    }
    const r = await store.node.query<{ n: number }>(
      `SELECT count() AS n FROM ${a} WHERE file_id IN (${mine})`,
    );
    moved += Number(r[0]?.n ?? 0);
    await store.node.exec(`INSERT INTO ${t} SELECT * FROM ${a} WHERE file_id IN (${mine})`);
    await store.deleteWhere(archiveName(table), `file_id IN (${mine})`);
    await store.updateWhere(
      "releases",
      "state = 'active', replaced_by = NULL",
      `file_id IN (${mine})`,
    );
  }
  // The cube again from the events in use: restores are rare, and the active and the restored
  // files' cells are then exactly those of a load.
  if (tables.some(isEventTable)) await store.rebuildCube();
  return { dataset, release, rows: moved, archived: [...archivedNow] };
}
