/**
 * ClickHouse tables for the schema of src/store/schema.ts, in the DDL ClickHouse 18.16 accepts.
 *
 * - Dates are `String` holding `YYYY-MM-DD`: the 18.16 `Date` type covers 1970–2105 only and UN
 *   roll calls (1946–) and state spells (1816–) fall outside. ISO strings compare and sort like
 *   dates; the dialect (src/store/dialect.ts) reads year/quarter/month out of them.
 * - Booleans are `UInt8` (1/0); list columns `Array(…)`, never null (an absent list is `[]`, as
 *   the DuckDB appender stores it).
 * - Every other data column is `Nullable`: a null in a file stays a null, as in DuckDB.
 * - Event tables: the id and date are required by the loader's rules, so they are not Nullable
 *   and make the sort key `(event_date, id)`; partitioned by year. On a cluster they are
 *   `Distributed` over shard-local tables (`<name>_local`), sharded by the event id.
 */
import {
  CUBE_COLUMNS,
  CUBE_TABLE,
  type CubeColumn,
  EVENT_TABLE_NAMES,
  VOLUME_COLUMNS,
  VOLUME_TABLE,
} from "../event-cube.js";
import {
  type ColumnSpec,
  type ColumnType,
  RESULT_TABLES,
  TABLES,
  type TableSpec,
  TRACE_COLUMNS,
} from "../schema.js";

const CH_TYPES: Record<ColumnType, string> = {
  int: "Int32",
  bigint: "Int64",
  double: "Float64",
  text: "String",
  date: "String",
  bool: "UInt8",
  "int[]": "Array(Int32)",
  "text[]": "Array(String)",
};

/** Backquoted identifier (names come from the schema; checked anyway). */
export function chIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad identifier: ${name}`);
  return `\`${name}\``;
}

export const EVENT_TABLES: ReadonlySet<string> = new Set(EVENT_TABLE_NAMES);

/** Columns that are never null in ClickHouse (required by the event rules; trace file_id). */
function required(table: TableSpec, col: ColumnSpec): boolean {
  if (col.name === "file_id") return true;
  return EVENT_TABLES.has(table.name) && (col.name === "event_id" || col.name === "event_date");
}

export function chType(table: TableSpec, col: ColumnSpec): string {
  const t = CH_TYPES[col.type];
  if (col.type.endsWith("[]") || required(table, col)) return t;
  return `Nullable(${t})`;
}

export function columnsSql(spec: TableSpec): string {
  return [...spec.columns, ...TRACE_COLUMNS]
    .map((c) => `${chIdent(c.name)} ${chType(spec, c)}`)
    .join(", ");
}

/** Engine clause of a data table stored on one node. */
function mergeTree(spec: TableSpec): string {
  if (EVENT_TABLES.has(spec.name)) {
    return "ENGINE = MergeTree() PARTITION BY substring(event_date, 1, 4) ORDER BY (event_date, event_id)";
  }
  return "ENGINE = MergeTree() ORDER BY file_id";
}

/**
 * A MergeTree table with the columns and engine of a data table (of its shard-local table on a
 * cluster): a staging table whose partitions can be attached to the data table as they are.
 */
export function mergeTreeTableSql(spec: TableSpec, qualifiedName: string): string {
  return `CREATE TABLE ${qualifiedName} (${columnsSql(spec)}) ${mergeTree(spec)}`;
}

export interface TableDdl {
  /** Statements for the node Entente talks to. */
  readonly coordinator: string[];
  /** Statements for every shard (the coordinator included), cluster only. */
  readonly shards: string[];
}

/** DDL of one data table; `cluster` makes the event tables Distributed. */
export function createTableDdl(spec: TableSpec, db: string, cluster: string | null): TableDdl {
  const name = `${chIdent(db)}.${chIdent(spec.name)}`;
  if (cluster !== null && EVENT_TABLES.has(spec.name)) {
    const local = `${spec.name}_local`;
    return {
      shards: [
        `CREATE TABLE IF NOT EXISTS ${chIdent(db)}.${chIdent(local)} (${columnsSql(spec)}) ${mergeTree(spec)}`,
      ],
      coordinator: [
        `CREATE TABLE IF NOT EXISTS ${name} (${columnsSql(spec)}) ENGINE = Distributed(${chIdent(cluster)}, ${chIdent(db)}, ${chIdent(local)}, ${shardingKey(spec)})`,
      ],
    };
  }
  return {
    coordinator: [`CREATE TABLE IF NOT EXISTS ${name} (${columnsSql(spec)}) ${mergeTree(spec)}`],
    shards: [],
  };
}

/** Shards by event id (GDELT and ICEWS ids are integers), hashed so that ranges spread. */
function shardingKey(_spec: TableSpec): string {
  return "intHash64(event_id)";
}

/** The cube tables: spread over the shards as the events are (see cubeDdl). */
export const CUBE_TABLES: ReadonlySet<string> = new Set([CUBE_TABLE, VOLUME_TABLE]);

/** Tables that are Distributed over shard-local `<name>_local` tables on a cluster. */
export const SHARDED_TABLES: ReadonlySet<string> = new Set([...EVENT_TABLES, ...CUBE_TABLES]);

/**
 * The shard slot of a cube row: `intHash64(event_id) % <total shard weight>`, the remainder by
 * which the Distributed event table picks an event's shard. Cube rows are grouped by it and the
 * cube's Distributed table shards by it, so each shard's cube sums exactly that shard's events.
 */
export const SLOT_COLUMN = "slot";

export function slotSql(totalWeight: number): string {
  return `toUInt32(intHash64(event_id) % ${Math.max(1, Math.trunc(totalWeight))})`;
}

function cubeColumnsSql(columns: readonly CubeColumn[]): string {
  return [
    ...columns.map(
      (c) =>
        `${chIdent(c.name)} ${c.required ? CH_TYPES[c.type] : `Nullable(${CH_TYPES[c.type]})`}`,
    ),
    `${SLOT_COLUMN} UInt32`,
  ].join(", ");
}

/**
 * DDL of the event cube and the volume (src/store/event-cube.ts): MergeTree tables filled at
 * insert, one row per cell and file, ordered by dyad and day so a dyad's query reads only its
 * own granules; on a cluster Distributed over shard-local tables, sharded by slot.
 */
export function cubeDdl(db: string, cluster: string | null): TableDdl[] {
  const engines: Array<[string, readonly CubeColumn[], string]> = [
    [CUBE_TABLE, CUBE_COLUMNS, "ORDER BY (table_name, a, b, day)"],
    [VOLUME_TABLE, VOLUME_COLUMNS, "ORDER BY (table_name, day)"],
  ];
  return engines.map(([table, columns, order]) => {
    const cols = cubeColumnsSql(columns);
    const name = `${chIdent(db)}.${chIdent(table)}`;
    if (cluster === null) {
      return {
        coordinator: [`CREATE TABLE IF NOT EXISTS ${name} (${cols}) ENGINE = MergeTree() ${order}`],
        shards: [],
      };
    }
    const local = `${chIdent(db)}.${chIdent(`${table}_local`)}`;
    return {
      shards: [`CREATE TABLE IF NOT EXISTS ${local} (${cols}) ENGINE = MergeTree() ${order}`],
      coordinator: [
        `CREATE TABLE IF NOT EXISTS ${name} (${cols}) ENGINE = Distributed(${chIdent(cluster)}, ${chIdent(db)}, ${chIdent(`${table}_local`)}, ${SLOT_COLUMN})`,
      ],
    };
  });
}

/** Bookkeeping tables (provenance, rejects, unresolved names, schema version). */
export function bookkeepingDdl(db: string): string[] {
  const d = chIdent(db);
  return [
    `CREATE TABLE IF NOT EXISTS ${d}.schema_migrations (version UInt32, applied_at String) ENGINE = MergeTree() ORDER BY version`,
    `CREATE TABLE IF NOT EXISTS ${d}.provenance (
      file_id Int32, path String, sha256 String, size Int64, source String, source_version String,
      table_name String, lines_read Int32, rows_loaded Int32, rows_rejected Int32,
      rows_duplicate Int32, loaded_at String) ENGINE = MergeTree() ORDER BY file_id`,
    `CREATE TABLE IF NOT EXISTS ${d}.load_rejects (file_id Int32, line Int32, reason String) ENGINE = MergeTree() ORDER BY (file_id, line)`,
    `CREATE TABLE IF NOT EXISTS ${d}.load_unresolved (file_id Int32, name String, rows Int32) ENGINE = MergeTree() ORDER BY file_id`,
    // Schema 7: the release of every loaded file (as RELEASES_DDL in DuckDB).
    `CREATE TABLE IF NOT EXISTS ${d}.releases (file_id Int32, dataset String, release String, table_name String, state String, replaced_by Nullable(Int32), changes Nullable(String)) ENGINE = MergeTree() ORDER BY file_id`,
    // Schema 4: the spans of time each event file covers (as EVENT_COVERAGE_DDL in DuckDB).
    // Schema 6: loads noted before they write (ClickHouse has no transactions; see recover()).
    `CREATE TABLE IF NOT EXISTS ${d}.load_journal (file_id Int32, table_name String, stage String, started_at String) ENGINE = MergeTree() ORDER BY file_id`,
    `CREATE TABLE IF NOT EXISTS ${d}.event_coverage (file_id Int32, table_name String, span_start Int64, span_end Int64, basis String) ENGINE = MergeTree() ORDER BY (table_name, span_start)`,
  ];
}

/**
 * A result table (src/store/schema.ts RESULT_TABLES): no trace columns, its natural key not
 * Nullable and the sort key, on the coordinator only (results are small).
 */
export function resultTableSql(spec: TableSpec, db: string): string {
  const key = new Set(spec.naturalKey);
  const cols = spec.columns.map((c) => {
    const t = CH_TYPES[c.type];
    return `${chIdent(c.name)} ${key.has(c.name) || c.type.endsWith("[]") ? t : `Nullable(${t})`}`;
  });
  return `CREATE TABLE IF NOT EXISTS ${chIdent(db)}.${chIdent(spec.name)} (${cols.join(", ")}) ENGINE = MergeTree() ORDER BY (${spec.naturalKey.map(chIdent).join(", ")})`;
}

/** Result tables, created with the data tables. */
export const RESULT_TABLE_SPECS: readonly TableSpec[] = Object.values(RESULT_TABLES);

/** Tables of schema version 1 and 2 (as in src/store/duckdb/ddl.ts). */
export const DATA_TABLES: readonly TableSpec[] = Object.values(TABLES);
