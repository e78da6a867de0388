/** The DuckDB spellings of the SQL the backends do not share (src/store/dialect.ts). */
import { isoDate, type SqlDialect } from "../dialect.js";
import { quoteLiteral } from "../sql.js";

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
