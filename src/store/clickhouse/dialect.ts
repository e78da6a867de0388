import { isoDate, type SqlDialect } from "../dialect.js";
import { stringLiteral } from "./literal.js";

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
