import {
  CUBE_COLUMNS,
  CUBE_TABLE,
  type CubeColumn,
  cubeSelectSql,
  EVENT_TABLE_NAMES,
  type EventTable,
  VOLUME_COLUMNS,
  VOLUME_TABLE,
  volumeSelectSql,
} from "../event-cube.js";
import { archiveName } from "../releases.js";
import {
  type ColumnType,
  RESULT_TABLES,
  TABLES,
  type TableSpec,
  TRACE_COLUMNS,
} from "../schema.js";
import { SCHEMA_VERSION } from "../schema-version.js";
import { quoteIdent } from "../sql.js";
import { DUCKDB_DIALECT } from "./dialect.js";

const DUCK_TYPES: Record<ColumnType, string> = {
  int: "INTEGER",
  bigint: "BIGINT",
  double: "DOUBLE",
  text: "VARCHAR",
  date: "DATE",
  bool: "BOOLEAN",
  "int[]": "INTEGER[]",
  "text[]": "VARCHAR[]",
};

export function duckType(type: ColumnType): string {
  return DUCK_TYPES[type];
}

export function createTableSql(spec: TableSpec, trace = true): string {
  return createTableAsSql(spec, spec.name, { trace });
}

/** The table of a spec under another name (its archive), `IF NOT EXISTS` where asked. */
export function createTableAsSql(
  spec: TableSpec,
  name: string,
  opts: { trace?: boolean; ifNotExists?: boolean } = {},
): string {
  const cols = [...spec.columns, ...(opts.trace === false ? [] : TRACE_COLUMNS)].map(
    (col) =>
      `${quoteIdent(col.name)} ${duckType(col.type)}${col.lowCardinality ? " USING COMPRESSION dictionary" : ""}`,
  );
  return `CREATE TABLE ${opts.ifNotExists ? "IF NOT EXISTS " : ""}${quoteIdent(name)} (${cols.join(", ")})`;
}

/** Tables added by migrations 2 (event data), 3 (documents) and 5; migration 1 creates the others. */
const V2_TABLES: ReadonlySet<keyof typeof TABLES> = new Set([
  "gdelt_events",
  "icews_events",
  "icews_dyad_year",
] as const);
const V3_TABLES: ReadonlySet<keyof typeof TABLES> = new Set(["documents"] as const);
/** Migration 5: IGO memberships, contiguity and militarized disputes. */
const V5_TABLES: ReadonlySet<keyof typeof TABLES> = new Set([
  "igo_dyad_year",
  "contiguity",
  "mid_dyad_year",
] as const);
/** Migration 6 (UN ideal points): the matched resolutions; the stored fits are result tables. */
const V6_TABLES: ReadonlySet<keyof typeof TABLES> = new Set(["un_matches"] as const);
/** Migration 7 (issue 20): UN Digital Library votes and IMF IMTS trade. */
const V7_TABLES: ReadonlySet<keyof typeof TABLES> = new Set(["undl_votes", "trade_imts"] as const);
const LATER_TABLES = new Set<string>([
  ...V2_TABLES,
  ...V3_TABLES,
  ...V5_TABLES,
  ...V6_TABLES,
  ...V7_TABLES,
]);

/** Schema migrations, in order. Each runs once, inside a transaction. */
export const MIGRATIONS: ReadonlyArray<{ version: number; statements: () => string[] }> = [
  {
    version: 1,
    statements: () => [
      "CREATE SEQUENCE file_id_seq START 1",
      `CREATE TABLE provenance (
        file_id INTEGER PRIMARY KEY, path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL UNIQUE,
        size BIGINT NOT NULL, source VARCHAR NOT NULL, source_version VARCHAR NOT NULL,
        table_name VARCHAR NOT NULL, lines_read INTEGER NOT NULL, rows_loaded INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL, rows_duplicate INTEGER NOT NULL,
        loaded_at TIMESTAMP NOT NULL)`,
      "CREATE TABLE load_rejects (file_id INTEGER NOT NULL, line INTEGER NOT NULL, reason VARCHAR NOT NULL)",
      "CREATE TABLE load_unresolved (file_id INTEGER NOT NULL, name VARCHAR NOT NULL, rows INTEGER NOT NULL)",
      ...Object.values(TABLES)
        .filter((t) => !LATER_TABLES.has(t.name))
        .map((t) => createTableSql(t)),
    ],
  },
  {
    version: 2,
    statements: () => [...V2_TABLES].map((t) => createTableSql(TABLES[t])),
  },
  {
    version: 3,
    statements: () => [...V3_TABLES].map((t) => createTableSql(TABLES[t])),
  },
  {
    // The spans of time each loaded event file covers (src/store/event-coverage.ts); files loaded
    // before are filled in from their rows by DuckDbStore.migrate (backfillSpans).
    version: 4,
    statements: () => [EVENT_COVERAGE_DDL],
  },
  {
    version: 5,
    statements: () => [...V5_TABLES].map((t) => createTableSql(TABLES[t])),
  },
  {
    version: 6,
    statements: () => [
      ...[...V6_TABLES].map((t) => createTableSql(TABLES[t])),
      ...Object.values(RESULT_TABLES).map((t) => createTableSql(t, false)),
    ],
  },
  {
    // Issue 20, self-contained (every statement tolerates a store that already has it, so it can
    // be renumbered): the UN Digital Library and IMF IMTS tables; the release of every loaded
    // file (files loaded before count as their adapter's release, active); one archive per data
    // table for the rows of replaced releases (src/store/releases.ts).
    version: 7,
    statements: () => [
      ...[...V7_TABLES].map((t) =>
        createTableAsSql(TABLES[t], TABLES[t].name, { ifNotExists: true }),
      ),
      RELEASES_DDL,
      ...Object.values(TABLES).map((t) =>
        createTableAsSql(t, archiveName(t.name), { ifNotExists: true }),
      ),
      `INSERT INTO releases SELECT file_id, source, source_version, table_name, 'active', NULL, NULL
       FROM provenance WHERE file_id NOT IN (SELECT file_id FROM releases)`,
    ],
  },
  {
    // The event cube and the volume per day (src/store/event-cube.ts), filled from the events
    // already stored, file by file.
    version: 8,
    statements: () => [
      cubeTableSql(CUBE_TABLE, CUBE_COLUMNS),
      cubeTableSql(VOLUME_TABLE, VOLUME_COLUMNS),
      // Refilled whole, so that the migration can be renumbered or repeated.
      `DELETE FROM ${quoteIdent(CUBE_TABLE)}`,
      `DELETE FROM ${quoteIdent(VOLUME_TABLE)}`,
      ...EVENT_TABLE_NAMES.flatMap((t) => {
        const opts = { from: t, where: "true", fileId: "file_id" };
        return [insertCubeSql(t, opts), insertVolumeSql(t, opts)];
      }),
    ],
  },
];

/** One row per loaded file: the dataset and release it belongs to, and whether it is in use. */
export const RELEASES_DDL = `CREATE TABLE IF NOT EXISTS releases (
  file_id INTEGER NOT NULL, dataset VARCHAR NOT NULL, release VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL, state VARCHAR NOT NULL, replaced_by INTEGER, changes VARCHAR)`;

function cubeTableSql(name: string, columns: readonly CubeColumn[]): string {
  // Its text columns (table name, CAMEO root) have a handful of values: dictionary, without
  // trying the other methods on each segment (see createTableAsSql).
  const cols = columns.map(
    (c) =>
      `${quoteIdent(c.name)} ${duckType(c.type)}${c.type === "text" ? " USING COMPRESSION dictionary" : ""}${c.required ? " NOT NULL" : ""}`,
  );
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} (${cols.join(", ")})`;
}

/**
 * INSERT of the cube rows of some events, sorted by dyad and day: each load's rows then fill
 * row groups of few dyads, whose zone maps let a dyad's query skip the rest.
 */
export function insertCubeSql(
  table: EventTable,
  opts: { from: string; where: string; fileId: string },
): string {
  return `INSERT INTO ${CUBE_TABLE} ${cubeSelectSql(table, DUCKDB_DIALECT, opts)} ORDER BY a, b, day`;
}

export function insertVolumeSql(
  table: EventTable,
  opts: { from: string; where: string; fileId: string },
): string {
  return `INSERT INTO ${VOLUME_TABLE} ${volumeSelectSql(table, DUCKDB_DIALECT, opts)}`;
}

/** One row per span an event file covers: Unix seconds (UTC), half-open [span_start, span_end). */
export const EVENT_COVERAGE_DDL = `CREATE TABLE event_coverage (
  file_id INTEGER NOT NULL, table_name VARCHAR NOT NULL, span_start BIGINT NOT NULL,
  span_end BIGINT NOT NULL, basis VARCHAR NOT NULL)`;

if (MIGRATIONS[MIGRATIONS.length - 1]?.version !== SCHEMA_VERSION) {
  throw new Error(`the last DuckDB migration is not schema version ${SCHEMA_VERSION}`);
}
