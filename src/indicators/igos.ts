/**
 * Shared IGO memberships (COW IGO v3, peacesciencer's cow_igo_ndy): igo_shared = number of
 * intergovernmental organisations in which both states are full members in the year;
 * igo_shared_rank = its mid-rank percentile among all pairs listed that year. See
 * docs/indicators.md (Shared IGO memberships).
 *
 * The table lists every pair of COW system members (0 included), so an unlisted pair-year is
 * null, not 0: outside the loaded years, or not two system members, or no data.
 */

import { directedKey, type Frame, frameBounds } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { fileYearRanges, inRanges } from "./alliances.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

const SOURCE = "COW IGO v3 shared full memberships per dyad-year (table igo_dyad_year)";
const CITATION =
  'Pevehouse, Nordstrom, McManus & Jamison 2020, "Tracking Organizations in the World: The Correlates of War IGO Version 3.0 datasets", Journal of Peace Research 57(3); dyad-year counts as peacesciencer add_igos() (Miller 2022); rank: Entente (docs/indicators.md#shared-igo-memberships-igo).';

const def = (name: string, description: string, unit: string): IndicatorDef => ({
  name,
  family: "igo",
  description,
  unit,
  source: SOURCE,
  citation: CITATION,
});

export const IGO_INDICATORS: readonly IndicatorDef[] = [
  def(
    "igo_shared",
    "Number of intergovernmental organisations in which both states are full members in the year.",
    "count of IGOs",
  ),
  def(
    "igo_shared_rank",
    "Where igo_shared stands among all pairs of system members that year: the share of pairs with fewer shared IGOs plus half the share with as many (0–1). Comparable across years as IGOs multiply.",
    "percentile (0–1)",
  ),
];

/**
 * Mid-rank percentile of each count within one year: (pairs below + pairs equal / 2) / pairs.
 * `dist` maps count → number of pairs with that count.
 */
export function midRanks(dist: ReadonlyMap<number, number>): Map<number, number> {
  const counts = [...dist.keys()].sort((x, y) => x - y);
  let total = 0;
  for (const n of dist.values()) total += n;
  const out = new Map<number, number>();
  let below = 0;
  for (const c of counts) {
    const n = dist.get(c) as number;
    out.set(c, (below + n / 2) / total);
    below += n;
  }
  return out;
}

export const igoFamily: FamilyComputer = {
  family: "igo",
  indicators: IGO_INDICATORS,
  async compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
    const shared = nullColumn(frame);
    const rank = nullColumn(frame);
    const out = { igo_shared: shared, igo_shared_rank: rank };
    if (frame.length === 0) return out;
    const ranges = await fileYearRanges(store, "igo_dyad_year", "year");
    if (ranges.length === 0) return out;
    const bounds = frameBounds(frame);
    const stateFilter = bounds.states
      ? ` AND ccode1 IN (${intList(bounds.states)}) AND ccode2 IN (${intList(bounds.states)})`
      : "";
    const rows = await store.query<{ lo: number; hi: number; year: number; n: number | null }>(
      `SELECT least(ccode1, ccode2) AS lo, greatest(ccode1, ccode2) AS hi, year, max(dyadigos) AS n
       FROM igo_dyad_year WHERE year BETWEEN $1 AND $2${stateFilter}
       GROUP BY lo, hi, year`,
      [bounds.from, bounds.to],
    );
    // The distribution of every year over all listed pairs, for the rank.
    const distRows = await store.query<{ year: number; n: number; pairs: number }>(
      `SELECT year, dyadigos AS n, count(*) AS pairs FROM igo_dyad_year
       WHERE year BETWEEN $1 AND $2 AND dyadigos IS NOT NULL GROUP BY year, dyadigos`,
      [bounds.from, bounds.to],
    );
    const dists = new Map<number, Map<number, number>>();
    for (const r of distRows) {
      const y = Number(r.year);
      const d = dists.get(y) ?? new Map<number, number>();
      d.set(Number(r.n), (d.get(Number(r.n)) ?? 0) + Number(r.pairs));
      dists.set(y, d);
    }
    const ranks = new Map<number, Map<number, number>>();
    for (const [y, d] of dists) ranks.set(y, midRanks(d));
    const value = new Map<number, number | null>();
    for (const r of rows) {
      value.set(
        directedKey(Number(r.lo), Number(r.hi), Number(r.year)),
        r.n === null ? null : Number(r.n),
      );
    }
    for (let i = 0; i < frame.length; i++) {
      const a = frame.a[i] as number;
      const b = frame.b[i] as number;
      const y = frame.year[i] as number;
      if (a === b || !inRanges(ranges, y)) continue;
      const n = value.get(a < b ? directedKey(a, b, y) : directedKey(b, a, y));
      if (n === undefined || n === null) continue;
      shared[i] = n;
      rank[i] = ranks.get(y)?.get(n) ?? Number.NaN;
    }
    return out;
  },
};
