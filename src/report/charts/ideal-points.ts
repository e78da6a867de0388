import type { Chart, ChartOptions } from "./chart.js";
import { PALETTE } from "./chart.js";
import { baseSpec, dec4, fmt, YEAR_AXIS } from "./common.js";
import { legendFits } from "./lines.js";

/** One state's ideal point in the session opened in a year. */
export interface IdealPointSeriesRow {
  readonly ccode: number;
  readonly year: number;
  readonly idealPoint: number;
  readonly se: number;
}

/** The reference states drawn beside the pair: the USA, the United Kingdom and India. */
export const IDEAL_REFERENCES: ReadonlyArray<readonly [number, string]> = [
  [2, "United States"],
  [200, "United Kingdom"],
  [750, "India"],
];

/**
 * UN ideal points over the years: the pair's two states and the reference states, each a line
 * with a 95% band (± 1.96 standard errors). Reference states already in the pair are not repeated.
 */
export function idealPointsChart(
  rows: readonly IdealPointSeriesRow[],
  states: { readonly a: number; readonly b: number },
  opts: ChartOptions,
): Chart {
  const series: Array<readonly [number, string]> = [
    [states.a, opts.a],
    [states.b, opts.b],
    ...IDEAL_REFERENCES.filter(([c]) => c !== states.a && c !== states.b),
  ];
  const label = new Map(series);
  const values = rows
    .filter((r) => label.has(r.ccode))
    .sort((x, y) => x.year - y.year || x.ccode - y.ccode)
    .map((r) => ({
      t: r.year,
      series: label.get(r.ccode) as string,
      value: dec4(r.idealPoint),
      lo: dec4(r.idealPoint - 1.96 * r.se),
      hi: dec4(r.idealPoint + 1.96 * r.se),
      desc: `${label.get(r.ccode)}, ${r.year}: ${fmt(r.idealPoint)} (95% band ${fmt(r.idealPoint - 1.96 * r.se)} to ${fmt(r.idealPoint + 1.96 * r.se)})`,
    }));
  const hasData =
    values.some((v) => v.series === opts.a) || values.some((v) => v.series === opts.b);
  const title = `UN ideal points: ${opts.a} and ${opts.b}`;
  const last = (name: string) => [...values].reverse().find((v) => v.series === name);
  const la = last(opts.a);
  const lb = last(opts.b);
  const description = hasData
    ? `Positions on the dimension of UN General Assembly voting (higher: closer to the United States), with 95% bands, for ${opts.a}, ${opts.b} and, for reference, ${IDEAL_REFERENCES.map(([, n]) => n).join(", ")}${la ? `; ${opts.a} ${fmt(la.value)} in ${la.t}` : ""}${lb ? `; ${opts.b} ${fmt(lb.value)} in ${lb.t}` : ""}.`
    : `No ideal points of ${opts.a} and ${opts.b} in the stored fit for these years.`;
  const domain = series.map(([, n]) => n);
  const ts = values.map((v) => v.t);
  const lows = values.map((v) => v.lo);
  const highs = values.map((v) => v.hi);
  const x = {
    field: "t",
    type: "quantitative" as const,
    scale: {
      domain: ts.length ? [Math.min(...ts), Math.max(...ts)] : [0, 1],
      nice: false,
      zero: false,
      padding: 8,
    },
    axis: YEAR_AXIS,
  };
  const y = {
    field: "value",
    type: "quantitative" as const,
    scale: {
      domain: lows.length
        ? [Math.floor(Math.min(...lows)), Math.ceil(Math.max(...highs))]
        : [-1, 1],
      nice: false,
      zero: false,
    },
    axis: { title: "Ideal point (sd)", format: ".1f", tickCount: 5 },
  };
  const color = {
    field: "series",
    type: "nominal" as const,
    scale: { domain, range: PALETTE.slice(0, domain.length) },
    legend: { symbolType: "stroke", ...(legendFits(domain) ? {} : { columns: 1 }) },
  };
  return {
    id: "ideal-points",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      layer: [
        {
          name: "bands",
          mark: { type: "area", opacity: 0.15 },
          encoding: {
            x,
            y: { field: "lo", type: "quantitative", scale: y.scale, axis: y.axis },
            y2: { field: "hi" },
            color: { ...color, legend: null },
            description: { field: "series", type: "nominal" },
          },
        },
        {
          name: "lines",
          mark: { type: "line" },
          encoding: { x, y, color, description: { field: "series", type: "nominal" } },
        },
        {
          name: "points",
          mark: { type: "point", filled: true, size: 12 },
          encoding: {
            x,
            y,
            color,
            description: { field: "desc", type: "nominal" },
            tooltip: [
              { field: "t", type: "quantitative", title: "Year" },
              { field: "series", type: "nominal", title: "State" },
              { field: "value", type: "quantitative", title: "Ideal point", format: ".2f" },
              { field: "lo", type: "quantitative", title: "95% low", format: ".2f" },
              { field: "hi", type: "quantitative", title: "95% high", format: ".2f" },
            ],
          },
        },
      ],
    },
  };
}
