/** Helpers shared by the chart functions: reading rows, the time axis, numbers in specs and words. */
import type { TopLevelSpec } from "vega-lite";
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartRow, type ChartRows } from "./chart.js";

/** Vega-Lite spec parts, derived from the public TopLevelSpec type. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>["layer"][number];
export type UnitLayer = Extract<Layer, { mark: unknown }>;
export type Encoding = NonNullable<UnitLayer["encoding"]>;
export type XAxis = Extract<
  NonNullable<Encoding["x"]>,
  { field?: unknown; axis?: unknown }
>["axis"];

/** A finite number in the row, else null (missing key, null, string, NaN). */
export function num(row: ChartRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Round to 4 significant digits for the data passed into specs (stable output); −0 → 0. */
export function sig4(x: number): number {
  return Number(x.toPrecision(4)) || 0;
}

/** Round to 4 decimals (time positions and values on fixed −1…+1 scales). */
export function dec4(x: number): number {
  return Math.round(x * 1e4) / 1e4 || 0;
}

/** A row placed on the time axis: t in fractional years (the middle of a quarter or month). */
export interface TimePoint {
  readonly t: number;
  /** "2015", "2016-Q2" or "2016-05". */
  readonly label: string;
  readonly row: ChartRow;
}

const PERIOD = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export function timeOf(row: ChartRow): { t: number; label: string } | null {
  const year = row.year;
  if (typeof year === "number" && Number.isFinite(year)) return { t: year, label: String(year) };
  const period = row.period ?? (typeof year === "string" ? year : null);
  if (typeof period !== "string") return null;
  const m = PERIOD.exec(period);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2] !== undefined) return { t: dec4(y + (Number(m[2]) - 0.5) / 4), label: period };
  if (m[3] !== undefined) return { t: dec4(y + (Number(m[3]) - 0.5) / 12), label: period };
  return { t: y, label: period };
}

/** The rows on the time axis, in time order (rows without a year or period are dropped). */
export function timeline(rows: ChartRows): TimePoint[] {
  const out: TimePoint[] = [];
  for (const row of rows) {
    const at = timeOf(row);
    if (at) out.push({ ...at, row });
  }
  return out.sort((p, q) => p.t - q.t);
}

/** Whether some row has a number in one of the columns. */
export function anyValue(points: readonly TimePoint[], keys: readonly string[]): boolean {
  return points.some((p) => keys.some((k) => num(p.row, k) !== null));
}

/** The points from the first to the last one with a value in one of the columns ([] if none). */
export function trimmed(points: readonly TimePoint[], keys: readonly string[]): TimePoint[] {
  const has = (p: TimePoint) => keys.some((k) => num(p.row, k) !== null);
  const first = points.findIndex(has);
  if (first < 0) return [];
  let last = points.length - 1;
  while (last > first && !has(points[last] as TimePoint)) last--;
  return points.slice(first, last + 1);
}

/**
 * The points a chart shows: trimmed to the data (leading and trailing years without any value
 * dropped), or all points when no row has data (so an empty chart still shows its years).
 */
export function shown(rows: ChartRows, keys: readonly string[]): TimePoint[] {
  const all = timeline(rows);
  const t = trimmed(all, keys);
  return t.length ? t : all;
}

/** "1992–2015", or "2015" for one point, or "" for none. */
export function span(points: readonly TimePoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return "";
  return first.label === last.label ? first.label : `${first.label}–${last.label}`;
}

/** Collapse sorted integer years into runs: [2001, 2002, 2003, 2007] → "2001–2003, 2007". */
export function yearRuns(years: readonly number[]): string {
  const runs: string[] = [];
  let i = 0;
  while (i < years.length) {
    let j = i;
    while (j + 1 < years.length && (years[j + 1] as number) === (years[j] as number) + 1) j++;
    runs.push(i === j ? String(years[i]) : `${years[i]}–${years[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

const MINUS = "\u2212";

/** A number for descriptions: fixed decimals, a real minus sign, optional explicit plus. */
export function fmt(x: number, digits = 2, plus = false): string {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return s;
  return x < 0 ? `${MINUS}${s}` : plus ? `+${s}` : s;
}

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A whole number with thousands separators ("31,500"). */
export function whole(x: number): string {
  return GROUPED.format(Math.round(x));
}

/** Percent with one decimal ("11.3%") from a share 0–1. */
export function pct(share: number): string {
  return `${fmt(share * 100, 1)}%`;
}

/** The spec keys every chart shares. */
export function baseSpec(title: string, description: string) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    description,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: "fit", contains: "padding" },
    config: CHART_CONFIG,
  } as const;
}

/**
 * The x scale domain for the time axis: the first to the last point, with half a year either side
 * for bars and cells (`pad`), and never empty.
 */
export function timeDomain(points: readonly TimePoint[], pad: number): [number, number] {
  if (points.length === 0) return [0, 1];
  const lo = (points[0] as TimePoint).t;
  const hi = (points[points.length - 1] as TimePoint).t;
  const p = lo === hi ? Math.max(pad, 0.5) : pad;
  return [dec4(lo - p), dec4(hi + p)];
}

/**
 * The x of bars and cells that span years: from `x0` to `x1` of each data row, on a year axis
 * padded half a year either side.
 */
export function yearSpans(points: readonly TimePoint[]): Pick<Encoding, "x" | "x2"> {
  return {
    x: {
      field: "x0",
      type: "quantitative",
      scale: { domain: timeDomain(points, 0.5), nice: false, zero: false },
      axis: YEAR_AXIS,
    },
    x2: { field: "x1" },
  };
}

/** The x axis of a time chart: years as integers, never fractional ticks. */
export const YEAR_AXIS: XAxis = {
  title: "Year",
  format: "d",
  tickMinStep: 1,
  grid: false,
  labelOverlap: true,
};
