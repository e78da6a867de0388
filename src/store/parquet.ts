/**
 * Parquet files written by the store layer for every backend: a private in-memory DuckDB takes
 * the rows through its appender and COPYs them out, so frames and commands never reach into a
 * backend's folder to write a file, and a ClickHouse user gets the same Parquet as a DuckDB one.
 */
import { duckdb } from "./duckdb/node-api.js";
import { quoteIdent, quoteLiteral } from "./sql.js";

export type ParquetType = "INTEGER" | "DOUBLE" | "VARCHAR";

/** A column: its name, type and the value of row i (null, NaN or undefined: a Parquet null). */
export interface ParquetColumn {
  readonly name: string;
  readonly type: ParquetType;
  value(i: number): number | string | null | undefined;
}

/** Write `rows` rows of `columns` to a Parquet file at `path` (replaced if it exists). */
export async function writeParquet(
  path: string,
  columns: readonly ParquetColumn[],
  rows: number,
): Promise<void> {
  const db = await duckdb.DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    await con.run(
      `CREATE TABLE t (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(", ")})`,
    );
    const ap = await con.createAppender("t");
    for (let i = 0; i < rows; i++) {
      for (const c of columns) {
        const v = c.value(i);
        if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) {
          ap.appendNull();
        } else if (c.type === "VARCHAR") ap.appendVarchar(String(v));
        else if (c.type === "INTEGER") ap.appendInteger(v as number);
        else ap.appendDouble(v as number);
      }
      ap.endRow();
    }
    ap.flushSync();
    ap.closeSync();
    await con.run(`COPY t TO ${quoteLiteral(path)} (FORMAT parquet)`);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}
