/**
 * The validation criteria of docs/validation.md, as pure functions over a dyad-year panel (rows
 * sorted by pair, then year, as createDyadYears builds them). Measured only on politically
 * relevant dyad-years: land- or river-contiguous that year (COW contiguity type 1) or one side a
 * COW major power (Maoz & Russett 1993; Lemke & Reed 2001).
 */
import { directedKey } from "../frames/frame.js";

export interface PanelView {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly year: Int32Array;
  readonly length: number;
  /** A column by indicator name (NaN = null). */
  col(name: string): Float64Array;
}

/** Major-power spells: [ccode, first year, last year]. */
export type MajorSpell = readonly [number, number, number];

export function majorLookup(
  spells: readonly MajorSpell[],
): (ccode: number, year: number) => boolean {
  return (c, y) => spells.some(([code, from, to]) => code === c && y >= from && y <= to);
}

/** 1 for a politically relevant dyad-year, 0 otherwise, NaN when contiguity is unknown. */
export function relevance(
  p: PanelView,
  major: (ccode: number, year: number) => boolean,
): Float64Array {
  const cont = p.col("contiguity_type");
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const y = p.year[i] as number;
    if (major(p.a[i] as number, y) || major(p.b[i] as number, y)) out[i] = 1;
    else out[i] = Number.isNaN(cont[i] as number) ? Number.NaN : cont[i] === 1 ? 1 : 0;
  }
  return out;
}

/** Row of each (pair, year), to look years ahead. */
export function rowIndex(p: PanelView): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < p.length; i++) {
    const a = p.a[i] as number;
    const b = p.b[i] as number;
    m.set(
      a < b ? directedKey(a, b, p.year[i] as number) : directedKey(b, a, p.year[i] as number),
      i,
    );
  }
  return m;
}

const ATOP = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"];

/** 1 when the pair has any ATOP obligation in row i, 0 when none, NaN when ATOP does not cover it. */
export function anyAtop(p: PanelView): Float64Array {
  const cols = ATOP.map((n) => p.col(n));
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    let any = 0;
    for (const c of cols) {
      const v = c[i] as number;
      if (Number.isNaN(v)) {
        any = Number.NaN;
        break;
      }
      if (v === 1) any = 1;
    }
    out[i] = any;
  }
  return out;
}

/**
 * For each row, whether `event` (1/0/NaN per row) is 1 in any of the years t+1…t+horizon of the
 * same pair: 1 if so, 0 if every one of those years is known and 0, NaN otherwise (a year not in
 * the panel or not covered).
 */
export function ahead(
  p: PanelView,
  index: ReadonlyMap<number, number>,
  event: Float64Array,
  horizon: number,
): Float64Array {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const a = Math.min(p.a[i] as number, p.b[i] as number);
    const b = Math.max(p.a[i] as number, p.b[i] as number);
    const y = p.year[i] as number;
    let v = 0;
    for (let t = y + 1; t <= y + horizon; t++) {
      const j = index.get(directedKey(a, b, t));
      const e = j === undefined ? Number.NaN : (event[j] as number);
      if (e === 1) {
        v = 1;
        break;
      }
      if (Number.isNaN(e)) v = Number.NaN;
    }
    out[i] = v;
  }
  return out;
}

/** Rivalry spells from a list: [lo, hi, first year, last year]. */
export type RivalrySpell = readonly [number, number, number, number];

/** 1 when row i falls in a listed rivalry spell of its pair, else 0. */
export function listedRival(p: PanelView, spells: readonly RivalrySpell[]): Float64Array {
  const byPair = new Map<number, Array<[number, number]>>();
  for (const [x, y, from, to] of spells) {
    const k = Math.min(x, y) * 1000 + Math.max(x, y);
    const list = byPair.get(k) ?? [];
    list.push([from, to]);
    byPair.set(k, list);
  }
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const k =
      Math.min(p.a[i] as number, p.b[i] as number) * 1000 +
      Math.max(p.a[i] as number, p.b[i] as number);
    const y = p.year[i] as number;
    out[i] = (byPair.get(k) ?? []).some(([f, t]) => y >= f && y <= t) ? 1 : 0;
  }
  return out;
}
