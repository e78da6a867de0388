/**
 * The result of `dyad()`: the shape of `entente dyad --format json` and `GET /api/dyads/:a/:b`.
 * Its own module so that the trends of a result (dyad-trends.ts) and the function that builds
 * one (dyad.ts) can both name it without importing each other.
 */
import type { IndicatorDef } from "../indicators/indicator.js";
import type { LabelledChangepoint, LabelledSegment } from "../trends/labels.js";
import type { Trend } from "../trends/trend.js";
import type { PeriodKind } from "./frame.js";

export interface StateRef {
  ccode: number;
  iso3: string | null;
  name: string;
}

/** A row: keyed by `year`, or by `period` ("2016-Q2", "2016-05") for sub-year periods. */
export type DyadRow = Record<string, number | string | null>;

/** The shape of `entente dyad --format json` and `GET /api/dyads/:a/:b`. */
export interface DyadResult {
  dyad: { a: StateRef; b: StateRef; directed: boolean };
  /** The key of the rows: "year", "quarter" or "month" (rows then carry `period`). */
  period: PeriodKind;
  indicators: Array<Pick<IndicatorDef, "name" | "description" | "unit" | "source" | "citation">>;
  rows: DyadRow[];
  /**
   * What the reader must know about the states over these years (a historical code asked for
   * years after its state ended, years outside a state's system membership); empty when none.
   */
  notes: string[];
  /** Segments, change points and trends per indicator (docs/trends.md); absent with trends: false. */
  trends?: DyadTrends;
}

/** The `trends` block (dyad-trends.ts computes it; docs/trends.md). */
export type TrendChangepoint = LabelledChangepoint<string>;

export interface TrendSegment extends LabelledSegment<string> {
  readonly trend: Trend | null;
}

export interface IndicatorTrends {
  readonly name: string;
  readonly unit: string;
  /** Periods with a value, and without. */
  readonly n: number;
  readonly missing: number;
  readonly method: string;
  readonly penalty: { readonly name: string; readonly value: number } | null;
  readonly changepoints: TrendChangepoint[];
  readonly segments: TrendSegment[];
  readonly trend: Trend | null;
  /** Count indicators: P(a change at this period or later), for every period after the first. */
  readonly changeSince?: Array<{ readonly time: string; readonly p: number }>;
  /** Count indicators: whether the counts were divided by the source's volume. */
  readonly volumeNormalised?: boolean;
}

export interface DyadTrends {
  readonly period: DyadResult["period"];
  /** Time labels of the rows (indices in the blocks refer to these). */
  readonly times: string[];
  readonly indicators: IndicatorTrends[];
}
