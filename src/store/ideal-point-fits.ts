/**
 * Reading stored ideal-point fits: the same SQL on every backend (through `Store.query`), rows
 * turned into records here. Writing is backend-specific (transactions in DuckDB, a fit row
 * written last in ClickHouse).
 */
import type { IdealPointFitRecord, IdealPointRow, Store } from "./store.js";

/** Columns of un_ideal_fits in table order. */
export const FIT_COLUMNS = [
  "fit_id",
  "votes_sha256",
  "issue",
  "from_session",
  "to_session",
  "seed",
  "model_version",
  "settings",
  "report",
  "iterations",
  "converged",
  "seconds",
  "fitted_at",
] as const;

/** Columns of un_ideal_points in table order. */
export const POINT_COLUMNS = [
  "fit_id",
  "ccode",
  "session",
  "year",
  "ideal_point",
  "se",
  "votes",
] as const;

/** A fit record as the row of un_ideal_fits, in FIT_COLUMNS order. */
export function fitRow(f: IdealPointFitRecord): Array<string | number | null> {
  return [
    f.fitId,
    f.votesSha256,
    f.issue,
    f.fromSession,
    f.toSession,
    f.seed,
    f.modelVersion,
    f.settings,
    f.report,
    f.iterations,
    f.converged ? 1 : 0,
    f.seconds,
    f.fittedAt,
  ];
}

export async function readIdealPointFits(
  store: Pick<Store, "query">,
  votesSha256?: string,
): Promise<IdealPointFitRecord[]> {
  const rows = await store.query<Record<string, unknown>>(
    `SELECT ${FIT_COLUMNS.join(", ")} FROM un_ideal_fits
     ${votesSha256 === undefined ? "" : "WHERE votes_sha256 = $1"}
     ORDER BY fitted_at DESC, fit_id`,
    votesSha256 === undefined ? [] : [votesSha256],
  );
  return rows.map((r) => ({
    fitId: String(r.fit_id),
    votesSha256: String(r.votes_sha256),
    issue: r.issue === null || r.issue === undefined ? null : String(r.issue),
    fromSession: Number(r.from_session),
    toSession: Number(r.to_session),
    seed: Number(r.seed),
    modelVersion: String(r.model_version),
    settings: String(r.settings),
    report: String(r.report),
    iterations: Number(r.iterations),
    converged: Number(r.converged) === 1,
    seconds: Number(r.seconds),
    fittedAt: String(r.fitted_at),
  }));
}

export async function readIdealPoints(
  store: Pick<Store, "query">,
  fitId: string,
): Promise<IdealPointRow[]> {
  // Only points of a fit whose record exists: ClickHouse writes the record last.
  const rows = await store.query<Record<string, unknown>>(
    `SELECT ccode, session, year, ideal_point, se, votes FROM un_ideal_points
     WHERE fit_id = $1 AND fit_id IN (SELECT fit_id FROM un_ideal_fits)
     ORDER BY ccode, session`,
    [fitId],
  );
  return rows.map((r) => ({
    ccode: Number(r.ccode),
    session: Number(r.session),
    year: Number(r.year),
    idealPoint: Number(r.ideal_point),
    se: Number(r.se),
    votes: Number(r.votes),
  }));
}
