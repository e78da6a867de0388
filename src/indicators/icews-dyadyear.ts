/**
 * ICEWS event counts per dyad-year by quad class, from the directed dyad-year aggregation of the
 * netify R package (table `icews_dyad_year`, adapter `icews-dyadyear`). See docs/indicators.md
 * (ICEWS dyad-year counts (netify)).
 *
 * Direction: when the frame is directed (`frame.directed === true`) the row (a, b) counts only the
 * events a → b; otherwise it counts a → b plus b → a of the same year. A dyad-year that has no
 * row in either direction is null (netify lists only the dyads of its countries and years; no
 * row is not the same as no events). With one direction listed, the other counts as 0.
 */

import { directedKey, type Frame, frameBounds } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import {
  type Column,
  type Family,
  type FamilyComputer,
  type IndicatorDef,
  nullColumn,
} from "./indicator.js";

// ---------------------------------------------------------------------------------------------
// Pure formulas.

/** The four quad-class counts: verbal coop., material coop., verbal conflict, material conflict. */
export type QuadCounts = readonly [vc: number, mc: number, vf: number, mf: number];

/** Total events: the sum of the four counts (NaN when any is NaN). */
export function icewsEvents(q: QuadCounts): number {
  return q[0] + q[1] + q[2] + q[3];
}

/**
 * Net cooperation: (vc + mc − vf − mf) / events, from −1 (all conflict) to +1 (all cooperation);
 * NaN when events is 0 or unknown.
 */
export function icewsNetCoop(q: QuadCounts): number {
  const events = icewsEvents(q);
  return Number.isFinite(events) && events > 0 ? (q[0] + q[1] - q[2] - q[3]) / events : Number.NaN;
}

/**
 * Counts of one dyad-year from the rows of both directions (undefined: no row). Null when
 * neither has a row; a missing direction counts 0; an NA count in a present row stays NaN.
 */
export function combineDirections(
  ab: QuadCounts | undefined,
  ba: QuadCounts | undefined,
): QuadCounts | null {
  if (ab === undefined && ba === undefined) return null;
  const x = ab ?? [0, 0, 0, 0];
  const y = ba ?? [0, 0, 0, 0];
  return [x[0] + y[0], x[1] + y[1], x[2] + y[2], x[3] + y[3]];
}

// ---------------------------------------------------------------------------------------------
// Definitions.

// "icews_dy" is added to FAMILIES in indicator.ts separately; the double cast keeps this module
// compiling before (and after) that change.
const FAMILY: Family = "icews_dy";

const SOURCE =
  "ICEWS directed dyad-year event counts by quad class as aggregated by the netify R package (table icews_dyad_year: verbal_coop, material_coop, verbal_conflict, material_conflict; adapter icews-dyadyear)";
const CITATION =
  'Boschee, Elizabeth, Jennifer Lautenschlager, Sean O\'Brien, Steve Shellman, James Starz, and Michael Ward. 2015. "ICEWS Coded Event Data." Harvard Dataverse, doi:10.7910/DVN/28075; aggregation: Dorff, Cassy and Shahryar Minhas, netify: Tools for Network Analysis of Dyadic Data (R package, data "icews"), https://github.com/netify-dev/netify';

const DIRECTION =
  "a → b when the frame is directed, else a → b plus b → a; null when neither direction has a row";

const def = (name: string, description: string, unit: string): IndicatorDef => ({
  name,
  family: FAMILY,
  description: `${description} (${DIRECTION}).`,
  unit,
  source: SOURCE,
  citation: CITATION,
});

export const ICEWS_DY_INDICATORS: readonly IndicatorDef[] = [
  def(
    "icews_dy_events",
    "ICEWS events in the year: verbal cooperation + material cooperation + verbal conflict + material conflict",
    "events",
  ),
  def(
    "icews_dy_verbal_coop",
    "ICEWS verbal cooperation events in the year (netify verbCoop)",
    "events",
  ),
  def(
    "icews_dy_material_coop",
    "ICEWS material cooperation events in the year (netify matlCoop)",
    "events",
  ),
  def(
    "icews_dy_verbal_conflict",
    "ICEWS verbal conflict events in the year (netify verbConf)",
    "events",
  ),
  def(
    "icews_dy_material_conflict",
    "ICEWS material conflict events in the year (netify matlConf)",
    "events",
  ),
  def(
    "icews_dy_net_coop",
    "Net cooperation: (verbal coop. + material coop. − verbal conflict − material conflict) / events, −1 to +1; null when events is 0 or unknown",
    "ratio",
  ),
];

// ---------------------------------------------------------------------------------------------
// SQL and the join into the frame.

/** `AND col IN (…)` with the codes written as integer literals (no unnest/string_split in ClickHouse). */
function inStates(col: string, states: readonly number[]): string {
  return ` AND ${col} IN (${intList(states)})`;
}

interface CountRow {
  s: number;
  t: number;
  y: number;
  vc: number | null;
  mc: number | null;
  vf: number | null;
  mf: number | null;
}

const num = (v: number | null): number => (v === null ? Number.NaN : Number(v));

async function compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
  const cols: Record<string, Column> = {};
  for (const d of ICEWS_DY_INDICATORS) cols[d.name] = nullColumn(frame);
  if (frame.length === 0) return cols;
  const directed = frame.directed === true;
  const { from, to, states } = frameBounds(frame);
  // Rows whose state did not resolve (null code) belong to no dyad.
  const rows = await store.query<CountRow>(
    `SELECT ccode1 AS s, ccode2 AS t, year AS y, verbal_coop AS vc, material_coop AS mc,
       verbal_conflict AS vf, material_conflict AS mf
     FROM icews_dyad_year
     WHERE ccode1 IS NOT NULL AND ccode2 IS NOT NULL
       AND year BETWEEN $1 AND $2${states === null ? "" : inStates("ccode1", states) + inStates("ccode2", states)}`,
    [from, to],
  );
  if (rows.length === 0) return cols;
  // The natural key (ccode1, ccode2, year) makes each directed dyad-year one row.
  const counts = new Map<number, QuadCounts>();
  for (const r of rows) {
    counts.set(directedKey(Number(r.s), Number(r.t), Number(r.y)), [
      num(r.vc),
      num(r.mc),
      num(r.vf),
      num(r.mf),
    ]);
  }

  const events = cols.icews_dy_events as Column;
  const vc = cols.icews_dy_verbal_coop as Column;
  const mc = cols.icews_dy_material_coop as Column;
  const vf = cols.icews_dy_verbal_conflict as Column;
  const mf = cols.icews_dy_material_conflict as Column;
  const net = cols.icews_dy_net_coop as Column;
  for (let i = 0; i < frame.length; i++) {
    const a = frame.a[i] as number;
    const b = frame.b[i] as number;
    const y = frame.year[i] as number;
    if (a === b) continue; // not a dyad
    const ab = counts.get(directedKey(a, b, y));
    const q = directed ? (ab ?? null) : combineDirections(ab, counts.get(directedKey(b, a, y)));
    if (q === null) continue;
    vc[i] = q[0];
    mc[i] = q[1];
    vf[i] = q[2];
    mf[i] = q[3];
    events[i] = icewsEvents(q);
    net[i] = icewsNetCoop(q);
  }
  return cols;
}

export const icewsDyadYearFamily: FamilyComputer = {
  family: FAMILY,
  indicators: ICEWS_DY_INDICATORS,
  compute,
};
