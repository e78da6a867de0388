import { DUCKDB_DIALECT } from "../dialect.js";
import {
  CUBE_COLUMNS,
  CUBE_TABLE,
  type CubeColumn,
  cubeSelectSql,
  type EventTable,
  VOLUME_COLUMNS,
  VOLUME_TABLE,
  volumeSelectSql,
} from "../event-cube.js";
import {
  type ColumnType,
  RESULT_TABLES,
  TABLES,
  type TableSpec,
  TRACE_COLUMNS,
} from "../schema.js";
import { quoteIdent } from "../sql.js";

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
  const cols = [...spec.columns, ...(trace ? TRACE_COLUMNS : [])].map(
    (col) => `${quoteIdent(col.name)} ${duckType(col.type)}`,
  );
  return `CREATE TABLE ${quoteIdent(spec.name)} (${cols.join(", ")})`;
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
const LATER_TABLES = new Set<string>([...V2_TABLES, ...V3_TABLES, ...V5_TABLES, ...V6_TABLES]);

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
    // The event cube and the volume per day (src/store/event-cube.ts), filled from the events
    // already stored, file by file.
    version: 7,
    statements: () => [
      cubeTableSql(CUBE_TABLE, CUBE_COLUMNS),
      cubeTableSql(VOLUME_TABLE, VOLUME_COLUMNS),
      ...(["gdelt_events", "icews_events"] as const).flatMap((t) => {
        const opts = { from: t, where: "true", fileId: "file_id" };
        return [insertCubeSql(t, opts), insertVolumeSql(t, opts)];
      }),
    ],
  },
];

function cubeTableSql(name: string, columns: readonly CubeColumn[]): string {
  const cols = columns.map(
    (c) => `${quoteIdent(c.name)} ${duckType(c.type)}${c.required ? " NOT NULL" : ""}`,
  );
  return `CREATE TABLE ${quoteIdent(name)} (${cols.join(", ")})`;
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

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
