import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import { PALETTE } from "./chart.js";
import { anyValue, baseSpec, dec4, num, shown, sig4, span, whole, yearSpans } from "./common.js";
import { legendFits } from "./lines.js";

/** Arms deliveries a → b and b → a per year (SIPRI trend-indicator values, million), as bars. */
export function armsChart(rows: ChartRows, opts: ChartOptions): Chart {
  const series = [
    { key: "arms_tiv_a_to_b", label: `${opts.a} → ${opts.b}`, words: `${opts.a} to ${opts.b}` },
    { key: "arms_tiv_b_to_a", label: `${opts.b} → ${opts.a}`, words: `${opts.b} to ${opts.a}` },
  ];
  const keys = series.map((s) => s.key);
  const points = shown(rows, keys);
  const hasData = anyValue(points, keys);
  const title = `Arms deliveries between ${opts.a} and ${opts.b}`;
  const parts: string[] = [];
  for (const s of series) {
    const have = points.filter((p) => num(p.row, s.key) !== null);
    if (have.length === 0) continue;
    let total = 0;
    let peak = have[0] as (typeof have)[number];
    for (const p of have) {
      const v = num(p.row, s.key) as number;
      total += v;
      if (v > (num(peak.row, s.key) as number)) peak = p;
    }
    const peakValue = num(peak.row, s.key) as number;
    parts.push(
      peakValue > 0
        ? `${s.words} ${whole(total)} in total, most in ${peak.label} (${whole(peakValue)})`
        : `${s.words} none`,
    );
  }
  const description = hasData
    ? `Arms deliveries in SIPRI trend-indicator values (TIV, million), ${span(points)}: ${parts.join("; ")}.`
    : `No SIPRI arms transfer data for ${opts.a} and ${opts.b}.`;

  // Two bars per year side by side: a → b on the left half, b → a on the right half.
  const width = 0.4;
  const values = points.flatMap((p) =>
    series.flatMap((s, k) => {
      const v = num(p.row, s.key);
      if (v === null) return [];
      const x0 = dec4(p.t - width + k * width);
      const desc = `${p.label}: ${s.words} ${whole(v)} TIV million`;
      return [{ x0, x1: dec4(x0 + width), period: p.label, series: s.label, value: sig4(v), desc }];
    }),
  );
  const domain = series.map((s) => s.label);
  return {
    id: "arms",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      name: "bars",
      mark: { type: "bar" },
      encoding: {
        ...yearSpans(points),
        y2: { datum: 0 },
        y: {
          field: "value",
          type: "quantitative",
          scale: { zero: true },
          axis: { title: "Deliveries (TIV, million)", format: ",~r", tickCount: 5 },
        },
        color: {
          field: "series",
          type: "nominal",
          scale: { domain, range: [PALETTE[0], PALETTE[1]] },
          legend: legendFits(domain) ? {} : { columns: 1 },
        },
        description: { field: "desc", type: "nominal" },
        tooltip: [
          { field: "period", type: "nominal", title: "Year" },
          { field: "series", type: "nominal", title: "Direction" },
          { field: "value", type: "quantitative", title: "TIV (million)", format: ",.0f" },
        ],
      },
    },
  };
}
