import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import {
  anyValue,
  baseSpec,
  fmt,
  num,
  shown,
  type TimePoint,
  timeline,
  yearRuns,
} from "./common.js";
import { indexLines } from "./lines.js";

const SERIES = [
  { key: "cooperation_index", label: "Cooperation (0–1)" },
  { key: "hostility_index", label: "Hostility (0–1)" },
  { key: "alignment_index", label: "Net alignment (−1…+1)" },
] as const;

/**
 * The coverage of an index over the points: each distinct `<key>_coverage` label with the years
 * it holds ("un_pi+atop+igo+mid 1993–2014; missing igo+mid 2015–2023").
 */
export function coverageRuns(points: readonly TimePoint[], key: string): string {
  const byLabel = new Map<string, number[]>();
  for (const p of points) {
    const c = p.row[`${key}_coverage`];
    if (typeof c !== "string" || c === "") continue;
    const list = byLabel.get(c) ?? [];
    list.push(p.t);
    byLabel.set(c, list);
  }
  return [...byLabel].map(([label, years]) => `${label} ${yearRuns(years)}`).join("; ");
}

/**
 * The alignment profile over the years: cooperation, hostility and their difference. The lines
 * break where an index's core is incomplete; the subtitle-like description and the chart's
 * footnote say which components entered in which years.
 */
export function alignmentChart(rows: ChartRows, opts: ChartOptions): Chart {
  const keys = SERIES.map((s) => s.key);
  const points = shown(rows, keys);
  const hasData = anyValue(points, keys);
  const title = `Alignment profile: ${opts.a} and ${opts.b}`;
  const coverage = coverageRuns(timeline(rows), "alignment_index");
  const last = [...points].reverse().find((p) => num(p.row, "alignment_index") !== null);
  const description = hasData
    ? `Cooperation, hostility and net alignment of ${opts.a} and ${opts.b}${last ? `; net alignment ${fmt(num(last.row, "alignment_index") as number)} in ${last.label}, the latest year with every component` : ""}. Components by year: ${coverage}.`
    : `No year with the alignment indices' components for ${opts.a} and ${opts.b}${coverage ? ` (${coverage})` : ""}.`;
  const { values, lines } = indexLines(points, SERIES, opts.trends);
  return {
    id: "alignment",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      // The coverage under the title, so that a printed chart says what it is made of.
      title: { text: title, subtitle: coverage ? `Components: ${coverage}` : "" },
      data: { values },
      ...lines,
    },
  };
}
