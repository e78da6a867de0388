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
  "igo",
  "contiguity",
  "mid",
  "gdelt",
  "icews",
  "icews_dy",
  "un_ideal",
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
  /**
   * Costly to compute (bootstrap intervals): part of a selection only when named, or when the
   * caller asks for intervals; never part of a family's or the default "all" otherwise.
   */
  readonly onRequest?: boolean;
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
  /** Row (a, b) describes a → b only (directed panels); otherwise both directions. */
  readonly directed?: boolean;
  /** Sub-year periods (event data): absent for a dyad-year frame. */
  readonly period?: { readonly kind: Exclude<PeriodKind, "year">; readonly code: Int32Array };
}

export const PERIOD_KINDS = ["year", "quarter", "month"] as const;
/** The unit of time of a frame's rows (`--period`). */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function periodKind(frame: Frame): PeriodKind {
  return frame.period?.kind ?? "year";
}

/** The period code of row i: YYYY, YYYYQ (year*10 + quarter) or YYYYMM (year*100 + month). */
export function periodCode(frame: Frame, i: number): number {
  return frame.period ? (frame.period.code[i] as number) : (frame.year[i] as number);
}

/** How a period code is written: "2016", "2016-Q2", "2016-05". */
export function periodLabel(kind: PeriodKind, code: number): string {
  if (kind === "year") return String(code);
  if (kind === "quarter") return `${Math.floor(code / 10)}-Q${code % 10}`;
  return `${Math.floor(code / 100)}-${String(code % 100).padStart(2, "0")}`;
}

/**
 * Which UN General Assembly votes the UN family reads (docs/indicators.md, "Which votes"):
 * `auto` Voeten's roll calls (un_votes) up to the last date they hold and the UN Digital
 * Library's votes (undl_votes) after it; `voeten` or `undl` only the one source.
 */
export const UN_VOTE_SOURCES = ["auto", "voeten", "undl"] as const;
export type UnVoteSource = (typeof UN_VOTE_SOURCES)[number];

/** Options every family receives; most ignore them. */
export interface ComputeOptions {
  /** UN votes: which source (default auto). */
  readonly unVotes?: UnVoteSource;
  /** GDELT counts reports, not events (PITFALLS.md): restrict to root events / well-sourced ones. */
  readonly events?: EventFilter;
  /** The indicators the caller needs; a family may skip costly columns not in it (left null). */
  readonly wanted?: ReadonlySet<string>;
}

export interface EventFilter {
  readonly rootOnly?: boolean;
  readonly minSources?: number;
  readonly minArticles?: number;
}

/**
 * Values of one indicator aligned with the frame: NaN means null (no data for that dyad-year).
 * Families never write Infinity; a ratio with a zero denominator is NaN.
 */
export type Column = Float64Array;

export interface FamilyComputer {
  readonly family: Family;
  readonly indicators: readonly IndicatorDef[];
  /** Periods the family can fill (default: years only). */
  readonly periods?: readonly PeriodKind[];
  /**
   * Computed only when named in `--indicators` (by family or indicator), never by default: its
   * input is made by a separate command (un_ideal: a stored fit of `entente ideal-points`).
   */
  readonly optIn?: boolean;
  /** Fill one column per indicator for every frame row (NaN = null). */
  compute(store: Store, frame: Frame, opts?: ComputeOptions): Promise<Record<string, Column>>;
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
