import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import {
  anyValue,
  baseSpec,
  num,
  pct,
  shown,
  sig4,
  span,
  type TimePoint,
  timeDomain,
  YEAR_AXIS,
} from "./common.js";
import { changeMarks, markOption, seriesLines, seriesValues } from "./lines.js";

/** Each state's trade with the other as a share (%) of its total trade, over the years. */
export function tradeSharesChart(rows: ChartRows, opts: ChartOptions): Chart {
  const series = [
    { key: "trade_share_a", label: `${opts.b}'s share of ${opts.a}'s trade` },
    { key: "trade_share_b", label: `${opts.a}'s share of ${opts.b}'s trade` },
  ];
  const keys = series.map((s) => s.key);
  const points = shown(rows, keys);
  const hasData = anyValue(points, keys);
  const title = `Trade: ${opts.a} and ${opts.b} as each other's partners`;
  const parts: string[] = [];
  for (const s of series) {
    const have = points.filter((p) => num(p.row, s.key) !== null);
    const first = have[0];
    const last = have[have.length - 1];
    if (!first || !last) continue;
    const v = (p: TimePoint) => pct(num(p.row, s.key) as number);
    parts.push(
      first === last
        ? `${s.label} was ${v(first)} in ${first.label}`
        : `${s.label} went from ${v(first)} in ${first.label} to ${v(last)} in ${last.label}`,
    );
  }
  const description = hasData
    ? `Bilateral trade as a share of each state's total trade, ${span(points)}: ${parts.join("; ")}.`
    : `No trade data for ${opts.a} and ${opts.b}.`;

  const values = seriesValues(
    points,
    series,
    (raw) => pct(raw),
    (v) => v * 100,
  );
  const top = Math.max(1, ...values.map((v) => v.value ?? 0));
  return {
    id: "trade-shares",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      ...seriesLines({
        xDomain: timeDomain(points, 0),
        xAxis: YEAR_AXIS,
        yDomain: [0, niceCeil(top)],
        yTitle: "Share of total trade (%)",
        series: series.map((s) => s.label),
        yFormat: ".1f",
        yAxisFormat: "~r",
        ...markOption(changeMarks(opts.trends, series, (v) => v * 100)),
      }),
    },
  };
}

/** A round upper bound: 1, 2, 2.5, 5 or 10 times a power of ten, at or above x. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return sig4(m * p);
  return sig4(10 * p);
}
