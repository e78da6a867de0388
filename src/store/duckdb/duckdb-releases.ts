/**
 * Release replacement in DuckDB (src/store/releases.ts): every step runs on the loading
 * connection inside the caller's transaction, so a failed load leaves the old release in place.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { CUBE_TABLE, isEventTable, VOLUME_TABLE } from "../event-cube.js";
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
import { tableSpecByName } from "../schema.js";
import { quoteIdent, quoteLiteral } from "../sql.js";
import type { PruneResult, RestoreResult } from "../store.js";
import { insertCubeSql, insertVolumeSql } from "./ddl.js";
import { readRows } from "./rows.js";

export const DUCKDB_CHANGE_SQL: ChangeSqlDialect = {
  // chr(1) stands for null and chr(31) separates the columns: neither occurs in the data read.
  rowText: (cols) =>
    `concat_ws(chr(31), ${cols.map((c) => `coalesce(CAST(${quoteIdent(c)} AS VARCHAR), chr(1))`).join(", ")})`,
  ident: quoteIdent,
  literal: quoteLiteral,
};

/** The files of the release a load replaces, grouped by release. */
export interface Replacing {
  readonly fileIds: readonly number[];
  readonly releases: ReadonlyArray<{ readonly release: string; readonly files: number }>;
}

const ids = (list: readonly number[]): string => list.map((n) => String(Math.trunc(n))).join(", ");

function groupReleases(rows: ReadonlyArray<{ release: string }>): Replacing["releases"] {
  const byRelease = new Map<string, number>();
  for (const r of rows) byRelease.set(r.release, (byRelease.get(r.release) ?? 0) + 1);
  return [...byRelease].map(([release, files]) => ({ release, files }));
}

/** Move the rows of the given files of `table` into its archive and mark them archived. */
async function archiveFiles(
  con: DuckDBConnection,
  table: string,
  fileIds: readonly number[],
  replacedBy: number | null,
): Promise<void> {
  if (!fileIds.length) return;
  const t = quoteIdent(table);
  await con.run(
    `INSERT INTO ${quoteIdent(archiveName(table))} SELECT * FROM ${t} WHERE file_id IN (${ids(fileIds)})`,
  );
  await con.run(`DELETE FROM ${t} WHERE file_id IN (${ids(fileIds)})`);
  if (isEventTable(table)) {
    // The event cube holds only the events in use (src/store/event-cube.ts).
    for (const c of [CUBE_TABLE, VOLUME_TABLE]) {
      await con.run(`DELETE FROM ${quoteIdent(c)} WHERE file_id IN (${ids(fileIds)})`);
    }
  }
  await con.run(
    `UPDATE releases SET state = 'archived', replaced_by = $1 WHERE file_id IN (${ids(fileIds)})`,
    [replacedBy] as never,
  );
}

/**
 * The active release of the file's dataset in `table`, when it differs from the file's: its rows
 * move to the archive (in the caller's transaction). Null when nothing is replaced.
 */
export async function archiveReplaced(
  con: DuckDBConnection,
  meta: ReleaseMeta,
  table: string,
  fileId: number,
): Promise<Replacing | null> {
  const rows = await readRows<{ file_id: number; release: string }>(
    con,
    `SELECT file_id, release FROM releases
     WHERE dataset = $1 AND table_name = $2 AND state = 'active' AND release <> $3 ORDER BY file_id`,
    [datasetOf(meta), table, releaseOf(meta)],
  );
  if (!rows.length) return null;
  const fileIds = rows.map((r) => Number(r.file_id));
  await archiveFiles(con, table, fileIds, fileId);
  return { fileIds, releases: groupReleases(rows) };
}

/** What the new rows (a parenthesised subquery, one row per key) change against the archived ones. */
export async function changeOf(
  con: DuckDBConnection,
  meta: ReleaseMeta,
  table: string,
  newRows: string,
  replacing: Replacing,
): Promise<ReleaseChange> {
  const oldRows = `(SELECT * FROM ${quoteIdent(archiveName(table))} WHERE file_id IN (${ids(replacing.fileIds)}))`;
  const c = await compareRows(
    (sql) => readRows(con, sql),
    DUCKDB_CHANGE_SQL,
    tableSpecByName(table),
    newRows,
    oldRows,
  );
  return {
    dataset: datasetOf(meta),
    table,
    release: releaseOf(meta),
    replaced: replacing.releases,
    ...c,
  };
}

/** The release row of a newly loaded file (with the change it made, as JSON). */
export async function recordRelease(
  con: DuckDBConnection,
  meta: ReleaseMeta,
  table: string,
  fileId: number,
  change: ReleaseChange | undefined,
): Promise<void> {
  await con.run("INSERT INTO releases VALUES ($1, $2, $3, $4, 'active', NULL, $5)", [
    fileId,
    datasetOf(meta),
    releaseOf(meta),
    table,
    change === undefined ? null : JSON.stringify(change),
  ] as never);
}

export async function listReleases(con: DuckDBConnection): Promise<ReleaseRecord[]> {
  const rows = await readRows<Record<string, unknown>>(
    con,
    `SELECT ${RELEASE_COLUMNS} FROM releases ORDER BY file_id`,
  );
  return rows.map(releaseRecord);
}

async function inTransaction<T>(con: DuckDBConnection, body: () => Promise<T>): Promise<T> {
  await con.run("BEGIN TRANSACTION");
  try {
    const out = await body();
    await con.run("COMMIT");
    return out;
  } catch (e) {
    await con.run("ROLLBACK");
    throw e;
  }
}

/** Delete archived releases for good: their archived rows, coverage, provenance and records. */
export async function pruneArchived(con: DuckDBConnection, dataset?: string): Promise<PruneResult> {
  return inTransaction(con, async () => {
    const files = await readRows<{
      file_id: number;
      dataset: string;
      release: string;
      table_name: string;
    }>(
      con,
      `SELECT file_id, dataset, release, table_name FROM releases WHERE state = 'archived'
       ${dataset === undefined ? "" : "AND dataset = $1"} ORDER BY file_id`,
      dataset === undefined ? [] : [dataset],
    );
    let rows = 0;
    for (const table of new Set(files.map((f) => f.table_name))) {
      const mine = files.filter((f) => f.table_name === table).map((f) => Number(f.file_id));
      rows += (
        await con.run(
          `DELETE FROM ${quoteIdent(archiveName(table))} WHERE file_id IN (${ids(mine)})`,
        )
      ).rowsChanged;
    }
    if (files.length) {
      const all = ids(files.map((f) => Number(f.file_id)));
      for (const t of FILE_TABLES) await con.run(`DELETE FROM ${t} WHERE file_id IN (${all})`);
    }
    return { files: files.length, rows, releases: prunedReleases(files) };
  });
}

/** Make an archived release active again (archiving the active one of the same tables). */
export async function restoreArchived(
  con: DuckDBConnection,
  dataset: string,
  release: string,
): Promise<RestoreResult> {
  return inTransaction(con, async () => {
    const records = (
      await readRows<Record<string, unknown>>(
        con,
        `SELECT ${RELEASE_COLUMNS} FROM releases WHERE dataset = $1 ORDER BY file_id`,
        [dataset],
      )
    ).map(releaseRecord);
    const target = restoreTarget(records, dataset, release);
    const archivedNow = new Set<string>();
    let moved = 0;
    for (const table of new Set(target.map((r) => r.table))) {
      const spec = tableSpecByName(table);
      const active = records.filter((r) => r.table === table && r.state === "active");
      await archiveFiles(
        con,
        table,
        active.map((r) => r.fileId),
        null,
      );
      for (const r of active) archivedNow.add(r.release);
      const mine = ids(target.filter((r) => r.table === table).map((r) => r.fileId));
      const t = quoteIdent(table);
      const a = quoteIdent(archiveName(table));
      const same = spec.naturalKey
        .map((k) => `x.${quoteIdent(k)} IS NOT DISTINCT FROM a.${quoteIdent(k)}`)
        .join(" AND ");
      const clash = await readRows<{ n: number }>(
        con,
        `SELECT count(*) AS n FROM ${a} a WHERE a.file_id IN (${mine})
         AND EXISTS (SELECT 1 FROM ${t} x WHERE ${same})`,
      );
      const n = Number(clash[0]?.n ?? 0);
      if (n > 0) {
        throw restoreConflict(dataset, release, table, n);
      }
      moved += (await con.run(`INSERT INTO ${t} SELECT * FROM ${a} WHERE file_id IN (${mine})`))
        .rowsChanged;
      await con.run(`DELETE FROM ${a} WHERE file_id IN (${mine})`);
      if (isEventTable(table)) {
        // The restored events join the cube again, file by file as at load.
        const opts = { from: table, where: `file_id IN (${mine})`, fileId: "file_id" };
        await con.run(insertCubeSql(table, opts));
        await con.run(insertVolumeSql(table, opts));
      }
      await con.run(
        `UPDATE releases SET state = 'active', replaced_by = NULL WHERE file_id IN (${mine})`,
      );
    }
    return { dataset, release, rows: moved, archived: [...archivedNow] };
  });
}
