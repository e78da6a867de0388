import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import { PALETTE } from "./chart.js";
import { anyValue, baseSpec, dec4, num, shown, span, whole, yearSpans } from "./common.js";

const KEY = "exercises_joint";

/** Joint military exercises of the two states per year, as bars. */
export function exercisesChart(rows: ChartRows, opts: ChartOptions): Chart {
  const points = shown(rows, [KEY]);
  const hasData = anyValue(points, [KEY]);
  const title = `Joint military exercises: ${opts.a} and ${opts.b}`;
  let total = 0;
  let most = 0;
  const mostAt: string[] = [];
  for (const p of points) {
    const v = num(p.row, KEY);
    if (v === null) continue;
    total += v;
    if (v > most) {
      most = v;
      mostAt.length = 0;
    }
    if (v === most && v > 0) mostAt.push(p.label);
  }
  const description = !hasData
    ? `No joint exercise data for ${opts.a} and ${opts.b}.`
    : total === 0
      ? `Joint military exercises of ${opts.a} and ${opts.b} per year, ${span(points)}: none recorded.`
      : `Joint military exercises of ${opts.a} and ${opts.b} per year, ${span(points)}: ${whole(total)} in total, at most ${whole(most)} a year (${mostAt.join(", ")}).`;

  const values = points.flatMap((p) => {
    const v = num(p.row, KEY);
    return v === null
      ? []
      : [
          {
            x0: dec4(p.t - 0.4),
            x1: dec4(p.t + 0.4),
            period: p.label,
            value: v,
            desc: `${p.label}: ${whole(v)} joint exercises`,
          },
        ];
  });
  return {
    id: "exercises",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      name: "bars",
      mark: { type: "bar", color: PALETTE[0] },
      encoding: {
        ...yearSpans(points),
        y2: { datum: 0 },
        y: {
          field: "value",
          type: "quantitative",
          scale: { domainMin: 0, domainMax: Math.max(most, 1), nice: true },
          axis: { title: "Exercises (count)", format: "d", tickMinStep: 1, tickCount: 5 },
        },
        description: { field: "desc", type: "nominal" },
        tooltip: [
          { field: "period", type: "nominal", title: "Year" },
          { field: "value", type: "quantitative", title: "Joint exercises" },
        ],
      },
    },
  };
}
