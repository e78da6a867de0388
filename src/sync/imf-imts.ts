/**
 * The IMF IMTS queries `entente sync imf-imts` makes (SDMX 3.0 REST API, documented at
 * https://data.imf.org; key = COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY, `+` joins values,
 * an empty dimension is a wildcard): goods exports FOB and imports CIF in US dollars from 1995
 * (the overlap with COW Trade 4.0 starts there), by reporter and counterpart.
 *
 * - For pairs: one query per pair and frequency (annual and monthly), reporters the two states,
 *   counterparts the two and the world (G001): both directions, both sides' reports (so that the
 *   trade family can use an importer's report and, failing it, the exporter's) and the two
 *   states' totals with the world (for trade shares).
 * - Without pairs: every reporter and counterpart, annual only (monthly with `--monthly`), in
 *   pages; the biggest answer Entente asks for.
 *
 * Each query is a dataset of its own (`imf-imts:<key>`) whose release is the UTC day it was
 * fetched: a later fetch replaces it and reports the revisions.
 */
import { IMTS_EXPORTS, IMTS_IMPORTS } from "../sources/imf-imts.js";
import type { RemoteFile } from "./download.js";

export const IMF_SDMX = "https://api.imf.org/external/sdmx/3.0";
const FLOW = `${IMF_SDMX}/data/dataflow/IMF.STA/IMTS/+`;
export const IMTS_FIRST_YEAR = 1995;
/** Observations per page. */
export const IMTS_PAGE = 20_000;
/** The IMF answers 429 beyond about ten requests in five seconds: ask for eight. */
export const IMF_RATE = { max: 8, windowMs: 5_000 } as const;

const INDICATORS = `${IMTS_EXPORTS}+${IMTS_IMPORTS}`;

/** One query: its official URL (no offset/limit) and where its pages are joined in the cache. */
function query(key: string, day: string): RemoteFile {
  const u = new URL(`${FLOW}/${key}`);
  u.searchParams.set("c[TIME_PERIOD]", `ge:${IMTS_FIRST_YEAR}`);
  const pathKey = key
    .split(".")
    .map((d) => (d === "" ? "all" : d))
    .join(".");
  return {
    url: u.toString(),
    path: `${u.pathname.replace(/^\/+/, "").replace(/\/[^/]*$/, "")}/${pathKey}/${day}.csv`,
    release: day,
    dataset: `imf-imts:${key}`,
    pageSize: IMTS_PAGE,
  };
}

/** The queries for `pairs` of ISO alpha-3 codes, or for everything when null. */
export function imtsQueries(
  pairs: ReadonlyArray<readonly [string, string]> | null,
  monthly: boolean,
  day: string,
): RemoteFile[] {
  if (pairs === null) {
    return (monthly ? ["A", "M"] : ["A"]).map((f) => query(`.${INDICATORS}..${f}`, day));
  }
  const seen = new Set<string>();
  const out: RemoteFile[] = [];
  for (const [a, b] of pairs) {
    const [x, y] = [a, b].sort() as [string, string];
    for (const f of ["A", "M"]) {
      const key = `${x}+${y}.${INDICATORS}.${x}+${y}+G001.${f}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(query(key, day));
    }
  }
  return out;
}
