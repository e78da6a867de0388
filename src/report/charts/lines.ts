/** The line-chart layers shared by the time-series charts: one line with points per series. */
import { CHART_PADDING, CHART_WIDTH, PALETTE } from "./chart.js";
import type { Encoding, Layer, XAxis } from "./common.js";
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
  return { layer };
}
