import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import { anyValue, baseSpec, fmt, num, shown, span } from "./common.js";
import { indexLines } from "./lines.js";

const SERIES = [
  { key: "un_agree", label: "Agreement index (0–1)", words: "agreement" },
  { key: "un_kappa", label: "Cohen's kappa (−1…+1)", words: "Cohen's kappa" },
] as const;

/** UN General Assembly voting agreement (un_agree) and Cohen's kappa (un_kappa) over the years. */
export function unVotingChart(rows: ChartRows, opts: ChartOptions): Chart {
  const keys = SERIES.map((s) => s.key);
  const points = shown(rows, keys);
  const hasData = anyValue(points, keys);
  const title = `UN General Assembly voting: ${opts.a} and ${opts.b}`;
  const parts: string[] = [];
  for (const s of SERIES) {
    const vals = points.map((p) => num(p.row, s.key)).filter((v): v is number => v !== null);
    if (vals.length === 0) continue;
    const lo = Math.min(...vals);
    const hi = Math.max(...vals);
    parts.push(
      lo === hi ? `${s.words} was ${fmt(lo)}` : `${s.words} ranged from ${fmt(lo)} to ${fmt(hi)}`,
    );
  }
  const description = hasData
    ? `UN General Assembly voting agreement of ${opts.a} and ${opts.b}, ${span(points)}; ${parts.join("; ")}.`
    : `No UN General Assembly voting data for ${opts.a} and ${opts.b}.`;

  const { values, lines } = indexLines(points, SERIES, opts.trends);
  return {
    id: "un-voting",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      ...lines,
    },
  };
}
