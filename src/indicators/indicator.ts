import type { Frame, PeriodKind } from "../frames/frame.js";
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

/** Options every family receives; most ignore them. */
export interface ComputeOptions {
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
