/**
 * Capabilities (METHODS.md "Capabilities"): cinc_a, cinc_b from COW National Material
 * Capabilities and cinc_ratio = cinc_a / cinc_b. See docs/indicators.md (Capabilities).
 *
 * CINC is a share of the system total (unitless), so the ratio mixes no units. NMC's milex
 * (thousand GBP to 1913, thousand current US$ from 1914) is deliberately not used here.
 */

import { type Frame, frameBounds, stateYearKey } from "../frames/frame.js";
import { intList } from "../store/sql.js";
import type { Store } from "../store/store.js";
import { type Column, type FamilyComputer, type IndicatorDef, nullColumn } from "./indicator.js";

/**
 * cinc_a / cinc_b; null (NaN) when either is missing or not finite, or cinc_b is 0 (a ratio
 * with a zero denominator is undefined, never Infinity).
 */
export function cincRatio(cincA: number | null, cincB: number | null): number {
  if (cincA === null || cincB === null) return Number.NaN;
  if (!Number.isFinite(cincA) || !Number.isFinite(cincB) || cincB === 0) return Number.NaN;
  return cincA / cincB;
}

const SOURCE = "COW National Material Capabilities v7.0 (table nmc, column cinc)";
const CITATION =
  'Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, Uncertainty, and Major Power War, 1820-1965." In Bruce Russett (ed.), Peace, War, and Numbers. Beverly Hills: Sage, 19-48; Singer, J. David. 1987. "Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816-1985." International Interactions 14: 115-32.';

const def = (name: string, description: string, unit: string): IndicatorDef => ({
  name,
  family: "cinc",
  description,
  unit,
  source: SOURCE,
  citation: CITATION,
});

export const cincFamily: FamilyComputer = {
  family: "cinc",
  indicators: [
    def(
      "cinc_a",
      "Composite Index of National Capability of state a in the year.",
      "share of system total",
    ),
    def(
      "cinc_b",
      "Composite Index of National Capability of state b in the year.",
      "share of system total",
    ),
    def(
      "cinc_ratio",
      "CINC of state a divided by CINC of state b (above 1: a is the stronger).",
      "ratio (unitless)",
    ),
  ],
  async compute(store: Store, frame: Frame): Promise<Record<string, Column>> {
    const ca = nullColumn(frame);
    const cb = nullColumn(frame);
    const ratio = nullColumn(frame);
    const out = { cinc_a: ca, cinc_b: cb, cinc_ratio: ratio };
    if (frame.length === 0) return out;

    const bounds = frameBounds(frame);
    const stateFilter = bounds.states ? ` AND ccode IN (${intList(bounds.states)})` : "";
    const rows = await store.query<{ ccode: number; year: number; cinc: number }>(
      `SELECT ccode, year, cinc FROM nmc
       WHERE year BETWEEN $1 AND $2 AND cinc IS NOT NULL${stateFilter}`,
      [bounds.from, bounds.to],
    );
    const cinc = new Map<number, number>();
    for (const r of rows) cinc.set(stateYearKey(Number(r.ccode), Number(r.year)), Number(r.cinc));

    for (let i = 0; i < frame.length; i++) {
      const year = frame.year[i] as number;
      const a = cinc.get(stateYearKey(frame.a[i] as number, year)) ?? null;
      const b = cinc.get(stateYearKey(frame.b[i] as number, year)) ?? null;
      if (a !== null) ca[i] = a;
      if (b !== null) cb[i] = b;
      ratio[i] = cincRatio(a, b);
    }
    return out;
  },
};
