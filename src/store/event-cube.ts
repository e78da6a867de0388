/**
 * The event cube: per event table, loaded file, day, directed dyad, CAMEO root code, quad class
 * and root-event flag, the sums the event indicators need (src/indicators/events.ts); and the
 * source's volume per day (every event, with or without a dyad). Both are written by the load
 * that writes the events, in the same transaction (DuckDB) or staged move (ClickHouse), from the
 * rows that remain after rule breakers and duplicates are removed, so the cube is always the
 * aggregate of the stored rows (test/store/event-cube.test.ts recomputes it after every kind of
 * load). Rows are per file (`file_id`) and never updated: a later file adds rows for the same
 * cell, and readers sum them. docs/indicators.md ("The event cube") lists what it answers.
 *
 * Indicators read the cube instead of the events: the cost of a query follows the cells it
 * reads, not the events stored (DuckDB: each load's rows are written sorted by dyad, so the zone
 * maps of other dyads' row groups skip them; ClickHouse: the cube is ordered by dyad).
 */
import type { EventLayout } from "./bulk-csv.js";
import type { SqlDialect } from "./dialect.js";
import type { ColumnType } from "./schema.js";

export const CUBE_TABLE = "event_cube";
export const VOLUME_TABLE = "event_volume";

export type EventTable = EventLayout["table"];

/** The event tables, whose rows the cube sums. */
export const EVENT_TABLE_NAMES: readonly EventTable[] = ["gdelt_events", "icews_events"];

export const isEventTable = (table: string): table is EventTable =>
  (EVENT_TABLE_NAMES as readonly string[]).includes(table);

export interface CubeColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** A key column (the cell), else a sum. */
  readonly key: boolean;
  /** Never null (ClickHouse: not Nullable; sort key columns must not be). */
  readonly required: boolean;
  readonly description: string;
}

const k = (name: string, type: ColumnType, description: string, required = true): CubeColumn => ({
  name,
  type,
  key: true,
  required,
  description,
});
const s = (name: string, type: ColumnType, description: string): CubeColumn => ({
  name,
  type,
  key: false,
  required: true,
  description,
});

/** The columns of event_cube, in order. */
export const CUBE_COLUMNS: readonly CubeColumn[] = [
  k("table_name", "text", "event table the events are in: gdelt_events | icews_events"),
  k("file_id", "int", "provenance.file_id of the file that loaded the events"),
  k("day", "date", "event date (GDELT SQLDATE, ICEWS Event Date)"),
  k("a", "int", "COW code of the first actor's state (GDELT Actor1, ICEWS Source)"),
  k("b", "int", "COW code of the second actor's state (GDELT Actor2, ICEWS Target)"),
  k("root", "text", "CAMEO root code: the first two characters of the event code"),
  k(
    "quad_class",
    "int",
    "GDELT: recorded QuadClass; ICEWS: quad class of the root (indicators use the root's)",
    false,
  ),
  k("is_root", "bool", "GDELT IsRootEvent (null for ICEWS, which has no such flag)", false),
  s("events", "bigint", "events in the cell"),
  s("goldstein_n", "bigint", "events with a Goldstein value (ICEWS: Intensity)"),
  s("goldstein_sum", "double", "Σ Goldstein (ICEWS: Σ Intensity)"),
  s("goldstein_mentions", "double", "Σ Goldstein × NumMentions (GDELT; 0 for ICEWS)"),
  s("mentions_g", "bigint", "Σ NumMentions over the events with a Goldstein value (GDELT)"),
  s("mentions", "bigint", "Σ NumMentions (GDELT; 0 for ICEWS)"),
  s("sources", "bigint", "Σ NumSources (GDELT; 0 for ICEWS)"),
  s("articles", "bigint", "Σ NumArticles (GDELT; 0 for ICEWS)"),
];

/** The columns of event_volume, in order: every event of the table, dyad or not. */
export const VOLUME_COLUMNS: readonly CubeColumn[] = [
  k("table_name", "text", "event table: gdelt_events | icews_events"),
  k("file_id", "int", "provenance.file_id of the file that loaded the events"),
  k("day", "date", "event date"),
  k("is_root", "bool", "GDELT IsRootEvent (null for ICEWS)", false),
  s("events", "bigint", "events of the day (the `share` denominator)"),
];

/** How a cube cell is read from the rows of one event table. */
interface Source {
  readonly a: string;
  readonly b: string;
  readonly root: string;
  readonly quad: string;
  readonly isRoot: (sql: SqlDialect) => string;
  readonly goldstein: string;
  readonly mentions: string | null;
  readonly sources: string | null;
  readonly articles: string | null;
}

const SOURCES: Readonly<Record<EventTable, Source>> = {
  gdelt_events: {
    a: "actor1_ccode",
    b: "actor2_ccode",
    // The loader's rules keep only rows whose root equals the code's first two characters.
    root: "event_root_code",
    quad: "quad_class",
    isRoot: () => "is_root_event",
    goldstein: "goldstein",
    mentions: "num_mentions",
    sources: "num_sources",
    articles: "num_articles",
  },
  icews_events: {
    a: "source_ccode",
    b: "target_ccode",
    root: "substr(cameo_code, 1, 2)",
    quad: "quad_class",
    isRoot: (sql) => sql.nullOf("bool"),
    goldstein: "intensity",
    mentions: null,
    sources: null,
    articles: null,
  },
};

export interface CubeSelectOptions {
  /** The rows to aggregate: a table (the event table, or a staging table of one file). */
  readonly from: string;
  /** Which of its rows (e.g. `file_id = 7`). */
  readonly where: string;
  /** The file id written on the cube rows (an SQL expression). */
  readonly fileId: string;
  /** Extra key columns (name → expression), e.g. ClickHouse's shard slot. */
  readonly extra?: ReadonlyArray<readonly [string, string]>;
}

/** The column names of a cube table for an INSERT of a SELECT below, extras (slot) last. */
export function cubeColumnNames(
  columns: readonly CubeColumn[],
  extra: readonly string[] = ["slot"],
): string {
  const keys = columns.filter((c) => c.key).map((c) => c.name);
  const sums = columns.filter((c) => !c.key).map((c) => c.name);
  return [...keys, ...extra, ...sums].join(", ");
}

/** Names of the key columns a SELECT groups by, extras included. */
function keyNames(columns: readonly CubeColumn[], opts: CubeSelectOptions): string[] {
  return [
    ...columns.filter((c) => c.key).map((c) => c.name),
    ...(opts.extra ?? []).map(([n]) => n),
  ];
}

/**
 * SELECT giving the cube rows of some rows of an event table, in the column order of
 * CUBE_COLUMNS (then the extras). Sums are never null. Rows with a side that is no state are not
 * in the cube (they count in the volume only).
 */
export function cubeSelectSql(table: EventTable, sql: SqlDialect, opts: CubeSelectOptions): string {
  const src = SOURCES[table];
  const zero = (e: string | null, agg = "sum") => (e === null ? "0" : `coalesce(${agg}(${e}), 0)`);
  const g = src.goldstein;
  const m = src.mentions;
  // Inner names are prefixed: ClickHouse aliases are global to the query, so an alias may not
  // reuse the name of a column read elsewhere in it.
  const keys: Array<readonly [string, string]> = [
    ["table_name", sql.literal(table)],
    ["file_id", opts.fileId],
    ["day", "event_date"],
    ["a", sql.notNull(src.a)],
    ["b", sql.notNull(src.b)],
    ["root", sql.notNull(src.root)],
    ["quad_class", src.quad],
    ["is_root", src.isRoot(sql)],
    ...(opts.extra ?? []),
  ];
  const sums: Array<[string, string]> = [
    ["events", "count(*)"],
    ["goldstein_n", `count(${g})`],
    ["goldstein_sum", zero(g)],
    ["goldstein_mentions", m ? `coalesce(sum(${g} * ${m}), 0)` : "0"],
    ["mentions_g", m ? `coalesce(${sql.sumIf(m, `${g} IS NOT NULL`)}, 0)` : "0"],
    ["mentions", zero(m)],
    ["sources", zero(src.sources)],
    ["articles", zero(src.articles)],
  ];
  const rest = [g, ...[m, src.sources, src.articles].filter((c): c is string => c !== null)].join(
    ", ",
  );
  const { grouped, outer } = splitKeys(keys, keyNames(CUBE_COLUMNS, opts));
  return `SELECT ${outer}, ${sums.map(([n, e]) => `${e} AS ${n}`).join(", ")}
    FROM (SELECT ${grouped.map(([n, e]) => `${e} AS k_${n}`).join(", ")}, ${rest} FROM ${opts.from}
          WHERE (${opts.where}) AND ${src.a} IS NOT NULL AND ${src.b} IS NOT NULL)
    GROUP BY ${grouped.map(([n]) => `k_${n}`).join(", ")}`;
}

/** A key that is the same on every row (the table's name, one loaded file's id). */
const isConstant = (e: string): boolean => /^('[^']*'|\d+)$/.test(e);

/**
 * The keys to group by, and the outer SELECT list in `names` order: constant keys are written
 * there, not grouped by (a load's file id and the table's name: grouping by them too cost about
 * a tenth of the cube's time).
 */
function splitKeys(
  keys: ReadonlyArray<readonly [string, string]>,
  names: readonly string[],
): { grouped: ReadonlyArray<readonly [string, string]>; outer: string } {
  const expr = new Map(keys);
  const grouped = keys.filter(([, e]) => !isConstant(e));
  const outer = names
    .map((n) => {
      const e = expr.get(n) as string;
      return isConstant(e) ? `${e} AS ${n}` : `k_${n} AS ${n}`;
    })
    .join(", ");
  return { grouped, outer };
}

/** SELECT giving the volume rows (events per day and root flag) of some rows of an event table. */
export function volumeSelectSql(
  table: EventTable,
  sql: SqlDialect,
  opts: CubeSelectOptions,
): string {
  const src = SOURCES[table];
  const keys: Array<readonly [string, string]> = [
    ["table_name", sql.literal(table)],
    ["file_id", opts.fileId],
    ["day", "event_date"],
    ["is_root", src.isRoot(sql)],
    ...(opts.extra ?? []),
  ];
  const { grouped, outer } = splitKeys(keys, keyNames(VOLUME_COLUMNS, opts));
  return `SELECT ${outer}, count(*) AS events
    FROM (SELECT ${grouped.map(([n, e]) => `${e} AS k_${n}`).join(", ")} FROM ${opts.from} WHERE ${opts.where})
    GROUP BY ${grouped.map(([n]) => `k_${n}`).join(", ")}`;
}
