/**
 * Militarized interstate disputes (COW MID 5.0 as peacesciencer's cow_mid_ddydisps: one row per
 * dispute, pair and year). Per undirected dyad-year: whether a dispute began or was ongoing, how
 * many, the highest hostility either state reached, and the disputed years of the last decade.
 * See docs/indicators.md (Militarized disputes).
 *
 * Within the years the loaded rows cover, an unlisted pair of COW system members had no dispute
 * (0); a non-member is null, as in peacesciencer's add_cow_mids() over its dyad-year universe.
 */

import { directedKey, type Frame, frameBounds } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { fileYearRanges, inRanges, memberLookup } from "./alliances.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

/** Years of history in mid_years_10 (this year and the nine before). */
export const MID_WINDOW = 10;
/** Half-life, in years, of a dispute's weight in mid_history. */
export const MID_HALF_LIFE = 5;

/**
 * Decayed dispute history (after Crescenzi & Enterline 2001's interaction memory): the sum over
 * this and every earlier covered year t − k of hostlev(t − k) / 5 · 0.5^(k / half-life), where
 * hostlev is the year's highest hostility level (0 without a dispute). A war this year adds 1, a
 * use of force five years ago 0.4.
 */
export function decayedHistory(
  levels: ReadonlyMap<number, number>,
  year: number,
  firstYear: number,
  halfLife = MID_HALF_LIFE,
): number {
  // Summed in year order: the same float on every backend, whatever order its rows came in.
  let h = 0;
  for (const y of [...levels.keys()].sort((p, q) => p - q)) {
    if (y > year || y < firstYear) continue;
    h += ((levels.get(y) as number) / 5) * 0.5 ** ((year - y) / halfLife);
  }
  return h;
}

const SOURCE =
  "COW Militarized Interstate Disputes 5.0, dyadic dispute-years (table mid_dyad_year)";
const CITATION =
  'Palmer et al. 2022, "The MID5 Dataset, 2011-2014", Conflict Management and Peace Science 39(4); dyadic dispute-years: Miller 2021 (peacesciencer cow_mid_ddydisps); aggregation to dyad-years: Entente (docs/indicators.md#militarized-disputes-mid).';

const def = (name: string, description: string, unit: string): IndicatorDef => ({
  name,
  family: "mid",
  description,
  unit,
  source: SOURCE,
  citation: CITATION,
});

export const MID_INDICATORS: readonly IndicatorDef[] = [
  def("mid_onset", "1 if a militarized dispute between the two states began in the year.", "0/1"),
  def(
    "mid_ongoing",
    "1 if a militarized dispute between the two states was under way in the year.",
    "0/1",
  ),
  def(
    "mid_disputes",
    "Number of distinct militarized disputes between the two states under way in the year.",
    "count of disputes",
  ),
  def(
    "mid_hostlev",
    "Highest hostility level either state reached in a dispute between them in the year: 2 threat, 3 display, 4 use of force, 5 war; 0 no dispute (1, no militarized action, is coded for a state that took none).",
    "level (0–5; ordinal)",
  ),
  def(
    "mid_history",
    "Decayed dispute history: Σ over this and earlier years of (highest hostility level that year ÷ 5) × 0.5^(years ago ÷ 5); a war this year adds 1, a use of force five years ago 0.4.",
    "index ≥ 0",
  ),
  def(
    "mid_years_10",
    "Years out of this one and the nine before in which a militarized dispute between the two states was under way (null unless all ten years are covered).",
    "years (0–10)",
  ),
];

interface MidRow {
  lo: number;
  hi: number;
  year: number;
  onset: number | null;
  disputes: number;
  hostlev: number | null;
}

export const midFamily: FamilyComputer = {
  family: "mid",
  indicators: MID_INDICATORS,
  async compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
    const out: Record<string, Column> = {};
    for (const d of MID_INDICATORS) out[d.name] = nullColumn(frame);
    if (frame.length === 0) return out;
    const ranges = await fileYearRanges(store, "mid_dyad_year", "year");
    if (ranges.length === 0) return out;
    const bounds = frameBounds(frame);
    const stateFilter = bounds.states
      ? ` AND ccode1 IN (${intList(bounds.states)}) AND ccode2 IN (${intList(bounds.states)})`
      : "";
    // Every row lists a dispute under way in its year (cowmidongoing is 1 on all of them in
    // MID 5.0); `ongoing = 0` rows, should a release have them, are not counted as under way.
    const first = Math.min(...ranges.map((r) => r.from));
    const rows = await store.query<MidRow>(
      `SELECT least(ccode1, ccode2) AS lo, greatest(ccode1, ccode2) AS hi, year,
         max(onset) AS onset, count(DISTINCT dispnum) AS disputes,
         max(greatest(coalesce(hostlev1, 0), coalesce(hostlev2, 0))) AS hostlev
       FROM mid_dyad_year
       WHERE year BETWEEN $1 AND $2 AND ccode1 <> ccode2 AND ongoing = 1${stateFilter}
       GROUP BY lo, hi, year`,
      [first, bounds.to],
    );
    const byKey = new Map<number, MidRow>();
    // Highest hostility per year, per pair (lo·1000 + hi), for the decayed history.
    const levels = new Map<number, Map<number, number>>();
    for (const r of rows) {
      byKey.set(directedKey(Number(r.lo), Number(r.hi), Number(r.year)), r);
      const pair = Number(r.lo) * 1000 + Number(r.hi);
      const m = levels.get(pair) ?? new Map<number, number>();
      m.set(Number(r.year), Number(r.hostlev ?? 0));
      levels.set(pair, m);
    }
    const none = new Map<number, number>();
    const member = memberLookup();
    const onset = out.mid_onset as Column;
    const ongoing = out.mid_ongoing as Column;
    const disputes = out.mid_disputes as Column;
    const hostlev = out.mid_hostlev as Column;
    const recent = out.mid_years_10 as Column;
    const history = out.mid_history as Column;
    for (let i = 0; i < frame.length; i++) {
      const a = frame.a[i] as number;
      const b = frame.b[i] as number;
      const y = frame.year[i] as number;
      if (a === b || !inRanges(ranges, y)) continue;
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const r = byKey.get(directedKey(lo, hi, y));
      if (r === undefined && !(member(a, y) && member(b, y))) continue;
      onset[i] = r ? Number(r.onset ?? 0) : 0;
      ongoing[i] = r ? 1 : 0;
      disputes[i] = r ? Number(r.disputes) : 0;
      hostlev[i] = r ? Number(r.hostlev ?? 0) : 0;
      history[i] = decayedHistory(levels.get(lo * 1000 + hi) ?? none, y, first);
      let years = 0;
      let complete = true;
      for (let t = y - MID_WINDOW + 1; t <= y; t++) {
        if (!inRanges(ranges, t)) {
          complete = false;
          break;
        }
        if (byKey.has(directedKey(lo, hi, t))) years++;
      }
      if (complete) recent[i] = years;
    }
    return out;
  },
};
