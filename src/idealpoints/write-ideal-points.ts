/**
 * Ideal points as a table (CSV or Parquet by extension): ccode, session, year, ideal_point, se,
 * then votes, iso3 and country. Written atomically, like a panel: a failed write leaves no file.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { stateByCcode } from "../core/crosswalk.js";
import { csvLine } from "../core/csv.js";
import { type PanelFormat, writeAtomically } from "../frames/panel.js";
import { type ParquetType, writeParquet } from "../store/parquet.js";
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

/** The rows as CSV text (header first). */
export function idealPointsCsv(points: readonly IdealPointRow[]): string {
  const lines = [IDEAL_POINT_COLUMNS.join(",")];
  for (const p of points) lines.push(csvLine(outputRow(p)));
  return `${lines.join("\n")}\n`;
}

async function writeCsv(points: readonly IdealPointRow[], path: string): Promise<void> {
  const out = createWriteStream(path);
  out.end(idealPointsCsv(points));
  await once(out, "finish");
}

const PARQUET_TYPES: Record<(typeof IDEAL_POINT_COLUMNS)[number], ParquetType> = {
  ccode: "INTEGER",
  session: "INTEGER",
  year: "INTEGER",
  ideal_point: "DOUBLE",
  se: "DOUBLE",
  votes: "INTEGER",
  iso3: "VARCHAR",
  country: "VARCHAR",
};

function writePointsParquet(points: readonly IdealPointRow[], path: string): Promise<void> {
  const rows = points.map(outputRow);
  const columns = IDEAL_POINT_COLUMNS.map((name, j) => ({
    name,
    type: PARQUET_TYPES[name],
    value: (i: number) => rows[i]?.[j],
  }));
  return writeParquet(path, columns, rows.length);
}

export function writeIdealPoints(
  points: readonly IdealPointRow[],
  path: string,
): Promise<PanelFormat> {
  return writeAtomically(path, (tmp, format) =>
    format === "csv" ? writeCsv(points, tmp) : writePointsParquet(points, tmp),
  );
}
