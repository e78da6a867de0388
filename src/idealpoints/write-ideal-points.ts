/**
 * Ideal points as a table (CSV or Parquet by extension): ccode, session, year, ideal_point, se,
 * then votes, iso3 and country. Written atomically, like a panel: a failed write leaves no file.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { stateByCcode } from "../core/crosswalk.js";
import { type PanelFormat, writeAtomically } from "../frames/panel.js";
import { duckdb } from "../store/duckdb/node-api.js";
import { quoteLiteral } from "../store/sql.js";
import type { IdealPointRow } from "../store/store.js";

export const IDEAL_POINT_COLUMNS = [
  "ccode",
  "session",
  "year",
  "ideal_point",
  "se",
  "votes",
  "iso3",
  "country",
] as const;

/** One output row: the stored point with the state's ISO code and name (null when unknown). */
export function outputRow(p: IdealPointRow): Array<number | string | null> {
  const s = stateByCcode(p.ccode);
  return [
    p.ccode,
    p.session,
    p.year,
    p.idealPoint,
    p.se,
    p.votes,
    s?.iso3 ?? null,
    s?.name ?? null,
  ];
}

function csvCell(v: number | string | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The rows as CSV text (header first). */
export function idealPointsCsv(points: readonly IdealPointRow[]): string {
  const lines = [IDEAL_POINT_COLUMNS.join(",")];
  for (const p of points) lines.push(outputRow(p).map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}

async function writeCsv(points: readonly IdealPointRow[], path: string): Promise<void> {
  const out = createWriteStream(path);
  out.end(idealPointsCsv(points));
  await once(out, "finish");
}

async function writeParquet(points: readonly IdealPointRow[], path: string): Promise<void> {
  // A private in-memory DuckDB writes Parquet whatever the store's backend is.
  const db = await duckdb.DuckDBInstance.create(":memory:");
  const con = await db.connect();
  try {
    await con.run(
      "CREATE TABLE t (ccode INTEGER, session INTEGER, year INTEGER, ideal_point DOUBLE, se DOUBLE, votes INTEGER, iso3 VARCHAR, country VARCHAR)",
    );
    const ap = await con.createAppender("t");
    for (const p of points) {
      const [, , , , , , iso3, country] = outputRow(p);
      ap.appendInteger(p.ccode);
      ap.appendInteger(p.session);
      ap.appendInteger(p.year);
      ap.appendDouble(p.idealPoint);
      ap.appendDouble(p.se);
      ap.appendInteger(p.votes);
      if (iso3 === null) ap.appendNull();
      else ap.appendVarchar(String(iso3));
      if (country === null) ap.appendNull();
      else ap.appendVarchar(String(country));
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

export function writeIdealPoints(
  points: readonly IdealPointRow[],
  path: string,
): Promise<PanelFormat> {
  return writeAtomically(path, (tmp, format) =>
    format === "csv" ? writeCsv(points, tmp) : writeParquet(points, tmp),
  );
}
