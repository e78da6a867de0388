import { cell, dataPath, readDataFile } from "../core/data-file.js";
import { DataFileError } from "../core/errors.js";
import type { SqlDialect } from "../store/dialect.js";
import { VOLUME_TABLE } from "../store/event-cube.js";
import { quoteIdent } from "../store/sql.js";
import type { Store } from "../store/store.js";

/** How to read the first and last year of one table. */
export interface YearSpan {
  readonly table: string;
  readonly span: (sql: SqlDialect) => { lo: string; hi: string; from: string };
}

export const COVERAGE_FILE = "indicators/coverage-tables.csv";

const SPEC = {
  table: cell.matching("[a-z][a-z0-9_]*", "expected a table name"),
  kind: cell.oneOf(["column", "sql", "events"]),
  year: cell.optionalText,
} as const;

let tables: readonly YearSpan[] | null = null;

/**
 * The tables whose years make the loaded range, from data/indicators/coverage-tables.csv: a table
 * counts when every dataset that writes it feeds an indicator (data/indicators/datasets.csv) and
 * its rows have a year. The file is what the sources (`sources/index.ts` ALL_SOURCES) give by
 * that rule, and a test derives it from them again (test/frames/coverage-tables.test.ts); it is
 * read from a file so that `dyad` and `report` do not load every source adapter to know it.
 * (country_series, for one, also holds Maddison's series from year 1, which no indicator reads.)
 */
export function coverageTables(): readonly YearSpan[] {
  tables ??= readDataFile(COVERAGE_FILE, SPEC).map(({ row, line }): YearSpan => {
    const { table, kind, year } = row;
    if ((kind === "events") !== (year === "")) {
      throw new DataFileError(
        dataPath(COVERAGE_FILE),
        `column "year": ${kind === "events" ? "must be empty for an event table" : `missing: give the year ${kind === "column" ? "column" : "as SQL"} of ${table}`}`,
        line,
      );
    }
    // Events: from the volume per day (src/store/event-cube.ts), not from every event; the year
    // of the first and last day, one conversion instead of one per day.
    if (kind === "events") {
      return {
        table,
        span: (sql) => ({
          lo: sql.year("min(day)"),
          hi: sql.year("max(day)"),
          from: `${VOLUME_TABLE} WHERE table_name = ${sql.literal(table)}`,
        }),
      };
    }
    const y = kind === "column" ? quoteIdent(year) : year;
    return { table, span: () => ({ lo: `min(${y})`, hi: `max(${y})`, from: table }) };
  });
  return tables;
}

/**
 * The years the loaded data cover, over the tables indicators read (`coverageTables`): the
 * default year range of `dyad` and `panel`. Null when nothing is loaded.
 *
 * One row per table with its row count: ClickHouse gives min/max of a non-Nullable expression
 * over zero rows as 0, not NULL, so empty tables are dropped by `n > 0` rather than trusted to
 * yield NULL. The outer count is not named `n`: ClickHouse aliases are global to the query.
 */
export async function loadedYearRange(store: Store): Promise<{ from: number; to: number } | null> {
  const parts = coverageTables().map(({ span }, i) => {
    const { lo, hi, from } = span(store.sql);
    return i === 0
      ? `SELECT count(*) AS n, ${lo} AS lo, ${hi} AS hi FROM ${from}`
      : `SELECT count(*), ${lo}, ${hi} FROM ${from}`;
  });
  const [r] = await store.query<{ tables: number; lo: number | null; hi: number | null }>(
    `SELECT count(*) AS tables, min(lo) AS lo, max(hi) AS hi FROM (
       ${parts.join("\n       UNION ALL ")}
     ) t
     WHERE n > 0`,
  );
  if (!r || Number(r.tables) === 0 || r.lo == null || r.hi == null) return null;
  return { from: Number(r.lo), to: Number(r.hi) };
}
