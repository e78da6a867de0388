import { VOLUME_TABLE } from "../store/event-cube.js";
import type { Store } from "../store/store.js";

/**
 * The years the loaded data cover, over the tables indicators read: the default year range of
 * `dyad` and `panel`. Null when nothing is loaded.
 *
 * One row per table with its row count: ClickHouse gives min/max of a non-Nullable expression
 * over zero rows as 0, not NULL, so empty tables are dropped by `n > 0` rather than trusted to
 * yield NULL. The outer count is not named `n`: ClickHouse aliases are global to the query.
 */
export async function loadedYearRange(store: Store): Promise<{ from: number; to: number } | null> {
  // Event years from the volume per day (src/store/event-cube.ts), not from every event; the
  // year of the first and last day, not the first and last year of every day.
  const lo = store.sql.year("min(day)");
  const hi = store.sql.year("max(day)");
  const volume = (table: string) =>
    `SELECT count(*), ${lo}, ${hi} FROM ${VOLUME_TABLE} WHERE table_name = ${store.sql.literal(table)}`;
  const [r] = await store.query<{ tables: number; lo: number | null; hi: number | null }>(
    `SELECT count(*) AS tables, min(lo) AS lo, max(hi) AS hi FROM (
       SELECT count(*) AS n, min(coalesce(year, 1945 + session)) AS lo, max(coalesce(year, 1945 + session)) AS hi FROM un_rollcalls
       UNION ALL SELECT count(*), min(1945 + session), max(1945 + session) FROM un_votes
       UNION ALL SELECT count(*), min(year), max(year) FROM atop_ddy
       UNION ALL SELECT count(*), min(year), max(year) FROM cow_alliance_ddy
       UNION ALL SELECT count(*), min(year), max(year) FROM trade_dyadic
       UNION ALL SELECT count(*), min(delivery_year), max(delivery_year) FROM arms_transfers
       UNION ALL SELECT count(*), min(start_year), max(start_year) FROM exercises
       UNION ALL SELECT count(*), min(year), max(year) FROM nmc
       UNION ALL ${volume("gdelt_events")}
       UNION ALL ${volume("icews_events")}
       UNION ALL SELECT count(*), min(year), max(year) FROM icews_dyad_year
     ) t
     WHERE n > 0`,
  );
  if (!r || Number(r.tables) === 0 || r.lo == null || r.hi == null) return null;
  return { from: Number(r.lo), to: Number(r.hi) };
}
