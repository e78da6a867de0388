/**
 * The few SQL spellings that differ between the backends. Indicator SQL is written in the subset
 * DuckDB and ClickHouse 18.16 share (no CTEs, no FILTER, no positional GROUP BY, no window
 * functions, no correlated subqueries) and calls these for the rest. Arguments are SQL
 * expressions built by our own code, never user input; text constants are written by each
 * backend's one literal helper (sql.ts for DuckDB, clickhouse/literal.ts for ClickHouse). Each
 * backend's dialect lives in its folder: duckdb/dialect.ts, clickhouse/dialect.ts.
 */

export interface SqlDialect {
  /** Calendar year of a DATE expression, as an integer. */
  year(date: string): string;
  /** Quarter (1–4) of a DATE expression. */
  quarter(date: string): string;
  /** Month (1–12) of a DATE expression. */
  month(date: string): string;
  /** A DATE literal from an ISO string `YYYY-MM-DD` (checked). */
  date(iso: string): string;
  /** The number of rows of the group for which `cond` is true. */
  countIf(cond: string): string;
  /** Sum of `expr` over the rows of the group for which `cond` is true (null when none). */
  sumIf(expr: string, cond: string): string;
  /** Aggregate: the values of the group as a list (order unspecified). */
  list(expr: string): string;
  /** Aggregate: the distinct values of the group as a list (order unspecified). */
  listDistinct(expr: string): string;
  /** A 64-bit integer of an integer expression (for keys built in SQL). */
  bigint(expr: string): string;
  /** The text of an expression. */
  text(expr: string): string;
  /** The integer written in a text expression, or NULL when it is not an integer. */
  tryInt(expr: string): string;
  /** A text expression without leading and trailing spaces (only U+0020, as DuckDB `trim`). */
  trim(expr: string): string;
  /** A text expression in lower case (Unicode, not only ASCII). */
  lower(expr: string): string;
  /**
   * Every match of the RE2 `pattern` in a text expression replaced by `replacement` (both plain
   * strings of our own code; each dialect writes them as its own string literals).
   */
  regexpReplaceAll(expr: string, pattern: string, replacement: string): string;
  /** A text literal of a plain string of our own code (a table name). */
  literal(text: string): string;
  /** An expression known to be non-null, typed so (ClickHouse: not Nullable). */
  notNull(expr: string): string;
  /** A typed null (a column the source lacks, in a row of a table that has it). */
  nullOf(type: "bool" | "int" | "double" | "text"): string;
}

/** An ISO date checked before it is written into SQL. */
export function isoDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return iso;
}
