import type { Store } from "../store/store.js";

/**
 * The years the loaded data cover, over the tables indicators read: the default year range of
 * `dyad` and `panel`. Null when nothing is loaded.
 */
export async function loadedYearRange(store: Store): Promise<{ from: number; to: number } | null> {
  const [r] = await store.query<{ lo: number | null; hi: number | null }>(
    `SELECT min(lo) AS lo, max(hi) AS hi FROM (
       SELECT min(coalesce(year, 1945 + session)) AS lo, max(coalesce(year, 1945 + session)) AS hi FROM un_rollcalls
       UNION ALL SELECT min(1945 + session), max(1945 + session) FROM un_votes
       UNION ALL SELECT min(year), max(year) FROM atop_ddy
       UNION ALL SELECT min(year), max(year) FROM cow_alliance_ddy
       UNION ALL SELECT min(year), max(year) FROM trade_dyadic
       UNION ALL SELECT min(delivery_year), max(delivery_year) FROM arms_transfers
       UNION ALL SELECT min(start_year), max(start_year) FROM exercises
       UNION ALL SELECT min(year), max(year) FROM nmc
       UNION ALL SELECT min(year(event_date)), max(year(event_date)) FROM gdelt_events
       UNION ALL SELECT min(year(event_date)), max(year(event_date)) FROM icews_events
       UNION ALL SELECT min(year), max(year) FROM icews_dyad_year
     ) t`,
  );
  return r?.lo == null || r.hi == null ? null : { from: r.lo, to: r.hi };
}
