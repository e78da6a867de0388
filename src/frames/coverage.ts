import { INDICATORS } from "../indicators/registry.js";
import { ALL_SOURCES, type AnySource } from "../sources/index.js";
import type { SqlDialect } from "../store/dialect.js";
import { VOLUME_TABLE } from "../store/event-cube.js";
import { quoteIdent } from "../store/sql.js";
import type { Store } from "../store/store.js";

/** How to read the first and last year of one table. */
interface YearSpan {
  readonly table: string;
  readonly span: (sql: SqlDialect) => { lo: string; hi: string; from: string };
}

const tableOf = (s: AnySource): string => (s.kind === "tabular" ? s.source.table : s.layout.table);

function spanOf(s: AnySource): YearSpan["span"] | null {
  // Events: from the volume per day (src/store/event-cube.ts), not from every event; the year of
  // the first and last day, one conversion instead of one per day.
  if (s.kind === "events") {
    const table = s.layout.table;
    return (sql) => ({
      lo: sql.year("min(day)"),
      hi: sql.year("max(day)"),
      from: `${VOLUME_TABLE} WHERE table_name = ${sql.literal(table)}`,
    });
  }
  const y = s.source.yearSql ?? (s.source.yearColumn ? quoteIdent(s.source.yearColumn) : null);
  const table = s.source.table;
  return y === null ? null : () => ({ lo: `min(${y})`, hi: `max(${y})`, from: table });
}

/**
 * The tables whose years make the loaded range, derived from the datasets the indicators are
 * computed from (data/indicators/datasets.csv), not kept by hand: a table counts when every
 * dataset that writes it feeds an indicator and its rows have a year. (country_series, for one,
 * also holds Maddison's series from year 1, which no indicator reads.)
 */
export function coverageTables(): readonly YearSpan[] {
  const fed = new Set(INDICATORS.flatMap((d) => d.datasets ?? []));
  const byTable = new Map<string, AnySource[]>();
  for (const s of ALL_SOURCES) byTable.set(tableOf(s), [...(byTable.get(tableOf(s)) ?? []), s]);
  const out: YearSpan[] = [];
  for (const [table, sources] of byTable) {
    if (!sources.every((s) => fed.has(s.name))) continue;
    const span = spanOf(sources[0] as AnySource);
    if (span) out.push({ table, span });
  }
  return out;
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
