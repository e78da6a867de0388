import type { Chart, ChartOptions, ChartRows } from "./chart.js";
import {
  anyValue,
  baseSpec,
  fmt,
  num,
  span,
  timeDomain,
  timeline,
  trimmed,
  whole,
  YEAR_AXIS,
} from "./common.js";
import { seriesLines, seriesValues } from "./lines.js";

const SOURCES = [
  { name: "GDELT", key: "gdelt_net_coop", events: "gdelt_events" },
  { name: "ICEWS", key: "icews_net_coop", events: "icews_events" },
] as const;

/**
 * Net cooperation (cooperative minus conflictual share of events, −1…+1) per year, or per period
 * when the rows carry `period` ("2016-Q2", "2016-05"), for the event sources that have data.
 */
export function eventsChart(rows: ChartRows, opts: ChartOptions): Chart {
  const all = timeline(rows);
  const sources = SOURCES.filter((s) => anyValue(all, [s.key]));
  const keys = sources.map((s) => s.key);
  const t = trimmed(all, keys);
  const points = t.length ? t : all;
  const hasData = sources.length > 0;
  const byPeriod = points.some((p) => p.label !== String(p.t));
  const title = `Event data: cooperation between ${opts.a} and ${opts.b}`;
  const parts: string[] = [];
  for (const s of sources) {
    const have = points.filter((p) => num(p.row, s.key) !== null);
    const vals = have.map((p) => num(p.row, s.key) as number);
    const last = have[have.length - 1];
    if (!last) continue;
    const mean = vals.reduce((x, y) => x + y, 0) / vals.length;
    const counts = have.map((p) => num(p.row, s.events));
    const n = counts.every((c) => c !== null)
      ? counts.reduce((x, y) => (x ?? 0) + (y ?? 0), 0)
      : null;
    parts.push(
      `${s.name} mean ${fmt(mean, 2, true)}, latest ${fmt(vals[vals.length - 1] as number, 2, true)} (${last.label})` +
        (n === null ? "" : `, over ${whole(n)} events`),
    );
  }
  const description = hasData
    ? `Net cooperation between ${opts.a} and ${opts.b} in event data (share of cooperative minus conflictual events, −1…+1) per ${byPeriod ? "period" : "year"}, ${span(points)}: ${parts.join("; ")}.`
    : `No GDELT or ICEWS event data for ${opts.a} and ${opts.b}.`;

  const values = seriesValues(
    points,
    sources.map((s) => ({ key: s.key, label: s.name })),
    (_, shown) => fmt(shown, 2, true),
  );
  return {
    id: "events",
    title,
    description,
    hasData,
    spec: {
      ...baseSpec(title, description),
      data: { values },
      ...seriesLines({
        // quarters and months: whole years, so the axis has year ticks at both ends
        xDomain: byPeriod ? yearBounds(timeDomain(points, 0)) : timeDomain(points, 0),
        xAxis: YEAR_AXIS,
        yDomain: [-1, 1],
        yTitle: "Net cooperation (−1…+1)",
        series: sources.map((s) => s.name),
        zeroRule: true,
        yAxisFormat: ".1f",
      }),
    },
  };
}

function yearBounds([lo, hi]: [number, number]): [number, number] {
  const from = Math.floor(lo);
  return [from, Math.max(Math.ceil(hi), from + 1)];
}

/** Whether any row has a GDELT or ICEWS value (of any indicator of those families). */
export function hasEventData(rows: ChartRows): boolean {
  return rows.some((row) =>
    Object.entries(row).some(
      ([k, v]) =>
        (k.startsWith("gdelt_") || k.startsWith("icews_")) &&
        typeof v === "number" &&
        Number.isFinite(v),
    ),
  );
}
