import type { DyadTrends } from "../../frames/dyad-result.js";
/** The line-chart layers shared by the time-series charts: one line with points per series. */
import { CHART_PADDING, CHART_WIDTH, PALETTE } from "./chart.js";
import {
  type Encoding,
  fmt,
  type Layer,
  num,
  sig4,
  type TimePoint,
  timeDomain,
  type XAxis,
  YEAR_AXIS,
} from "./common.js";
import { textWidth } from "./text-width.js";

export interface SeriesLinesOptions {
  readonly xDomain: [number, number];
  readonly xAxis: XAxis;
  readonly yDomain: [number, number];
  readonly yTitle: string;
  /** Series labels, in legend and colour order. */
  readonly series: readonly string[];
  /** A reference line at y = 0. */
  readonly zeroRule?: boolean;
  /** d3 format of tooltip values (default ".2f"). */
  readonly yFormat?: string;
  /** d3 format of the y axis labels (default: yFormat). */
  readonly yAxisFormat?: string;
  /** Change points and segment means to mark (from the dyad's trends block). */
  readonly marks?: ChangeMarks;
}

/** Change points (a vertical dotted rule at the first year of the new segment) and segment means. */
export interface ChangeMarks {
  readonly changes: ReadonlyArray<{
    readonly t: number;
    readonly series: string;
    readonly desc: string;
  }>;
  readonly means: ReadonlyArray<{
    readonly t0: number;
    readonly t1: number;
    readonly y: number;
    readonly series: string;
    readonly desc: string;
  }>;
}

/** `{ marks }` when there are marks (exactOptionalPropertyTypes: no `marks: undefined`). */
export function markOption(marks: ChangeMarks | undefined): { marks?: ChangeMarks } {
  return marks ? { marks } : {};
}

/**
 * The marks of the listed series from a trends block, with `scale(v)` applied to values (the
 * trade chart plots percentages). Only series with at least one change point are marked.
 */
export function changeMarks(
  trends: DyadTrends | undefined,
  series: ReadonlyArray<{ readonly key: string; readonly label: string }>,
  scale: (v: number) => number = (v) => v,
): ChangeMarks | undefined {
  if (trends?.period !== "year") return undefined;
  const changes: Array<ChangeMarks["changes"][number]> = [];
  const means: Array<ChangeMarks["means"][number]> = [];
  for (const s of series) {
    const t = trends.indicators.find((x) => x.name === s.key);
    if (!t || t.changepoints.length === 0) continue;
    for (const c of t.changepoints) {
      changes.push({
        t: Number(c.time),
        series: s.label,
        desc: `${s.label}: change in ${c.time} (95% interval ${c.lowerTime}–${c.upperTime})`,
      });
    }
    for (const seg of t.segments) {
      means.push({
        t0: Number(seg.startTime),
        t1: Number(seg.endTime),
        y: Number(scale(seg.mean).toPrecision(4)),
        series: s.label,
        desc: `${s.label}: mean ${Number(scale(seg.mean).toPrecision(3))} in ${seg.startTime}–${seg.endTime}`,
      });
    }
  }
  return changes.length ? { changes, means } : undefined;
}

const DASHES = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 3, 2, 3],
];

/** Whether the legend entries fit side by side (symbol 30 px and gap 20 px around each label). */
export function legendFits(labels: readonly string[]): boolean {
  const total = labels.reduce((w, l) => w + textWidth(l, 11) + 50, 0);
  return total <= CHART_WIDTH - 2 * CHART_PADDING;
}

/** The accessible name of one point: "GDELT, 2016: 0.35". */
export function pointDesc(series: string, period: string, value: string | null): string {
  return `${series}, ${period}: ${value ?? "no data"}`;
}

/**
 * Layers over data rows `{ t, period, series, value, desc }` (desc: `pointDesc`) (value null = no data: the line breaks
 * there). Series differ in colour and dash, so they stay apart in greyscale print. Vega marks:
 * `lines_marks` (mark-line), `points_marks` (mark-symbol), `zero_marks` (mark-rule).
 */
export function seriesLines(o: SeriesLinesOptions): { layer: Layer[] } {
  const domain = [...o.series];
  const n = Math.max(domain.length, 1);
  const yFormat = o.yFormat ?? ".2f";
  const x: Encoding["x"] = {
    field: "t",
    type: "quantitative",
    // padding (px) keeps the first and last points clear of the plot edges
    scale: { domain: o.xDomain, nice: false, zero: false, padding: 8 },
    axis: o.xAxis,
  };
  const y: Encoding["y"] = {
    field: "value",
    type: "quantitative",
    scale: { domain: o.yDomain, nice: false, zero: false },
    axis: { title: o.yTitle, format: o.yAxisFormat ?? yFormat, tickCount: 5 },
  };
  const color: Encoding["color"] = {
    field: "series",
    type: "nominal",
    scale: { domain, range: PALETTE.slice(0, n) },
    // one row of legend entries when they fit the width, else one entry per line
    legend: { symbolType: "stroke", ...(legendFits(domain) ? {} : { columns: 1 }) },
  };
  const layer: Layer[] = [];
  if (o.zeroRule) {
    layer.push({
      name: "zero",
      data: { values: [{ zero: 0 }] },
      mark: { type: "rule", color: "#767676", strokeWidth: 1, aria: false },
      encoding: { y: { field: "zero", type: "quantitative" } },
    });
  }
  layer.push(
    {
      name: "lines",
      mark: { type: "line" },
      encoding: {
        x,
        y,
        color,
        // the accessible name of each line (vega's default lists the first point's fields)
        description: { field: "series", type: "nominal" },
        strokeDash: {
          field: "series",
          type: "nominal",
          scale: { domain, range: DASHES.slice(0, n) },
          legend: { symbolType: "stroke" },
        },
      },
    },
    {
      name: "points",
      mark: { type: "point", filled: true },
      encoding: {
        x,
        y,
        color,
        description: { field: "desc", type: "nominal" },
        tooltip: [
          { field: "period", type: "nominal", title: "Period" },
          { field: "series", type: "nominal", title: "Series" },
          { field: "value", type: "quantitative", title: "Value", format: yFormat },
        ],
      },
    },
  );
  if (o.marks) {
    layer.push(
      {
        name: "changes",
        data: { values: [...o.marks.changes] },
        mark: { type: "rule", strokeDash: [2, 3], strokeWidth: 1 },
        encoding: {
          x: { field: "t", type: "quantitative" },
          color,
          description: { field: "desc", type: "nominal" },
        },
      },
      {
        name: "means",
        data: { values: [...o.marks.means] },
        mark: { type: "rule", strokeWidth: 3, opacity: 0.35 },
        encoding: {
          x: { field: "t0", type: "quantitative" },
          x2: { field: "t1" },
          y: { field: "y", type: "quantitative" },
          color,
          description: { field: "desc", type: "nominal" },
        },
      },
    );
  }
  return { layer };
}

/** One data row of a line chart (`seriesLines`): a point of a series, with its accessible name. */
export interface SeriesValue {
  t: number;
  period: string;
  series: string;
  value: number | null;
  desc: string;
}

/**
 * The rows of line series over the points: each value scaled (`scale`, e.g. shares as per cent)
 * and rounded to 4 significant digits; `text(raw, shown)` writes it in the point's description.
 */
export function seriesValues(
  points: readonly TimePoint[],
  series: ReadonlyArray<{ readonly key: string; readonly label: string }>,
  text: (raw: number, shown: number) => string,
  scale: (v: number) => number = (v) => v,
): SeriesValue[] {
  return points.flatMap((p) =>
    series.map((s) => {
      const v = num(p.row, s.key);
      const value = v === null ? null : sig4(scale(v));
      return {
        t: p.t,
        period: p.label,
        series: s.label,
        value,
        desc: pointDesc(s.label, p.label, v === null || value === null ? null : text(v, value)),
      };
    }),
  );
}

/**
 * The data rows and line layers of yearly index series (at most 1; the axis goes below 0, with a
 * rule at 0, only when a value does): values to 4 significant digits, change points marked.
 */
export function indexLines(
  points: readonly TimePoint[],
  series: ReadonlyArray<{ readonly key: string; readonly label: string }>,
  trends: DyadTrends | undefined,
): { values: SeriesValue[]; lines: { layer: Layer[] } } {
  const values = seriesValues(points, series, (_, shown) => fmt(shown));
  const lows = values.map((v) => v.value).filter((v): v is number => v !== null);
  const yMin = Math.min(0, ...lows.map((v) => Math.floor(v * 10) / 10));
  const lines = seriesLines({
    xDomain: timeDomain(points, 0),
    xAxis: YEAR_AXIS,
    yDomain: [yMin, 1],
    yTitle: "Index",
    yAxisFormat: ".1f",
    series: series.map((s) => s.label),
    zeroRule: yMin < 0,
    ...markOption(changeMarks(trends, series)),
  });
  return { values, lines };
}
