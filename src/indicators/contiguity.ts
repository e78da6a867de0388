/**
 * Direct contiguity (COW Direct Contiguity v3.2, peacesciencer's cow_contdir): the closest type
 * of contiguity in force in any part of the year, as peacesciencer's add_contiguity() takes it.
 * See docs/indicators.md (Contiguity).
 */

import { directedKey, type Frame, frameBounds } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { inRanges, memberLookup, type YearRange } from "./alliances.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

const CONTIGUITY_TYPE: IndicatorDef = {
  name: "contiguity_type",
  family: "contiguity",
  description:
    "Closest direct contiguity in force in any part of the year: 1 land or river border, 2 separated by ≤12 miles of water, 3 ≤24, 4 ≤150, 5 ≤400 miles; 0 none.",
  unit: "type (0–5; ordinal, lower is closer)",
  source: "COW Direct Contiguity v3.2 spans (table contiguity)",
  citation:
    'Stinnett, Tir, Schafer, Diehl & Gochman 2002, "The Correlates of War Project Direct Contiguity Data, Version 3", Conflict Management and Peace Science 19(2); year rule as peacesciencer add_contiguity() (Miller 2022).',
};

export interface ContiguitySpan {
  readonly lo: number;
  readonly hi: number;
  readonly type: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Closest type per undirected dyad-year (key directedKey(lo, hi, year)): the lowest non-zero
 * type among the spans that overlap the year; 0 when only type-0 spans (not contiguous) do.
 */
export function contiguityByYear(
  spans: Iterable<ContiguitySpan>,
  from: number,
  to: number,
): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of spans) {
    for (let y = Math.max(from, s.from); y <= Math.min(to, s.to); y++) {
      const k = directedKey(s.lo, s.hi, y);
      const prev = out.get(k);
      if (s.type === 0) {
        if (prev === undefined) out.set(k, 0);
      } else if (prev === undefined || prev === 0 || s.type < prev) {
        out.set(k, s.type);
      }
    }
  }
  return out;
}

export const contiguityFamily: FamilyComputer = {
  family: "contiguity",
  indicators: [CONTIGUITY_TYPE],
  async compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
    const col = nullColumn(frame);
    const out = { contiguity_type: col };
    if (frame.length === 0) return out;
    const bounds = frameBounds(frame);
    const sy = store.sql.year("start_date");
    const ey = store.sql.year("end_date");
    // Coverage per file: its first to last year.
    const files = await store.query<{ lo: number; hi: number }>(
      `SELECT min(${sy}) AS lo, max(${ey}) AS hi FROM contiguity GROUP BY file_id`,
    );
    const ranges: YearRange[] = files.map((f) => ({ from: Number(f.lo), to: Number(f.hi) }));
    if (ranges.length === 0) return out;
    const stateFilter = bounds.states
      ? ` AND ccode1 IN (${intList(bounds.states)}) AND ccode2 IN (${intList(bounds.states)})`
      : "";
    const rows = await store.query<{ lo: number; hi: number; t: number; f: number; e: number }>(
      `SELECT least(ccode1, ccode2) AS lo, greatest(ccode1, ccode2) AS hi, conttype AS t,
         ${sy} AS f, ${ey} AS e
       FROM contiguity WHERE ccode1 <> ccode2 AND ${sy} <= $2 AND ${ey} >= $1${stateFilter}`,
      [bounds.from, bounds.to],
    );
    const types = contiguityByYear(
      rows.map((r) => ({
        lo: Number(r.lo),
        hi: Number(r.hi),
        type: Number(r.t),
        from: Number(r.f),
        to: Number(r.e),
      })),
      bounds.from,
      bounds.to,
    );
    const member = memberLookup();
    for (let i = 0; i < frame.length; i++) {
      const a = frame.a[i] as number;
      const b = frame.b[i] as number;
      const y = frame.year[i] as number;
      if (a === b || !inRanges(ranges, y)) continue;
      const t = types.get(a < b ? directedKey(a, b, y) : directedKey(b, a, y));
      // An unlisted pair of system members is not contiguous; a non-member is unknown.
      if (t !== undefined) col[i] = t;
      else if (member(a, y) && member(b, y)) col[i] = 0;
    }
    return out;
  },
};
