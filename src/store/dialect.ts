/**
 * The few SQL spellings that differ between the backends. Indicator SQL is written in the subset
 * DuckDB and ClickHouse 18.16 share (no CTEs, no FILTER, no positional GROUP BY, no window
 * functions, no correlated subqueries) and calls these for the rest. Arguments are SQL
 * expressions built by our own code, never user input; text constants are written by each
 * backend's one literal helper (sql.ts for DuckDB, clickhouse/literal.ts for ClickHouse).
 */
import { stringLiteral } from "./clickhouse/literal.js";
import { quoteLiteral } from "./sql.js";

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

function isoDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return iso;
}

export const DUCKDB_DIALECT: SqlDialect = {
  year: (d) => `year(${d})`,
  quarter: (d) => `quarter(${d})`,
  month: (d) => `month(${d})`,
  date: (iso) => `DATE '${isoDate(iso)}'`,
  countIf: (c) => `count(*) FILTER (WHERE ${c})`,
  sumIf: (e, c) => `sum(${e}) FILTER (WHERE ${c})`,
  list: (e) => `list(${e})`,
  listDistinct: (e) => `list(DISTINCT ${e})`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  tryInt: (e) => `TRY_CAST(${e} AS INTEGER)`,
  trim: (e) => `trim(${e})`,
  lower: (e) => `lower(${e})`,
  regexpReplaceAll: (e, p, r) =>
    `regexp_replace(${e}, ${quoteLiteral(p)}, ${quoteLiteral(r)}, 'g')`,
  literal: (t) => quoteLiteral(t),
  notNull: (e) => e,
  nullOf: (t) =>
    `CAST(NULL AS ${{ bool: "BOOLEAN", int: "INTEGER", double: "DOUBLE", text: "VARCHAR" }[t]})`,
};

/**
 * ClickHouse stores dates as `YYYY-MM-DD` strings (its 18.16 Date type starts in 1970; see
 * src/store/clickhouse/ddl.ts): year, quarter and month are read from the text, and a date
 * literal is a string literal, which compares like a date. `OrNull`: ClickHouse runs a function
 * on the placeholder value behind every NULL too (an empty string), where plain toInt32 throws.
 */
export const CLICKHOUSE_DIALECT: SqlDialect = {
  year: (d) => `toInt32OrNull(substring(${d}, 1, 4))`,
  quarter: (d) => `intDiv(toInt32OrNull(substring(${d}, 6, 2)) + 2, 3)`,
  month: (d) => `toInt32OrNull(substring(${d}, 6, 2))`,
  date: (iso) => `'${isoDate(iso)}'`,
  countIf: (c) => `countIf(${c})`,
  sumIf: (e, c) => `sumIf(${e}, ${c})`,
  list: (e) => `groupArray(${e})`,
  listDistinct: (e) => `groupUniqArray(${e})`,
  bigint: (e) => `toInt64(${e})`,
  text: (e) => `toString(${e})`,
  tryInt: (e) => `toInt32OrNull(${e})`,
  // 18.16 has no trim/trimBoth; the regular expression strips exactly what DuckDB's trim does.
  trim: (e) => `replaceRegexpAll(${e}, '^ +| +$', '')`,
  // lower() of ClickHouse only maps ASCII letters.
  lower: (e) => `lowerUTF8(${e})`,
  regexpReplaceAll: (e, p, r) => `replaceRegexpAll(${e}, ${stringLiteral(p)}, ${stringLiteral(r)})`,
  literal: (t) => stringLiteral(t),
  notNull: (e) => `assumeNotNull(${e})`,
  nullOf: (t) =>
    `CAST(NULL AS Nullable(${{ bool: "UInt8", int: "Int32", double: "Float64", text: "String" }[t]}))`,
};
