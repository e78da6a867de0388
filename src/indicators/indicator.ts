import type { Store } from "../store/store.js";

/** Indicator families, usable as names in `--indicators`. */
export const FAMILIES = [
  "un",
  "atop",
  "cow",
  "trade",
  "arms",
  "exercises",
  "cinc",
  "composite",
] as const;
export type Family = (typeof FAMILIES)[number];

/** A documented output column, like a codebook entry. */
export interface IndicatorDef {
  readonly name: string;
  readonly family: Family;
  readonly description: string;
  readonly unit: string;
  /** Dataset(s) it is computed from. */
  readonly source: string;
  /** Reference for the dataset and for the measure. */
  readonly citation: string;
}

/**
 * The rows to fill: parallel arrays, one entry per dyad-year. `a` is the first state named (or
 * ccode1 of a panel), `b` the second. The frame never changes; families only fill columns.
 */
export interface Frame {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly year: Int32Array;
  readonly length: number;
}

/**
 * Values of one indicator aligned with the frame: NaN means null (no data for that dyad-year).
 * Families never write Infinity; a ratio with a zero denominator is NaN.
 */
export type Column = Float64Array;

export interface FamilyComputer {
  readonly family: Family;
  readonly indicators: readonly IndicatorDef[];
  /** Fill one column per indicator for every frame row (NaN = null). */
  compute(store: Store, frame: Frame): Promise<Record<string, Column>>;
}

export function nullColumn(frame: Frame): Column {
  return new Float64Array(frame.length).fill(Number.NaN);
}

/** Key of an ordered dyad-year (COW codes are below 1000). */
export function directedKey(a: number, b: number, year: number): number {
  return (a * 1000 + b) * 10000 + year;
}

/** Key of an unordered dyad-year: the same for (a, b) and (b, a). */
export function undirectedKey(a: number, b: number, year: number): number {
  return a < b ? directedKey(a, b, year) : directedKey(b, a, year);
}

/** Key of a state-year. */
export function stateYearKey(ccode: number, year: number): number {
  return ccode * 10000 + year;
}

export interface FrameBounds {
  readonly from: number;
  readonly to: number;
  /** The states in the frame, when few enough to filter SQL by; null for large frames. */
  readonly states: readonly number[] | null;
}

/** Year range and states of a frame, to restrict the SQL that feeds a family. */
export function frameBounds(frame: Frame, maxStates = 64): FrameBounds {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const states = new Set<number>();
  for (let i = 0; i < frame.length; i++) {
    const y = frame.year[i] as number;
    if (y < from) from = y;
    if (y > to) to = y;
    if (states.size <= maxStates) {
      states.add(frame.a[i] as number);
      states.add(frame.b[i] as number);
    }
  }
  if (frame.length === 0) return { from: 0, to: -1, states: [] };
  return { from, to, states: states.size > maxStates ? null : [...states].sort((x, y) => x - y) };
}

/** Build a frame from rows (tests, small requests). */
export function frameOf(rows: ReadonlyArray<readonly [number, number, number]>): Frame {
  const a = new Int32Array(rows.length);
  const b = new Int32Array(rows.length);
  const year = new Int32Array(rows.length);
  rows.forEach(([x, y, t], i) => {
    a[i] = x;
    b[i] = y;
    year[i] = t;
  });
  return { a, b, year, length: rows.length };
}
